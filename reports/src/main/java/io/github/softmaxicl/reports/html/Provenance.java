package io.github.softmaxicl.reports.html;

import java.util.List;

/**
 * How the report was produced: the build's commit, the command line, mode, seed, versions, machine and clock.
 * Built from the package's request, version and stamp records in one adapter
 * ({@code io.github.softmaxicl.reports.ReportInputs}).
 *
 * @param arguments the command-line arguments after {@code ./reproduce}
 * @param started ISO-8601 start time (UTC)
 * @param build the commit and tree state, one line (e.g. "commit 0123…, clean tree")
 * @param buildTrusted true only when the commit is known and the tree was clean: the page marks anything else
 * @param seed the base seed of the run
 * @param machine JVM, OS, CPU and cores, one line
 * @param dependencies runtime libraries as {@code group:artifact:version}
 * @param stages the job's stages with their wall times
 */
public record Provenance(List<String> arguments, String mode, String dynamics, int threads, String name,
    String version, String java, String hipparchus, String ejml, String commonsRng, String started,
    double wallSeconds, String build, boolean buildTrusted, long seed, String machine, List<String> dependencies,
    List<Stage> stages) {
  /** Copies the lists. */
  public Provenance {
    arguments = List.copyOf(arguments);
    dependencies = List.copyOf(dependencies);
    stages = List.copyOf(stages);
  }

  /**
   * One stage of the job.
   *
   * @param name what ran
   * @param typicalQuickSeconds typical quick-mode time, NaN when not known
   * @param wallSeconds measured wall time, NaN when it did not finish
   */
  public record Stage(String name, double typicalQuickSeconds, double wallSeconds) {}
}
