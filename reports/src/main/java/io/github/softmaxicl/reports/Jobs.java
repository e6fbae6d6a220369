package io.github.softmaxicl.reports;

import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the {@link Job} of this build through {@link ServiceLoader}. */
public final class Jobs {
  private Jobs() {}

  /**
   * The job registered in {@code META-INF/services/io.github.softmaxicl.reports.Job}, or empty if none is.
   *
   * @throws IllegalStateException if more than one is registered (which one runs would be arbitrary)
   */
  public static Optional<Job> registered() {
    Iterator<Job> it = ServiceLoader.load(Job.class, Jobs.class.getClassLoader()).iterator();
    if (!it.hasNext()) {
      return Optional.empty();
    }
    Job job = it.next();
    if (it.hasNext()) {
      throw new IllegalStateException("more than one Job is registered: " + job.getClass().getName() + " and "
          + it.next().getClass().getName());
    }
    return Optional.of(job);
  }
}
