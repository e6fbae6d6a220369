package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.LeadingOrderFormula;
import io.github.softmaxicl.theory.LossCoefficients;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.Real;
import io.github.softmaxicl.theory.Scalar;
import java.util.List;

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
 * <p>{@code L_i} is the general loss ({@link LeadingOrderFormula}) of a one-head, one-task problem with block
 * {@code d_i} (its {@code 1/n} is exactly 1), so value and gradient come from there. The Hessian
 *
 * <pre>
 *   ∂²/∂ω² = 2aμ² + 2kdμ²E(1 + 2dω²),   ∂²/∂ω∂μ = −2a(1 − 2μω) + 4kdωμE,   ∂²/∂μ² = 2aω² + 2kE
 * </pre>
 *
 * is written once over {@link Scalar} and evaluated both in interval arithmetic (rigorous, over boxes) and in
 * doubles (for the approximate inverse of the Krawczyk operator). The constants are enclosed from the
 * configuration's doubles, which are taken as exact.
 */
public final class OnTaskLoss {
  private final int d;
  private final LossCoefficients<Interval> coefficients;
  private final double aDouble;
  private final double kDouble;

  private OnTaskLoss(int d, LossCoefficients<Interval> coefficients) {
    this.d = d;
    this.coefficients = coefficients;
    this.aDouble = signal().midpoint();
    this.kDouble = varianceWeight().midpoint();
  }

  /** The on-task loss of task {@code task} (0-based) of the configuration. */
  public static OnTaskLoss of(ProblemConfig config, int task) {
    int d = config.blockSize(task);
    ProblemConfig single = ProblemConfig.of(d, new int[] {d}, 1, config.promptLength(), config.sigma(),
        config.s2());
    return new OnTaskLoss(d, IntervalCoefficients.of(single));
  }

  /** Block size d_i. */
  public int blockSize() {
    return d;
  }

  /** Enclosure of {@code a = s² d_i}. */
  public Interval signal() {
    return coefficients.signal().get(0);
  }

  /** Enclosure of {@code k = c_i / L}. */
  public Interval varianceWeight() {
    return coefficients.varianceWeight().get(0);
  }

  private LeadingOrderFormula<Interval> at(TaskBox x) {
    return LeadingOrderFormula.of(coefficients, List.of(List.of(x.omega())), List.of(List.of(x.mu())));
  }

  /** Enclosure of {@code L_i} over the box. */
  public Interval loss(TaskBox x) {
    return at(x).value();
  }

  /** Enclosure of the gradient {@code (∂L_i/∂ω, ∂L_i/∂μ)} over the box. */
  public TaskBox gradient(TaskBox x) {
    LeadingOrderFormula<Interval> f = at(x);
    return new TaskBox(f.dOmega(0, 0), f.dMu(0, 0));
  }

  /** Enclosure of the Hessian of {@code L_i} in {@code (ω, μ)} over the box. */
  public SymmetricIntervalMatrix2 hessian(TaskBox x) {
    List<Interval> h = hessian(signal(), varianceWeight(), Interval.ONE, d, x.omega(), x.mu());
    return new SymmetricIntervalMatrix2(h.get(0), h.get(1), h.get(2));
  }

  /**
   * The Hessian in plain doubles at the constants' midpoints, {@code {∂²/∂ω², ∂²/∂ω∂μ, ∂²/∂μ²}} (approximate; not
   * an enclosure).
   */
  public double[] hessianApprox(double omega, double mu) {
    List<Real> h = hessian(new Real(aDouble), new Real(kDouble), Real.ONE, d, new Real(omega), new Real(mu));
    return new double[] {h.get(0).value(), h.get(1).value(), h.get(2).value()};
  }

  /** {@code {∂²/∂ω², ∂²/∂ω∂μ, ∂²/∂μ²}} of {@code L_i} at {@code (w, m)}. */
  private static <T extends Scalar<T>> List<T> hessian(T a, T k, T one, int d, T w, T m) {
    T e = w.sqr().multiply(d).exp();
    T twoA = a.multiply(2.0);
    T twoK = k.multiply(2.0);
    T m2 = m.sqr();
    T ww = twoA.multiply(m2).add(twoK.multiply(d).multiply(m2).multiply(e).multiply(one.add(w.sqr().multiply(2.0 * d))));
    T wm = k.multiply(4.0 * d).multiply(w).multiply(m).multiply(e)
        .subtract(twoA.multiply(one.subtract(m.multiply(w).multiply(2.0))));
    T mm = twoA.multiply(w.sqr()).add(twoK.multiply(e));
    return List.of(ww, wm, mm);
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
    Interval denominator = Interval.ONE.add(e.multiply(varianceWeight()).multiply(d).divide(signal()));
    return Interval.point(d).sqrt().divide(denominator);
  }
}
