package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Adaptive choice of the box radius of {@link LimitProof}: the smallest radius of a fixed ladder that certifies
 * (the tightest enclosure of the limit) or the largest (the largest region of proved uniqueness and convexity).
 */
public final class RadiusSearch {
  private RadiusSearch() {}

  /** Relative box radii tried, ascending. */
  public static final List<Double> LADDER = List.of(
      1e-15, 3e-15, 1e-14, 3e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2,
      3e-2, 0.1, 0.2, 0.3, 0.5);

  /**
   * The certificate of the smallest radius of {@link #LADDER} that certifies; if none does, the refusal at the
   * largest radius, its reason prefixed accordingly.
   */
  public static LimitCertificate smallest(ProblemConfig config) {
    return scan(config, LADDER);
  }

  /**
   * The certificate of the largest radius of {@link #LADDER} that certifies; if none does, the refusal at the
   * smallest radius, its reason prefixed accordingly.
   */
  public static LimitCertificate largest(ProblemConfig config) {
    List<Double> descending = new ArrayList<>(LADDER);
    Collections.reverse(descending);
    return scan(config, descending);
  }

  /**
   * The first certificate of {@code order} that certifies, else the last one refused with the reason prefixed.
   * Package-private so that a test can give a ladder no radius of which certifies (every configuration tried
   * certifies on {@link #LADDER}).
   *
   * @throws IllegalStateException if {@code order} is empty
   */
  static LimitCertificate scan(ProblemConfig config, List<Double> order) {
    LimitCertificate last = null;
    for (double r : order) {
      last = LimitProof.certify(config, r);
      if (last.isCertified()) {
        return last;
      }
    }
    if (last == null) {
      throw new IllegalStateException("empty radius ladder");
    }
    return last.refusedBecause("no radius of the ladder certifies; at relative radius " + last.relativeRadius()
        + ": " + last.reason());
  }
}
