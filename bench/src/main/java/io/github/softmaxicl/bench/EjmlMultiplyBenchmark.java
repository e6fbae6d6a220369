package io.github.softmaxicl.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A secondary figure beside {@link GradientKernelBenchmark}: EJML's dense square multiply on one thread
 * ({@link KernelFlops#squareMultiply} flops per call), a pure-Java library's rate. The machine's rate, the
 * yardstick of issue 16, is {@link OpenBlasMultiplyBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EjmlMultiplyBenchmark {
  /** Matrix side (53 is the {@code paper} prompt's token dimension). */
  @Param({"53", "128", "256", "512"})
  public int size = 256;

  private DMatrixRMaj a = new DMatrixRMaj(1, 1);
  private DMatrixRMaj b = new DMatrixRMaj(1, 1);
  private DMatrixRMaj c = new DMatrixRMaj(1, 1);

  /** Fixed random operands. */
  @Setup(Level.Trial)
  public void setUp() {
    a = RandomMatrices_DDRM.rectangle(size, size, new Random(1));
    b = RandomMatrices_DDRM.rectangle(size, size, new Random(2));
    c = new DMatrixRMaj(size, size);
  }

  /** c = a b. */
  @Benchmark
  public DMatrixRMaj multiply() {
    CommonOps_DDRM.mult(a, b, c);
    return c;
  }
}
