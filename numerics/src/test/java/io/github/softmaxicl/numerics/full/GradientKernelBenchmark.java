package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;

/**
 * Timed benchmark (no JMH): the gradient kernel's GFLOP/s against EJML's dense multiply on this machine, and
 * the wall time of one SGD step of the {@code paper} preset. Run from the numerics module with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.github.softmaxicl.numerics.full.GradientKernelBenchmark [B]}
 * after {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class GradientKernelBenchmark {
  private GradientKernelBenchmark() {}

  /** Useful flops per prompt of forward + backward: H (8 L D + 10 D² + 6 n D), softmax and copies excluded. */
  static double flopsPerPrompt(ProblemConfig c) {
    double ll = c.promptLength();
    double dd = c.tokenDim();
    double n = c.tasks();
    return c.heads() * (8 * ll * dd + 10 * dd * dd + 6 * n * dd);
  }

  static double ejmlGflops(int size, double seconds) {
    DMatrixRMaj a = RandomMatrices_DDRM.rectangle(size, size, new java.util.Random(1));
    DMatrixRMaj b = RandomMatrices_DDRM.rectangle(size, size, new java.util.Random(2));
    DMatrixRMaj c = new DMatrixRMaj(size, size);
    long reps = 0;
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < seconds * 1e9) {
      CommonOps_DDRM.mult(a, b, c);
      reps++;
    }
    double el = (System.nanoTime() - t0) * 1e-9;
    return 2.0 * size * size * size * reps / el * 1e-9;
  }

  /** Seconds per call of {@code r}, timed over about {@code seconds}. */
  static double time(Runnable r, double seconds) {
    long reps = 0;
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < seconds * 1e9) {
      r.run();
      reps++;
    }
    return (System.nanoTime() - t0) * 1e-9 / reps;
  }

  /**
   * Interleaves short timings of EJML's multiply and of the kernel so both see the same load (the machine is
   * shared), and reports the median of the per-round ratios.
   */
  public static void main(String[] args) {
    int batch = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    ProblemConfig paper = Preset.PAPER.config();
    System.out.printf("machine: %d cores, %s, load average at start %.2f%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage());
    for (int size : new int[] {53, 128, 256, 512}) {
      ejmlGflops(size, 0.5);
      System.out.printf("EJML CommonOps_DDRM.mult %dx%d (1 thread): %.2f GFLOP/s%n", size, size, ejmlGflops(size, 1));
    }
    AttentionWeights w = AttentionWeights.paperInit(paper, 1).perturbed(1e-2, 5L);
    PromptSource stored = StoredPrompts.copyOf(PromptSampler.of(paper, 1L, 1024, false));
    PromptSampler gen = PromptSampler.of(paper, 2L, 1 << 20, false);
    PromptBlock blk = new PromptBlock(paper, 64);
    double fpp = flopsPerPrompt(paper);
    try (FullModel one = new FullModel(paper, 1); FullModel two = new FullModel(paper, 2)) {
      double[] ratio = new double[rounds];
      double[] kernel1 = new double[rounds];
      double[] kernel2 = new double[rounds];
      double[] ejml = new double[rounds];
      double[] genUs = new double[rounds];
      int[] next = {0};
      for (int r = 0; r < rounds; r++) {
        ejml[r] = ejmlGflops(256, 1);
        kernel1[r] = fpp * stored.size() / time(() -> one.lossAndGradient(w, stored), 1.5) * 1e-9;
        kernel2[r] = fpp * stored.size() / time(() -> two.lossAndGradient(w, stored), 1.5) * 1e-9;
        genUs[r] = time(() -> {
          gen.fill(next[0], 64, blk);
          next[0] += 64;
        }, 1) / 64 * 1e6;
        ratio[r] = kernel1[r] / ejml[r];
        System.out.printf("round %d: EJML 256 %.2f GFLOP/s, kernel 1 thread %.2f GFLOP/s (%.0f%%), 2 threads %.2f "
            + "GFLOP/s, generation %.1f us/prompt%n", r, ejml[r], kernel1[r], 100 * ratio[r], kernel2[r], genUs[r]);
      }
      java.util.Arrays.sort(ratio);
      java.util.Arrays.sort(kernel1);
      java.util.Arrays.sort(kernel2);
      java.util.Arrays.sort(genUs);
      System.out.printf("median: kernel/EJML (1 thread) %.0f%%, kernel 1 thread %.2f GFLOP/s (%.0f us/prompt), "
          + "2 threads %.2f GFLOP/s, generation %.1f us/prompt%n", 100 * ratio[rounds / 2], kernel1[rounds / 2],
          fpp / kernel1[rounds / 2] * 1e-3, kernel2[rounds / 2], genUs[rounds / 2]);
      StochasticGradientDescent.Options o = new StochasticGradientDescent.Options().batch(batch).steps(2)
          .rate(LearningRate.constant(1e-3)).recordEvery(1).freshPrompts(2);
      StochasticGradientDescent.run(two, w, 3L, o); // warm-up
      o.steps(5);
      long s0 = System.nanoTime();
      StochasticGradientDescent.run(two, w, 4L, o);
      double perStep = (System.nanoTime() - s0) * 1e-9 / 5;
      System.out.printf("SGD step, paper, B = %d, 2 threads (prompts generated in the workers): %.3f s/step%n",
          batch, perStep);
      System.out.printf("authors' protocol (eta = 1e-3, B = 10000, 1e6 steps, t = 1000): %.1f days at this speed%n",
          perStep * (10_000.0 / batch) * 1e6 / 86400);
    }
  }
}
