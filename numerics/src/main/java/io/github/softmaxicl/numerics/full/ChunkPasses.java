package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The per-prompt part of {@link ChunkKernel}'s work, from b = M z_q to the loss and (optionally) the backward pass
 * down to ∂F/∂b, in one of two memory layouts that compute every output with the same scalar sequence of IEEE
 * operations: {@link PromptLanePasses} (a chunk's prompts as vector lanes; fastest for small prompts) and
 * {@link TokenLanePasses} (one prompt at a time, its tokens as lanes; fastest for large ones). Either leaves the
 * per-prompt vectors that the sums over prompts need in {@link #g}, {@link #r} and {@link #gb}, one entry per
 * prompt of the chunk.
 */
abstract class ChunkPasses {
  final int heads;
  final int ll;
  final int dd;
  final int n;
  /** g[i][p] = ∂F/∂ŷ_i of prompt p (gScale included). */
  final double[][] g;
  /** r[h][k][p] = (Z p^h)_k of prompt p. */
  final double[][][] r;
  /** gb[h][k][p] = ∂F/∂b^h_k of prompt p. */
  final double[][][] gb;

  ChunkPasses(ProblemConfig config, int capacity) {
    this.heads = config.heads();
    this.ll = config.promptLength();
    this.dd = config.tokenDim();
    this.n = config.tasks();
    this.g = new double[n][capacity];
    this.r = new double[heads][dd][capacity];
    this.gb = new double[heads][dd][capacity];
  }

  /**
   * Runs the passes over the {@code block}'s prompts given {@code b[h][k][p]} = (M^h z_q)_k and W^h ({@code w[h]},
   * n×D row-major): returns the loss sum Σ_p (1/n) ‖y_q − ŷ‖² (p in increasing order), writes each prompt's loss
   * into {@code perPrompt} from {@code firstPrompt} if given, and, if {@code backward}, fills {@link #g},
   * {@link #r} and {@link #gb} with g = gScale (ŷ − y).
   */
  abstract double run(PromptBlock block, double[][][] b, double[][] w, boolean backward, double gScale,
      double @Nullable [] perPrompt, int firstPrompt);
}
