package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.LossCoefficients;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Enclosures of the constants of the leading-order reduced loss, computed from the configuration's doubles (taken
 * as exact) by the same operations, in the same order, as {@link LossCoefficients#real}: {@code a_i = s²·d_i},
 * {@code k_i = (a_i + σ²)/L}, {@code 1/n}. Each interval operation encloses the exact result of every choice of
 * operands in its inputs, and the correctly rounded double of an exact result lies between its outward-rounded
 * bounds; hence each double constant lies in its interval, and so does any double evaluation of the formula that
 * performs the same operations on doubles lying in the interval state.
 */
public final class IntervalCoefficients {
  private IntervalCoefficients() {}

  /** The enclosed constants of the configuration. */
  public static LossCoefficients<Interval> of(ProblemConfig config) {
    List<Interval> a = new ArrayList<>();
    List<Interval> k = new ArrayList<>();
    Interval sigma2 = Interval.point(config.sigma()).sqr();
    Interval length = Interval.point(config.promptLength());
    for (int i = 0; i < config.tasks(); i++) {
      Interval signal = Interval.point(config.s2()).multiply(config.blockSize(i));
      a.add(signal);
      k.add(signal.add(sigma2).divide(length));
    }
    return new LossCoefficients<>(config, Interval.ZERO, Interval.ONE,
        Interval.ONE.divide(Interval.point(config.tasks())), a, k);
  }

  /**
   * Enclosures of the log-coordinate rates {@code 2/(√D d_j)} of MODEL.md §5, by the operations of
   * {@code LogCoordinateFlow.real} (√D, times d_j, 2 divided by it), so each double rate lies in its interval.
   */
  public static List<Interval> omegaRates(ProblemConfig config) {
    List<Interval> rates = new ArrayList<>();
    Interval sqrtD = Interval.point(config.tokenDim()).sqrt();
    for (int j = 0; j < config.tasks(); j++) {
      rates.add(Interval.point(2.0).divide(sqrtD.multiply(config.blockSize(j))));
    }
    return List.copyOf(rates);
  }

  /**
   * The constants of {@link #of} as constant jets in {@code m} variables (exact zero gradients), for the formula
   * evaluated over {@link IntervalJet}s (Hessians over a box, gradients of a loss in the log coordinates).
   */
  public static LossCoefficients<IntervalJet> jets(ProblemConfig config, int m) {
    LossCoefficients<Interval> k = of(config);
    List<IntervalJet> a = new ArrayList<>();
    List<IntervalJet> v = new ArrayList<>();
    for (int i = 0; i < config.tasks(); i++) {
      a.add(IntervalJet.constant(k.signal().get(i), m));
      v.add(IntervalJet.constant(k.varianceWeight().get(i), m));
    }
    return new LossCoefficients<>(config, IntervalJet.constant(Interval.ZERO, m), IntervalJet.constant(Interval.ONE, m),
        IntervalJet.constant(k.inverseTasks(), m), a, v);
  }
}
