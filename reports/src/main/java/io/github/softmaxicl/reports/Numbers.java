package io.github.softmaxicl.reports;

import java.util.Locale;

/**
 * The one number formatter of the package: locale-independent and deterministic, with one named format per use
 * ({@link #exact} for files, {@link #human} and its shorter or longer siblings for the report, {@link #coord}
 * for SVG coordinates), so that no other class writes a format string for a number.
 */
public final class Numbers {
  /** Significant digits of {@link #human}: tables, captions, axis ticks and legends. */
  static final int HUMAN_DIGITS = 4;
  /** Significant digits of {@link #detail}: hover titles, where a reader wants more than the table shows. */
  static final int DETAIL_DIGITS = 6;
  /** Significant digits of {@link #brief}: heat-map cells and fitted slopes, where space or accuracy is short. */
  static final int BRIEF_DIGITS = 3;
  /** Significant digits of {@link #magnitude}: a value quoted for its order of magnitude only. */
  static final int MAGNITUDE_DIGITS = 2;

  private Numbers() {}

  /** Exact round-trip form for machine-readable files ({@link Double#toString}); "NaN" if not finite. */
  public static String exact(double x) {
    return Double.toString(x);
  }

  /**
   * Short human form with 4 significant digits (plain in [0.001, 10^4), else like {@code 3.5e4} or
   * {@code 1.2e-13}); "–" for NaN, "∞"/"−∞" for infinities. Only an exact zero prints as "0".
   */
  public static String human(double x) {
    return significant(x, HUMAN_DIGITS);
  }

  /** As {@link #human} with 6 significant digits. */
  public static String detail(double x) {
    return significant(x, DETAIL_DIGITS);
  }

  /** As {@link #human} with 3 significant digits. */
  public static String brief(double x) {
    return significant(x, BRIEF_DIGITS);
  }

  /** As {@link #human} with 2 significant digits. */
  public static String magnitude(double x) {
    return significant(x, MAGNITUDE_DIGITS);
  }

  /** As {@link #human} with {@code digits} (1 to 17) significant digits. */
  public static String significant(double x, int digits) {
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

  /** Fixed one-decimal form for SVG coordinates (and other pixel or count values drawn in the page). */
  public static String coord(double x) {
    long tenths = Math.round(x * 10.0);
    long whole = tenths / 10;
    long frac = Math.abs(tenths % 10);
    String sign = (tenths < 0 && whole == 0) ? "-" : "";
    return frac == 0 ? sign + whole : sign + whole + "." + frac;
  }
}
