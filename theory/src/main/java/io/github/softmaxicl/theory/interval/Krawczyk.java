package io.github.softmaxicl.theory.interval;

/**
 * The Krawczyk operator for a system {@code f(x) = 0} of two equations in two unknowns on a box {@code X}:
 *
 * <pre>
 *   K(X) = x̃ − Y f(x̃) + (I − Y J(X)) (X − x̃)
 * </pre>
 *
 * with {@code x̃} the box midpoint, {@code J(X)} an interval enclosure of the Jacobian of {@code f} over {@code X}
 * and {@code Y} a floating-point approximation of {@code J(x̃)^{-1}} (any real matrix is allowed; its accuracy only
 * affects how tight {@code K(X)} is). Theorem (Krawczyk 1969; Moore 1977): if {@code K(X) ⊂ interior(X)}, then
 * {@code f} has exactly one zero in {@code X}, and it lies in {@code K(X)}; and every zero of {@code f} in {@code X}
 * lies in {@code K(X)}, so {@code K(X) ∩ X = ∅} proves that {@code X} holds none. {@code f(x̃)} and {@code J(X)}
 * are evaluated in outward-rounded interval arithmetic, so the inclusion test is rigorous; {@code Y} enters as
 * exact point matrices.
 *
 * <p>The limit proof applies it to the stationarity system {@code ∇L_i(ω, μ) = 0} of one task's on-task loss
 * ({@link OnTaskLoss}), whose Jacobian is the Hessian of {@code L_i}.
 */
public final class Krawczyk {
  private Krawczyk() {}

  /**
   * A map of the plane with rigorous enclosures of its value and Jacobian, and an approximate Jacobian at a point.
   */
  public interface System2 {
    /** Enclosure of {@code f} at the point {@code (x, y)} (the doubles taken as exact). */
    TaskBox value(double x, double y);

    /** Enclosure of the Jacobian of {@code f} over the box. */
    IntervalMatrix2 jacobian(TaskBox box);

    /**
     * The Jacobian at {@code (x, y)} in doubles, {@code {∂f1/∂x, ∂f1/∂y, ∂f2/∂x, ∂f2/∂y}} (approximate; only the
     * tightness of {@code K(X)} depends on it).
     */
    double[] jacobianApprox(double x, double y);
  }

  /** The stationarity system {@code ∇L_i = 0} of an on-task loss: value the gradient, Jacobian the Hessian. */
  public static System2 stationarity(OnTaskLoss loss) {
    return new System2() {
      @Override
      public TaskBox value(double x, double y) {
        return loss.gradient(TaskBox.point(x, y));
      }

      @Override
      public IntervalMatrix2 jacobian(TaskBox box) {
        return IntervalMatrix2.of(loss.hessian(box));
      }

      @Override
      public double[] jacobianApprox(double x, double y) {
        double[] h = loss.hessianApprox(x, y);
        if (h.length != 3) {
          throw new IllegalStateException("a 2x2 symmetric Hessian has three entries");
        }
        return new double[] {h[0], h[1], h[1], h[2]};
      }
    };
  }

  /**
   * The Krawczyk image {@code K(X)} of the box for the stationarity system of the on-task loss.
   *
   * @throws ArithmeticException if the Hessian at the midpoint is numerically singular, or an enclosure
   *     overflows
   */
  public static TaskBox image(OnTaskLoss loss, TaskBox box) {
    return image(stationarity(loss), box);
  }

  /**
   * The Krawczyk image {@code K(X)} of the box for the system {@code f}.
   *
   * @throws ArithmeticException if the Jacobian at the midpoint is numerically singular, or an enclosure
   *     overflows
   */
  public static TaskBox image(System2 f, TaskBox box) {
    double[] centre = box.midpoint();
    if (centre.length != 2) {
      throw new IllegalStateException("a task box has two coordinates");
    }
    double cx = centre[0];
    double cy = centre[1];
    TaskBox fx = f.value(cx, cy);
    double[] a = f.jacobianApprox(cx, cy);
    if (a.length != 4) {
      throw new IllegalStateException("a 2x2 Jacobian has four entries");
    }
    double det = a[0] * a[3] - a[1] * a[2];
    if (!(Math.abs(det) > 0) || !Double.isFinite(det)) {
      throw new ArithmeticException("Jacobian at the box midpoint is singular or not finite: det = " + det);
    }
    // Y ≈ J(x̃)^{-1}, a point matrix.
    double y11 = a[3] / det;
    double y12 = -a[1] / det;
    double y21 = -a[2] / det;
    double y22 = a[0] / det;
    IntervalMatrix2 j = f.jacobian(box);
    // M = I − Y J(X).
    Interval m11 = Interval.ONE.subtract(j.a11().multiply(y11).add(j.a21().multiply(y12)));
    Interval m12 = j.a12().multiply(y11).add(j.a22().multiply(y12)).negate();
    Interval m21 = j.a11().multiply(y21).add(j.a21().multiply(y22)).negate();
    Interval m22 = Interval.ONE.subtract(j.a12().multiply(y21).add(j.a22().multiply(y22)));
    Interval dx = box.omega().subtract(Interval.point(cx));
    Interval dy = box.mu().subtract(Interval.point(cy));
    Interval kx = Interval.point(cx)
        .subtract(fx.omega().multiply(y11).add(fx.mu().multiply(y12)))
        .add(m11.multiply(dx)).add(m12.multiply(dy));
    Interval ky = Interval.point(cy)
        .subtract(fx.omega().multiply(y21).add(fx.mu().multiply(y22)))
        .add(m21.multiply(dx)).add(m22.multiply(dy));
    return new TaskBox(kx, ky);
  }

  /** True if {@code K(X) ⊂ interior(X)}: the box then holds exactly one stationary point of {@code L_i}. */
  public static boolean provesUniqueZero(OnTaskLoss loss, TaskBox box) {
    return box.containsInInterior(image(loss, box));
  }

  /** True if {@code K(X) ⊂ interior(X)} for the system {@code f}: the box then holds exactly one zero of it. */
  public static boolean provesUniqueZero(System2 f, TaskBox box) {
    return box.containsInInterior(image(f, box));
  }

  /**
   * How deep {@code K} lies inside {@code X}: the largest, over both coordinates and both sides, of the distance
   * from the box midpoint to the bound of {@code K} over the distance from the midpoint to the bound of {@code X}
   * on the same side. Below 1 when {@code K ⊂ interior(X)} (up to the rounding of this double computation; the
   * rigorous test is {@link TaskBox#containsInInterior}), 1 or more when {@code K} reaches or leaves the box;
   * small values mean a large margin. NaN for a degenerate box.
   */
  public static double contraction(TaskBox box, TaskBox image) {
    return Math.max(contraction(box.omega(), image.omega()), contraction(box.mu(), image.mu()));
  }

  private static double contraction(Interval x, Interval k) {
    double c = x.midpoint();
    double below = (c - k.lo()) / (c - x.lo());
    double above = (k.hi() - c) / (x.hi() - c);
    return Math.max(below, above);
  }
}
