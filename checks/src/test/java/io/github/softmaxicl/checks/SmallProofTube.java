package io.github.softmaxicl.checks;

import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.validated.LohnerTaylorIntegrator;
import io.github.softmaxicl.numerics.validated.ReducedLogTaylorField;
import io.github.softmaxicl.numerics.validated.ValidatedTube;
import io.github.softmaxicl.theory.Preset;

/**
 * The {@code small} preset's floating-point run and its validated tube to t_e + 5 with the proofs' settings, built
 * once per test JVM: the P2-proof and P3-proof check tests read the same tube (seconds of CPU each time).
 */
final class SmallProofTube {
  static final ReducedRun RUN;
  static final ReducedLogTaylorField FIELD;
  static final ValidatedTube TUBE;

  static {
    Preset p = Preset.SMALL;
    RUN = ReducedFlowRunner.run(p.config(), p.initialState(), p.defaultTEnd(), ReducedFlowOptions.defaults());
    FIELD = new ReducedLogTaylorField(RUN.config(), RUN.init());
    TUBE = LohnerTaylorIntegrator.integrate(FIELD, FIELD.startEnclosure(), RUN.markers().emergenceEnd() + 5.0,
        LohnerTaylorIntegrator.Settings.reducedFlowProof());
  }

  private SmallProofTube() {}
}
