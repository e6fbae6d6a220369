package io.github.softmaxicl.theory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The leading-order reduced loss of MODEL.md §4 and its derivatives, written once for any {@link Scalar}: in
 * doubles ({@link Real}, behind {@link LeadingOrderLoss}) and in outward-rounded intervals (behind the limit
 * certificate). With {@code c_i = s² d_i + σ²}, {@code a_i = s² d_i}, {@code k_i = c_i/L}:
 *
 * <pre>
 *   E_hg = exp(Σ_j d_j ω_j^h ω_j^g),   R_i = 1 − Σ_h μ_i^h ω_i^h,
 *   L_i = a_i R_i² + k_i Σ_{h,g} μ_i^h μ_i^g E_hg,   F = (1/n) Σ_i L_i
 *   ∂F/∂μ_i^h = (1/n) [ −2 a_i ω_i^h R_i + 2 k_i Σ_g E_hg μ_i^g ]
 *   ∂F/∂ω_j^h = (1/n) [ −2 a_j μ_j^h R_j + 2 d_j Σ_g A_hg ω_j^g ],   A_hg = E_hg Σ_i k_i μ_i^h μ_i^g
 *   ∂²F/∂(ω_j^h)² = (1/n) [ 2 a_j (μ_j^h)² + 2 d_j A_hh + 2 d_j Σ_g (∂A_hg/∂ω_j^h) ω_j^g ]
 * </pre>
 *
 * with {@code ∂E_hg/∂ω_j^h = d_j ω_j^g E_hg} for {@code g ≠ h} and {@code 2 d_j ω_j^h E_hh} for {@code g = h}.
 *
 * <p>The order of every operation is fixed and is that of the double loop this class replaced; the integrator's
 * fast kernel ({@code numerics.reduced.LeadingOrderLogField}) performs the same operations in the same order
 * (only its exp differs), and a test holds the two together. E is computed once per unordered pair
 * ({@code E_hg} for {@code g ≤ h}) and shared. Everything the value needs is computed on construction; the
 * derivatives are computed on request. Immutable. Reduced model (reconstruction).
 *
 * @param <T> the number type
 */
public final class LeadingOrderFormula<T extends Scalar<T>> {
  private final LossCoefficients<T> k;
  private final int heads;
  private final int tasks;
  private final List<T> omega;
  private final List<T> mu;
  private final List<T> moments;
  private final List<T> residuals;
  private final List<T> attended;
  private final List<T> taskLosses;
  private final List<T> couplings;
  private final T value;

  private LeadingOrderFormula(LossCoefficients<T> k, List<T> omega, List<T> mu) {
    this.k = k;
    this.heads = k.config().heads();
    this.tasks = k.config().tasks();
    this.omega = omega;
    this.mu = mu;
    T zero = k.zero();
    int n = tasks;
    List<T> e = new ArrayList<>(Collections.nCopies(heads * heads, zero));
    for (int h = 0; h < heads; h++) {
      for (int g = 0; g <= h; g++) {
        T q = zero;
        for (int j = 0; j < n; j++) {
          q = q.add(at(omega, n, h, j).multiply(k.config().blockSize(j)).multiply(at(omega, n, g, j)));
        }
        T ex = q.exp();
        e.set(h * heads + g, ex);
        e.set(g * heads + h, ex);
      }
    }
    this.moments = Collections.unmodifiableList(e);
    List<T> r = new ArrayList<>();
    List<T> em = new ArrayList<>(Collections.nCopies(heads * n, zero));
    List<T> li = new ArrayList<>();
    T f = zero;
    for (int i = 0; i < n; i++) {
      T res = k.one();
      for (int h = 0; h < heads; h++) {
        res = res.subtract(at(mu, n, h, i).multiply(at(omega, n, h, i)));
      }
      r.add(res);
      T variance = zero;
      for (int h = 0; h < heads; h++) {
        T inner = zero;
        for (int g = 0; g < heads; g++) {
          inner = inner.add(at(e, heads, h, g).multiply(at(mu, n, g, i)));
        }
        em.set(h * n + i, inner);
        variance = variance.add(at(mu, n, h, i).multiply(inner));
      }
      T loss = k.signal().get(i).multiply(res).multiply(res).add(k.varianceWeight().get(i).multiply(variance));
      li.add(loss);
      f = f.add(loss);
    }
    this.residuals = Collections.unmodifiableList(r);
    this.attended = Collections.unmodifiableList(em);
    this.taskLosses = Collections.unmodifiableList(li);
    this.value = k.inverseTasks().multiply(f);
    List<T> a = new ArrayList<>();
    for (int h = 0; h < heads; h++) {
      for (int g = 0; g < heads; g++) {
        a.add(muProduct(k, mu, h, g).multiply(at(e, heads, h, g)));
      }
    }
    this.couplings = Collections.unmodifiableList(a);
  }

  /**
   * The formula at the state {@code omega[h][j]}, {@code mu[h][i]} (H×n lists).
   *
   * @throws IllegalArgumentException if the shapes are not H×n of the coefficients' configuration
   */
  public static <T extends Scalar<T>> LeadingOrderFormula<T> of(LossCoefficients<T> coefficients,
      List<List<T>> omega, List<List<T>> mu) {
    return new LeadingOrderFormula<>(coefficients, flatten(coefficients.config(), omega, "omega"),
        flatten(coefficients.config(), mu, "mu"));
  }

  private static <T> List<T> flatten(ProblemConfig config, List<List<T>> m, String name) {
    if (m.size() != config.heads()) {
      throw new IllegalArgumentException(name + " has " + m.size() + " head rows, expected " + config.heads());
    }
    List<T> flat = new ArrayList<>();
    for (List<T> row : m) {
      if (row.size() != config.tasks()) {
        throw new IllegalArgumentException(name + " row has " + row.size() + " tasks, expected " + config.tasks());
      }
      flat.addAll(row);
    }
    return Collections.unmodifiableList(flat);
  }

  /** Entry (row, column) of a row-major list with {@code columns} columns. */
  private static <T> T at(List<T> flat, int columns, int row, int column) {
    return flat.get(row * columns + column);
  }

  private T w(int h, int j) {
    return at(omega, tasks, h, j);
  }

  private T m(int h, int i) {
    return at(mu, tasks, h, i);
  }

  /** {@code Σ_i k_i μ_i^h μ_i^g}: A_hg without its moment. */
  private static <T extends Scalar<T>> T muProduct(LossCoefficients<T> k, List<T> mu, int h, int g) {
    int n = k.config().tasks();
    T s = k.zero();
    for (int i = 0; i < n; i++) {
      s = s.add(k.varianceWeight().get(i).multiply(at(mu, n, h, i)).multiply(at(mu, n, g, i)));
    }
    return s;
  }

  /** {@code E_hg}. */
  public T moment(int h, int g) {
    return moments.get(h * heads + g);
  }

  /** {@code R_i = 1 − Σ_h μ_i^h ω_i^h}. */
  public T residual(int i) {
    return residuals.get(i);
  }

  /** {@code A_hg = E_hg Σ_i k_i μ_i^h μ_i^g}. */
  public T coupling(int h, int g) {
    return couplings.get(h * heads + g);
  }

  /** {@code L_i} (F is their mean). */
  public T taskLoss(int i) {
    return taskLosses.get(i);
  }

  /** {@code F = (1/n) Σ_i L_i}. */
  public T value() {
    return value;
  }

  /** {@code ∂F/∂μ_i^h}. */
  public T dMu(int h, int i) {
    T signalTerm = k.signal().get(i).multiply(-2.0).multiply(w(h, i)).multiply(residual(i));
    T varianceTerm = k.varianceWeight().get(i).multiply(2.0).multiply(attended.get(h * tasks + i));
    return k.inverseTasks().multiply(signalTerm.add(varianceTerm));
  }

  /** {@code ∂F/∂ω_j^h}. */
  public T dOmega(int h, int j) {
    T inner = k.zero();
    for (int g = 0; g < heads; g++) {
      inner = inner.add(coupling(h, g).multiply(w(g, j)));
    }
    T signalTerm = k.signal().get(j).multiply(-2.0).multiply(m(h, j)).multiply(residual(j));
    return k.inverseTasks().multiply(signalTerm.add(inner.multiply(2.0 * k.config().blockSize(j))));
  }

  /** {@code ∂²F/∂(ω_j^h)²}. */
  public T dOmegaOmega(int h, int j) {
    int dj = k.config().blockSize(j);
    T first = k.signal().get(j).multiply(2.0).multiply(m(h, j).sqr());
    T sum = coupling(h, h);
    for (int g = 0; g < heads; g++) {
      // ∂E_hg/∂ω_j^h: d_j ω_j^g E_hg for g ≠ h; for g = h the exponent has ω_j^h twice.
      T dMoment = w(g, j).multiply(dj).multiply(moment(h, g)).multiply(g == h ? 2.0 : 1.0);
      sum = sum.add(muProduct(k, mu, h, g).multiply(dMoment).multiply(w(g, j)));
    }
    return k.inverseTasks().multiply(first.add(sum.multiply(2.0 * dj)));
  }
}
