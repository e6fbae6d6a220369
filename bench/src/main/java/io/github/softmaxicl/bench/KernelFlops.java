package io.github.softmaxicl.bench;

import io.github.softmaxicl.theory.ProblemConfig;

/** Floating-point operation counts that turn the kernel benchmarks' times into GFLOP/s. */
public final class KernelFlops {
  private KernelFlops() {}

  /**
   * Flops per prompt that the full model's kernel does for the forward and backward pass: H (8 L D + 4 D² + 6 n D)
   * (the four passes over the L tokens, b = M z_q and G += (∂F/∂b) z_qᵀ, and the three n×D products; see
   * numerics.full.ChunkKernel). Softmax exponentials, the once-per-call D³ products and copies are not counted,
   * so the rate is a lower bound on the arithmetic actually done.
   */
  public static double perPrompt(ProblemConfig c) {
    double l = c.promptLength();
    double d = c.tokenDim();
    double n = c.tasks();
    return c.heads() * (8 * l * d + 4 * d * d + 6 * n * d);
  }

  /**
   * Flops per prompt of the direct formulation (Q z_q, Kᵀ(·), V r, O u and their adjoints per prompt), as the
   * kernel before issue 16 did them: H (8 L D + 10 D² + 6 n D). Time per prompt compared on this count gives the
   * "equivalent" rate: the speed-up from doing less work shows in it, not in {@link #perPrompt}.
   */
  public static double perPromptDirect(ProblemConfig c) {
    double l = c.promptLength();
    double d = c.tokenDim();
    double n = c.tasks();
    return c.heads() * (8 * l * d + 10 * d * d + 6 * n * d);
  }

  /** Flops of one dense n×n by n×n multiply (2 n³). */
  public static double squareMultiply(int n) {
    return 2.0 * n * n * n;
  }
}
