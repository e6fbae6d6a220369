package io.github.softmaxicl.experiments;

/**
 * The computation behind a command-line invocation: integrates the requested runs, checks the claims and hands
 * back what the report shows. The command line's production path constructs {@link ReproductionJob} directly;
 * the interface is the seam through which the command line's tests substitute a synthetic job.
 *
 * <p>A job must not write files: the command line writes everything, atomically, from the {@link JobResult}.
 */
public interface Job {
  /**
   * Runs the request.
   *
   * @param request the resolved runs and options
   * @param progress where to report progress (stderr)
   * @return the run records, verdicts and sweeps
   * @throws io.github.softmaxicl.numerics.NumericalFailure if a computation failed (NaN, blow-up, evaluation limit)
   *     and was not turned into error verdicts: exit code 3, nothing written
   */
  JobResult run(JobRequest request, ProgressSink progress);
}
