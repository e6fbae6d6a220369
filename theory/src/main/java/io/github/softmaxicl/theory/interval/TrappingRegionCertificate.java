package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.LogCoordinateFlow;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link TrappingRegionProof} proved about a {@link TrappingRegion} B: every condition with its interval
 * enclosure and whether it is proved, the slants of the faces of the spare heads' ω, and the certified rate at
 * which every off-task and spare μ decays inside B. B is a certified trapping region of the flow, in which every
 * solution converges to the limit (the limit set when H &gt; n), exactly when every condition is proved (the
 * argument: docs/TRAPPING-REGION.md). Immutable. Reduced model (reconstruction).
 *
 * @param region the region B
 * @param conditions every condition checked, in the order checked
 * @param slants per coordinate, the slant c of its face (spare heads' ω only; 0 elsewhere)
 * @param muDecayRate a lower bound, over B, of −d ln|μ|/dt for every off-task and spare μ (0 if not proved)
 */
public record TrappingRegionCertificate(TrappingRegion region, List<Condition> conditions, List<Double> slants,
    double muDecayRate) {

  /**
   * One proved or unproved inequality.
   *
   * @param what the condition, in words (e.g. "face |omega_1^1| = 0.52: sgn dF/domega > 0")
   * @param enclosure the enclosure of the quantity that must be positive
   * @param proved true if the enclosure's lower end is above 0
   * @param pieces how many sub-boxes its proof evaluated (1 without subdivision)
   */
  public record Condition(String what, Interval enclosure, boolean proved, int pieces) {}

  /** Copies the lists. */
  public TrappingRegionCertificate {
    conditions = List.copyOf(conditions);
    slants = List.copyOf(slants);
    if (slants.size() != region.dimension()) {
      throw new IllegalArgumentException("one slant per coordinate");
    }
  }

  /** True if every condition is proved (and there is at least one). */
  public boolean certified() {
    if (conditions.isEmpty()) {
      return false;
    }
    for (Condition c : conditions) {
      if (!c.proved()) {
        return false;
      }
    }
    return true;
  }

  /** The conditions not proved. */
  public List<Condition> failures() {
    List<Condition> out = new ArrayList<>();
    for (Condition c : conditions) {
      if (!c.proved()) {
        out.add(c);
      }
    }
    return out;
  }

  /** How many sub-boxes the proof evaluated in all (its cost). */
  public int totalPieces() {
    int p = 0;
    for (Condition c : conditions) {
      p += c.pieces();
    }
    return p;
  }

  /**
   * True if B contains every point of a box of log coordinates y = ln|x| (a tube's end enclosure): each
   * magnitude e^y inside its range, and for every spare ω the slanted bound
   * {@code |ω_j^s| e^{c Σ_i |μ_i^s|} ≤ W} (all in outward-rounded intervals).
   */
  public boolean containsLogBox(List<Interval> y) {
    if (y.size() != region.dimension()) {
      return false;
    }
    List<Interval> magnitudes = new ArrayList<>();
    for (int q = 0; q < y.size(); q++) {
      Interval m = y.get(q).exp();
      magnitudes.add(m);
      if (!region.magnitudes().get(q).contains(m)) {
        return false;
      }
    }
    return slantsHold(magnitudes);
  }

  /** True if B contains the point whose coordinates' magnitudes are {@code magnitudes} (doubles taken as exact). */
  public boolean containsMagnitudes(List<Double> magnitudes) {
    List<Interval> m = new ArrayList<>();
    for (int q = 0; q < magnitudes.size(); q++) {
      m.add(Interval.point(magnitudes.get(q)));
      if (q >= region.dimension() || !region.magnitudes().get(q).contains(magnitudes.get(q))) {
        return false;
      }
    }
    return m.size() == region.dimension() && slantsHold(m);
  }

  private boolean slantsHold(List<Interval> magnitudes) {
    int n = region.config().tasks();
    for (int q = 0; q < region.dimension(); q++) {
      if (region.role(q) != TrappingRegion.Role.SPARE_OMEGA) {
        continue;
      }
      int s = region.head(q);
      Interval sum = Interval.ZERO;
      for (int i = 0; i < n; i++) {
        sum = sum.add(magnitudes.get(LogCoordinateFlow.muIndex(region.config(), s, i)));
      }
      // e^0 = 1 exactly (Interval.exp widens every result by two ulps, which would push a face point outside).
      Interval lhs = sum.isZero() ? magnitudes.get(q) : magnitudes.get(q).multiply(sum.multiply(slants.get(q)).exp());
      if (!(lhs.hi() <= region.magnitudes().get(q).hi())) {
        return false;
      }
    }
    return true;
  }
}
