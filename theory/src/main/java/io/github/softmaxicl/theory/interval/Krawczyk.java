package io.github.softmaxicl.theory.interval;

/**
 * The Krawczyk operator for the stationarity system {@code ∇L_i(ω, μ) = 0} of one task's on-task loss
 * ({@link OnTaskLoss}) on a box {@code X}:
 *
 * <pre>
 *   K(X) = x̃ − Y f(x̃) + (I − Y J(X)) (X − x̃)
 * </pre>
 *
 * with {@code f = ∇L_i}, {@code x̃} the box midpoint, {@code J(X)} an interval enclosure of the Hessian of
 * {@code L_i} over {@code X} and {@code Y} a floating-point approximation of {@code J(x̃)^{-1}} (any real matrix
 * is allowed; its accuracy only affects how tight {@code K(X)} is). Theorem (Krawczyk 1969; Moore 1977): if
 * {@code K(X) ⊂ interior(X)}, then {@code f} has exactly one zero in {@code X}, and it lies in {@code K(X)}.
 * {@code f(x̃)} and {@code J(X)} are evaluated in outward-rounded interval arithmetic, so the inclusion test is
 * rigorous; {@code Y} enters as exact point matrices.
 */
public final class Krawczyk {
  private Krawczyk() {}

  /**
   * The Krawczyk image {@code K(X)} of the box.
   *
   * @throws ArithmeticException if the Hessian at the midpoint is numerically singular, or an enclosure
   *     overflows
   */
  public static TaskBox image(OnTaskLoss loss, TaskBox box) {
    double[] centre = box.midpoint();
    if (centre.length != 2) {
      throw new IllegalStateException("a task box has two coordinates");
    }
    double cw = centre[0];
    double cm = centre[1];
    TaskBox fx = loss.gradient(TaskBox.point(cw, cm));
    double[] h = loss.hessianApprox(cw, cm);
    if (h.length != 3) {
      throw new IllegalStateException("a 2x2 symmetric Hessian has three entries");
    }
    double det = h[0] * h[2] - h[1] * h[1];
    if (!(Math.abs(det) > 0) || !Double.isFinite(det)) {
      throw new ArithmeticException("Hessian at the box midpoint is singular or not finite: det = " + det);
    }
    // Y ≈ J(x̃)^{-1}, a point matrix (symmetric).
    double y11 = h[2] / det;
    double y12 = -h[1] / det;
    double y22 = h[0] / det;
    SymmetricIntervalMatrix2 j = loss.hessian(box);
    // M = I − Y J(X), not symmetric in general.
    Interval m11 = Interval.ONE.subtract(j.ww().multiply(y11).add(j.wm().multiply(y12)));
    Interval m12 = j.wm().multiply(y11).add(j.mm().multiply(y12)).negate();
    Interval m21 = j.ww().multiply(y12).add(j.wm().multiply(y22)).negate();
    Interval m22 = Interval.ONE.subtract(j.wm().multiply(y12).add(j.mm().multiply(y22)));
    Interval dw = box.omega().subtract(Interval.point(cw));
    Interval dm = box.mu().subtract(Interval.point(cm));
    Interval kw = Interval.point(cw)
        .subtract(fx.omega().multiply(y11).add(fx.mu().multiply(y12)))
        .add(m11.multiply(dw)).add(m12.multiply(dm));
    Interval km = Interval.point(cm)
        .subtract(fx.omega().multiply(y12).add(fx.mu().multiply(y22)))
        .add(m21.multiply(dw)).add(m22.multiply(dm));
    return new TaskBox(kw, km);
  }

  /** True if {@code K(X) ⊂ interior(X)}: the box then holds exactly one stationary point of {@code L_i}. */
  public static boolean provesUniqueZero(OnTaskLoss loss, TaskBox box) {
    return box.containsInInterior(image(loss, box));
  }
}
