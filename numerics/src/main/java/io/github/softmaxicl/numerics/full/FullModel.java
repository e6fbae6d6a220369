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
import org.hipparchus.util.FastMath;

/**
 * Forward pass and analytic gradient of the full model (MODEL.md §2),
 * {@code ŷ = Σ_h O^h V^h Z softmax_L(Zᵀ K^hᵀ Q^h z_q / √D)}, for the sample-average loss
 * {@code F = (1/N) Σ_p (1/n) ‖y_q − ŷ‖²}. The query does not attend to itself.
 *
 * <p>Layout of the work: prompts are processed in chunks of {@value #CHUNK} by {@link ChunkKernel} (per head,
 * through the prompt-independent products M = KᵀQ/√D and W = OV formed once per call; the per-prompt passes run
 * with the prompt's tokens as lanes, or, for small prompts, with the chunk's prompts as lanes, in the same scalar
 * operation order either way). Chunks are computed in parallel in waves of {@value #WAVE}; each
 * chunk writes its own partial loss and gradient, and partials are added in chunk order, so the result is
 * bit-identical for any number of threads.
 *
 * <p>Not for concurrent use: one evaluation at a time (methods are synchronised). Close it to stop the workers.
 */
public final class FullModel implements AutoCloseable {
  /**
   * Prompts per chunk: the unit of parallel work and of the fixed summation order. 64 rather than 32 since the
   * softmax's exponential became vectorisable ({@link LaneExp}): the small-prompt layout's loops over a chunk's
   * prompts then pay their scalar pre- and post-loops half as often (ladder sizes, blocks 2+2, H 2, L 30, process
   * CPU per prompt on 1 thread: 0.81–0.85 µs at 32, 0.68 at 64, 0.62–0.68 at 128; paper sizes unchanged within
   * noise; measured at load 10–14, issue 16). 32 was kept while the scalar exponential dominated (no gain then).
   */
  public static final int CHUNK = 64;
  /** Chunks per wave: partial gradients held at once. */
  public static final int WAVE = 16;

  private final ProblemConfig config;
  private final int threads;
  private final @Nullable ExecutorService pool;
  private final Workspace[] workspaces;
  /** Per chunk of a wave: G^h = ∂F/∂M^h (D×D) and S^h = ∂F/∂W^h (n×D), see {@link ChunkKernel}. */
  private final double[][][] slotG;
  private final double[][][] slotS;
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
    int dd = config.tokenDim();
    this.slotG = new double[WAVE][config.heads()][dd * dd];
    this.slotS = new double[WAVE][config.heads()][config.tasks() * dd];
    this.slotLoss = new double[WAVE];
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
    int heads = config.heads();
    int dd = config.tokenDim();
    int n = config.tasks();
    double[][] m = new double[heads][];
    double[][] wov = new double[heads][];
    for (int h = 0; h < heads; h++) {
      m[h] = keyQuery(w, h);
      wov[h] = outputValue(w, h);
    }
    double[][] gTotal = new double[heads][dd * dd];
    double[][] sTotal = new double[heads][n * dd];
    int chunks = (size + CHUNK - 1) / CHUNK;
    double lossSum = 0;
    for (int w0 = 0; w0 < chunks; w0 += WAVE) {
      int first = w0;
      int last = Math.min(chunks, w0 + WAVE);
      AtomicInteger next = new AtomicInteger(first);
      if (pool == null) {
        work(workspaces[0], next, first, last, m, wov, prompts, grad != null, gScale, perPrompt, moments != null);
      } else {
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          Workspace ws = workspaces[t];
          jobs.add(() -> {
            work(ws, next, first, last, m, wov, prompts, grad != null, gScale, perPrompt, moments != null);
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
          addInto(gTotal, slotG[c - first]);
          addInto(sTotal, slotS[c - first]);
        }
      }
    }
    if (grad != null) {
      weightGradients(w, gTotal, sTotal, grad);
    }
    promptEvaluations += size;
    return lossSum / size;
  }

  private static void addInto(double[][] dst, double[][] src) {
    for (int b = 0; b < dst.length; b++) {
      double[] d = dst[b];
      double[] s = src[b];
      for (int i = 0; i < d.length; i++) {
        d[i] += s[i];
      }
    }
  }

  /** M^h = K^hᵀ Q^h / √D (D×D, row-major): the prompt-independent part of the attention scores. */
  private double[] keyQuery(AttentionWeights w, int h) {
    int dd = config.tokenDim();
    double[] q = w.block(4 * h);
    double[] k = w.block(4 * h + 1);
    // Row a of KᵀQ is Σ_i K[i][a] Q[i], i increasing from 0: rowTimes over column a of K (a copy) and Q's rows.
    double[][] qRows = new double[dd][dd];
    double[] ka = new double[dd];
    for (int i = 0; i < dd; i++) {
      System.arraycopy(q, i * dd, qRows[i], 0, dd);
    }
    double[] acc = new double[dd];
    double[] out = new double[dd * dd];
    double invRootD = 1.0 / FastMath.sqrt(dd);
    for (int a = 0; a < dd; a++) {
      for (int i = 0; i < dd; i++) {
        ka[i] = k[i * dd + a];
      }
      rowTimes(ka, 0, qRows, dd, acc);
      for (int j = 0; j < dd; j++) {
        out[a * dd + j] = acc[j] * invRootD;
      }
    }
    return out;
  }

  /**
   * {@code acc[j] = Σ_i x[from + i] rows[i][j]} for i, j &lt; {@code dd}, i increasing from zero: a row vector
   * times a matrix given by its rows, vectorised across j (acc and the rows indexed by j alone).
   */
  private static void rowTimes(double[] x, int from, double[][] rows, int dd, double[] acc) {
    java.util.Arrays.fill(acc, 0, dd, 0.0);
    for (int i = 0; i < dd; i++) {
      double xi = x[from + i];
      double[] ri = rows[i];
      for (int j = 0; j < dd; j++) {
        acc[j] += xi * ri[j];
      }
    }
  }

  /** W^h = O^h V^h (n×D, row-major): the prompt-independent part of the head's output. */
  private double[] outputValue(AttentionWeights w, int h) {
    int dd = config.tokenDim();
    int n = config.tasks();
    double[] v = w.block(4 * h + 2);
    double[] o = w.block(4 * h + 3);
    double[] out = new double[n * dd];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < dd; a++) {
        double oia = o[i * dd + a];
        for (int j = 0; j < dd; j++) {
          out[i * dd + j] += oia * v[a * dd + j];
        }
      }
    }
    return out;
  }

  /**
   * From G^h = ∂F/∂M^h and S^h = ∂F/∂W^h to the weights' gradient (written into {@code grad}, all zero before):
   * ∂F/∂Q = K G / √D, ∂F/∂K = Q Gᵀ / √D, ∂F/∂V = Oᵀ S, ∂F/∂O = S Vᵀ.
   */
  private void weightGradients(AttentionWeights w, double[][] gTotal, double[][] sTotal, double[][] grad) {
    int dd = config.tokenDim();
    int n = config.tasks();
    double invRootD = 1.0 / FastMath.sqrt(dd);
    double[][] gRows = new double[dd][dd];
    double[][] gtRows = new double[dd][dd];
    double[] acc = new double[dd];
    for (int h = 0; h < config.heads(); h++) {
      double[] q = w.block(4 * h);
      double[] k = w.block(4 * h + 1);
      double[] v = w.block(4 * h + 2);
      double[] o = w.block(4 * h + 3);
      double[] g = gTotal[h];
      double[] s = sTotal[h];
      double[] dq = grad[4 * h];
      double[] dk = grad[4 * h + 1];
      double[] dv = grad[4 * h + 2];
      double[] dO = grad[4 * h + 3];
      // Each entry is Σ_a in increasing a from 0, then scaled, as a dot product would give it; but the sums run
      // across j in vector lanes (row i of K or Q times the rows of G or Gᵀ), one output row array per loop and
      // every operand indexed by j alone, which C2 vectorises, instead of one scalar add chain per entry (the
      // chains' add latency made this 2 H D³ part ≈ 2–3 % of a 1,024-prompt paper call; issue 16).
      for (int a = 0; a < dd; a++) {
        System.arraycopy(g, a * dd, gRows[a], 0, dd);
        for (int j = 0; j < dd; j++) {
          gtRows[a][j] = g[j * dd + a];
        }
      }
      for (int i = 0; i < dd; i++) {
        rowTimes(k, i * dd, gRows, dd, acc);
        for (int j = 0; j < dd; j++) {
          dq[i * dd + j] = acc[j] * invRootD;
        }
        rowTimes(q, i * dd, gtRows, dd, acc);
        for (int j = 0; j < dd; j++) {
          dk[i * dd + j] = acc[j] * invRootD;
        }
      }
      for (int a = 0; a < dd; a++) {
        for (int j = 0; j < dd; j++) {
          double sv = 0;
          for (int i = 0; i < n; i++) {
            sv += o[i * dd + a] * s[i * dd + j];
          }
          dv[a * dd + j] = sv;
        }
      }
      for (int i = 0; i < n; i++) {
        for (int a = 0; a < dd; a++) {
          double so = 0;
          for (int j = 0; j < dd; j++) {
            so += s[i * dd + j] * v[a * dd + j];
          }
          dO[i * dd + a] = so;
        }
      }
    }
  }

  private void work(Workspace ws, AtomicInteger next, int first, int last, double[][] m, double[][] wov,
      PromptSource prompts, boolean gradient, double gScale, double @Nullable [] perPrompt, boolean moments) {
    for (int c = next.getAndIncrement(); c < last; c = next.getAndIncrement()) {
      int start = c * CHUNK;
      int count = Math.min(CHUNK, prompts.size() - start);
      prompts.fill(start, count, ws.block);
      slotLoss[c - first] = ws.kernel.chunk(ws.block, m, wov, gradient ? slotG[c - first] : null,
          gradient ? slotS[c - first] : null, gScale, perPrompt, start);
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

  /** Per-thread buffers: the prompt block, the chunk kernel and the control variate's scratch. */
  private static final class Workspace {
    final int ll;
    final int dd;
    final int n;
    final PromptBlock block;
    final ChunkKernel kernel;
    final double[] zbar;

    Workspace(ProblemConfig config) {
      this.ll = config.promptLength();
      this.dd = config.tokenDim();
      this.n = config.tasks();
      this.block = new PromptBlock(config, CHUNK);
      this.kernel = new ChunkKernel(config, CHUNK);
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
      double[][] rows = block.rows();
      for (int p = 0; p < block.count; p++) {
        double[] tok = rows[p];
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
  }
}
