package io.github.softmaxicl.theory.interval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Reference evaluation of exp and log to about 50 significant digits with {@link BigDecimal}, independent of
 * {@code StrictMath}: exp by argument halving, a Taylor series and repeated squaring; log by binary exponent
 * extraction and the atanh series {@code ln m = 2 atanh((m − 1)/(m + 1))}. Working precision is 80 digits so
 * that the 2^k squarings (relative error ×2 each, k ≤ 20) keep well over 50 correct digits.
 */
final class BigMath {
  static final MathContext MC = new MathContext(50, RoundingMode.HALF_EVEN);
  private static final MathContext WORK = new MathContext(80, RoundingMode.HALF_EVEN);
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
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
    for (int k = 1; k < 60; k++) {
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
    while (m.compareTo(TWO) >= 0) {
      m = m.divide(TWO, WORK);
      e++;
    }
    while (m.compareTo(BigDecimal.ONE) < 0) {
      m = m.multiply(TWO, WORK);
      e--;
    }
    BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), WORK);
    return atanh2(z).add(LN2.multiply(BigDecimal.valueOf(e), WORK), WORK).round(MC);
  }

  /** 2 atanh(z) = 2 Σ z^{2k+1}/(2k+1), for 0 ≤ z ≤ 1/3. */
  private static BigDecimal atanh2(BigDecimal z) {
    BigDecimal z2 = z.multiply(z, WORK);
    BigDecimal power = z;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < 200; k++) {
      sum = sum.add(power.divide(BigDecimal.valueOf(2L * k + 1), WORK), WORK);
      power = power.multiply(z2, WORK);
      if (power.signum() == 0 || power.abs().compareTo(new BigDecimal("1e-85")) < 0) {
        break;
      }
    }
    return sum.multiply(TWO, WORK);
  }
}
