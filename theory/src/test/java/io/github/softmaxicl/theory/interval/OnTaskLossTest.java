package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.LeadingOrderFormula;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralGradient;
import io.github.softmaxicl.theory.SpectralState;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interval on-task loss against a 50-digit BigDecimal evaluation of the same closed-form derivatives, the
 * rigorous stationarity of the closed form of MODEL.md §6, and the agreement of the per-task formulas with the
 * general §4 gradient, and the interval instantiation of the general formula enclosing its double instantiation.
 */
class OnTaskLossTest {
  private static final MathContext MC = BigMath.MC;

  static LongStream seeds() {
    return LongStream.rangeClosed(101, 116);
  }

  /** Exact-to-50-digits {dL/dω, dL/dμ, d²/dω², d²/dωdμ, d²/dμ²} of task {@code i} at a double point. */
  private static BigDecimal[] reference(ProblemConfig c, int i, double omega, double mu) {
    BigDecimal d = BigDecimal.valueOf(c.blockSize(i));
    BigDecimal a = new BigDecimal(c.s2()).multiply(d);
    BigDecimal sigma = new BigDecimal(c.sigma());
    BigDecimal k = a.add(sigma.multiply(sigma)).divide(BigDecimal.valueOf(c.promptLength()), MC);
    BigDecimal w = new BigDecimal(omega);
    BigDecimal m = new BigDecimal(mu);
    BigDecimal two = BigDecimal.valueOf(2);
    BigDecimal r = BigDecimal.ONE.subtract(m.multiply(w));
    BigDecimal e = BigMath.exp(d.multiply(w).multiply(w));
    BigDecimal gw = two.multiply(k).multiply(d).multiply(w).multiply(m).multiply(m).multiply(e)
        .subtract(two.multiply(a).multiply(m).multiply(r));
    BigDecimal gm = two.multiply(k).multiply(m).multiply(e).subtract(two.multiply(a).multiply(w).multiply(r));
    BigDecimal ww = two.multiply(a).multiply(m).multiply(m).add(two.multiply(k).multiply(d).multiply(m).multiply(m)
        .multiply(e).multiply(BigDecimal.ONE.add(two.multiply(d).multiply(w).multiply(w))));
    BigDecimal wm = BigDecimal.valueOf(4).multiply(k).multiply(d).multiply(w).multiply(m).multiply(e)
        .subtract(two.multiply(a).multiply(BigDecimal.ONE.subtract(two.multiply(m).multiply(w))));
    BigDecimal mm = two.multiply(a).multiply(w).multiply(w).add(two.multiply(k).multiply(e));
    return new BigDecimal[] {gw, gm, ww, wm, mm};
  }

  private static List<ProblemConfig> configsFor(long seed) {
    List<ProblemConfig> list = new ArrayList<>();
    list.add(Configs.random(seed));
    return list;
  }

  private static void checkBoxEnclosures(ProblemConfig c, long seed, double relativeRadius) {
    SplitMix64 rng = new SplitMix64(seed * 7919 + 1);
    for (int i = 0; i < c.tasks(); i++) {
      OnTaskLoss loss = OnTaskLoss.of(c, i);
      double w0 = loss.omegaStarApprox();
      double m0 = loss.muStarApprox();
      TaskBox box = TaskBox.around(w0, relativeRadius * w0, m0, relativeRadius * m0);
      SymmetricIntervalMatrix2 hess = loss.hessian(box);
      TaskBox grad = loss.gradient(box);
      for (int p = 0; p < 40; p++) {
        double w = clamp(box.omega(), rng.uniform(box.omega().lo(), box.omega().hi()));
        double m = clamp(box.mu(), rng.uniform(box.mu().lo(), box.mu().hi()));
        BigDecimal[] ref = reference(c, i, w, m);
        String where = "seed " + seed + " config " + c + " task " + i + " radius " + relativeRadius + " at ("
            + w + ", " + m + ")";
        assertTrue(grad.omega().contains(ref[0]) && grad.mu().contains(ref[1]), () -> where + ": gradient " + grad);
        assertTrue(hess.ww().contains(ref[2]) && hess.wm().contains(ref[3]) && hess.mm().contains(ref[4]),
            () -> where + ": Hessian " + hess + " vs " + ref[2] + ", " + ref[3] + ", " + ref[4]);
        // The floating-point Hessian lies in the box enclosure too, when the box is wide enough to absorb the
        // double evaluation's own rounding (≈ 10 ulps ≈ 2e-15 relative): at radius 1e-6 the enclosure's width is
        // ≥ 1e-6 times the Hessian's variation over the box, orders of magnitude above that.
        if (relativeRadius >= 1e-6) {
          double[] fp = loss.hessianApprox(w, m);
          assertTrue(hess.contains(fp[0], fp[1], fp[2]), () -> where + ": fp Hessian outside " + hess);
        }
      }
    }
  }

  private static double clamp(Interval x, double v) {
    return Math.min(x.hi(), Math.max(x.lo(), v));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void enclosuresContainReferenceDerivativesOnRandomConfigs(long seed) {
    for (ProblemConfig c : configsFor(seed)) {
      checkBoxEnclosures(c, seed, 1e-2);
      checkBoxEnclosures(c, seed, 1e-6);
      checkBoxEnclosures(c, seed, 1e-13);
    }
  }

  @ParameterizedTest
  @EnumSource(Preset.class)
  void closedFormIsRigorouslyStationary(Preset preset) {
    ProblemConfig c = preset.config();
    for (int i = 0; i < c.tasks(); i++) {
      OnTaskLoss loss = OnTaskLoss.of(c, i);
      TaskBox star = new TaskBox(loss.omegaStar(), loss.muStar());
      TaskBox g = loss.gradient(star);
      int task = i;
      assertTrue(g.omega().contains(0.0) && g.mu().contains(0.0), () -> preset.id() + " task " + task + ": " + g);
      assertTrue(star.omega().contains(loss.omegaStarApprox()) && star.mu().contains(loss.muStarApprox()));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void closedFormIsRigorouslyStationaryOnRandomConfigs(long seed) {
    ProblemConfig c = Configs.random(seed);
    for (int i = 0; i < c.tasks(); i++) {
      OnTaskLoss loss = OnTaskLoss.of(c, i);
      TaskBox g = loss.gradient(new TaskBox(loss.omegaStar(), loss.muStar()));
      int task = i;
      assertTrue(g.omega().contains(0.0) && g.mu().contains(0.0),
          () -> "seed " + seed + " config " + c + " task " + task + ": " + g);
    }
  }

  /** The per-task gradient times 1/n and the general §4 gradient both enclose the same number, so they meet. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void perTaskGradientAgreesWithGeneralFormula(long seed) {
    ProblemConfig c = Configs.random(seed);
    SplitMix64 rng = new SplitMix64(seed);
    int n = c.tasks();
    List<List<Interval>> w = new ArrayList<>();
    List<List<Interval>> m = new ArrayList<>();
    double[][] pw = new double[c.heads()][n];
    double[][] pm = new double[c.heads()][n];
    for (int h = 0; h < c.heads(); h++) {
      List<Interval> rw = new ArrayList<>();
      List<Interval> rm = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        boolean on = h == j;
        pw[h][j] = on ? rng.uniform(0.05, 1.0) / Math.sqrt(c.blockSize(j)) : 0.0;
        pm[h][j] = on ? rng.uniform(0.1, 3.0) : 0.0;
        rw.add(Interval.point(pw[h][j]));
        rm.add(Interval.point(pm[h][j]));
      }
      w.add(rw);
      m.add(rm);
    }
    LeadingOrderFormula<Interval> f = LeadingOrderFormula.of(IntervalCoefficients.of(c), w, m);
    Interval nInterval = Interval.point(n);
    for (int i = 0; i < n; i++) {
      TaskBox g = OnTaskLoss.of(c, i).gradient(TaskBox.point(pw[i][i], pm[i][i]));
      Interval gw = g.omega().divide(nInterval);
      Interval gm = g.mu().divide(nInterval);
      int task = i;
      assertTrue(gw.intersection(f.dOmega(i, i)).isPresent() && gm.intersection(f.dMu(i, i)).isPresent(),
          () -> "seed " + seed + " config " + c + " task " + task + ": " + gw + " vs " + f.dOmega(task, task));
    }
  }

  /**
   * The interval instantiation of {@link LeadingOrderFormula} encloses the double one ({@link LeadingOrderLoss})
   * exactly, with no tolerance: both perform the same operations in the same order on constants and states of
   * which the doubles lie in the intervals, each interval operation encloses every exact result and the correctly
   * rounded double of an exact result lies between the outward-rounded bounds (the exp enclosure is widened by two
   * ulps, fdlibm's error is below one). Random configurations with unequal blocks, H up to n + 2 and σ ≥ 0; states
   * with signs of both kinds.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void intervalFormulaEnclosesDoubleFormula(long seed) {
    ProblemConfig c = Configs.random(seed);
    SplitMix64 rng = new SplitMix64(seed + 17);
    int n = c.tasks();
    double[][] pw = new double[c.heads()][n];
    double[][] pm = new double[c.heads()][n];
    List<List<Interval>> w = new ArrayList<>();
    List<List<Interval>> m = new ArrayList<>();
    for (int h = 0; h < c.heads(); h++) {
      List<Interval> rw = new ArrayList<>();
      List<Interval> rm = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        pw[h][j] = rng.uniform(-0.5, 0.5) / Math.sqrt(c.d());
        pm[h][j] = rng.uniform(-2, 2);
        rw.add(Interval.point(pw[h][j]));
        rm.add(Interval.point(pm[h][j]));
      }
      w.add(rw);
      m.add(rm);
    }
    LeadingOrderFormula<Interval> f = LeadingOrderFormula.of(IntervalCoefficients.of(c), w, m);
    LeadingOrderLoss loss = new LeadingOrderLoss(c);
    SpectralState state = SpectralState.of(pw, pm);
    SpectralGradient g = loss.gradient(state);
    double[] tasks = loss.taskLosses(state);
    String where = "seed " + seed + " config " + c;
    assertTrue(f.value().contains(g.value()), () -> where + ": F " + g.value() + " outside " + f.value());
    for (int i = 0; i < n; i++) {
      int task = i;
      assertTrue(f.taskLoss(i).contains(tasks[i]), () -> where + ": L_" + task + " " + tasks[task] + " outside "
          + f.taskLoss(task));
    }
    for (int h = 0; h < c.heads(); h++) {
      for (int j = 0; j < n; j++) {
        int hh = h;
        int jj = j;
        assertTrue(f.dOmega(h, j).contains(g.dOmega(h, j)) && f.dMu(h, j).contains(g.dMu(h, j)),
            () -> where + " (" + hh + "," + jj + "): " + f.dOmega(hh, jj) + " vs " + g.dOmega(hh, jj) + "; "
                + f.dMu(hh, jj) + " vs " + g.dMu(hh, jj));
      }
    }
  }

}
