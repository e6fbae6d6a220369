package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The uniform-attention control variate of MODEL.md §9 (reduced model (reconstruction)).
 *
 * <p>Derivation. At uniform attention every head attends to the mean context token z̄ = (1/L) Σ_l z_l, so the
 * model is the linear predictor ŷ_cv = U z̄ with U = Σ_h O^h V^h (n×D). Its per-prompt loss and gradient are
 * <pre>
 *   ℓ_cv = (1/n) ‖y_q − U z̄‖²,   ∂ℓ_cv/∂U = (2/n)(U z̄ − y_q) z̄ᵀ,
 *   ∂ℓ_cv/∂O^h = (∂ℓ_cv/∂U) V^hᵀ,   ∂ℓ_cv/∂V^h = O^hᵀ (∂ℓ_cv/∂U),   ∂ℓ_cv/∂Q^h = ∂ℓ_cv/∂K^h = 0.
 * </pre>
 * Under the data of MODEL.md §1 (x_l, x_q ~ N(0, I_d) independent, β_i ~ N(0, s² I_{S_i}) on disjoint blocks,
 * y_l = βᵀx_l + σ ε_l, y_q = βᵀx_q): E[x̄ x̄ᵀ] = I_d/L; E[x̄ ȳᵀ] = (1/L) E[β] = 0; E[ȳ ȳᵀ] = (1/L)(E[βᵀβ] + σ² I)
 * = diag(c_i)/L with c_i = s² d_i + σ² (β_iᵀβ_j = 0 for i ≠ j: disjoint supports); E[y_q z̄ᵀ] = 0 (x_q is
 * independent of z̄ and centred); E[y_q y_qᵀ] = diag(s² d_i). Hence with M = E[z̄ z̄ᵀ] = diag(1/L on the x
 * coordinates, c_i/L on y coordinate d+i):
 * <pre>
 *   E ℓ_cv = (1/n) [ Σ_i s² d_i + Σ_{i,k} U_ik² M_kk ],      E ∂ℓ_cv/∂U = (2/n) U M.
 * </pre>
 * The corrected batch estimate is (batch mean of ℓ − ℓ_cv) + E ℓ_cv, and the same for the gradient: unbiased
 * for any weights, and while attention is nearly uniform (small ω: the warm-up) it removes the term
 * y_{q,i}·ȳ_i whose spread s² d_i/√(L B) swamps the useful μ-gradient (2/n) s² d_i ω (§9). Q and K gradients
 * are unchanged. Only three batch moments are needed: Σ z̄ z̄ᵀ, Σ y_q z̄ᵀ and Σ ‖y_q‖², accumulated by
 * {@link FullModel} in its fixed chunk order.
 */
public final class ControlVariate {
  private ControlVariate() {}

  /** Diagonal of M = E[z̄ z̄ᵀ]: 1/L on the x coordinates, c_i/L on y coordinate d+i. */
  public static double[] meanTokenMoment(ProblemConfig c) {
    int d = c.d();
    double[] m = new double[c.tokenDim()];
    double invL = 1.0 / c.promptLength();
    for (int k = 0; k < d; k++) {
      m[k] = invL;
    }
    for (int i = 0; i < c.tasks(); i++) {
      m[d + i] = c.signalPlusNoise(i) * invL;
    }
    return m;
  }

  /** U = Σ_h O^h V^h, n×D row-major. */
  static double[] summedOutputValue(AttentionWeights w) {
    ProblemConfig c = w.config();
    int dd = c.tokenDim();
    int n = c.tasks();
    double[] u = new double[n * dd];
    for (int h = 0; h < c.heads(); h++) {
      double[] o = w.block(4 * h + 3);
      double[] v = w.block(4 * h + 2);
      for (int i = 0; i < n; i++) {
        for (int m = 0; m < dd; m++) {
          double oim = o[i * dd + m];
          if (oim != 0) {
            for (int k = 0; k < dd; k++) {
              u[i * dd + k] += oim * v[m * dd + k];
            }
          }
        }
      }
    }
    return u;
  }

  /**
   * Applies the control variate to a batch result in place.
   *
   * @param moments sums over the batch: Σ z̄ z̄ᵀ (D×D), then Σ y_q z̄ᵀ (n×D), then Σ ‖y_q‖²
   * @param prompts batch size N
   * @param grad gradient blocks of the batch-mean loss (layout of {@link AttentionWeights}); O and V blocks are
   *     corrected by −(Ĝ − Ḡ)V^hᵀ and −O^hᵀ(Ĝ − Ḡ), Ĝ = (2/n)(U M̂ − Ĉ), Ḡ = (2/n) U M; null for the loss only
   * @return the correction to add to the batch-mean loss: E ℓ_cv − mean ℓ_cv
   */
  static double correct(ProblemConfig c, AttentionWeights w, double[] moments, int prompts,
      double @Nullable [][] grad) {
    int dd = c.tokenDim();
    int n = c.tasks();
    double inv = 1.0 / prompts;
    double[] u = summedOutputValue(w);
    double[] m = meanTokenMoment(c);
    int offYz = dd * dd;
    int offYy = offYz + n * dd;
    // delta = U (M̂ − M) − Ĉ  (n×D); sample and population CV losses along the way.
    double[] delta = new double[n * dd];
    double sampleLoss = moments[offYy] * inv;
    double populationLoss = 0;
    for (int i = 0; i < n; i++) {
      populationLoss += c.s2() * c.blockSize(i);
      for (int k = 0; k < dd; k++) {
        double um = 0;
        for (int r = 0; r < dd; r++) {
          um += u[i * dd + r] * moments[r * dd + k];
        }
        um *= inv;
        double chat = moments[offYz + i * dd + k] * inv;
        double uik = u[i * dd + k];
        delta[i * dd + k] = um - uik * m[k] - chat;
        sampleLoss += uik * um - 2 * uik * chat;
        populationLoss += uik * uik * m[k];
      }
    }
    double scale = 2.0 / n;
    for (int q = 0; q < delta.length; q++) {
      delta[q] *= scale;
    }
    for (int h = 0; grad != null && h < c.heads(); h++) {
      double[] o = w.block(4 * h + 3);
      double[] v = w.block(4 * h + 2);
      double[] gv = grad[4 * h + 2];
      double[] go = grad[4 * h + 3];
      // dO^h −= Δ V^hᵀ : go[i][m] −= Σ_k Δ[i][k] V[m][k]
      for (int i = 0; i < n; i++) {
        for (int mm = 0; mm < dd; mm++) {
          double s = 0;
          for (int k = 0; k < dd; k++) {
            s += delta[i * dd + k] * v[mm * dd + k];
          }
          go[i * dd + mm] -= s;
        }
      }
      // dV^h −= O^hᵀ Δ : gv[m][k] −= Σ_i O[i][m] Δ[i][k]
      for (int i = 0; i < n; i++) {
        for (int mm = 0; mm < dd; mm++) {
          double oim = o[i * dd + mm];
          if (oim != 0) {
            for (int k = 0; k < dd; k++) {
              gv[mm * dd + k] -= oim * delta[i * dd + k];
            }
          }
        }
      }
    }
    return (populationLoss - sampleLoss) / n;
  }
}
