package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.LeadingOrderFormula;
import io.github.softmaxicl.theory.LogCoordinateFlow;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.interval.TrappingRegionCertificate.Condition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Proves, in outward-rounded interval arithmetic, that a {@link TrappingRegion} B is forward invariant under the
 * balanced reduced flow (MODEL.md §5, leading-order loss) and holds no equilibrium but the limit (the limit set
 * when H &gt; n), so that every solution entering B converges there (LaSalle with F as the Lyapunov function; the
 * argument, and what it does not give, in docs/TRAPPING-REGION.md). The conditions, each an interval enclosure
 * whose lower end must be above 0:
 *
 * <ol>
 *   <li>every on-task pair: both signs equal (the limit has μ*ω* &gt; 0), its ranges away from 0, the Hessian of
 *       the on-task loss L_i positive definite over the pair's box (so L_i has at most one stationary point
 *       there), and the Krawczyk operator proving a stationary point in a box of relative radius 1e-6 around the
 *       closed form, inside the pair's box;
 *   <li>every face of an on-task range, and the upper face of every off-task ω of a serving head: the field
 *       points inward, sgn(x)·∂F/∂x &gt; 0 on an upper face and &lt; 0 on a lower one (d|x|/dt has the sign of
 *       −sgn(x)·∂F/∂x);
 *   <li>every off-task and spare μ: sgn(μ)·∂F/∂μ &gt; 0 over all of B; twice its lower bound is a certified decay
 *       rate of |μ| inside B;
 *   <li>every ω of a spare head s: its face is slanted, ln|ω_j^s| + c Σ_i |μ_i^s| ≤ ln W. Since ∂F/∂ω_j^s
 *       vanishes where every μ^s is 0, it equals Σ_i μ_i^s M_i with M_i in the enclosure of ∂²F/∂ω_j^s∂μ_i^s over
 *       B (mean-value theorem on the segment to μ^s = 0), so the slanted function decreases wherever some μ^s ≠ 0
 *       if 2c·(lower bound of sgn ∂F/∂μ_i^s) &gt; (2/(√D d_j))·|M_i| for every i; c is chosen with a factor 2 to
 *       spare and the inequality then proved;
 *   <li>the allocation margin: the on-task signal's lower bound exceeds every other head's |μ_i ω_i| on that task.
 * </ol>
 *
 * Each sign condition is evaluated in the mean-value form f(c) + ∇f(X)·(X − c) (the gradient enclosed by
 * {@link IntervalJet}s over the box, intersected with the plain enclosure) and, if that does not prove it, by
 * bisecting the box along the coordinate with the largest term, up to {@link #MAX_PIECES} sub-boxes (the face
 * subdivision of the issue). Pure; no I/O. Reduced model (reconstruction).
 */
public final class TrappingRegionProof {
  private TrappingRegionProof() {}

  /** Sub-boxes one condition may evaluate before it is reported unproved. */
  public static final int MAX_PIECES = 1024;

  /** Relative radius of the box around the closed form where the Krawczyk operator proves the stationary point. */
  public static final double KRAWCZYK_RADIUS = 1e-6;

  /** Proves what it can of B; the certificate says which conditions hold. */
  public static TrappingRegionCertificate prove(TrappingRegion b) {
    ProblemConfig c = b.config();
    int dim = b.dimension();
    LossJets eval = new LossJets(c, dim);
    List<Condition> conditions = new ArrayList<>();
    List<Double> slants = new ArrayList<>(Collections.nCopies(dim, 0.0));
    List<Interval> hull = b.signedBox();

    for (int i = 0; i < c.tasks(); i++) {
      onTask(b, i, conditions);
    }
    for (int q = 0; q < dim; q++) {
      TrappingRegion.Role role = b.role(q);
      double sign = b.signs().get(q);
      Interval range = b.magnitudes().get(q);
      if (role == TrappingRegion.Role.ON_TASK) {
        conditions.add(provePositive("lower face |" + b.name(q) + "| = " + range.lo() + ": points inward "
            + "(-sgn * dF/d" + b.name(q) + " > 0)", face(hull, q, sign * range.lo()), q, -sign, eval));
        conditions.add(provePositive("upper face |" + b.name(q) + "| = " + range.hi() + ": points inward "
            + "(sgn * dF/d" + b.name(q) + " > 0)", face(hull, q, sign * range.hi()), q, sign, eval));
      } else if (role == TrappingRegion.Role.OFF_TASK && b.isOmega(q)) {
        conditions.add(provePositive("upper face |" + b.name(q) + "| = " + range.hi() + ": points inward "
            + "(sgn * dF/d" + b.name(q) + " > 0)", face(hull, q, sign * range.hi()), q, sign, eval));
      }
    }
    double rate = Double.POSITIVE_INFINITY;
    List<Interval> muLower = new ArrayList<>(Collections.nCopies(dim, Interval.ZERO));
    for (int q = 0; q < dim; q++) {
      TrappingRegion.Role role = b.role(q);
      if (b.isOmega(q) || role == TrappingRegion.Role.ON_TASK) {
        continue;
      }
      Condition m = provePositive("sgn * dF/d" + b.name(q) + " > 0 on all of B (|" + b.name(q) + "| decays)",
          hull, q, b.signs().get(q), eval);
      conditions.add(m);
      muLower.set(q, m.enclosure());
      rate = m.proved() ? Math.min(rate, Interval.point(2.0).multiply(m.enclosure()).lo()) : 0.0;
    }
    spareSlants(b, hull, eval, muLower, slants, conditions);
    for (int i = 0; i < c.tasks(); i++) {
      conditions.add(allocationMargin(b, i));
    }
    return new TrappingRegionCertificate(b, conditions, slants, Double.isFinite(rate) ? rate : 0.0);
  }

  /** The box {@code hull} with coordinate q fixed at the signed value {@code at}. */
  private static List<Interval> face(List<Interval> hull, int q, double at) {
    List<Interval> f = new ArrayList<>(hull);
    f.set(q, Interval.point(at));
    return f;
  }

  /** Condition 1 for task i. */
  private static void onTask(TrappingRegion b, int i, List<Condition> out) {
    ProblemConfig c = b.config();
    int h = b.allocation().get(i);
    int qw = LogCoordinateFlow.omegaIndex(c, h, i);
    int qm = LogCoordinateFlow.muIndex(c, h, i);
    String pair = "(" + b.name(qw) + ", " + b.name(qm) + ")";
    double signs = b.signs().get(qw) * b.signs().get(qm);
    out.add(new Condition("on-task pair " + pair + " has equal signs (the limit has mu* omega* > 0)",
        Interval.point(signs), signs > 0, 1));
    Interval w = b.magnitudes().get(qw);
    Interval m = b.magnitudes().get(qm);
    Interval low = Interval.point(Math.min(w.lo(), m.lo()));
    boolean away = low.lo() > 0;
    out.add(new Condition("on-task ranges of " + pair + " stay away from 0", low, away, 1));
    if (!away) {
      return;
    }
    OnTaskLoss loss = OnTaskLoss.of(c, i);
    TaskBox box = new TaskBox(w, m);
    out.add(positiveDefinite(loss, i, box));
    double ws = loss.omegaStarApprox();
    double ms = loss.muStarApprox();
    TaskBox small = TaskBox.around(ws, KRAWCZYK_RADIUS * ws, ms, KRAWCZYK_RADIUS * ms);
    boolean unique = Krawczyk.provesUniqueZero(loss, small);
    double contraction = Krawczyk.contraction(small, Krawczyk.image(loss, small));
    boolean inside = box.containsInInterior(small);
    out.add(new Condition("Krawczyk: one stationary point of L_" + (i + 1) + " in " + small + ", inside the pair's "
        + "box (1 - contraction " + contraction + ")", Interval.point(unique && inside ? 1 - contraction : -1.0),
        unique && inside, 1));
  }

  /**
   * The on-task Hessian positive definite at every point of the pair's box (Sylvester: ∂²/∂ω² &gt; 0 and the
   * determinant &gt; 0), on sub-boxes from bisection where the box as a whole overestimates too much; the enclosure
   * reported is the hull of the determinants' enclosures over the sub-boxes.
   */
  private static Condition positiveDefinite(OnTaskLoss loss, int i, TaskBox box) {
    String what = "Hessian of L_" + (i + 1) + " positive definite over the pair's box (at most one stationary "
        + "point): determinant > 0 and d2/domega2 > 0 on every sub-box";
    return bisect(what, box, piece -> {
      SymmetricIntervalMatrix2 h = loss.hessian(piece);
      if (h.isPositiveDefinite()) {
        return new Attempt<>(h.determinant(), true, List.of());
      }
      // Bisect the side that is wider relative to its value (both are positive here); ω on a tie.
      Interval w = piece.omega();
      Interval m = piece.mu();
      boolean splitOmega = w.width() / w.hi() >= m.width() / m.hi();
      Interval x = splitOmega ? w : m;
      double mid = x.midpoint();
      Interval a = Interval.of(x.lo(), mid);
      Interval b = Interval.of(mid, x.hi());
      return new Attempt<>(h.determinant(), false, splitOmega ? List.of(new TaskBox(a, m), new TaskBox(b, m))
          : List.of(new TaskBox(w, a), new TaskBox(w, b)));
    });
  }

  /** Condition 4: the slants of the spare heads' ω faces. */
  private static void spareSlants(TrappingRegion b, List<Interval> hull, LossJets eval, List<Interval> muLower,
      List<Double> slants, List<Condition> out) {
    ProblemConfig c = b.config();
    List<Interval> rates = IntervalCoefficients.omegaRates(c);
    @org.checkerframework.checker.nullness.qual.Nullable LeadingOrderFormula<IntervalJet> overB = null;
    for (int q = 0; q < b.dimension(); q++) {
      if (b.role(q) != TrappingRegion.Role.SPARE_OMEGA) {
        continue;
      }
      if (overB == null) {
        overB = eval.jets(hull);
      }
      int s = b.head(q);
      int j = b.task(q);
      IntervalJet d = eval.derivative(overB, q);
      Interval rate = rates.get(j);
      double need = 0;
      List<Interval> mixed = new ArrayList<>();
      List<Interval> lower = new ArrayList<>();
      for (int i = 0; i < c.tasks(); i++) {
        int qm = LogCoordinateFlow.muIndex(c, s, i);
        Interval mi = Interval.point(d.derivative(qm).magnitude());
        Interval pi = Interval.point(Math.max(0.0, muLower.get(qm).lo()));
        mixed.add(mi);
        lower.add(pi);
        if (pi.lo() > 0) {
          need = Math.max(need, rate.multiply(mi).divide(pi).hi());
        } else {
          need = Double.POSITIVE_INFINITY;
        }
      }
      double slant = Double.isFinite(need) ? Math.nextUp(2.0 * need) : 0.0;
      slants.set(q, slant);
      for (int i = 0; i < c.tasks(); i++) {
        Interval margin = Interval.point(2.0 * slant).multiply(lower.get(i)).subtract(rate.multiply(mixed.get(i)));
        out.add(new Condition("slanted face of " + b.name(q) + " (c = " + slant + "): 2c * sgn dF/dmu_" + (i + 1)
            + "^" + (s + 1) + " - rate * |d2F/d" + b.name(q) + " dmu_" + (i + 1) + "^" + (s + 1) + "| > 0", margin,
            margin.isPositive(), 1));
      }
    }
  }

  /** Condition 5 for task i: its serving head's signal beats every other head's everywhere in B. */
  private static Condition allocationMargin(TrappingRegion b, int i) {
    ProblemConfig c = b.config();
    int h = b.allocation().get(i);
    Interval on = b.magnitudes().get(LogCoordinateFlow.omegaIndex(c, h, i))
        .multiply(b.magnitudes().get(LogCoordinateFlow.muIndex(c, h, i)));
    double others = 0;
    for (int g = 0; g < c.heads(); g++) {
      if (g != h) {
        others = Math.max(others, b.magnitudes().get(LogCoordinateFlow.omegaIndex(c, g, i))
            .multiply(b.magnitudes().get(LogCoordinateFlow.muIndex(c, g, i))).hi());
      }
    }
    Interval margin = Interval.point(on.lo()).subtract(Interval.point(others));
    return new Condition("allocation in B: task " + (i + 1) + "'s signal on head " + (h + 1) + " exceeds every "
        + "other head's", margin, margin.isPositive(), 1);
  }

  /**
   * Proves {@code factor · ∂F/∂x_q > 0} over {@code box} by the mean-value form and bisection. The enclosure
   * reported is the hull over the proved sub-boxes, or that of the first sub-box that could not be proved.
   */
  private static Condition provePositive(String what, List<Interval> box, int q, double factor, LossJets eval) {
    return bisect(what, box, piece -> {
      LossJets.Enclosure e = eval.meanValue(piece, q, factor);
      if (e.value().isPositive()) {
        return new Attempt<>(e.value(), true, List.of());
      }
      // Proved non-positive on a whole sub-box, or nothing left to split: not proved.
      if (e.value().hi() <= 0 || e.split() < 0) {
        return new Attempt<>(e.value(), false, List.of());
      }
      Interval x = piece.get(e.split());
      double mid = x.midpoint();
      List<Interval> left = new ArrayList<>(piece);
      left.set(e.split(), Interval.of(x.lo(), mid));
      List<Interval> right = new ArrayList<>(piece);
      right.set(e.split(), Interval.of(mid, x.hi()));
      return new Attempt<>(e.value(), false, List.of(left, right));
    });
  }

  /**
   * One attempt at a piece of a box: the enclosure it found, whether that proves the condition there, and if not
   * the halves to try instead (none: the piece cannot or need not be split, so the condition is not proved).
   */
  private record Attempt<B extends Object>(Interval enclosure, boolean proved, List<B> halves) {}

  /**
   * Branch and bound, depth first: the condition proved on {@code box} or on every piece bisection makes of it,
   * at most {@link #MAX_PIECES} pieces in all. The enclosure reported is the hull over the proved pieces, or that of
   * the first piece that could not be proved (no halves, or out of budget).
   */
  private static <B extends Object> Condition bisect(String what, B box, Function<B, Attempt<B>> attempt) {
    Deque<B> todo = new ArrayDeque<>();
    todo.push(box);
    @org.checkerframework.checker.nullness.qual.Nullable Interval proved = null;
    int pieces = 0;
    while (!todo.isEmpty()) {
      Attempt<B> a = attempt.apply(todo.pop());
      pieces++;
      if (a.proved()) {
        proved = proved == null ? a.enclosure() : proved.hull(a.enclosure());
        continue;
      }
      if (a.halves().isEmpty() || pieces + todo.size() >= MAX_PIECES) {
        return new Condition(what, a.enclosure(), false, pieces);
      }
      // The first half is tried first.
      for (int k = a.halves().size() - 1; k >= 0; k--) {
        todo.push(a.halves().get(k));
      }
    }
    return new Condition(what, proved == null ? Interval.ZERO : proved, proved != null, pieces);
  }
}
