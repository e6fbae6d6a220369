package io.github.softmaxicl.reports.html;

/** The diverging colour scale of the μ·ω maps: white at 0, red (#b2182b) at +1, blue (#2166ac) at −1. */
final class HeatmapColour {
  private static final int[] RED = {0xb2, 0x18, 0x2b};
  private static final int[] BLUE = {0x21, 0x66, 0xac};

  private HeatmapColour() {}

  /** The colour of a value relative to the map's largest |value| (clamped to [−1, 1]). */
  static String of(double rel) {
    double a = Math.min(1, Math.abs(rel));
    int[] end = rel >= 0 ? RED : BLUE;
    StringBuilder sb = new StringBuilder("#");
    for (int c : end) {
      int v = (int) Math.round(255 + (c - 255) * a);
      sb.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 15, 16));
    }
    return sb.toString();
  }

  /** Relative values above this are dark enough that their label is drawn in white. */
  static boolean isDark(double rel) {
    return Math.abs(rel) > 0.6;
  }
}
