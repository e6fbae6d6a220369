package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import java.util.ArrayList;
import java.util.List;

/** Maps computed runs (reduced, full flow, SGD) to the run records of results.json. */
final class RunRecords {
  private RunRecords() {}

  /** The record of a full-model run (full flow or SGD) with the reduced flow's prediction up to its end. */
  static RunRecord of(RunSpec spec, Dynamics dynamics, FullRun run, ReducedRun reduced) {
    // The prediction's dense emergence samples make its close-up a curve too.
    List<TrajectorySample> prediction = byTime(reduced.trajectory(), reduced.emergenceSamples()).stream()
        .filter(s -> s.t() <= run.tEnd()).toList();
    // SGD's rate is adaptive (its schedule is the run's method): no single learning rate to record.
    IntegratorInfo integrator = dynamics == Dynamics.SGD
        ? new IntegratorInfo("sgd: " + run.method(), Double.NaN, Double.NaN, Double.NaN)
        : IntegratorInfo.ode(run.method(), run.relTol(), run.absTol());
    // The fixed sample's size for the flow (images included); the batch per step for SGD.
    int prompts = (int) Math.min(Integer.MAX_VALUE, dynamics == Dynamics.SGD ? run.batch() : run.prompts());
    FullModelSection full = new FullModelSection(prompts, run.symmetrised(), run.offStructureNorm(), run.fFresh(),
        run.fFreshSe(), run.escapeTime(), run.saddleRatePredicted(), run.saddleRateMeasured(), prediction);
    return RunRecord.builder(spec.name(), dynamics, run.config(), integrator)
        .init(spec.init(), run.initScale())
        .seed(run.seed())
        .tEnd(run.tEnd())
        .losses(run.f0(), run.fFinal(), run.fStar())
        .markers(run.markers())
        .finalState(run.finalState().omegaArray(), run.finalState().muArray())
        .fullModel(full)
        .cost(run.evaluations(), run.wallSeconds())
        .trajectory(run.trajectory())
        .emergenceSamples(run.emergenceSamples())
        .build();
  }

  /** The samples of two time-ordered lists in one time-ordered list (the first list's sample first on ties). */
  static List<TrajectorySample> byTime(List<TrajectorySample> a, List<TrajectorySample> b) {
    List<TrajectorySample> out = new ArrayList<>(a.size() + b.size());
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (j == b.size() || (i < a.size() && a.get(i).t() <= b.get(j).t())) {
        out.add(a.get(i++));
      } else {
        out.add(b.get(j++));
      }
    }
    return out;
  }

  static RunRecord reduced(RunSpec spec, ReducedRun run) {
    return RunRecord.builder(spec.name(), Dynamics.REDUCED, spec.config(),
            IntegratorInfo.ode(run.integratorName(), run.relTol(), run.absTol()))
        .init(spec.init(), spec.initScale())
        .seed(spec.seed())
        .tEnd(run.tEnd())
        .losses(run.f0(), run.fFinal(), run.fStar())
        .markers(run.markers())
        .finalState(run.omegaFinal(), run.muFinal())
        .cost(run.evaluations(), run.wallSeconds())
        .trajectory(run.trajectory())
        .emergenceSamples(run.emergenceSamples())
        .build();
  }
}
