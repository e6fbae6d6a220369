package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.LogCoordinateFlow;
import io.github.softmaxicl.theory.LossCoefficients;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.IntervalCoefficients;
import io.github.softmaxicl.theory.interval.IntervalJet;
import io.github.softmaxicl.theory.interval.TaylorSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * The log-coordinate reduced flow (MODEL.md §5, leading-order loss) as a {@link TaylorVectorField}: the generic
 * {@link LogCoordinateFlow} evaluated over {@link TaylorSeries}, with the constants enclosed by
 * {@link IntervalCoefficients} and lifted to constant series. No formula is retyped here. Reduced model
 * (reconstruction).
 */
public final class ReducedLogTaylorField implements TaylorVectorField {
  private final ProblemConfig config;
  private final SpectralState start;
  private final LossCoefficients<Interval> constants;
  private final List<Interval> rates;

  /** The field of {@code config} with the signs of {@code start}. */
  public ReducedLogTaylorField(ProblemConfig config, SpectralState start) {
    this(config, start, IntervalCoefficients.of(config), IntervalCoefficients.omegaRates(config));
  }

  /**
   * The field with given enclosed constants (tests use this to build a deliberately wrong field, e.g. with a
   * changed rate).
   */
  public ReducedLogTaylorField(ProblemConfig config, SpectralState start, LossCoefficients<Interval> constants,
      List<Interval> rates) {
    this.config = config;
    this.start = start;
    this.constants = constants;
    this.rates = List.copyOf(rates);
    // fail early on a shape mismatch or a zero start entry
    new LogCoordinateFlow<>(constants, this.rates, start);
  }

  @Override
  public int dimension() {
    return 2 * config.heads() * config.tasks();
  }

  /** The log-coordinate start point y(0) = (log|ω(0)|, log|μ(0)|), each enclosed (log is not exact). */
  public List<Interval> startEnclosure() {
    List<Interval> omega = new ArrayList<>();
    List<Interval> mu = new ArrayList<>();
    for (int h = 0; h < config.heads(); h++) {
      for (int j = 0; j < config.tasks(); j++) {
        omega.add(Interval.point(Math.abs(start.omega(h, j))).log());
        mu.add(Interval.point(Math.abs(start.mu(h, j))).log());
      }
    }
    omega.addAll(mu);
    return List.copyOf(omega);
  }

  @Override
  public List<TaylorSeries> apply(List<TaylorSeries> x) {
    int m = x.get(0).coefficient(0).variables();
    List<TaylorSeries> a = new ArrayList<>();
    List<TaylorSeries> k = new ArrayList<>();
    for (int i = 0; i < config.tasks(); i++) {
      a.add(lift(constants.signal().get(i), m));
      k.add(lift(constants.varianceWeight().get(i), m));
    }
    LossCoefficients<TaylorSeries> lifted = new LossCoefficients<>(config, lift(constants.zero(), m),
        lift(constants.one(), m), lift(constants.inverseTasks(), m), a, k);
    List<TaylorSeries> r = new ArrayList<>();
    for (Interval rate : rates) {
      r.add(lift(rate, m));
    }
    return new LogCoordinateFlow<>(lifted, r, start).derivative(x);
  }

  private static TaylorSeries lift(Interval c, int m) {
    return TaylorSeries.constant(IntervalJet.constant(c, m));
  }
}
