package io.github.softmaxicl.reports;

import java.util.Locale;

/** Locale-independent, deterministic number formatting for files and the report. */
final class Numbers {
  private Numbers() {}

  /** Exact round-trip form for machine-readable files ({@link Double#toString}); "NaN" if not finite. */
  static String exact(double x) {
    return Double.toString(x);
  }

  /**
   * Short human form with 4 significant digits (plain in [0.001, 10^4), else like {@code 3.5e4} or
   * {@code 1.2e-13}); "–" for NaN, "∞"/"−∞" for infinities. Only an exact zero prints as "0".
   */
  static String human(double x) {
    return human(x, 4);
  }

  /** As {@link #human(double)} with {@code digits} (1 to 17) significant digits. */
  static String human(double x, int digits) {
    if (digits < 1 || digits > 17) {
      throw new IllegalArgumentException("digits must be in 1..17 (got " + digits + ")");
    }
    if (Double.isNaN(x)) {
      return "–";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "∞" : "−∞";
    }
    if (x == 0) {
      return "0";
    }
    double a = Math.abs(x);
    if (a >= 1e-3 && a < 9999.5) {
      String s = String.format(Locale.ROOT, "%." + digits + "g", x);
      if (s.indexOf('e') < 0) {
        return trimZeros(s);
      }
      // %g switches to exponent form itself when rounding carries past 10^4 (e.g. 9999.6 at 4 digits).
    }
    String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
    int e = s.indexOf('e');
    String mantissa = trimZeros(s.substring(0, e));
    int exponent = Integer.parseInt(s.substring(e + 1));
    return mantissa + "e" + exponent;
  }

  private static String trimZeros(String s) {
    if (s.indexOf('.') < 0 || s.indexOf('e') >= 0) {
      return s;
    }
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '0') {
      end--;
    }
    if (end > 0 && s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** Fixed one-decimal form for SVG coordinates. */
  static String coord(double x) {
    long tenths = Math.round(x * 10.0);
    long whole = tenths / 10;
    long frac = Math.abs(tenths % 10);
    String sign = (tenths < 0 && whole == 0) ? "-" : "";
    return frac == 0 ? sign + whole : sign + whole + "." + frac;
  }
}
