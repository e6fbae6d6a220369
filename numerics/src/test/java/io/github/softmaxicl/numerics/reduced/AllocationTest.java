package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.Arrays;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * P3 (reduced model (reconstruction)): task allocation follows MODEL.md §6's rule. Seeded random starts: equal
 * ω(0) = L^{-3/2}/√D, μ_i^h(0) = L^{-3/2}·4^{u}, u uniform in [0, 1) (Commons RNG XO_RO_SHI_RO_128_PP). The flow is
 * run past emergence and the head with the largest μ_i^h ω_i^h per task is compared with the prediction.
 */
class AllocationTest {
  private static final ProblemConfig[] CONFIGS = {
      ProblemConfig.withDefaultBlocks(8, 2, 2, 40, 0.0, 1.0),
      ProblemConfig.withDefaultBlocks(8, 2, 3, 40, 0.0, 1.0),
      ProblemConfig.withDefaultBlocks(24, 3, 3, 100, 0.0, 1.0),
      ProblemConfig.withDefaultBlocks(24, 3, 4, 100, 0.0, 1.0),
      ProblemConfig.of(20, new int[] {6, 14}, 3, 80, 0.0, 1.0),
  };

  /** Seeded cases satisfying the hypothesis (distinct argmax heads), from the first 60 seeds. */
  static Stream<Arguments> distinctArgmaxCases() {
    return seeds().filter(a -> distinct((long) a.get()[0], (ProblemConfig) a.get()[1]));
  }

  /** Seeded cases where one head is the largest for two or more tasks, from the same seeds. */
  static Stream<Arguments> sharedArgmaxCases() {
    return seeds().filter(a -> !distinct((long) a.get()[0], (ProblemConfig) a.get()[1]));
  }

  private static Stream<Arguments> seeds() {
    return LongStream.range(0, 60).mapToObj(seed -> Arguments.of(seed, CONFIGS[(int) (seed % CONFIGS.length)]));
  }

  private static boolean distinct(long seed, ProblemConfig c) {
    int[] p = argmaxHeads(randomStart(c, seed));
    return Arrays.stream(p).distinct().count() == p.length;
  }

  /**
   * Hypothesis under which MODEL.md §6's rule holds: H ≥ n, equal ω(0), and the per-task argmax heads
   * argmax_h μ_i^h(0) are distinct (no head is the largest for two tasks). Then the flow emerges and task i goes
   * to argmax_h μ_i^h(0). Exact check (an allocation matches or not).
   */
  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("distinctArgmaxCases")
  void allocationFollowsLargestInitialMu(long seed, ProblemConfig c) {
    SpectralState init = randomStart(c, seed);
    int[] predicted = argmaxHeads(init);
    ReducedRun run = ReducedFlowRunner.run(c, init, 3e4, ReducedFlowOptions.defaults());
    String what = describe(seed, c, init, predicted, run);
    System.out.println(what);
    assertTrue(Double.isFinite(run.markers().emergenceEnd()), "no emergence by t = 3e4: " + what);
    assertArrayEquals(predicted, run.allocation(), what);
  }

  /**
   * Outside the hypothesis the rule is undefined, and the flow was seen to take one of two courses; the test
   * checks that it is always one of them. (a) The shared head keeps one of its tasks, another head takes the
   * other, and the flow emerges to a one-head-per-task limit. (b) The shared head serves all its tasks at once,
   * the other heads' μ on them decay to 0 (those heads die on the sign-preserving manifold), and F settles above
   * F* without reaching the emergence threshold: for H = n = 2 this is exactly the single-head optimum. In both
   * courses every argmax head ends serving one of the tasks it was largest for.
   */
  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("sharedArgmaxCases")
  void headLargestForTwoTasksKeepsOneOrAllOfThem(long seed, ProblemConfig c) {
    SpectralState init = randomStart(c, seed);
    int[] predicted = argmaxHeads(init);
    ReducedRun run = ReducedFlowRunner.run(c, init, 3e4, ReducedFlowOptions.defaults());
    int[] actual = run.allocation();
    boolean injective = Arrays.stream(actual).distinct().count() == actual.length;
    boolean emerged = Double.isFinite(run.markers().emergenceEnd());
    String what = describe(seed, c, init, predicted, run) + ", F_final/F* = " + run.fFinal() / run.fStar();
    System.out.println("[shared argmax head] " + what);
    assertTrue(emerged == injective, "neither course (a) nor (b): " + what);
    if (!emerged) {
      assertTrue(run.fFinal() > run.fStar(), what);
    }
    for (int i = 0; i < predicted.length; i++) {
      int h = predicted[i];
      boolean servesOneOfItsTasks = false;
      for (int k = 0; k < predicted.length; k++) {
        servesOneOfItsTasks |= predicted[k] == h && actual[k] == h;
      }
      assertTrue(servesOneOfItsTasks, "argmax head " + h + " serves none of its tasks: " + what);
    }
  }

  private static String describe(long seed, ProblemConfig c, SpectralState init, int[] predicted, ReducedRun run) {
    return "seed " + seed + ", " + c + ", mu(0)/L^-1.5 = " + Arrays.deepToString(scaledMu(init, c)) + ", predicted "
        + Arrays.toString(predicted) + ", actual " + Arrays.toString(run.allocation()) + ", t_e = "
        + run.markers().emergenceEnd();
  }

  static SpectralState randomStart(ProblemConfig c, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double base = FastMath.pow(c.promptLength(), -1.5);
    double[][] w = new double[c.heads()][c.tasks()];
    double[][] m = new double[c.heads()][c.tasks()];
    for (int h = 0; h < c.heads(); h++) {
      Arrays.fill(w[h], base / FastMath.sqrt(c.tokenDim()));
      for (int i = 0; i < c.tasks(); i++) {
        m[h][i] = base * FastMath.pow(4.0, rng.nextDouble());
      }
    }
    return SpectralState.of(w, m);
  }

  private static int[] argmaxHeads(SpectralState s) {
    int[] out = new int[s.tasks()];
    for (int i = 0; i < out.length; i++) {
      for (int h = 1; h < s.heads(); h++) {
        if (s.mu(h, i) > s.mu(out[i], i)) {
          out[i] = h;
        }
      }
    }
    return out;
  }

  private static double[][] scaledMu(SpectralState s, ProblemConfig c) {
    double[][] m = s.muArray();
    double base = FastMath.pow(c.promptLength(), -1.5);
    for (double[] row : m) {
      for (int i = 0; i < row.length; i++) {
        row[i] = FastMath.round(row[i] / base * 1000) / 1000.0;
      }
    }
    return m;
  }
}
