package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Enclosures of the partial derivatives of the leading-order reduced loss {@code F} of MODEL.md §4 over an
 * interval state (an H×n matrix of intervals for ω and one for μ), in all variables, on-task or not:
 *
 * <pre>
 *   ∂F/∂μ_i^h = (1/n) [ −2 s² d_i ω_i^h R_i + 2 (c_i/L) Σ_{h'} E_{hh'} μ_i^{h'} ]
 *   ∂F/∂ω_j^h = (1/n) [ −2 s² d_j μ_j^h R_j + 2 d_j Σ_{h'} A_{hh'} ω_j^{h'} ],  A_{hh'} = Σ_i (c_i/L) μ_i^h μ_i^{h'} E_{hh'}
 *   ∂²F/∂(ω_j^h)² = (1/n) [ 2 s² d_j (μ_j^h)² + 2 d_j A_{hh} + 2 d_j Σ_{h'} (∂A_{hh'}/∂ω_j^h) ω_j^{h'} ]
 * </pre>
 *
 * with {@code R_i = 1 − Σ_h μ_i^h ω_i^h}, {@code E_{hh'} = exp(Σ_j d_j ω_j^h ω_j^{h'})},
 * {@code ∂E_{hh'}/∂ω_j^h = d_j ω_j^{h'} E_{hh'}} for {@code h' ≠ h} and {@code 2 d_j ω_j^h E_{hh}} for
 * {@code h' = h}. Terms with an exactly-zero factor are exactly zero (see {@link Interval}), so a derivative that
 * vanishes identically at a point with zero entries is enclosed by {@code [0, 0]}. Reduced model (reconstruction).
 */
public final class IntervalReducedLoss {
  private final ProblemConfig config;
  private final List<List<Interval>> omega;
  private final List<List<Interval>> mu;
  private final List<Interval> signal;
  private final List<Interval> varianceWeight;
  private final List<List<Interval>> moments;
  private final List<Interval> residuals;

  private IntervalReducedLoss(ProblemConfig config, List<List<Interval>> omega, List<List<Interval>> mu) {
    this.config = config;
    this.omega = omega;
    this.mu = mu;
    int n = config.tasks();
    int heads = config.heads();
    List<Interval> a = new ArrayList<>();
    List<Interval> k = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      OnTaskLoss t = OnTaskLoss.of(config, i);
      a.add(t.signal());
      k.add(t.varianceWeight());
    }
    this.signal = Collections.unmodifiableList(a);
    this.varianceWeight = Collections.unmodifiableList(k);
    List<List<Interval>> e = new ArrayList<>();
    for (int h = 0; h < heads; h++) {
      List<Interval> row = new ArrayList<>();
      for (int g = 0; g < heads; g++) {
        Interval sum = Interval.ZERO;
        for (int j = 0; j < n; j++) {
          sum = sum.add(at(omega, h, j).multiply(at(omega, g, j)).multiply(config.blockSize(j)));
        }
        row.add(sum.exp());
      }
      e.add(Collections.unmodifiableList(row));
    }
    this.moments = Collections.unmodifiableList(e);
    List<Interval> r = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Interval sum = Interval.ZERO;
      for (int h = 0; h < heads; h++) {
        sum = sum.add(at(mu, h, i).multiply(at(omega, h, i)));
      }
      r.add(Interval.ONE.subtract(sum));
    }
    this.residuals = Collections.unmodifiableList(r);
  }

  /**
   * The loss over the interval state {@code omega[h][j]}, {@code mu[h][i]} (H×n lists of intervals).
   *
   * @throws IllegalArgumentException if the shapes are not H×n of the configuration
   */
  public static IntervalReducedLoss of(ProblemConfig config, List<List<Interval>> omega, List<List<Interval>> mu) {
    return new IntervalReducedLoss(config, checkShape(config, omega, "omega"), checkShape(config, mu, "mu"));
  }

  private static List<List<Interval>> checkShape(ProblemConfig config, List<List<Interval>> m, String name) {
    if (m.size() != config.heads()) {
      throw new IllegalArgumentException(name + " has " + m.size() + " head rows, expected " + config.heads());
    }
    List<List<Interval>> copy = new ArrayList<>();
    for (List<Interval> row : m) {
      if (row.size() != config.tasks()) {
        throw new IllegalArgumentException(name + " row has " + row.size() + " tasks, expected " + config.tasks());
      }
      copy.add(List.copyOf(row));
    }
    return Collections.unmodifiableList(copy);
  }

  private static Interval at(List<List<Interval>> m, int h, int j) {
    return m.get(h).get(j);
  }

  private Interval omega(int h, int j) {
    return at(omega, h, j);
  }

  private Interval mu(int h, int i) {
    return at(mu, h, i);
  }

  /** Enclosure of {@code E_{hh'}}. */
  public Interval moment(int h, int g) {
    return moments.get(h).get(g);
  }

  /** Enclosure of the residual {@code R_i = 1 − Σ_h μ_i^h ω_i^h}. */
  public Interval residual(int i) {
    return residuals.get(i);
  }

  /** Enclosure of {@code A_{hh'} = Σ_i (c_i/L) μ_i^h μ_i^{h'} E_{hh'}}. */
  public Interval coupling(int h, int g) {
    Interval sum = Interval.ZERO;
    for (int i = 0; i < config.tasks(); i++) {
      sum = sum.add(varianceWeight.get(i).multiply(mu(h, i)).multiply(mu(g, i)));
    }
    return sum.multiply(moment(h, g));
  }

  private Interval overN(Interval x) {
    return x.divide(Interval.point(config.tasks()));
  }

  /** Enclosure of {@code ∂F/∂μ_i^h}. */
  public Interval dMu(int h, int i) {
    Interval signalTerm = signal.get(i).multiply(-2.0).multiply(omega(h, i)).multiply(residual(i));
    Interval sum = Interval.ZERO;
    for (int g = 0; g < config.heads(); g++) {
      sum = sum.add(moment(h, g).multiply(mu(g, i)));
    }
    return overN(signalTerm.add(varianceWeight.get(i).multiply(2.0).multiply(sum)));
  }

  /** Enclosure of {@code ∂F/∂ω_j^h}. */
  public Interval dOmega(int h, int j) {
    Interval signalTerm = signal.get(j).multiply(-2.0).multiply(mu(h, j)).multiply(residual(j));
    Interval sum = Interval.ZERO;
    for (int g = 0; g < config.heads(); g++) {
      sum = sum.add(coupling(h, g).multiply(omega(g, j)));
    }
    return overN(signalTerm.add(sum.multiply(2.0 * config.blockSize(j))));
  }

  /** Enclosure of the diagonal second derivative {@code ∂²F/∂(ω_j^h)²}. */
  public Interval dOmegaOmega(int h, int j) {
    int dj = config.blockSize(j);
    Interval first = signal.get(j).multiply(2.0).multiply(mu(h, j).sqr());
    Interval sum = coupling(h, h);
    for (int g = 0; g < config.heads(); g++) {
      Interval couplingNoMoment = Interval.ZERO;
      for (int i = 0; i < config.tasks(); i++) {
        couplingNoMoment = couplingNoMoment.add(varianceWeight.get(i).multiply(mu(h, i)).multiply(mu(g, i)));
      }
      // ∂E_{hg}/∂ω_j^h: d_j ω_j^g E_{hg} for g ≠ h; for g = h the exponent has ω_j^h twice.
      Interval dMoment = omega(g, j).multiply(dj).multiply(moment(h, g)).multiply(g == h ? 2.0 : 1.0);
      sum = sum.add(couplingNoMoment.multiply(dMoment).multiply(omega(g, j)));
    }
    return overN(first.add(sum.multiply(2.0 * dj)));
  }
}
