package io.github.softmaxicl.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_full;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's dense matrix-multiply rate, the yardstick of {@link GradientKernelBenchmark} (issue 16): OpenBLAS's
 * {@code cblas_dgemm} on {@value #SIZE}×{@value #SIZE} doubles (row-major, C = A B), on an explicitly set number
 * of OpenBLAS threads (openblas_set_num_threads, declared in JavaCPP's openblas_full class), with
 * {@link KernelFlops#squareMultiply} flops per call. The operands live off the Java heap (JavaCPP pointers), so no
 * array copying is timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OpenBlasMultiplyBenchmark {
  /** Matrix side. */
  public static final int SIZE = 1024;

  /** OpenBLAS threads. */
  @Param({"1", "2"})
  public int threads = 1;

  private DoublePointer a = new DoublePointer(1L);
  private DoublePointer b = new DoublePointer(1L);
  private DoublePointer c = new DoublePointer(1L);

  /** Fixed random operands and the thread count. */
  @Setup(Level.Trial)
  public void setUp() {
    openblas_full.openblas_set_num_threads(threads);
    a = random(1L);
    b = random(2L);
    c = new DoublePointer((long) SIZE * SIZE);
  }

  private static DoublePointer random(long seed) {
    Random rng = new Random(seed);
    double[] x = new double[SIZE * SIZE];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextDouble() - 0.5;
    }
    return new DoublePointer(x);
  }

  /** Frees the native operands. */
  @TearDown(Level.Trial)
  public void tearDown() {
    a.close();
    b.close();
    c.close();
  }

  /** c = a b. */
  @Benchmark
  public DoublePointer multiply() {
    openblas_full.cblas_dgemm(openblas_full.CblasRowMajor, openblas_full.CblasNoTrans, openblas_full.CblasNoTrans,
        SIZE, SIZE, SIZE, 1.0, a, SIZE, b, SIZE, 0.0, c, SIZE);
    return c;
  }
}
