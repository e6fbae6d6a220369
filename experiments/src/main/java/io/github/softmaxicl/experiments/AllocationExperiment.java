package io.github.softmaxicl.experiments;

import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.checks.AllocationProperty;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Claims;
import java.util.ArrayList;
import java.util.List;

/**
 * P3-allocation-property: draws the seeded random cases, integrates the reduced flow of each, and hands the
 * computed allocations to {@link AllocationProperty#verdict}.
 */
public final class AllocationExperiment implements Experiment {
  /**
   * Typical wall time in quick mode on the default job (all presets; here 40 seeded random starts), seconds: measured on the machine
   * of {@link ReproductionJob#TYPICAL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_QUICK_SECONDS = 2.2;

  /**
   * Typical wall time with {@code --full} on the default job, seconds, measured on the machine of {@link
   * ReproductionJob#TYPICAL_FULL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_FULL_SECONDS = 9.0;

  @Override
  public Outcome run(Settings settings, Context context) {
    int cases = settings.allocationCases();
    context.progress().message("P3 allocation property: " + cases + " seeded random starts");
    return Outcome.of(Failures.guard(Claims.P3_ALLOCATION_PROPERTY, "property", () -> {
      List<AllocationProperty.CaseResult> results = new ArrayList<>();
      for (int k = 0; k < cases; k++) {
        AllocationProperty.Case c = AllocationProperty.draw(settings.allocationFirstSeed() + k);
        ReducedRun run = ReducedFlowRunner.run(c.config(), c.init(), settings.allocationTEnd(),
            ReducedFlowOptions.defaults());
        results.add(new AllocationProperty.CaseResult(c, run.allocation(), run.markers().emergenceEnd()));
        context.progress().count("P3 allocation property", k + 1, cases);
      }
      return AllocationProperty.verdict(results, settings.allocationFirstSeed(), settings.allocationTEnd());
    }));
  }

  @Override
  public List<Claim> claims() {
    return List.of(Claims.P3_ALLOCATION_PROPERTY);
  }

  @Override
  public double typicalQuickSeconds() {
    return TYPICAL_QUICK_SECONDS;
  }

  @Override
  public double typicalFullSeconds() {
    return TYPICAL_FULL_SECONDS;
  }
}
