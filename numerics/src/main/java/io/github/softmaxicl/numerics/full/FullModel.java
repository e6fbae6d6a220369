package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.util.FastMath;

/**
 * Forward pass and analytic gradient of the full model (MODEL.md §2),
 * {@code ŷ = Σ_h O^h V^h Z softmax_L(Zᵀ K^hᵀ Q^h z_q / √D)}, for the sample-average loss
 * {@code F = (1/N) Σ_p (1/n) ‖y_q − ŷ‖²}. The query does not attend to itself.
 *
 * <p>Layout of the work: prompts are processed in chunks of {@value #CHUNK}; within a chunk the D×D products
 * (Q z_q, Kᵀ(·), V r, O u and their transposes in the backward pass) are matrix–matrix products over the chunk's
 * prompts (EJML), and the per-prompt attention (scores, softmax with max-subtraction, weighted token sums and
 * their adjoints) is a loop over the L tokens. Chunks are computed in parallel in waves of {@value #WAVE}; each
 * chunk writes its own partial loss and gradient, and partials are added in chunk order, so the result is
 * bit-identical for any number of threads.
 *
 * <p>Not for concurrent use: one evaluation at a time (methods are synchronised). Close it to stop the workers.
 */
public final class FullModel implements AutoCloseable {
  /** Prompts per chunk: the unit of parallel work and of the fixed summation order. */
  public static final int CHUNK = 32;
  /** Chunks per wave: partial gradients held at once. */
  public static final int WAVE = 16;

  private final ProblemConfig config;
  private final int threads;
  private final @Nullable ExecutorService pool;
  private final Workspace[] workspaces;
  private final double[][][] slotGradients;
  private final double[] slotLoss;
  /** Per-chunk sums of z̄ z̄ᵀ (D×D), y_q z̄ᵀ (n×D) and ‖y_q‖² for the control variate. */
  private final double[][] slotMoments;
  private long promptEvaluations;

  /**
   * @param threads worker threads, ≥ 1 (the result does not depend on it)
   */
  public FullModel(ProblemConfig config, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
    this.config = config;
    this.threads = threads;
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "full-model-worker");
      t.setDaemon(true);
      return t;
    });
    this.workspaces = new Workspace[threads];
    for (int i = 0; i < threads; i++) {
      workspaces[i] = new Workspace(config);
    }
    this.slotGradients = new double[WAVE][][];
    for (int s = 0; s < WAVE; s++) {
      slotGradients[s] = AttentionWeights.newBlocks(config);
    }
    this.slotLoss = new double[WAVE];
    int dd = config.tokenDim();
    this.slotMoments = new double[WAVE][dd * dd + config.tasks() * dd + 1];
  }

  /** The problem. */
  public ProblemConfig config() {
    return config;
  }

  /** Number of worker threads. */
  public int threads() {
    return threads;
  }

  /** Total number of prompt forward passes done so far (with or without gradient). */
  public synchronized long promptEvaluations() {
    return promptEvaluations;
  }

  /** The loss F and its gradient on all prompts of {@code prompts}. */
  public synchronized LossAndGradient lossAndGradient(AttentionWeights w, PromptSource prompts) {
    return lossAndGradient(w, prompts, false);
  }

  /**
   * The loss F and its gradient on all prompts of {@code prompts}, optionally with the uniform-attention
   * control variate of {@link ControlVariate} (same expectation over prompts, smaller variance of the O and V
   * gradients while attention is nearly uniform).
   */
  public synchronized LossAndGradient lossAndGradient(AttentionWeights w, PromptSource prompts,
      boolean controlVariate) {
    double[][] grad = AttentionWeights.newBlocks(config);
    double @Nullable [] moments = controlVariate ? new double[slotMoments[0].length] : null;
    double loss = run(w, prompts, grad, null, moments);
    if (moments != null) {
      loss += ControlVariate.correct(config, w, moments, prompts.size(), grad);
    }
    double[] flat = new double[AttentionWeights.size(config)];
    int pos = 0;
    for (double[] b : grad) {
      System.arraycopy(b, 0, flat, pos, b.length);
      pos += b.length;
    }
    return new LossAndGradient(loss, flat);
  }

  /** The loss F on all prompts of {@code prompts} (forward pass only). */
  public synchronized double loss(AttentionWeights w, PromptSource prompts) {
    return run(w, prompts, null, null, null);
  }

  /** The loss F on all prompts of {@code prompts}, optionally with the control variate (forward pass only). */
  public synchronized double loss(AttentionWeights w, PromptSource prompts, boolean controlVariate) {
    if (!controlVariate) {
      return loss(w, prompts);
    }
    double[] moments = new double[slotMoments[0].length];
    double loss = run(w, prompts, null, null, moments);
    return loss + ControlVariate.correct(config, w, moments, prompts.size(), null);
  }

  /** The per-prompt losses (1/n) ‖y_q − ŷ‖², in prompt order (forward pass only). */
  public synchronized double[] promptLosses(AttentionWeights w, PromptSource prompts) {
    double[] out = new double[prompts.size()];
    run(w, prompts, null, out, null);
    return out;
  }

  private double run(AttentionWeights w, PromptSource prompts, double @Nullable [][] grad,
      double @Nullable [] perPrompt, double @Nullable [] moments) {
    if (!w.config().equals(config) || !prompts.config().equals(config)) {
      throw new IllegalArgumentException("weights, prompts and model must share one configuration");
    }
    int size = prompts.size();
    if (size < 1) {
      throw new IllegalArgumentException("no prompts");
    }
    double gScale = 2.0 / ((double) config.tasks() * size);
    int chunks = (size + CHUNK - 1) / CHUNK;
    double lossSum = 0;
    for (int w0 = 0; w0 < chunks; w0 += WAVE) {
      int first = w0;
      int last = Math.min(chunks, w0 + WAVE);
      AtomicInteger next = new AtomicInteger(first);
      if (pool == null) {
        work(workspaces[0], next, first, last, w, prompts, grad != null, gScale, perPrompt, moments != null);
      } else {
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          Workspace ws = workspaces[t];
          jobs.add(() -> {
            work(ws, next, first, last, w, prompts, grad != null, gScale, perPrompt, moments != null);
            return null;
          });
        }
        try {
          for (Future<Void> f : pool.invokeAll(jobs)) {
            f.get();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
          }
          throw new IllegalStateException(cause);
        }
      }
      for (int c = first; c < last; c++) {
        lossSum += slotLoss[c - first];
        if (moments != null) {
          double[] src = slotMoments[c - first];
          for (int i = 0; i < moments.length; i++) {
            moments[i] += src[i];
          }
        }
        if (grad != null) {
          double[][] part = slotGradients[c - first];
          for (int b = 0; b < grad.length; b++) {
            double[] dst = grad[b];
            double[] src = part[b];
            for (int i = 0; i < dst.length; i++) {
              dst[i] += src[i];
            }
          }
        }
      }
    }
    promptEvaluations += size;
    return lossSum / size;
  }

  private void work(Workspace ws, AtomicInteger next, int first, int last, AttentionWeights w, PromptSource prompts,
      boolean gradient, double gScale, double @Nullable [] perPrompt, boolean moments) {
    for (int c = next.getAndIncrement(); c < last; c = next.getAndIncrement()) {
      int start = c * CHUNK;
      int count = Math.min(CHUNK, prompts.size() - start);
      prompts.fill(start, count, ws.block);
      double[][] part = slotGradients[c - first];
      if (gradient) {
        for (double[] b : part) {
          java.util.Arrays.fill(b, 0.0);
        }
      }
      slotLoss[c - first] = ws.chunk(w, gradient ? part : null, gScale, perPrompt, start);
      if (moments) {
        ws.moments(slotMoments[c - first]);
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** Per-thread buffers of the chunk computation. */
  private static final class Workspace {
    final ProblemConfig config;
    final int heads;
    final int ll;
    final int dd;
    final int n;
    final double invRootD;
    final PromptBlock block;
    final DMatrixRMaj xq;
    final DMatrixRMaj yq;
    final DMatrixRMaj[] a;
    final DMatrixRMaj[] b;
    final DMatrixRMaj[] r;
    final DMatrixRMaj[] u;
    final double[][] probs;
    final DMatrixRMaj yhatHead;
    final DMatrixRMaj yhat;
    final DMatrixRMaj g;
    final DMatrixRMaj gu;
    final DMatrixRMaj gr;
    final DMatrixRMaj gb;
    final DMatrixRMaj ga;
    final double[] gp;
    final double[] zbar;

    Workspace(ProblemConfig config) {
      this.config = config;
      this.heads = config.heads();
      this.ll = config.promptLength();
      this.dd = config.tokenDim();
      this.n = config.tasks();
      this.invRootD = 1.0 / FastMath.sqrt(dd);
      this.block = new PromptBlock(config, CHUNK);
      this.xq = DMatrixRMaj.wrap(CHUNK, dd, block.queries);
      this.yq = DMatrixRMaj.wrap(CHUNK, n, block.targets);
      this.a = new DMatrixRMaj[heads];
      this.b = new DMatrixRMaj[heads];
      this.r = new DMatrixRMaj[heads];
      this.u = new DMatrixRMaj[heads];
      this.probs = new double[heads][CHUNK * ll];
      for (int h = 0; h < heads; h++) {
        a[h] = new DMatrixRMaj(CHUNK, dd);
        b[h] = new DMatrixRMaj(CHUNK, dd);
        r[h] = new DMatrixRMaj(CHUNK, dd);
        u[h] = new DMatrixRMaj(CHUNK, dd);
      }
      this.yhatHead = new DMatrixRMaj(CHUNK, n);
      this.yhat = new DMatrixRMaj(CHUNK, n);
      this.g = new DMatrixRMaj(CHUNK, n);
      this.gu = new DMatrixRMaj(CHUNK, dd);
      this.gr = new DMatrixRMaj(CHUNK, dd);
      this.gb = new DMatrixRMaj(CHUNK, dd);
      this.ga = new DMatrixRMaj(CHUNK, dd);
      this.gp = new double[ll];
      this.zbar = new double[dd];
    }

    /**
     * Sums over the prompts in {@link #block} of z̄ z̄ᵀ (D×D, row-major), y_q z̄ᵀ (n×D) and ‖y_q‖², z̄ the mean
     * of the L context tokens, written (not added) into {@code out}.
     */
    void moments(double[] out) {
      java.util.Arrays.fill(out, 0.0);
      int mzz = dd * dd;
      int myz = mzz + n * dd;
      double invL = 1.0 / ll;
      for (int p = 0; p < block.count; p++) {
        double[] tok = block.tokens[p];
        java.util.Arrays.fill(zbar, 0.0);
        for (int l = 0; l < ll; l++) {
          int t = l * dd;
          for (int k = 0; k < dd; k++) {
            zbar[k] += tok[t + k];
          }
        }
        for (int k = 0; k < dd; k++) {
          zbar[k] *= invL;
        }
        for (int r = 0; r < dd; r++) {
          double zr = zbar[r];
          int o = r * dd;
          for (int k = 0; k < dd; k++) {
            out[o + k] += zr * zbar[k];
          }
        }
        for (int i = 0; i < n; i++) {
          double y = block.targets[p * n + i];
          int o = mzz + i * dd;
          for (int k = 0; k < dd; k++) {
            out[o + k] += y * zbar[k];
          }
          out[myz] += y * y;
        }
      }
    }

    /** Loss sum of the chunk in {@link #block}; adds the chunk's gradient to {@code grad} if given. */
    double chunk(AttentionWeights w, double @Nullable [][] grad, double gScale, double @Nullable [] perPrompt,
        int firstPrompt) {
      int c = block.count;
      xq.reshape(c, dd, false);
      yq.reshape(c, n, false);
      yhat.reshape(c, n, false);
      yhat.zero();
      yhatHead.reshape(c, n, false);
      for (int h = 0; h < heads; h++) {
        DMatrixRMaj qm = DMatrixRMaj.wrap(dd, dd, w.block(4 * h));
        DMatrixRMaj km = DMatrixRMaj.wrap(dd, dd, w.block(4 * h + 1));
        DMatrixRMaj vm = DMatrixRMaj.wrap(dd, dd, w.block(4 * h + 2));
        DMatrixRMaj om = DMatrixRMaj.wrap(n, dd, w.block(4 * h + 3));
        a[h].reshape(c, dd, false);
        b[h].reshape(c, dd, false);
        r[h].reshape(c, dd, false);
        u[h].reshape(c, dd, false);
        CommonOps_DDRM.multTransB(xq, qm, a[h]); // rows: (Q z_q)ᵀ
        CommonOps_DDRM.mult(a[h], km, b[h]); // rows: (Kᵀ Q z_q)ᵀ
        double[] pr = probs[h];
        for (int p = 0; p < c; p++) {
          attend(block.tokens[p], b[h].data, p * dd, pr, p * ll, r[h].data, p * dd);
        }
        CommonOps_DDRM.multTransB(r[h], vm, u[h]); // rows: (V Z p)ᵀ
        CommonOps_DDRM.multTransB(u[h], om, yhatHead); // rows: (O V Z p)ᵀ
        CommonOps_DDRM.addEquals(yhat, yhatHead);
      }
      double lossSum = 0;
      g.reshape(c, n, false);
      for (int p = 0; p < c; p++) {
        double lp = 0;
        for (int i = 0; i < n; i++) {
          double e = yhat.data[p * n + i] - yq.data[p * n + i];
          lp += e * e;
          g.data[p * n + i] = gScale * e;
        }
        lp /= n;
        if (perPrompt != null) {
          perPrompt[firstPrompt + p] = lp;
        }
        lossSum += lp;
      }
      if (grad == null) {
        return lossSum;
      }
      gu.reshape(c, dd, false);
      gr.reshape(c, dd, false);
      gb.reshape(c, dd, false);
      ga.reshape(c, dd, false);
      for (int h = 0; h < heads; h++) {
        DMatrixRMaj km = DMatrixRMaj.wrap(dd, dd, w.block(4 * h + 1));
        DMatrixRMaj vm = DMatrixRMaj.wrap(dd, dd, w.block(4 * h + 2));
        DMatrixRMaj om = DMatrixRMaj.wrap(n, dd, w.block(4 * h + 3));
        DMatrixRMaj dQ = DMatrixRMaj.wrap(dd, dd, grad[4 * h]);
        DMatrixRMaj dK = DMatrixRMaj.wrap(dd, dd, grad[4 * h + 1]);
        DMatrixRMaj dV = DMatrixRMaj.wrap(dd, dd, grad[4 * h + 2]);
        DMatrixRMaj dO = DMatrixRMaj.wrap(n, dd, grad[4 * h + 3]);
        CommonOps_DDRM.multAddTransA(g, u[h], dO); // dO += Σ_p g_p u_pᵀ
        CommonOps_DDRM.mult(g, om, gu); // rows: (Oᵀ g)ᵀ
        CommonOps_DDRM.multAddTransA(gu, r[h], dV); // dV += Σ_p gu_p r_pᵀ
        CommonOps_DDRM.mult(gu, vm, gr); // rows: (Vᵀ gu)ᵀ
        double[] pr = probs[h];
        for (int p = 0; p < c; p++) {
          attendBackward(block.tokens[p], pr, p * ll, gr.data, p * dd, gb.data, p * dd);
        }
        CommonOps_DDRM.multAddTransA(a[h], gb, dK); // dK += Σ_p a_p gb_pᵀ
        CommonOps_DDRM.multTransB(gb, km, ga); // rows: (K gb)ᵀ
        CommonOps_DDRM.multAddTransA(ga, xq, dQ); // dQ += Σ_p ga_p z_qᵀ
      }
      return lossSum;
    }

    /** Softmax attention of one prompt: probabilities into {@code probs}, r = Z p into {@code out}. */
    private void attend(double[] tok, double[] bv, int bOff, double[] probs, int pOff, double[] out, int oOff) {
      double max = Double.NEGATIVE_INFINITY;
      for (int l = 0; l < ll; l++) {
        double s = dot(tok, l * dd, bv, bOff, dd) * invRootD;
        probs[pOff + l] = s;
        if (s > max) {
          max = s;
        }
      }
      double sum = 0;
      for (int l = 0; l < ll; l++) {
        double e = FastMath.exp(probs[pOff + l] - max);
        probs[pOff + l] = e;
        sum += e;
      }
      double inv = 1.0 / sum;
      java.util.Arrays.fill(out, oOff, oOff + dd, 0.0);
      for (int l = 0; l < ll; l++) {
        double pl = probs[pOff + l] * inv;
        probs[pOff + l] = pl;
        int t = l * dd;
        for (int k = 0; k < dd; k++) {
          out[oOff + k] += pl * tok[t + k];
        }
      }
    }

    /** Adjoint of {@link #attend}: from ∂F/∂r to ∂F/∂b, b = Kᵀ Q z_q. */
    private void attendBackward(double[] tok, double[] probs, int pOff, double[] gr, int gOff, double[] gbv,
        int bOff) {
      double mean = 0;
      for (int l = 0; l < ll; l++) {
        double v = dot(tok, l * dd, gr, gOff, dd);
        gp[l] = v;
        mean += probs[pOff + l] * v;
      }
      java.util.Arrays.fill(gbv, bOff, bOff + dd, 0.0);
      for (int l = 0; l < ll; l++) {
        double gs = probs[pOff + l] * (gp[l] - mean) * invRootD;
        int t = l * dd;
        for (int k = 0; k < dd; k++) {
          gbv[bOff + k] += gs * tok[t + k];
        }
      }
    }

    /** Dot product with four partial sums (fixed order, so deterministic) for instruction-level parallelism. */
    private static double dot(double[] x, int xo, double[] y, int yo, int len) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int k = 0;
      for (; k + 3 < len; k += 4) {
        s0 += x[xo + k] * y[yo + k];
        s1 += x[xo + k + 1] * y[yo + k + 1];
        s2 += x[xo + k + 2] * y[yo + k + 2];
        s3 += x[xo + k + 3] * y[yo + k + 3];
      }
      for (; k < len; k++) {
        s0 += x[xo + k] * y[yo + k];
      }
      return (s0 + s1) + (s2 + s3);
    }
  }
}
