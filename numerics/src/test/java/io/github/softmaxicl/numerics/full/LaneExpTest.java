package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LaneExp} against {@code StrictMath.exp} (fdlibm: within 1 ulp of e^x): within 1 ulp of it everywhere
 * (so within 2 ulp of e^x), exact where e^x is, the special values and the fallback range as StrictMath's; and the
 * same bits whether an argument sits in a long row (C2's vector loop) or is computed alone (scalar).
 */
class LaneExpTest {
  /** |a − b| in units of b's last place (b normal or zero). */
  private static double ulps(double a, double b) {
    return Math.abs(a - b) / Math.ulp(b);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 2L, 3L})
  void withinOneUlpOfStrictMathOnTheWholeRange(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] x = new double[4096];
    double[] r = new double[x.length];
    double[] k = new double[x.length];
    for (int round = 0; round < 50; round++) {
      for (int i = 0; i < x.length; i++) {
        // Half on the softmax's usual range [-40, 0], half on the whole finite range of exp.
        x[i] = i % 2 == 0 ? -40 * rnd.nextDouble() : -745 + 1454.7 * rnd.nextDouble();
      }
      double[] args = x.clone();
      LaneExp.expInPlace(x, x.length, r, k);
      for (int i = 0; i < x.length; i++) {
        double arg = args[i];
        double got = x[i];
        double ref = StrictMath.exp(arg);
        if (!(ulps(got, ref) <= 1.0)) {
          throw new AssertionError("seed " + seed + ": exp(" + arg + ") = " + got + ", StrictMath " + ref);
        }
      }
    }
  }

  @Test
  void reducedArgumentsNearHalfLn2AreStillAccurate() {
    // The polynomial's worst case is |r| = ln2/2, i.e. x halfway between multiples of ln 2.
    double ln2 = Math.log(2);
    for (int j = -700; j <= 700; j++) {
      for (double off : new double[] {0.5, -0.5, 0.4999999, -0.4999999}) {
        double x = (j + off) * ln2;
        double got = LaneExp.exp(x);
        double ref = StrictMath.exp(x);
        assertTrue(ulps(got, ref) <= 1.0, "x = " + x + ": " + got + " vs " + ref);
      }
    }
  }

  @Test
  void exactValuesAndSpecialArguments() {
    assertEquals(1.0, LaneExp.exp(0.0));
    assertEquals(1.0, LaneExp.exp(-0.0));
    // j·ln2 in doubles is not j ln 2, so e^(j·ln2) is 2^j only to a few ulps; what
    // must hold is agreement with StrictMath on the same double argument (where r is smallest).
    for (int j = -20; j <= 20; j++) {
      double x = j * Math.log(2);
      assertTrue(ulps(LaneExp.exp(x), StrictMath.exp(x)) <= 1.0, "x = " + j + " ln2");
    }
    assertTrue(Double.isNaN(LaneExp.exp(Double.NaN)));
    assertEquals(0.0, LaneExp.exp(Double.NEGATIVE_INFINITY));
    assertEquals(Double.POSITIVE_INFINITY, LaneExp.exp(Double.POSITIVE_INFINITY));
    assertEquals(Double.POSITIVE_INFINITY, LaneExp.exp(710.0));
    assertEquals(0.0, LaneExp.exp(-746.0));
  }

  @Test
  void outsideTheScaledRangeItIsStrictMath() {
    // |k| > 1020: |x| above ≈ 707.0; subnormal results and values near overflow come from StrictMath unchanged.
    for (double x : new double[] {-707.5, -720.0, -740.0, -745.1, 707.5, 709.7}) {
      assertEquals(StrictMath.exp(x), LaneExp.exp(x), "x = " + x);
    }
    // The last scaled arguments on either side: 2^±1020 times the polynomial, within an ulp.
    for (double x : new double[] {-706.9, 706.9}) {
      assertTrue(ulps(LaneExp.exp(x), StrictMath.exp(x)) <= 1.0, "x = " + x);
    }
  }

  @ParameterizedTest(name = "row length {0}")
  @ValueSource(ints = {1, 7, 8, 31, 32, 33, 64, 100, 255, 1000})
  void rowsGiveTheBitsOfOneElementCalls(int n) {
    // A long row runs C2's vector loop with scalar pre- and post-loops; one element runs scalar. Same bits.
    SplittableRandom rnd = new SplittableRandom(n);
    double[] x = new double[n + 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = -30 * rnd.nextDouble() + (i % 5 == 0 ? 20 : 0);
    }
    double[] row = x.clone();
    // Warm the loop so that C2 compiles it (the comparison is meaningful only for compiled code too).
    double[] warm = new double[1024];
    for (int it = 0; it < 20_000; it++) {
      Arrays.fill(warm, -1.5);
      LaneExp.expInPlace(warm, warm.length, new double[1024], new double[1024]);
    }
    LaneExp.expInPlace(row, n, new double[n], new double[n]);
    for (int i = 0; i < n; i++) {
      assertEquals(Double.doubleToRawLongBits(LaneExp.exp(x[i])), Double.doubleToRawLongBits(row[i]),
          "element " + i + " of " + n);
    }
    for (int i = n; i < x.length; i++) {
      assertEquals(x[i], row[i], "beyond n: untouched");
    }
  }
}
