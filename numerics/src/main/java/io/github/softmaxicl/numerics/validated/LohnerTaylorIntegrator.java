package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.IntervalJet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A validated interval Taylor integrator for autonomous ODEs {@code x' = f(x)} with Lohner's QR wrapping control
 * (the "C⁰ Lohner" method of AWA and CAPD). Each step of size h from the set
 * {@code X_k = x̂_k + A_k r_k} (x̂ a point, A a floating-point orthogonal matrix, r an interval vector; its box
 * hull {@code [x_k]}):
 *
 * <ol>
 *   <li><b>A-priori enclosure</b> by the high-order enclosure test (Corliss and Rihm 1996; Nedialkov, Jackson and
 *       Pryce 2001, "HOE"; CAPD's {@code HighOrderEnclosure}): with {@code S = Σ_{k≤p} [0,h]^k x_k([x_k])} and a
 *       candidate box B, if {@code S + [0,h]^{p+1} x_{p+1}(B) ⊂ int B} then for every start in {@code [x_k]} the
 *       solution exists, is unique and stays in that set on {@code [t_k, t_k + h]}. B is S inflated, retried up to
 *       {@value #ENCLOSURE_TRIES} times, then h is halved.</li>
 *   <li><b>Taylor map and remainder</b>: by the mean-value theorem, for every {@code x ∈ X_k},
 *       {@code x(t_k + h) ∈ u + J (x − x̂_k) + z} with {@code u = Σ_{k≤p} h^k x_k(x̂_k)} (point expansion),
 *       {@code J = Σ_{k≤p} h^k ∂x_k/∂x([x_k])} (Taylor coefficients of the variational equation over the box,
 *       from {@link IntervalJet} automatic differentiation) and {@code z = h^{p+1} x_{p+1}(B)}.</li>
 *   <li><b>Wrapping control</b> (Lohner 1987; Nedialkov, Jackson and Corliss 1999, §3.3, "QR method"):
 *       {@code x̂_{k+1} = mid(u + z)}, {@code A_{k+1} = Q} from the QR factorisation of {@code mid(J A_k)} with
 *       columns ordered by decreasing {@code ‖(J A_k)_{·j}‖ · width(r_j)}, and
 *       {@code r_{k+1} = (Q⁻¹ J A_k) r_k + Q⁻¹ (u + z − x̂_{k+1})} with an interval enclosure of Q⁻¹ (Qᵀ plus a
 *       Neumann-series bound, since the floating-point Q is only nearly orthogonal). The box at {@code t_{k+1}}
 *       is the intersection of {@code x̂_{k+1} + Q r_{k+1}} and the direct mean-value box
 *       {@code u + z + (J A_k) r_k}.</li>
 * </ol>
 *
 * <p>Step size: {@code h = 0.9 min_{q∈{p−1,p}} (tol/‖x_q(x̂)‖_∞)^{1/q}} (VNODE-LP's and CAPD's rule from the
 * last Taylor terms), at most twice the previous step and at most {@code maxStep}, rounded down to a multiple of
 * {@link #TIME_QUANTUM} so that every step end {@code t_k + h} is an exact double (the time grid is exact up to
 * t = 2^33). Stiffness after emergence forces small explicit steps; the integration then stops at the step limit
 * and says so, with the steps so far still proved.
 */
public final class LohnerTaylorIntegrator {
  /** Every step size is a multiple of this power of two, so that the step ends are exact. */
  public static final double TIME_QUANTUM = Math.scalb(1.0, -20);

  private static final int ENCLOSURE_TRIES = 4;
  private static final double REMAINDER_SHRINK = 0.7;

  /**
   * Settings of the method.
   *
   * @param order Taylor order p (≥ 2)
   * @param tolerance target size of the last Taylor term per step (absolute, in the integration variables)
   * @param maxStep largest step
   * @param maxSteps largest number of steps before stopping
   */
  public record Settings(int order, double tolerance, double maxStep, int maxSteps) {
    /** Checks the ranges. */
    public Settings {
      if (order < 2 || !(tolerance > 0) || !(maxStep >= TIME_QUANTUM) || maxSteps < 1) {
        throw new IllegalArgumentException("order >= 2, tolerance > 0, maxStep >= 2^-20, maxSteps >= 1 needed");
      }
    }

    /**
     * The settings of the reduced-flow proofs (P2-proof, P3-proof; docs/VALIDATED-INTEGRATION.md §4): order 12,
     * tolerance 1e-12, steps of at most 50; 20,000 steps is over ten times what the presets need (blocks 1, 11 at
     * L 400 needs 15,600 to its t_e + 105, 77 s), so a stop at the
     * limit means a configuration the explicit method cannot follow (reported as an error).
     */
    public static Settings reducedFlowProof() {
      return new Settings(12, 1e-12, 50.0, 20_000);
    }
  }

  private LohnerTaylorIntegrator() {}

  /**
   * Integrates from the box {@code x0} at t = 0 to {@code tEnd} rounded up to the time grid. Never throws on a
   * failed step: the tube then ends early with the reason.
   */
  public static ValidatedTube integrate(TaylorVectorField f, List<Interval> x0, double tEnd, Settings s) {
    return integrate(f, x0, tEnd, s, step -> false);
  }

  /**
   * As {@link #integrate(TaylorVectorField, List, double, Settings)}, but ends after the first step for which
   * {@code enough} holds (the trapping-region search: the tube is continued only until its end box lies in a
   * certified region); the tube's requested end is then that step's end, so it counts as complete.
   */
  public static ValidatedTube integrate(TaylorVectorField f, List<Interval> x0, double tEnd, Settings s,
      java.util.function.Predicate<TubeStep> enough) {
    long begin = System.nanoTime();
    int m = f.dimension();
    if (x0.size() != m) {
      throw new IllegalArgumentException("initial box has " + x0.size() + " components, field " + m);
    }
    if (!(tEnd > 0)) {
      throw new IllegalArgumentException("tEnd must be > 0");
    }
    Interval[] box = x0.toArray(new Interval[0]);
    double[] xhat = new double[m];
    Interval[] r = new Interval[m];
    double[][] a = new double[m][m];
    for (int i = 0; i < m; i++) {
      xhat[i] = box[i].midpoint();
      r[i] = box[i].subtract(Interval.point(xhat[i]));
      a[i][i] = 1.0;
    }
    // the end on the time grid, so that the last step is a whole number of quanta like every other one
    double end = Math.ceil(tEnd / TIME_QUANTUM) * TIME_QUANTUM;
    List<TubeStep> steps = new ArrayList<>();
    double t = 0;
    double lastStep = s.maxStep();
    Optional<String> stop = Optional.empty();
    int p = s.order();
    while (t < end) {
      if (steps.size() >= s.maxSteps()) {
        stop = Optional.of("step limit " + s.maxSteps() + " reached at t = " + t);
        break;
      }
      try {
        IntervalJet[][] overBox = SolutionCoefficients.of(f, seeds(box), p);
        IntervalJet[][] atCentre = SolutionCoefficients.of(f, constants(xhat), p);
        double h = quantize(Math.min(Math.min(proposal(atCentre, p, s.tolerance()), 2 * lastStep),
            Math.min(s.maxStep(), end - t)));
        Optional<Enclosure> found = Optional.empty();
        while (found.isEmpty() && h >= TIME_QUANTUM) {
          found = aPriori(f, overBox, p, h);
          if (found.isEmpty()) {
            h = quantize(h / 2);
          } else if (remainderWidth(found.get(), h, p) > s.tolerance() && quantize(REMAINDER_SHRINK * h) > 0) {
            // x_{p+1} over the wide a-priori box overestimates the point coefficients the step was chosen from;
            // the remainder falls like h^{p+1}, so a modest cut restores the target
            found = Optional.empty();
            h = quantize(REMAINDER_SHRINK * h);
          }
        }
        if (found.isEmpty()) {
          stop = Optional.of("no a-priori enclosure for any step >= 2^-20 at t = " + t);
          break;
        }
        Interval[] enclosure = found.get().overStep();
        Interval[] remainderCoefficient = found.get().remainder();
        Interval hp = Interval.point(h);
        Interval hPower = hp.pow(p + 1);
        Interval[] y = new Interval[m];
        Interval[][] j = new Interval[m][m];
        for (int i = 0; i < m; i++) {
          y[i] = horner(atCentre, i, -1, hp, p).add(hPower.multiply(remainderCoefficient[i]));
          for (int c = 0; c < m; c++) {
            j[i][c] = horner(overBox, i, c, hp, p);
          }
        }
        Interval[][] ja = timesPoint(j, a);
        double[] nextHat = new double[m];
        Interval[] local = new Interval[m];
        for (int i = 0; i < m; i++) {
          nextHat[i] = y[i].midpoint();
          local[i] = y[i].subtract(Interval.point(nextHat[i]));
        }
        int[] order = pivotOrder(ja, r);
        Interval[][] jaPerm = new Interval[m][m];
        Interval[] rPerm = new Interval[m];
        double[][] mid = new double[m][m];
        for (int c = 0; c < m; c++) {
          rPerm[c] = r[order[c]];
          for (int i = 0; i < m; i++) {
            jaPerm[i][c] = ja[i][order[c]];
            mid[i][c] = jaPerm[i][c].midpoint();
          }
        }
        double[][] q = Frames.orthogonalFactor(mid);
        Interval[][] qInv = Frames.inverseEnclosure(q);
        Interval[] nextR = add(times(times(qInv, jaPerm), rPerm), times(qInv, local));
        Interval[] nextBox = new Interval[m];
        Interval[] direct = add(y, times(ja, r));
        Interval[] viaFrame = add(points(nextHat), times(pointMatrix(q), nextR));
        for (int i = 0; i < m; i++) {
          Optional<Interval> both = direct[i].intersection(viaFrame[i]);
          if (both.isEmpty()) {
            throw new IllegalStateException("disjoint enclosures of the same solution: a bug");
          }
          nextBox[i] = both.get();
        }
        TubeStep done = new TubeStep(t, t + h, Arrays.asList(enclosure), Arrays.asList(nextBox));
        steps.add(done);
        t += h;
        lastStep = h;
        box = nextBox;
        xhat = nextHat;
        r = nextR;
        a = q;
        if (t < end && enough.test(done)) {
          end = t;
        }
      } catch (ArithmeticException e) {
        // an overflowing enclosure, or a frame too far from orthogonal for the inverse bound
        stop = Optional.of("interval arithmetic failed at t = " + t + ": " + e.getMessage());
        break;
      }
    }
    return new ValidatedTube(x0, steps, end < tEnd ? end : tEnd, stop, (System.nanoTime() - begin) * 1e-9);
  }

  /** {@code h} rounded down to a multiple of the time quantum. */
  static double quantize(double h) {
    return Math.floor(h / TIME_QUANTUM) * TIME_QUANTUM;
  }

  private static IntervalJet[] seeds(Interval[] box) {
    IntervalJet[] s = new IntervalJet[box.length];
    for (int i = 0; i < box.length; i++) {
      s[i] = IntervalJet.variable(box[i], i, box.length);
    }
    return s;
  }

  private static IntervalJet[] constants(double[] x) {
    IntervalJet[] s = new IntervalJet[x.length];
    for (int i = 0; i < x.length; i++) {
      s[i] = IntervalJet.constant(Interval.point(x[i]), 0);
    }
    return s;
  }

  private static IntervalJet[] constants(Interval[] x) {
    IntervalJet[] s = new IntervalJet[x.length];
    for (int i = 0; i < x.length; i++) {
      s[i] = IntervalJet.constant(x[i], 0);
    }
    return s;
  }

  /** The step-size rule from the last two Taylor terms at the centre. */
  private static double proposal(IntervalJet[][] x, int p, double tol) {
    double h = Double.POSITIVE_INFINITY;
    for (int q = p - 1; q <= p; q++) {
      double norm = 0;
      for (IntervalJet c : x[q]) {
        norm = Math.max(norm, c.value().magnitude());
      }
      if (norm > 0) {
        h = Math.min(h, StrictMath.pow(tol / norm, 1.0 / q));
      }
    }
    return 0.9 * h;
  }

  /** Largest width of the remainder term {@code h^{p+1} x_{p+1}(B)}. */
  private static double remainderWidth(Enclosure e, double h, int p) {
    Interval hPower = Interval.point(h).pow(p + 1);
    double w = 0;
    for (Interval c : e.remainder()) {
      w = Math.max(w, hPower.multiply(c).width());
    }
    return w;
  }

  /** A successful a-priori enclosure: the set over the step and the enclosure of x_{p+1} over it. */
  record Enclosure(Interval[] overStep, Interval[] remainder) {}

  /**
   * The high-order enclosure test for step h; empty if it fails. A box B is accepted only if every component of
   * its image lies inside B's interior (the Picard operator maps B into itself, so a solution exists on [0, h] and
   * stays in B); package-private so that a test can show a step across a blow-up refused.
   */
  static Optional<Enclosure> aPriori(TaylorVectorField f, IntervalJet[][] overBox, int p, double h) {
    int m = overBox[0].length;
    Interval span = Interval.of(0.0, h);
    Interval spanPower = span.pow(p + 1);
    Interval[] sum = new Interval[m];
    for (int i = 0; i < m; i++) {
      sum[i] = horner(overBox, i, -1, span, p);
    }
    Interval[] b = inflate(sum);
    for (int attempt = 0; attempt < ENCLOSURE_TRIES; attempt++) {
      Interval[] rem;
      try {
        IntervalJet[][] xb = SolutionCoefficients.of(f, constants(b), p + 1);
        rem = new Interval[m];
        for (int i = 0; i < m; i++) {
          rem[i] = xb[p + 1][i].value();
        }
      } catch (ArithmeticException e) {
        return Optional.empty();
      }
      Interval[] image = new Interval[m];
      boolean inside = true;
      for (int i = 0; i < m; i++) {
        image[i] = sum[i].add(spanPower.multiply(rem[i]));
        inside &= b[i].containsInInterior(image[i]);
      }
      if (inside) {
        return Optional.of(new Enclosure(image, rem));
      }
      Interval[] grown = new Interval[m];
      for (int i = 0; i < m; i++) {
        grown[i] = b[i].hull(image[i]);
      }
      b = inflate(grown);
    }
    return Optional.empty();
  }

  /** Widens each component by a tenth of its width plus a small absolute and relative margin. */
  private static Interval[] inflate(Interval[] x) {
    Interval[] r = new Interval[x.length];
    for (int i = 0; i < x.length; i++) {
      double e = 0.1 * x[i].width() + 1e-14 * (1 + x[i].magnitude());
      r[i] = x[i].add(Interval.of(-e, e));
    }
    return r;
  }

  /**
   * {@code Σ_{k≤p} s^k c_k} by Horner in interval arithmetic, with c_k the value (column −1) or the derivative
   * {@code column} of component i's coefficient k; encloses the polynomial's range over s.
   */
  private static Interval horner(IntervalJet[][] x, int i, int column, Interval s, int p) {
    Interval acc = pick(x[p][i], column);
    for (int k = p - 1; k >= 0; k--) {
      acc = acc.multiply(s).add(pick(x[k][i], column));
    }
    return acc;
  }

  private static Interval pick(IntervalJet c, int column) {
    return column < 0 ? c.value() : c.derivative(column);
  }

  /** Lohner's column order: decreasing {@code ‖column‖₂ · width(r_j)}, the most stretched direction first. */
  private static int[] pivotOrder(Interval[][] ja, Interval[] r) {
    int m = r.length;
    Integer[] idx = new Integer[m];
    double[] weight = new double[m];
    for (int c = 0; c < m; c++) {
      idx[c] = c;
      double norm = 0;
      for (int i = 0; i < m; i++) {
        double v = ja[i][c].midpoint();
        norm += v * v;
      }
      weight[c] = Math.sqrt(norm) * r[c].width();
    }
    Arrays.sort(idx, (x, y) -> Double.compare(weight[y], weight[x]));
    int[] out = new int[m];
    for (int c = 0; c < m; c++) {
      out[c] = idx[c];
    }
    return out;
  }

  private static Interval[][] timesPoint(Interval[][] x, double[][] a) {
    return times(x, pointMatrix(a));
  }

  private static Interval[][] pointMatrix(double[][] a) {
    Interval[][] r = new Interval[a.length][];
    for (int i = 0; i < a.length; i++) {
      r[i] = points(a[i]);
    }
    return r;
  }

  private static Interval[] points(double[] v) {
    Interval[] r = new Interval[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Interval.point(v[i]);
    }
    return r;
  }

  static Interval[][] times(Interval[][] x, Interval[][] y) {
    int n = x.length;
    int k = y.length;
    int m = y[0].length;
    Interval[][] r = new Interval[n][m];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < m; c++) {
        Interval s = Interval.ZERO;
        for (int l = 0; l < k; l++) {
          s = s.add(x[i][l].multiply(y[l][c]));
        }
        r[i][c] = s;
      }
    }
    return r;
  }

  static Interval[] times(Interval[][] x, Interval[] v) {
    Interval[] r = new Interval[x.length];
    for (int i = 0; i < x.length; i++) {
      Interval s = Interval.ZERO;
      for (int l = 0; l < v.length; l++) {
        s = s.add(x[i][l].multiply(v[l]));
      }
      r[i] = s;
    }
    return r;
  }

  private static Interval[] add(Interval[] x, Interval[] y) {
    Interval[] r = new Interval[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = x[i].add(y[i]);
    }
    return r;
  }
}
