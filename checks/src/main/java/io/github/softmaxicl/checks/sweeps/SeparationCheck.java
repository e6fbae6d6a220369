package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.util.FastMath;

/**
 * P5 separation check over measured single-head optima (reduced model (reconstruction)): F_single* / F* &gt; 1
 * everywhere, strictly increasing along L and below the limit d·Σd_i/Σd_i² (so its gap to the limit shrinks);
 * and, as a second verdict, Σ_j d_j ω_j² = 1 at every single-head optimum (stationarity) within a bound derived
 * from the optimiser's residual gradient and the Hessian's smallest eigenvalue.
 */
final class SeparationCheck {
  static final Claim ID = Claims.P5_SEPARATION;
  static final Claim STATIONARITY_ID = Claims.P5_SINGLE_HEAD_STATIONARITY;

  private SeparationCheck() {}

  /**
   * Bound on |Σ d_j ω_j² − 1| at a computed optimum: the distance to the exact stationary point is at most
   * ‖∇F‖/λ_min (strong convexity near a certified minimum), the sharpness moves by at most
   * 2 (Σ_j d_j² ω_j²)^{1/2} per unit of that distance, plus 2n ulps of summation round-off in Σ d_j ω_j².
   */
  static double sharpnessBound(ProblemConfig c, SeparationMeasurements.Optimum r) {
    List<Double> w = r.omega();
    double s = 0;
    for (int j = 0; j < w.size(); j++) {
      double wj = w.get(j);
      s += (double) c.blockSize(j) * c.blockSize(j) * wj * wj;
    }
    return 2 * FastMath.sqrt(s) * r.gradientNorm() / r.minHessianEigenvalue() + 2.0 * c.tasks() * FastMath.ulp(1.0);
  }

  /**
   * For equal blocks d_b (σ = 0, s² = 1) the symmetric single head (d_b ω² = 1/n by stationarity) gives
   * F_single / F* = n (1 + x)/(1 + n x) with x = e d_b / L; NaN for unequal blocks or σ ≠ 0. A cross-check of
   * the optimiser, which does not impose symmetry.
   */
  static double symmetricRatio(ProblemConfig c) {
    int b = c.blockSize(0);
    for (int i = 1; i < c.tasks(); i++) {
      if (c.blockSize(i) != b) {
        return Double.NaN;
      }
    }
    if (c.sigma() != 0 || c.s2() != 1) {
      return Double.NaN;
    }
    int n = c.tasks();
    double x = StrictMath.E * b / c.promptLength();
    return n * (1 + x) / (1 + n * x);
  }

  static Part check(SeparationMeasurements m) {
    String statement = Claims.P5_SEPARATION.statement() + " Checked on a grid: F_single*/F* > 1, strictly "
        + "increasing along L and below d*sum(d_i)/sum(d_i^2) for every block set (F_single* from SingleHeadOptimum: "
        + "NLCG + Levenberg-Marquardt polish from deterministic starts, Hessian-certified local minimum).";
    String budget = "strict inequalities: the optimiser's residual gradient (<= 1e-12) moves F_single* by "
        + "O(|grad|^2/lambda_min) ~ 1e-20, far below the margins; the starts cover spread and concentrated heads "
        + "but a global minimum is not proven";
    String stationarityStatement = "At the single-head optimum sum_j d_j omega_j^2 = 1 exactly (from "
        + "stationarity: d_j omega_j^2 sum_i c_i mu_i^2 = c_j mu_j^2), for every configuration of the sweep.";
    String stationarityBudget = "per point: 2 sqrt(sum d_j^2 omega_j^2) |grad F| / lambda_min(Hessian) + 2n ulp "
        + "(distance to the exact stationary point times the sharpness's Lipschitz constant, plus round-off); "
        + "measured = worst |sharpness - 1| / bound";
    List<String> evidence = new ArrayList<>();
    List<String> stationarityEvidence = new ArrayList<>();
    List<Sweep.Series> series = new ArrayList<>();
    List<Sweep.ReferenceLine> refs = new ArrayList<>();
    double minRatio = Double.POSITIVE_INFINITY;
    double worstStationarity = 0;
    boolean holds = true;
    boolean stationary = true;
    String failure = null;
    for (SeparationMeasurements.BlockSet set : m.sets()) {
      String label = SweepLabels.label(set.blocks());
      int d = SweepLabels.dimension(set.blocks());
      int[] blocks = set.blocks().stream().mapToInt(Integer::intValue).toArray();
      double limit = ClosedForms.singleHeadRatioLimit(ProblemConfig.of(d, blocks, blocks.length, 1, 0.0, 1.0));
      refs.add(Sweep.ReferenceLine.horizontal(label + ": limit d*sum d_i/sum d_i^2 = " + SweepLabels.f(limit), limit));
      List<Sweep.Point> points = new ArrayList<>();
      double previous = Double.NEGATIVE_INFINITY;
      for (SeparationMeasurements.Optimum o : set.optima()) {
        ProblemConfig c = o.config();
        int l = c.promptLength();
        SeparationMeasurements.Optimum r = o;
        String why = o.failure();
        if (why != null) {
          failure = failure == null ? why : failure;
          points.add(Sweep.Point.of((double) l / d, Double.NaN));
          evidence.add(label + " L=" + l + ": not computed (" + why + ")");
          continue;
        }
        double ratio = r.ratio();
        minRatio = FastMath.min(minRatio, ratio);
        points.add(Sweep.Point.of((double) l / d, ratio));
        boolean above = ratio > 1;
        boolean below = ratio < limit;
        boolean increasing = ratio > previous;
        previous = ratio;
        holds &= above && below && increasing;
        double bound = sharpnessBound(c, r);
        double dev = FastMath.abs(r.sharpness() - 1);
        boolean certified = r.minHessianEigenvalue() > 0;
        stationary &= certified && dev <= bound;
        worstStationarity = FastMath.max(worstStationarity, certified ? dev / bound : Double.POSITIVE_INFINITY);
        double symmetric = symmetricRatio(c);
        evidence.add(String.format(java.util.Locale.ROOT,
            "%s L=%d (L/d=%.3g): F_single*/F* = %.6f (limit %.6f, gap %.4f), F_single* = %.6g, F* = %.6g%s%s%s%s",
            label, l, (double) l / d, ratio, limit, limit - ratio, r.fSingle(), r.fStar(),
            Double.isNaN(symmetric) ? "" : String.format(java.util.Locale.ROOT,
                "; equal blocks, symmetric closed form n(1+x)/(1+nx) = %.6f", symmetric),
            above ? "" : " [NOT > 1]", below ? "" : " [NOT below the limit]", increasing ? "" : " [not increasing]"));
        stationarityEvidence.add(String.format(java.util.Locale.ROOT,
            "%s L=%d: |sum d_j omega_j^2 - 1| = %.2e, bound %.2e (|grad| %.2e, lambda_min %.3e)%s",
            label, l, dev, bound, r.gradientNorm(), r.minHessianEigenvalue(),
            certified ? "" : " [Hessian not positive definite]"));
      }
      series.add(Sweep.Series.measured(label + " (single-head optimum)", points));
    }
    Sweep plot = new Sweep("p5-separation",
        "P5: optimal single head / multi-head limit, F_single* / F* (reduced model (reconstruction))",
        "L / d", "F_single* / F*", true, false, series, refs, String.join("\n", evidence));
    Verdict separation;
    Verdict stationarity;
    if (failure != null) {
      separation = Verdicts.error(ID, SweepLabels.RUN, statement, 1.0, budget, failure, evidence);
      stationarity = Verdicts.error(STATIONARITY_ID, SweepLabels.RUN, stationarityStatement, 1.0, stationarityBudget,
          failure, stationarityEvidence);
    } else {
      separation = Verdicts.of(ID, SweepLabels.RUN, holds, statement, minRatio, 1.0, budget, evidence);
      stationarity = Verdicts.of(STATIONARITY_ID, SweepLabels.RUN, stationary, stationarityStatement,
          worstStationarity, 1.0, stationarityBudget, stationarityEvidence);
    }
    return new Part(List.of(separation, stationarity), plot);
  }
}
