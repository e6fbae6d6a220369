package io.github.softmaxicl.theory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The balanced reduced flow of MODEL.md §5 in log coordinates over the leading-order loss, written once for any
 * {@link Scalar} (doubles, intervals, Taylor series of intervals):
 *
 * <pre>
 *   ω_j^h = sgn ω_j^h · e^{y_ω},   μ_i^h = sgn μ_i^h · e^{y_μ},
 *   dy_ω/dt = −(2 sgn ω_j^h / (√D d_j)) ∂F/∂ω_j^h,   dy_μ/dt = −2 sgn μ_i^h ∂F/∂μ_i^h
 * </pre>
 *
 * with ∂F from {@link LeadingOrderFormula}. Layout of y as in {@link BalancedSpectralField}: entry
 * {@code h·n + j} is log|ω_j^h|, entry {@code H·n + h·n + i} is log|μ_i^h|. The operations and their order are
 * those of {@code BalancedSpectralField} over {@code LeadingOrderLoss} (sign times exp, then
 * {@code (−rate·sign)·∂F}), so over {@link Real} it gives the same bits; a test holds the two together.
 * {@code BalancedSpectralField} remains the double field for any {@link ReducedLoss} (refined loss included);
 * this class exists so that the validated integrator evaluates the same chain rule in interval Taylor
 * arithmetic rather than a retyped copy. Immutable. Reduced model (reconstruction).
 *
 * @param <T> the number type
 */
public final class LogCoordinateFlow<T extends Scalar<T>> {
  private final LossCoefficients<T> coefficients;
  private final List<T> omegaRates;
  private final List<Double> omegaSigns;
  private final List<Double> muSigns;
  private final int heads;
  private final int tasks;

  /**
   * The flow with these constants and the signs of {@code start}.
   *
   * @param coefficients the loss constants in T
   * @param omegaRates {@code 2/(√D d_j)} in T, one per task
   * @param start a state whose signs the flow keeps; no entry may be 0
   * @throws IllegalArgumentException on a shape mismatch or a zero entry
   */
  public LogCoordinateFlow(LossCoefficients<T> coefficients, List<T> omegaRates, SpectralState start) {
    ProblemConfig c = coefficients.config();
    if (!start.hasShape(c.heads(), c.tasks()) || omegaRates.size() != c.tasks()) {
      throw new IllegalArgumentException("start or rates do not match the configuration " + c);
    }
    this.coefficients = coefficients;
    this.omegaRates = List.copyOf(omegaRates);
    this.heads = c.heads();
    this.tasks = c.tasks();
    List<Double> ws = new ArrayList<>();
    List<Double> ms = new ArrayList<>();
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < tasks; j++) {
        ws.add(sign(start.omega(h, j)));
        ms.add(sign(start.mu(h, j)));
      }
    }
    this.omegaSigns = Collections.unmodifiableList(ws);
    this.muSigns = Collections.unmodifiableList(ms);
  }

  private static double sign(double v) {
    if (v == 0.0 || Double.isNaN(v)) {
      throw new IllegalArgumentException("a start entry is " + v + ": the log-coordinate flow needs non-zero values");
    }
    return v > 0 ? 1.0 : -1.0;
  }

  /** The flow in doubles, with the rates computed as {@link BalancedSpectralField} computes them. */
  public static LogCoordinateFlow<Real> real(ProblemConfig config, SpectralState start) {
    List<Real> rates = new ArrayList<>();
    double sqrtD = Math.sqrt(config.tokenDim());
    for (int j = 0; j < config.tasks(); j++) {
      rates.add(new Real(2.0 / (sqrtD * config.blockSize(j))));
    }
    return new LogCoordinateFlow<>(LossCoefficients.real(config), rates, start);
  }

  /** The loss constants. */
  public LossCoefficients<T> coefficients() {
    return coefficients;
  }

  /** Dimension 2 H n. */
  public int dimension() {
    return 2 * heads * tasks;
  }

  /**
   * Index of log|ω_j^h| in y: {@code h·n + j}. The one place the layout of y is written; the trapping region, the
   * crossing enclosures and the loss jets index y through it.
   */
  public static int omegaIndex(ProblemConfig config, int h, int j) {
    return h * config.tasks() + j;
  }

  /** Index of log|μ_i^h| in y: {@code H·n + h·n + i}. */
  public static int muIndex(ProblemConfig config, int h, int i) {
    return config.heads() * config.tasks() + h * config.tasks() + i;
  }

  /** The sign (±1) of ω_j^h, fixed by the start. */
  public double omegaSign(int h, int j) {
    return omegaSigns.get(h * tasks + j);
  }

  /** The sign (±1) of μ_i^h, fixed by the start. */
  public double muSign(int h, int i) {
    return muSigns.get(h * tasks + i);
  }

  /**
   * dy/dt at y.
   *
   * @throws IllegalArgumentException if y does not have 2 H n entries
   */
  public List<T> derivative(List<T> y) {
    LeadingOrderFormula<T> f = formula(y);
    List<T> dOmega = new ArrayList<>();
    List<T> dMu = new ArrayList<>();
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < tasks; j++) {
        dOmega.add(omegaRates.get(j).multiply(-omegaSign(h, j)).multiply(f.dOmega(h, j)));
        dMu.add(f.dMu(h, j).multiply(-2.0 * muSign(h, j)));
      }
    }
    List<T> out = new ArrayList<>(dOmega);
    out.addAll(dMu);
    return Collections.unmodifiableList(out);
  }

  /**
   * The loss formula at the state with log coordinates y (ω = sgn·e^{y_ω}, μ = sgn·e^{y_μ}): its value is F at
   * y, so the validated tube's boxes give enclosures of F through the same formula the field differentiates.
   *
   * @throws IllegalArgumentException if y does not have 2 H n entries
   */
  public LeadingOrderFormula<T> formula(List<T> y) {
    if (y.size() != dimension()) {
      throw new IllegalArgumentException("y has " + y.size() + " entries, expected " + dimension());
    }
    List<List<T>> w = new ArrayList<>();
    List<List<T>> m = new ArrayList<>();
    for (int h = 0; h < heads; h++) {
      List<T> rw = new ArrayList<>();
      List<T> rm = new ArrayList<>();
      for (int j = 0; j < tasks; j++) {
        rw.add(y.get(omegaIndex(coefficients.config(), h, j)).exp().multiply(omegaSign(h, j)));
        rm.add(y.get(muIndex(coefficients.config(), h, j)).exp().multiply(muSign(h, j)));
      }
      w.add(rw);
      m.add(rm);
    }
    return LeadingOrderFormula.of(coefficients, w, m);
  }
}
