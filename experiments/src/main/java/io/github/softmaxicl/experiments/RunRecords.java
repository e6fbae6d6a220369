package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.full.RunAnalysis;
import io.github.softmaxicl.numerics.full.TrajectoryPoint;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import java.util.ArrayList;
import java.util.List;

/** Maps computed runs (reduced, full flow, SGD) to the run records of results.json. */
final class RunRecords {
  private RunRecords() {}

  /** The record of a full-model run (full flow or SGD) with the reduced flow's prediction up to its end. */
  static RunRecord of(RunSpec spec, Dynamics dynamics, FullRun run, ReducedRun reduced) {
    List<TrajectorySample> samples = new ArrayList<>();
    for (TrajectoryPoint p : run.trajectory()) {
      samples.add(new TrajectorySample(p.t(), p.loss(), p.state().omegaArray(), p.state().muArray(),
          p.offStructureNorm()));
    }
    List<TrajectorySample> prediction = new ArrayList<>();
    for (var s : reduced.trajectory()) {
      if (s.time() <= run.tEnd()) {
        prediction.add(new TrajectorySample(s.time(), s.loss(), s.state().omegaArray(), s.state().muArray(),
            Double.NaN));
      }
    }
    // SGD's rate is adaptive (its schedule is the run's method): no single learning rate to record.
    IntegratorInfo integrator = dynamics == Dynamics.SGD
        ? new IntegratorInfo("sgd: " + run.method(), Double.NaN, Double.NaN, Double.NaN)
        : IntegratorInfo.ode(run.method(), run.relTol(), run.absTol());
    return RunRecord.builder(spec.name(), dynamics, run.config(), integrator)
        .init(spec.init(), run.initScale())
        .seed(run.seed())
        // The fixed sample's size for the flow (images included); the batch per step for SGD.
        .prompts((int) Math.min(Integer.MAX_VALUE, dynamics == Dynamics.SGD ? run.batch() : run.prompts()))
        .tEnd(run.tEnd())
        .losses(run.f0(), run.fFinal(), run.fStar())
        .phases(run.tWarmupEnd(), run.tEmergenceEnd(), RunAnalysis.halfSignalTimes(run.trajectory(), run.config()))
        .finalState(run.finalState().omegaArray(), run.finalState().muArray())
        .fullModel(run.offStructureNorm(), run.symmetrised())
        .freshLoss(run.fFresh(), run.fFreshSe())
        .saddle(run.escapeTime(), run.saddleRatePredicted(), run.saddleRateMeasured())
        .cost(run.evaluations(), run.wallSeconds())
        .trajectory(samples)
        .reducedPrediction(prediction)
        .build();
  }

  static RunRecord reduced(RunSpec spec, ReducedRun run) {
    List<TrajectorySample> samples = new ArrayList<>();
    for (var s : run.trajectory()) {
      samples.add(new TrajectorySample(s.time(), s.loss(), s.state().omegaArray(), s.state().muArray(), Double.NaN));
    }
    return RunRecord.builder(spec.name(), Dynamics.REDUCED, spec.config(),
            IntegratorInfo.ode(run.integratorName(), run.relTol(), run.absTol()))
        .init(spec.init(), spec.initScale())
        .seed(spec.seed())
        .prompts(null)
        .tEnd(run.tEnd())
        .losses(run.f0(), run.fFinal(), run.fStar())
        .phases(run.tWarmupEnd(), run.tEmergenceEnd(), run.halfSignalTimes())
        .finalState(run.omegaFinal(), run.muFinal())
        .cost(run.evaluations(), run.wallSeconds())
        .trajectory(samples)
        .build();
  }
}
