package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.ProblemConfig;

/**
 * The leading-order reduced loss of MODEL.md §4 of one task {@code i}, restricted to the on-task variables
 * {@code (ω, μ) = (ω_i^{h(i)}, μ_i^{h(i)})} of the head {@code h(i)} that serves it, with every other variable 0:
 *
 * <pre>
 *   L_i(ω, μ) = a (1 − μω)² + k μ² exp(d ω²),   a = s² d_i,  k = c_i / L,  c_i = s² d_i + σ²,  d = d_i
 * </pre>
 *
 * (the head's other ω are 0, so {@code E_hh = exp(d_i ω²)}; heads serving other tasks contribute nothing to task
 * {@code i}). Then {@code F = (1/n) Σ_i L_i}, so on this set the gradient and Hessian of {@code F} are {@code 1/n}
 * times the block-diagonal collection of those of the {@code L_i}: zeros, uniqueness and definiteness are decided
 * task by task. Reduced model (reconstruction).
 *
 * <p>Evaluated both in interval arithmetic (rigorous enclosures over boxes) and in plain doubles (for the
 * approximate inverse of the Krawczyk operator, and for tests). The constants {@code a} and {@code k} are
 * enclosed from the configuration's doubles, which are taken as exact.
 */
public final class OnTaskLoss {
  private final int d;
  private final Interval a;
  private final Interval k;
  private final double aDouble;
  private final double kDouble;

  private OnTaskLoss(int d, Interval a, Interval k) {
    this.d = d;
    this.a = a;
    this.k = k;
    this.aDouble = a.midpoint();
    this.kDouble = k.midpoint();
  }

  /** The on-task loss of task {@code task} (0-based) of the configuration. */
  public static OnTaskLoss of(ProblemConfig config, int task) {
    int d = config.blockSize(task);
    Interval s2 = Interval.point(config.s2());
    Interval a = s2.multiply(d);
    Interval c = a.add(Interval.point(config.sigma()).sqr());
    Interval k = c.divide(Interval.point(config.promptLength()));
    return new OnTaskLoss(d, a, k);
  }

  /** Block size d_i. */
  public int blockSize() {
    return d;
  }

  /** Enclosure of {@code a = s² d_i}. */
  public Interval signal() {
    return a;
  }

  /** Enclosure of {@code k = c_i / L}. */
  public Interval varianceWeight() {
    return k;
  }

  /** Enclosure of {@code exp(d ω²)} over {@code ω}. */
  public Interval attentionMoment(Interval omega) {
    return omega.sqr().multiply(d).exp();
  }

  /** Enclosure of {@code L_i} over the box. */
  public Interval loss(TaskBox x) {
    Interval r = Interval.ONE.subtract(x.mu().multiply(x.omega()));
    return a.multiply(r.sqr()).add(k.multiply(x.mu().sqr()).multiply(attentionMoment(x.omega())));
  }

  /**
   * Enclosure of the gradient {@code (∂L_i/∂ω, ∂L_i/∂μ)} over the box:
   * {@code ∂/∂ω = −2aμR + 2kdωμ²E}, {@code ∂/∂μ = −2aωR + 2kμE}, {@code R = 1 − μω}, {@code E = exp(dω²)}.
   */
  public TaskBox gradient(TaskBox x) {
    Interval w = x.omega();
    Interval m = x.mu();
    Interval r = Interval.ONE.subtract(m.multiply(w));
    Interval e = attentionMoment(w);
    Interval twoA = a.multiply(2.0);
    Interval twoK = k.multiply(2.0);
    Interval gw = twoK.multiply(d).multiply(w).multiply(m.sqr()).multiply(e).subtract(twoA.multiply(m).multiply(r));
    Interval gm = twoK.multiply(m).multiply(e).subtract(twoA.multiply(w).multiply(r));
    return new TaskBox(gw, gm);
  }

  /**
   * Enclosure of the Hessian of {@code L_i} in {@code (ω, μ)} over the box:
   * {@code ∂²/∂ω² = 2aμ² + 2kdμ²E(1 + 2dω²)}, {@code ∂²/∂ω∂μ = −2a(1 − 2μω) + 4kdωμE}, {@code ∂²/∂μ² = 2aω² + 2kE}.
   */
  public SymmetricIntervalMatrix2 hessian(TaskBox x) {
    Interval w = x.omega();
    Interval m = x.mu();
    Interval e = attentionMoment(w);
    Interval twoA = a.multiply(2.0);
    Interval twoK = k.multiply(2.0);
    Interval m2 = m.sqr();
    Interval ww = twoA.multiply(m2)
        .add(twoK.multiply(d).multiply(m2).multiply(e).multiply(Interval.ONE.add(w.sqr().multiply(2.0 * d))));
    Interval wm = k.multiply(4.0 * d).multiply(w).multiply(m).multiply(e)
        .subtract(twoA.multiply(Interval.ONE.subtract(m.multiply(w).multiply(2.0))));
    Interval mm = twoA.multiply(w.sqr()).add(twoK.multiply(e));
    return new SymmetricIntervalMatrix2(ww, wm, mm);
  }

  /** The gradient in plain doubles, {@code {∂/∂ω, ∂/∂μ}} (approximate; not an enclosure). */
  public double[] gradientApprox(double omega, double mu) {
    double r = 1.0 - mu * omega;
    double e = StrictMath.exp(d * omega * omega);
    return new double[] {
        -2 * aDouble * mu * r + 2 * kDouble * d * omega * mu * mu * e,
        -2 * aDouble * omega * r + 2 * kDouble * mu * e};
  }

  /** The Hessian in plain doubles, {@code {∂²/∂ω², ∂²/∂ω∂μ, ∂²/∂μ²}} (approximate; not an enclosure). */
  public double[] hessianApprox(double omega, double mu) {
    double e = StrictMath.exp(d * omega * omega);
    double ww = 2 * aDouble * mu * mu + 2 * kDouble * d * mu * mu * e * (1 + 2 * d * omega * omega);
    double wm = -2 * aDouble * (1 - 2 * mu * omega) + 4 * kDouble * d * omega * mu * e;
    double mm = 2 * aDouble * omega * omega + 2 * kDouble * e;
    return new double[] {ww, wm, mm};
  }

  /** The closed-form stationary point of MODEL.md §6, {@code ω* = 1/√d_i}, in doubles. */
  public double omegaStarApprox() {
    return 1.0 / StrictMath.sqrt(d);
  }

  /** The closed-form stationary point of MODEL.md §6, {@code μ* = √d_i / (1 + e κ_i d_i)}, in doubles. */
  public double muStarApprox() {
    // e κ_i d_i = e c_i / (s² L) = e k / s² with k = c_i/L and s² = a/d.
    return StrictMath.sqrt(d) / (1 + StrictMath.E * kDouble * d / aDouble);
  }

  /** Enclosure of {@code ω* = 1/√d_i}. */
  public Interval omegaStar() {
    return Interval.ONE.divide(Interval.point(d).sqrt());
  }

  /** Enclosure of {@code μ* = √d_i / (1 + e k d / a)}, with {@code e} enclosed as {@code exp([1, 1])}. */
  public Interval muStar() {
    Interval e = Interval.ONE.exp();
    Interval denominator = Interval.ONE.add(e.multiply(k).multiply(d).divide(a));
    return Interval.point(d).sqrt().divide(denominator);
  }
}
