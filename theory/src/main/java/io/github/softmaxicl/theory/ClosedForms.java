package io.github.softmaxicl.theory;

/**
 * Closed forms of MODEL.md §6 for the leading-order reduced loss. Reconstruction: derived in MODEL.md from
 * stationarity of {@link LeadingOrderLoss}, not quoted from the paper.
 *
 * <p>Notation: c_i = s² d_i + σ², κ_i = c_i / (s² d_i L).
 */
public final class ClosedForms {
  private ClosedForms() {}

  /** κ_i = c_i / (s² d_i L). */
  public static double kappa(ProblemConfig c, int task) {
    return c.signalPlusNoise(task) / (c.s2() * c.blockSize(task) * c.promptLength());
  }

  /** ω_i* = 1/√d_i: the KQ value of the head serving task i at the limit, independent of σ. */
  public static double omegaStar(ProblemConfig c, int task) {
    return 1.0 / Math.sqrt(c.blockSize(task));
  }

  /** μ_i* = √d_i / (1 + e κ_i d_i): the OV value of the head serving task i at the limit. */
  public static double muStar(ProblemConfig c, int task) {
    return muAtAttention(c, task, StrictMath.E);
  }

  /**
   * √d_i / (1 + E κ_i d_i): the OV value of the head serving task i where its on-task sharpness d_i ω² is 1, every
   * off-task μ is 0 and its attention factor E_hh = exp(Σ_j d_j (ω_j^h)²) is {@code attention}. Stationarity in
   * μ_i^h gives this for any E, and stationarity in ω_i^h gives d_i ω² = 1 independently of E; the limit has
   * E = e ({@link #muStar}). Along the flow the serving head's off-task ω decay only like 1/t, so E exceeds e by
   * the factor exp(Σ_{j≠i} d_j ω_j²) and the on-task μ sits at this value, not at μ_i*, at any finite time.
   */
  public static double muAtAttention(ProblemConfig c, int task, double attention) {
    int di = c.blockSize(task);
    return Math.sqrt(di) / (1.0 + attention * kappa(c, task) * di);
  }

  /** L_i* = s² d_i · e κ_i d_i / (1 + e κ_i d_i): task i's loss at the limit. */
  public static double taskLossStar(ProblemConfig c, int task) {
    return taskLossAtAttention(c, task, StrictMath.E);
  }

  /**
   * s² d_i · x / (1 + x), x = E κ_i d_i: task i's loss at the point of {@link #muAtAttention} (the serving head's
   * attention factor E in place of the limit's e).
   */
  public static double taskLossAtAttention(ProblemConfig c, int task, double attention) {
    int di = c.blockSize(task);
    double x = attention * kappa(c, task) * di;
    return c.s2() * di * x / (1.0 + x);
  }

  /** F* = (1/n) Σ_i L_i*: the loss at the one-head-per-task limit. */
  public static double fStar(ProblemConfig c) {
    double s = 0;
    for (int i = 0; i < c.tasks(); i++) {
      s += taskLossStar(c, i);
    }
    return s / c.tasks();
  }

  /**
   * The one-head-per-task limit with head {@code allocation[i]} serving task i: ω, μ of that pair at
   * (ω_i*, μ_i*), every other entry 0. Not a valid start for the log-coordinate flow (it has zeros).
   *
   * @throws IllegalArgumentException if the allocation does not give distinct heads in range to the n tasks
   */
  public static SpectralState limit(ProblemConfig c, int[] allocation) {
    if (allocation.length != c.tasks()) {
      throw new IllegalArgumentException("allocation must name a head for each of the " + c.tasks() + " tasks");
    }
    double[][] w = new double[c.heads()][c.tasks()];
    double[][] m = new double[c.heads()][c.tasks()];
    boolean[] used = new boolean[c.heads()];
    for (int i = 0; i < allocation.length; i++) {
      int h = allocation[i];
      if (h < 0 || h >= w.length || h >= m.length || h >= used.length || used[h]) {
        throw new IllegalArgumentException("allocation[" + i + "] = " + h + " is out of range or repeated");
      }
      used[h] = true;
      double[] wh = w[h];
      double[] mh = m[h];
      if (i >= wh.length || i >= mh.length) {
        throw new IllegalArgumentException("allocation longer than the number of tasks");
      }
      wh[i] = omegaStar(c, i);
      mh[i] = muStar(c, i);
    }
    return SpectralState.of(w, m);
  }

  /** The limit with head i serving task i (the paper init's allocation; needs H ≥ n). */
  public static SpectralState limit(ProblemConfig c) {
    int[] identity = new int[c.tasks()];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    return limit(c, identity);
  }

  /**
   * Infimum of F over signed multi-head models (μ of both signs): (1/n) Σ_i s² d_i (c_i/L)/(s² + c_i/L),
   * the optimally tuned linear-attention value, approached but not attained (ω → 0, μ → ∞, debiasing heads).
   */
  public static double signedInfimum(ProblemConfig c) {
    double s = 0;
    double s2 = c.s2();
    for (int i = 0; i < c.tasks(); i++) {
      double cl = c.signalPlusNoise(i) / c.promptLength();
      s += s2 * c.blockSize(i) * cl / (s2 + cl);
    }
    return s / c.tasks();
  }

  /** F* / signed infimum: the optimality ratio of claim P4; e(L + d_i)/(L + e d_i) for one block (σ = 0). */
  public static double optimalityRatio(ProblemConfig c) {
    return fStar(c) / signedInfimum(c);
  }

  /** The limit of F_single* / F* as L/d → ∞: d·Σ d_i / Σ d_i² (= n for equal blocks). */
  public static double singleHeadRatioLimit(ProblemConfig c) {
    double sumSq = 0;
    for (int i = 0; i < c.tasks(); i++) {
      sumSq += (double) c.blockSize(i) * c.blockSize(i);
    }
    return (double) c.d() * c.d() / sumSq;
  }

  /**
   * Length generalisation: F of the limit model trained at L and tested at prompt length L':
   * (1/n) Σ_i [s² d_i (1 − μ_i* ω_i*)² + (c_i/L') μ_i*² e].
   */
  public static double lengthGeneralisationLoss(ProblemConfig trainedAt, int testLength) {
    if (testLength < 1) {
      throw new ConfigException("L", "test length must be >= 1 (got " + testLength + ")");
    }
    double s = 0;
    for (int i = 0; i < trainedAt.tasks(); i++) {
      double mu = muStar(trainedAt, i);
      double r = 1.0 - mu * omegaStar(trainedAt, i);
      s += trainedAt.s2() * trainedAt.blockSize(i) * r * r
          + trainedAt.signalPlusNoise(i) / testLength * mu * mu * StrictMath.E;
    }
    return s / trainedAt.tasks();
  }

  /**
   * Σ_j d_j (ω_j^h)²: the exponent of the attention's sharpness for head h (1 at the limit); a head attends to
   * ≈ L·exp(−sharpness) tokens, and the expansion of §4 holds while it is ≪ ln L.
   */
  public static double sharpness(ProblemConfig c, SpectralState s, int head) {
    double q = 0;
    for (int j = 0; j < c.tasks(); j++) {
      q += c.blockSize(j) * s.omega(head, j) * s.omega(head, j);
    }
    return q;
  }

  /**
   * E_hh = exp(Σ_j d_j (ω_j^h)²): head h's attention factor, the argument of {@link #muAtAttention} and
   * {@link #taskLossAtAttention} (e at the limit).
   */
  public static double attentionFactor(ProblemConfig c, SpectralState s, int head) {
    return StrictMath.exp(sharpness(c, s, head));
  }

  /** Σ_{j≠i} d_j (ω_j^h)²: head h's sharpness on the tasks other than {@code task} (0 at the limit). */
  public static double offTaskSharpness(ProblemConfig c, SpectralState s, int head, int task) {
    double q = 0;
    for (int j = 0; j < c.tasks(); j++) {
      if (j != task) {
        q += c.blockSize(j) * s.omega(head, j) * s.omega(head, j);
      }
    }
    return q;
  }

  /**
   * g = 2 c_i μ_i* / (n L): ∂F/∂μ_i^h of every off-task pair at the limit. Along o = −v of that pair the loss
   * curves down with eigenvalue −g, so a perturbation grows at rate ≈ 2g (MODEL.md §9).
   */
  public static double offTaskSlope(ProblemConfig c, int task) {
    return 2.0 * c.signalPlusNoise(task) * muStar(c, task) / ((double) c.tasks() * c.promptLength());
  }
}
