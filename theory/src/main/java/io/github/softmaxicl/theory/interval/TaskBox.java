package io.github.softmaxicl.theory.interval;

/**
 * A pair of intervals for the two on-task variables of one task, {@code (ω_i, μ_i)} of the head serving task
 * {@code i}: a box in the plane, or an enclosure of a 2-vector such as a gradient or a Krawczyk image.
 *
 * @param omega interval of the KQ semi-singular value ω (or of the first component)
 * @param mu interval of the OV semi-singular value μ (or of the second component)
 */
public record TaskBox(Interval omega, Interval mu) {

  /** The box {@code [ω − rω, ω + rω] × [μ − rμ, μ + rμ]}, rounded outward. */
  public static TaskBox around(double omega, double omegaRadius, double mu, double muRadius) {
    return new TaskBox(Interval.around(omega, omegaRadius), Interval.around(mu, muRadius));
  }

  /** The degenerate box holding exactly the point {@code (ω, μ)}. */
  public static TaskBox point(double omega, double mu) {
    return new TaskBox(Interval.point(omega), Interval.point(mu));
  }

  /** True if both components of {@code inner} lie in the interior of this box's components. */
  public boolean containsInInterior(TaskBox inner) {
    return omega.containsInInterior(inner.omega) && mu.containsInInterior(inner.mu);
  }

  /** True if {@code inner} is a subset of this box. */
  public boolean contains(TaskBox inner) {
    return omega.contains(inner.omega) && mu.contains(inner.mu);
  }

  /** True if the point {@code (ω, μ)} lies in the box. */
  public boolean contains(double omegaValue, double muValue) {
    return omega.contains(omegaValue) && mu.contains(muValue);
  }

  /** A point of the box near its centre. */
  public double[] midpoint() {
    return new double[] {omega.midpoint(), mu.midpoint()};
  }

  @Override
  public String toString() {
    return "omega " + omega + ", mu " + mu;
  }
}
