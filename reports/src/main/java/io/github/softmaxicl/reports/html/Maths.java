package io.github.softmaxicl.reports.html;

/** Typesetting helpers for maths in plot labels (plain Unicode: SVG text has no sub- or superscript markup). */
final class Maths {
  private static final String SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉";

  private Maths() {}

  /** A non-negative integer in subscript digits, e.g. 12 → ₁₂. */
  static String subscript(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative subscript " + value);
    }
    String digits = Integer.toString(value);
    StringBuilder sb = new StringBuilder(digits.length());
    for (int i = 0; i < digits.length(); i++) {
      sb.append(SUBSCRIPT_DIGITS.charAt(digits.charAt(i) - '0'));
    }
    return sb.toString();
  }
}
