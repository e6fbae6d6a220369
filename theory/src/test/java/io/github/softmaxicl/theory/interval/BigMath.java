package io.github.softmaxicl.theory.interval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Reference evaluation of exp and log to about 50 significant digits with {@link BigDecimal}, independent of
 * {@code StrictMath}: exp by argument halving, a Taylor series and repeated squaring; log by binary exponent
 * extraction (m in [0.7071, 1.4142)) and the atanh series {@code ln m = 2 atanh((m − 1)/(m + 1))}. Working precision is 80 digits so
 * that the 2^k squarings (relative error ×2 each, k ≤ 20) keep well over 50 correct digits.
 */
final class BigMath {
  static final MathContext MC = new MathContext(50, RoundingMode.HALF_EVEN);
  private static final MathContext WORK = new MathContext(80, RoundingMode.HALF_EVEN);
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal NEGLIGIBLE = new BigDecimal("1e-85");
  private static final BigDecimal HALF_SPLIT = new BigDecimal("0.7071");
  private static final BigDecimal LN2 = atanh2(BigDecimal.ONE.divide(BigDecimal.valueOf(3), WORK));

  private BigMath() {}

  static BigDecimal exp(BigDecimal x) {
    int halvings = 0;
    BigDecimal r = x;
    while (r.abs().compareTo(new BigDecimal("0.001")) > 0) {
      r = r.divide(TWO, WORK);
      halvings++;
    }
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    // |r| <= 0.001 and sum ~ 1: once a term is below 1e-85 the rest sum to less than 1e-88, and the 2^halvings
    // squarings (halvings <= 16 for |x| <= 45, the test's range) magnify that to < 1e-83, far below 1e-50. The
    // series used to run a fixed 60 terms (about 22 are needed), which made exp most of the interval test's time.
    for (int k = 1; k < 60 && term.abs().compareTo(NEGLIGIBLE) >= 0; k++) {
      term = term.multiply(r, WORK).divide(BigDecimal.valueOf(k), WORK);
      sum = sum.add(term, WORK);
    }
    for (int k = 0; k < halvings; k++) {
      sum = sum.multiply(sum, WORK);
    }
    return sum.round(MC);
  }

  static BigDecimal log(BigDecimal x) {
    if (x.signum() <= 0) {
      throw new ArithmeticException("log of " + x);
    }
    int e = 0;
    BigDecimal m = x;
    // m in [HALF_SPLIT, 2 HALF_SPLIT) = [0.7071, 1.4142): |z| <= 0.172, so the series needs about 55 terms to
    // reach 1e-85 instead of the 88 of m in [1, 2) (z <= 1/3). Any split is exact: ln x = ln m + e ln 2.
    while (m.compareTo(HALF_SPLIT.multiply(TWO)) >= 0) {
      m = m.divide(TWO, WORK);
      e++;
    }
    while (m.compareTo(HALF_SPLIT) < 0) {
      m = m.multiply(TWO, WORK);
      e--;
    }
    BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), WORK);
    return atanh2(z).add(LN2.multiply(BigDecimal.valueOf(e), WORK), WORK).round(MC);
  }

  /** 2 atanh(z) = 2 Σ z^{2k+1}/(2k+1), for |z| ≤ 1/3. */
  private static BigDecimal atanh2(BigDecimal z) {
    BigDecimal z2 = z.multiply(z, WORK);
    BigDecimal power = z;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < 200; k++) {
      sum = sum.add(power.divide(BigDecimal.valueOf(2L * k + 1), WORK), WORK);
      power = power.multiply(z2, WORK);
      if (power.signum() == 0 || power.abs().compareTo(NEGLIGIBLE) < 0) {
        break;
      }
    }
    return sum.multiply(TWO, WORK);
  }
}
