package io.github.softmaxicl.reports;

import java.util.Locale;

/** Locale-independent, deterministic number formatting for files and the report. */
final class Numbers {
  private Numbers() {}

  /** Exact round-trip form for machine-readable files ({@link Double#toString}); "NaN" if not finite. */
  static String exact(double x) {
    return Double.toString(x);
  }

  /** Short human form with 4 significant digits (plain in [0.001, 10^4), else like {@code 3.5e4}); "–" for NaN, "∞"/"−∞" for infinities. */
  static String human(double x) {
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
      String s = String.format(Locale.ROOT, "%.4g", x);
      return trimZeros(s);
    }
    String s = String.format(Locale.ROOT, "%.3e", x);
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
