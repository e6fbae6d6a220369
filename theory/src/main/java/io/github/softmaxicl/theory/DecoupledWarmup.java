package io.github.softmaxicl.theory;

import org.checkerframework.checker.index.qual.NonNegative;

/**
 * The small-amplitude system of docs/P2-PHASES.md §1 (reduced model (reconstruction)): while every ω and μ is
 * small, R_i ≈ 1, E ≈ 1 and A ≈ 0, and the balanced flow of MODEL.md §5 becomes, per task i and head h,
 *
 * <pre>  d ln μ_i^h/dt = a_i ω_i^h − γ_i S_i,   d ln ω_i^h/dt = b μ_i^h,   S_i = Σ_h μ_i^h,</pre>
 *
 * with a_i = 4s²d_i/n, b = 4s²/(n√D), γ_i = 4c_i/(nL). The tasks decouple, so each has its own warm-up, ending at
 * the blow-up time T_i of its 2H variables. The system is scale-free: scaling the start by k scales T_i by 1/k
 * exactly. Valid for positive starts (the paper init); {@code numerics} integrates it.
 */
public final class DecoupledWarmup {
  private DecoupledWarmup() {}

  /** a_i = 4 s² d_i / n: growth rate of ln μ per unit ω. */
  public static double a(ProblemConfig c, @NonNegative int task) {
    return 4.0 * c.s2() * c.blockSize(task) / c.tasks();
  }

  /** b = 4 s² / (n √D): growth rate of ln ω per unit μ. */
  public static double b(ProblemConfig c) {
    return 4.0 * c.s2() / (c.tasks() * StrictMath.sqrt(c.tokenDim()));
  }

  /** γ_i = 4 c_i / (n L): the variance term's damping of ln μ per unit Σ_h μ. */
  public static double gamma(ProblemConfig c, @NonNegative int task) {
    return 4.0 * c.signalPlusNoise(task) / (c.tasks() * (double) c.promptLength());
  }

  /**
   * τ_i = (2/(a_i b μ_i*ω_i*))^{1/2}: near the blow-up both rates are ≈ 1/(T − t), so μω ≈ 1/(ab(T − t)²) reaches
   * ½μ_i*ω_i* this long before T_i.
   */
  public static double tau(ProblemConfig c, @NonNegative int task) {
    return StrictMath.sqrt(2.0 / (a(c, task) * b(c) * ClosedForms.muStar(c, task)
        * ClosedForms.omegaStar(c, task)));
  }

  /**
   * The right-hand side of the system for one task in log coordinates: {@code y = [ln ω^1..ln ω^H, ln μ^1..ln μ^H]}.
   *
   * @param c the problem
   * @param task the task i
   * @param y the log state, length 2H
   * @param yDot receives d y / dt, length 2H
   */
  @SuppressWarnings("index") // y and yDot have 2H entries (checked): ln ω at [0, H), ln μ at [H, 2H)
  public static void derivative(ProblemConfig c, @NonNegative int task, double[] y, double[] yDot) {
    int heads = c.heads();
    if (y.length != 2 * heads || yDot.length != 2 * heads) {
      throw new IllegalArgumentException("the state of one task has 2H = " + 2 * heads + " entries");
    }
    double a = a(c, task);
    double b = b(c);
    double gamma = gamma(c, task);
    double sum = 0;
    for (int h = 0; h < heads; h++) {
      sum += StrictMath.exp(y[heads + h]);
    }
    for (int h = 0; h < heads; h++) {
      yDot[h] = b * StrictMath.exp(y[heads + h]);
      yDot[heads + h] = a * StrictMath.exp(y[h]) - gamma * sum;
    }
  }
}
