package io.github.softmaxicl.theory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The constants of the leading-order reduced loss (MODEL.md §4) in a number type {@code T}: per task the signal
 * weight {@code a_i = s² d_i} and the variance weight {@code k_i = c_i / L}, {@code c_i = s² d_i + σ²}, and
 * {@code 1/n}. The block sizes {@code d_j} are small integers and enter as exact doubles.
 *
 * @param config the problem (block sizes, heads, tasks)
 * @param zero 0 in {@code T}
 * @param one 1 in {@code T}
 * @param inverseTasks {@code 1/n}
 * @param signal {@code a_i}, one per task
 * @param varianceWeight {@code k_i}, one per task
 * @param <T> the number type
 */
public record LossCoefficients<T extends Scalar<T>>(ProblemConfig config, T zero, T one, T inverseTasks,
    List<T> signal, List<T> varianceWeight) {

  /** Copies the lists; their length must be the number of tasks. */
  public LossCoefficients {
    signal = List.copyOf(signal);
    varianceWeight = List.copyOf(varianceWeight);
    if (signal.size() != config.tasks() || varianceWeight.size() != config.tasks()) {
      throw new IllegalArgumentException("need one signal and one variance weight per task");
    }
  }

  /**
   * The constants in doubles, computed as {@link LeadingOrderLoss} always has: {@code a_i = s²·d_i},
   * {@code k_i = (s²·d_i + σ·σ)/L}, {@code 1/n}.
   */
  public static LossCoefficients<Real> real(ProblemConfig config) {
    List<Real> a = new ArrayList<>();
    List<Real> k = new ArrayList<>();
    for (int i = 0; i < config.tasks(); i++) {
      a.add(new Real(config.s2() * config.blockSize(i)));
      k.add(new Real(config.signalPlusNoise(i) / config.promptLength()));
    }
    return new LossCoefficients<>(config, Real.ZERO, Real.ONE, new Real(1.0 / config.tasks()),
        Collections.unmodifiableList(a), Collections.unmodifiableList(k));
  }
}
