package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.JobRequest;
import io.github.softmaxicl.experiments.JobResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the output files are made from: the request, the job's result, versions and timing. The timing
 * fields ({@code started}, {@code wallSeconds}, the stage times) and the machine are the only inputs that differ between identical runs.
 *
 * @param request the resolved request
 * @param result the job's result
 * @param versions the build's versions
 * @param stamp the build's commit, the machine, the runtime libraries and the stage times
 * @param started when the run started
 * @param wallSeconds total wall time in seconds
 */
public record ReportData(JobRequest request, JobResult result, VersionInfo versions, RunStamp stamp,
    Instant started, double wallSeconds) {

  /** Validates. */
  public ReportData {
    Objects.requireNonNull(request);
    Objects.requireNonNull(result);
    Objects.requireNonNull(versions);
    Objects.requireNonNull(stamp);
    Objects.requireNonNull(started);
  }

  /** With the running build's stamp and no stage times (a job that announced no stages). */
  public ReportData(JobRequest request, JobResult result, VersionInfo versions, Instant started, double wallSeconds) {
    this(request, result, versions, RunStamp.current(List.of()), started, wallSeconds);
  }
}
