package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.LeadingOrderFormula;
import io.github.softmaxicl.theory.LossCoefficients;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Step (b) of the limit proof ({@link LimitProof}) and the off-task ω facts: over the box state (on-task entries
 * in the per-task boxes, off-task μ = 0, off-task ω of serving heads = 0, every ω of heads serving no task in a
 * given interval), every off-task {@code ∂F/∂μ_i^h} is enclosed strictly above 0 and every off-task
 * {@code ∂F/∂ω_j^h} by exactly {@code [0, 0]}; the curvature {@code ∂²F/∂(ω_j^h)²} and the 1/t decay coefficient
 * {@code b = 4 A_hh/(n √D)} are enclosed. Evaluated with the general formula ({@link LeadingOrderFormula}) over
 * intervals. Reduced model (reconstruction).
 */
final class OffTaskProof {
  private OffTaskProof() {}

  /** Pieces into which a non-degenerate extra-head ω interval is cut (see {@link #prove}). */
  private static final int EXTRA_HEAD_PIECES = 256;

  /**
   * The enclosures with the reasons the step failed (empty if it succeeded).
   *
   * @param offTaskMu enclosures of the off-task {@code ∂F/∂μ}
   * @param offTaskOmega enclosures of the off-task {@code ∂F/∂ω}, curvature and decay coefficient
   * @param failures why a condition could not be proved
   */
  record Outcome(List<LimitCertificate.OffTaskMu> offTaskMu, List<LimitCertificate.OffTaskOmega> offTaskOmega,
      List<String> failures) {
    Outcome {
      offTaskMu = List.copyOf(offTaskMu);
      offTaskOmega = List.copyOf(offTaskOmega);
      failures = List.copyOf(failures);
    }
  }

  /**
   * Encloses the off-task first (and, for ω, second) derivatives over the box state. A non-degenerate interval for
   * the ω of heads serving no task is cut into pieces and the enclosures joined: evaluated in one piece, the
   * signal and variance terms of {@code ∂F/∂μ_i^h} cancel almost exactly near {@code ω = ω_i*} and the dependency
   * of interval arithmetic would lose their difference. This is valid because for such a head {@code h} every
   * derivative depends on its ω only through {@code ω_i^h} (the other heads' ω_j^i vanish exactly for j ≠ i), so
   * the hull over pieces encloses the derivative for every choice of the extra heads' ω in the interval.
   *
   * @throws ArithmeticException if an enclosure overflows
   */
  static Outcome prove(ProblemConfig config, List<TaskBox> boxes, Interval extraHeadOmega) {
    int n = config.tasks();
    int heads = config.heads();
    List<Interval> dMu = new ArrayList<>();
    List<Interval> dOmega = new ArrayList<>();
    List<Interval> curvature = new ArrayList<>();
    List<Interval> decay = new ArrayList<>();
    Interval nSqrtD = Interval.point(n).multiply(Interval.point(config.tokenDim()).sqrt());
    LossCoefficients<Interval> coefficients = IntervalCoefficients.of(config);
    for (Interval piece : pieces(config, extraHeadOmega)) {
      LeadingOrderFormula<Interval> f =
          LeadingOrderFormula.of(coefficients, stateOmega(config, boxes, piece), stateMu(config, boxes));
      int slot = 0;
      for (int h = 0; h < heads; h++) {
        for (int j = 0; j < n; j++) {
          if (h == j) {
            continue;
          }
          Interval b = h < n ? f.coupling(h, h).multiply(4.0).divide(nSqrtD) : Interval.ZERO;
          joinAt(dMu, slot, f.dMu(h, j));
          joinAt(dOmega, slot, f.dOmega(h, j));
          joinAt(curvature, slot, f.dOmegaOmega(h, j));
          joinAt(decay, slot, b);
          slot++;
        }
      }
    }
    List<LimitCertificate.OffTaskMu> mus = new ArrayList<>();
    List<LimitCertificate.OffTaskOmega> omegas = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int slot = 0;
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < n; j++) {
        if (h == j) {
          continue;
        }
        Interval dm = dMu.get(slot);
        Interval dw = dOmega.get(slot);
        mus.add(new LimitCertificate.OffTaskMu(h, j, dm));
        omegas.add(new LimitCertificate.OffTaskOmega(h, j, dw, curvature.get(slot), decay.get(slot)));
        slot++;
        if (!dm.isPositive()) {
          failures.add("dF/dmu not provably > 0 for head " + h + ", task " + j + ": " + dm);
        }
        // Exactly zero also for heads serving no task, whatever their ω: every term carries one of their μ = 0.
        if (!dw.isZero()) {
          failures.add("dF/domega not exactly 0 for head " + h + ", task " + j + ": " + dw);
        }
      }
    }
    return new Outcome(mus, omegas, failures);
  }

  private static List<Interval> pieces(ProblemConfig config, Interval extraHeadOmega) {
    List<Interval> pieces = new ArrayList<>();
    if (config.heads() == config.tasks() || extraHeadOmega.width() == 0.0) {
      pieces.add(extraHeadOmega);
      return pieces;
    }
    double lo = extraHeadOmega.lo();
    double hi = extraHeadOmega.hi();
    double previous = lo;
    for (int k = 1; k <= EXTRA_HEAD_PIECES; k++) {
      // Consecutive pieces share their endpoint, so they cover [lo, hi] whatever the rounding of the cut points.
      double next = k == EXTRA_HEAD_PIECES ? hi : Math.max(previous, lo + (hi - lo) * k / EXTRA_HEAD_PIECES);
      pieces.add(Interval.of(previous, Math.min(next, hi)));
      previous = Math.min(next, hi);
    }
    return pieces;
  }

  private static void joinAt(List<Interval> list, int slot, Interval x) {
    if (slot == list.size()) {
      list.add(x);
    } else {
      list.set(slot, list.get(slot).hull(x));
    }
  }

  /** ω of the limit state: box on-task, 0 off-task for serving heads, {@code extra} for heads serving none. */
  private static List<List<Interval>> stateOmega(ProblemConfig config, List<TaskBox> boxes, Interval extra) {
    List<List<Interval>> omega = new ArrayList<>();
    for (int h = 0; h < config.heads(); h++) {
      List<Interval> w = new ArrayList<>();
      for (int j = 0; j < config.tasks(); j++) {
        w.add(h == j ? boxes.get(j).omega() : (h >= config.tasks() ? extra : Interval.ZERO));
      }
      omega.add(w);
    }
    return omega;
  }

  /** μ of the limit state: box on-task, 0 off-task. */
  private static List<List<Interval>> stateMu(ProblemConfig config, List<TaskBox> boxes) {
    List<List<Interval>> mu = new ArrayList<>();
    for (int h = 0; h < config.heads(); h++) {
      List<Interval> m = new ArrayList<>();
      for (int j = 0; j < config.tasks(); j++) {
        m.add(h == j ? boxes.get(j).mu() : Interval.ZERO);
      }
      mu.add(m);
    }
    return mu;
  }
}
