package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;

/** End boxes and certificates near the limit for any allocation (TrappingRegionProofTest's for the identity). */
final class RegionFixtures {
  private RegionFixtures() {}

  /**
   * A box of log coordinates around a state near the limit of {@code allocation}: on-task ω at ω*(1 − dw) and μ at
   * μ*(1 + dm) on the serving head, every other ω at {@code offOmega} and μ at {@code offMu}, each widened by 1e-12.
   */
  static List<Interval> endBox(ProblemConfig c, List<Integer> allocation, double dw, double dm, double offOmega,
      double offMu) {
    List<Interval> y = new ArrayList<>();
    for (int h = 0; h < c.heads(); h++) {
      for (int j = 0; j < c.tasks(); j++) {
        double w = allocation.get(j) == h ? OnTaskLoss.of(c, j).omegaStarApprox() * (1 - dw) : offOmega;
        y.add(Interval.around(Math.log(w), 1e-12));
      }
    }
    for (int h = 0; h < c.heads(); h++) {
      for (int i = 0; i < c.tasks(); i++) {
        double m = allocation.get(i) == h ? OnTaskLoss.of(c, i).muStarApprox() * (1 + dm) : offMu;
        y.add(Interval.around(Math.log(m), 1e-12));
      }
    }
    return y;
  }

  /** The region {@link TrappingRegion#around} sizes for that end box (growth 1.5) and its proof. */
  static TrappingRegionCertificate certificate(ProblemConfig c, List<Integer> allocation, double dw, double dm,
      double offOmega, double offMu) {
    return TrappingRegionProof.prove(TrappingRegion.around(c, Initialisations.paper(c), allocation,
        endBox(c, allocation, dw, dm, offOmega, offMu), 1.5));
  }

  /** The same region with {@code magnitudes} instead of its ranges, proved. */
  static TrappingRegionCertificate withMagnitudes(TrappingRegion b, List<Interval> magnitudes) {
    return TrappingRegionProof.prove(new TrappingRegion(b.config(), b.allocation(), b.signs(), magnitudes));
  }

  /** The only condition whose text starts with {@code prefix}. */
  static TrappingRegionCertificate.Condition condition(TrappingRegionCertificate cert, String prefix) {
    TrappingRegionCertificate.Condition found = null;
    for (TrappingRegionCertificate.Condition k : cert.conditions()) {
      if (k.what().startsWith(prefix)) {
        if (found != null) {
          throw new AssertionError("two conditions start with " + prefix);
        }
        found = k;
      }
    }
    if (found == null) {
      throw new AssertionError("no condition starts with " + prefix);
    }
    return found;
  }

  /** The unproved conditions, one a line, for failure messages. */
  static String failures(TrappingRegionCertificate cert) {
    StringBuilder sb = new StringBuilder();
    for (TrappingRegionCertificate.Condition f : cert.failures()) {
      sb.append("\n  ").append(f.what()).append(" ").append(f.enclosure());
    }
    return sb.toString();
  }
}
