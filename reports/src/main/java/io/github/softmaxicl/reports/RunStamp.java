package io.github.softmaxicl.reports;

import java.util.List;

/**
 * Which code and machine produced an output: the build's commit, the machine, the runtime libraries and the
 * wall time of each stage. Written as results.json's {@code provenance} and at the top of the page.
 *
 * @param build commit and tree state, recorded at build time
 * @param machine JVM, OS and CPU
 * @param dependencies the runtime libraries with their versions
 * @param stages the job's stages with their wall times
 */
public record RunStamp(BuildStamp build, MachineInfo machine, List<RuntimeDependencies.Dependency> dependencies,
    List<StageTime> stages) {
  /** Copies the lists. */
  public RunStamp {
    dependencies = List.copyOf(dependencies);
    stages = List.copyOf(stages);
  }

  /** The running build and machine, with these stage times. */
  public static RunStamp current(List<StageTime> stages) {
    return new RunStamp(BuildStamp.current(), MachineInfo.current(), RuntimeDependencies.current(), stages);
  }
}
