package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.Dynamics;
import java.util.Set;

/**
 * The package's main job: runs the experiments the request asks for, in a fixed order, and hands their runs,
 * verdicts and plots to the command line. The order is that of results.json: the reduced runs per
 * configuration, the allocation property and the sweeps; then the full-model measurements (ladder, criterion
 * drift, saddle); then the full flow and SGD of each configuration. Reduced model (reconstruction).
 */
public final class ReproductionJob implements Job {
  /** A job for the command line. */
  public ReproductionJob() {}

  @Override
  public JobResult run(JobRequest request, ProgressSink progress) {
    Settings settings = Settings.of(request.mode());
    Context context = new Context(request.runs(), request.threads(), progress);
    Set<Dynamics> dynamics = request.dynamics();
    Outcome.Collector all = new Outcome.Collector();
    if (dynamics.contains(Dynamics.REDUCED)) {
      all.add(new ReducedRunsExperiment().run(settings, context));
      all.add(new AllocationExperiment().run(settings, context));
      all.add(new ConfigurationPropertyExperiment().run(settings, context));
      all.add(new SweepsExperiment().run(settings, context));
    }
    boolean full = dynamics.contains(Dynamics.FULL);
    boolean sgd = dynamics.contains(Dynamics.SGD);
    if (full) {
      all.add(new LadderExperiment().run(settings, context));
      all.add(new CriterionDriftExperiment().run(settings, context));
      all.add(new SaddleExperiment().run(settings, context));
    }
    FullFlowExperiment fullFlow = new FullFlowExperiment();
    SgdExperiment sgdRuns = new SgdExperiment();
    for (RunSpec spec : request.runs()) {
      if (full) {
        all.add(fullFlow.runOne(spec, settings, context));
      }
      if (sgd) {
        all.add(sgdRuns.runOne(spec, settings, context));
      }
    }
    Outcome outcome = all.outcome();
    return new JobResult(outcome.runs(), outcome.verdicts(), outcome.plots());
  }
}
