package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.LeadingOrderFormula;
import io.github.softmaxicl.theory.LogCoordinateFlow;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A candidate trapping region B of the balanced reduced flow (MODEL.md §5) around its one-head-per-task limit, as a
 * box of <em>magnitudes</em> |ω_j^h|, |μ_i^h| (the flow never changes a sign, so the signs are those of the start):
 *
 * <ul>
 *   <li>the serving head {@code h(i)} of task i: |ω_i^{h(i)}| in [ω_i* − r_ω,i, ω_i* + r_ω,i] and |μ_i^{h(i)}| in
 *       [μ_i* − r_μ,i, μ_i* + r_μ,i] (the <em>on-task</em> pair);
 *   <li>every other entry of a serving head and every μ of a head serving no task (H &gt; n): [0, ε];
 *   <li>every ω of a head serving no task: [0, W] (its proof adds a slanted face, see
 *       {@link TrappingRegionProof}).
 * </ul>
 *
 * The faces at magnitude 0 need no proof: |x| = 0 is invariant (dy/dt in log coordinates is bounded on B, so a
 * non-zero entry never reaches 0 in finite time). Coordinates are laid out as in {@code LogCoordinateFlow}: entry
 * {@code h·n + j} is ω_j^h, entry {@code H·n + h·n + i} is μ_i^h. Immutable. Reduced model (reconstruction).
 *
 * @param config the problem
 * @param allocation the serving head of each task (distinct heads)
 * @param signs the sign (±1) of every coordinate, from the start
 * @param magnitudes the range of |x| of every coordinate (lower end 0 for every entry but the on-task pairs)
 */
public record TrappingRegion(ProblemConfig config, List<Integer> allocation, List<Double> signs,
    List<Interval> magnitudes) {

  /**
   * Smallest on-task ω radius {@link #around} gives, relative to ω*: ten times the relative radius of the box in
   * which the Krawczyk operator proves the stationary point ({@link TrappingRegionProof#KRAWCZYK_RADIUS}), which
   * must lie inside.
   */
  public static final double MIN_RELATIVE_RADIUS = 1e-5;

  /** What a coordinate is at the limit. */
  public enum Role {
    /** ω_i^{h(i)} or μ_i^{h(i)}: converges to the closed form. */
    ON_TASK,
    /** Another entry of a serving head: decays to 0. */
    OFF_TASK,
    /** μ of a head serving no task: decays to 0. */
    SPARE_MU,
    /** ω of a head serving no task: freezes at some value as that head's μ decay (the limit is a set). */
    SPARE_OMEGA
  }

  /** Copies the lists and checks the shapes: one distinct head per task, 2 H n signs and ranges. */
  public TrappingRegion {
    allocation = List.copyOf(allocation);
    signs = List.copyOf(signs);
    magnitudes = List.copyOf(magnitudes);
    int n = config.tasks();
    int dim = 2 * config.heads() * n;
    if (allocation.size() != n || signs.size() != dim || magnitudes.size() != dim) {
      throw new IllegalArgumentException("a trapping region needs " + n + " serving heads and " + dim
          + " signs and ranges");
    }
    for (int i = 0; i < n; i++) {
      int h = allocation.get(i);
      if (h < 0 || h >= config.heads() || allocation.indexOf(h) != i) {
        throw new IllegalArgumentException("serving heads must be distinct heads in [0, H): " + allocation);
      }
    }
    for (int q = 0; q < dim; q++) {
      if (Math.abs(signs.get(q)) != 1.0) {
        throw new IllegalArgumentException("sign " + q + " is " + signs.get(q) + ", expected +1 or -1");
      }
      if (magnitudes.get(q).lo() < 0) {
        throw new IllegalArgumentException("magnitude range " + q + " reaches below 0: " + magnitudes.get(q));
      }
    }
  }

  /**
   * The region around the closed-form limit that holds the log-coordinate box {@code logBox} (a tube's end
   * enclosure) with room {@code growth}: every off-task and spare range is {@code growth} times the box's largest
   * magnitude there, and each on-task pair gets radii {@code r_μ = ρ r_ω}, {@code ρ = sqrt(H_ωω/H_μμ)} from the
   * Hessian of F at the limit. Why that aspect: on the face ω = ω* + r_ω the linear part of ∂F/∂ω is
   * H_ωω r_ω + H_ωμ δμ with |δμ| ≤ ρ r_ω, positive iff H_ωω &gt; |H_ωμ| ρ, and on the μ face H_μμ ρ &gt; |H_ωμ|;
   * this ρ makes both read sqrt(H_ωω H_μμ) &gt; |H_ωμ|, which a positive-definite Hessian satisfies, with the same
   * relative margin on both faces. r_ω is the largest of: {@code growth} times the smallest radius that holds the
   * box; twice the radius below which the other entries' distance from the limit (Σ_l |∂²F/∂x ∂x_l| |x_l − x_l*|,
   * enclosed over the ranges) could outweigh those linear margins; and {@link #MIN_RELATIVE_RADIUS} ω*.
   *
   * @throws IllegalArgumentException on a shape mismatch or {@code growth < 1}
   */
  public static TrappingRegion around(ProblemConfig config, SpectralState start, List<Integer> allocation,
      List<Interval> logBox, double growth) {
    int heads = config.heads();
    int n = config.tasks();
    int dim = 2 * heads * n;
    if (logBox.size() != dim || !(growth >= 1)) {
      throw new IllegalArgumentException("need a box of " + dim + " log coordinates and growth >= 1");
    }
    List<Double> signs = signsOf(config, start);
    List<Interval> ranges = new ArrayList<>(Collections.nCopies(dim, Interval.ZERO));
    for (int q = 0; q < dim; q++) {
      double top = logBox.get(q).exp().hi();
      ranges.set(q, Interval.of(0.0, top * growth));
    }
    // Where the off-task entries tip the on-task faces: the Hessian rows of the on-task pairs over the limit with
    // every other entry in its range (jets over that box).
    List<Interval> atLimit = new ArrayList<>();
    for (int q = 0; q < dim; q++) {
      Interval r = ranges.get(q);
      atLimit.add(signs.get(q) > 0 ? r : r.negate());
    }
    List<Double> stars = new ArrayList<>(Collections.nCopies(dim, 0.0));
    for (int i = 0; i < n; i++) {
      int h = allocation.get(i);
      OnTaskLoss loss = OnTaskLoss.of(config, i);
      int qw = LogCoordinateFlow.omegaIndex(config, h, i);
      int qm = LogCoordinateFlow.muIndex(config, h, i);
      stars.set(qw, loss.omegaStarApprox());
      stars.set(qm, loss.muStarApprox());
      atLimit.set(qw, Interval.point(signs.get(qw) * loss.omegaStarApprox()));
      atLimit.set(qm, Interval.point(signs.get(qm) * loss.muStarApprox()));
    }
    LossJets jets = new LossJets(config, dim);
    LeadingOrderFormula<IntervalJet> f = jets.jets(atLimit);
    for (int i = 0; i < n; i++) {
      int h = allocation.get(i);
      int qw = LogCoordinateFlow.omegaIndex(config, h, i);
      int qm = LogCoordinateFlow.muIndex(config, h, i);
      double w = stars.get(qw);
      double m = stars.get(qm);
      IntervalJet gw = jets.derivative(f, qw);
      IntervalJet gm = jets.derivative(f, qm);
      double hww = gw.derivative(qw).midpoint();
      double hwm = Math.abs(gw.derivative(qm).midpoint());
      double hmm = gm.derivative(qm).midpoint();
      double rho = aspect(hww, hmm);
      // Largest shift of ∂F/∂ω and ∂F/∂μ of the pair by every other entry's distance from the limit.
      double pw = 0;
      double pm = 0;
      for (int l = 0; l < dim; l++) {
        if (l != qw && l != qm) {
          double offset = atLimit.get(l).subtract(Interval.point(signs.get(l) * stars.get(l))).magnitude();
          pw += gw.derivative(l).magnitude() * offset;
          pm += gm.derivative(l).magnitude() * offset;
        }
      }
      // Linear face margins per unit r_ω: ω face H_ωω − |H_ωμ|ρ, μ face H_μμ ρ − |H_ωμ|; twice the radius at which
      // the shift would cancel them, for the curvature the linear picture leaves out.
      double floor = shiftFloor(hww - hwm * rho, hmm * rho - hwm, pw, pm);
      Interval bw = logBox.get(qw).exp();
      Interval bm = logBox.get(qm).exp();
      double devW = Math.max(Math.abs(bw.lo() - w), Math.abs(bw.hi() - w));
      double devM = Math.max(Math.abs(bm.lo() - m), Math.abs(bm.hi() - m));
      double rw = Math.max(Math.max(growth * Math.max(devW, devM / rho), floor), MIN_RELATIVE_RADIUS * w);
      double rm = rho * rw;
      // A radius reaching 0 leaves an invalid region; the proof then reports it rather than this method.
      ranges.set(qw, Interval.of(Math.max(0.0, w - rw), w + rw));
      ranges.set(qm, Interval.of(Math.max(0.0, m - rm), m + rm));
    }
    return new TrappingRegion(config, allocation, signs, ranges);
  }

  /**
   * The aspect ρ = r_μ / r_ω = sqrt(H_ωω/H_μμ) of an on-task pair from the midpoints of its Hessian diagonal, or 1
   * when either is not positive (the midpoint Hessian is then not positive definite and gives no aspect; the proof
   * reports such a region). Package-private so that a test can give the diagonal the limit never produces, 0 exactly.
   */
  static double aspect(double hww, double hmm) {
    return hww > 0 && hmm > 0 ? Math.sqrt(hww / hmm) : 1.0;
  }

  /**
   * Twice the radius r_ω at which the shifts {@code pw}, {@code pm} of ∂F/∂ω and ∂F/∂μ by the other entries would
   * cancel the linear face margins per unit r_ω ({@code marginW} = H_ωω − |H_ωμ|ρ, {@code marginM} = H_μμ ρ − |H_ωμ|),
   * or 0 when a margin is not positive: no radius then makes the linear picture hold, and no floor is taken (a
   * margin of exactly 0 would otherwise give an infinite or NaN floor). Package-private for the same reason as
   * {@link #aspect}.
   */
  static double shiftFloor(double marginW, double marginM, double pw, double pm) {
    return marginW > 0 && marginM > 0 ? 2 * Math.max(pw / marginW, pm / marginM) : 0.0;
  }

  /** The signs (±1) of a start's coordinates, in the region's layout. */
  static List<Double> signsOf(ProblemConfig config, SpectralState start) {
    List<Double> s = new ArrayList<>();
    for (int h = 0; h < config.heads(); h++) {
      for (int j = 0; j < config.tasks(); j++) {
        s.add(start.omega(h, j) < 0 ? -1.0 : 1.0);
      }
    }
    for (int h = 0; h < config.heads(); h++) {
      for (int i = 0; i < config.tasks(); i++) {
        s.add(start.mu(h, i) < 0 ? -1.0 : 1.0);
      }
    }
    return s;
  }

  /** Dimension 2 H n. */
  public @org.checkerframework.checker.index.qual.NonNegative int dimension() {
    return magnitudes.size();
  }

  /** True if coordinate q is an ω. */
  public boolean isOmega(int q) {
    return q < config.heads() * config.tasks();
  }

  /** The head of coordinate q. */
  public int head(int q) {
    return (q % (config.heads() * config.tasks())) / config.tasks();
  }

  /** The task (block) of coordinate q. */
  public int task(int q) {
    return q % config.tasks();
  }

  /** The task head h serves, or −1. */
  public int servedBy(int h) {
    return allocation.indexOf(h);
  }

  /** The role of coordinate q. */
  public Role role(int q) {
    int served = servedBy(head(q));
    if (served < 0) {
      return isOmega(q) ? Role.SPARE_OMEGA : Role.SPARE_MU;
    }
    return served == task(q) ? Role.ON_TASK : Role.OFF_TASK;
  }

  /** "omega_j^h" or "mu_i^h", 1-based. */
  public String name(int q) {
    return (isOmega(q) ? "omega_" : "mu_") + (task(q) + 1) + "^" + (head(q) + 1);
  }

  /** The range of the signed value of coordinate q: sign times its magnitude range. */
  public Interval signedRange(int q) {
    Interval m = magnitudes.get(q);
    return signs.get(q) > 0 ? m : m.negate();
  }

  /** The signed ranges of every coordinate: the box hull of B. */
  public List<Interval> signedBox() {
    List<Interval> b = new ArrayList<>();
    for (int q = 0; q < dimension(); q++) {
      b.add(signedRange(q));
    }
    return b;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int q = 0; q < dimension(); q++) {
      sb.append(q == 0 ? "" : ", ").append(name(q)).append(" in ").append(signedRange(q));
    }
    return sb.toString();
  }
}
