package io.github.softmaxicl.checks;

import java.util.List;
import java.util.Objects;

/**
 * The one plot type (reduced model (reconstruction)): named series of (x, y) points on one plot, with reference
 * lines and a note. Built by the checks from measured results (the P4 ratio F_final/infimum against L/d, the P5
 * ratio F_single* / F* against L/d, length generalisation, model error, the full-model ladder, drift and saddle),
 * carried by the experiments' outcomes and drawn by the report and the JSON writer as it is.
 *
 * @param id short id, e.g. {@code "P4-ratio"} (letters, digits, '.', '_', '-')
 * @param title plot title
 * @param xLabel x axis label
 * @param yLabel y axis label
 * @param logX logarithmic x axis (non-positive x are then not drawn)
 * @param logY logarithmic y axis (non-positive y are then not drawn)
 * @param series the data; at least one series
 * @param references horizontal or vertical reference lines (e.g. y = e)
 * @param note one or two sentences on how to read the plot (may be empty)
 */
public record Sweep(String id, String title, String xLabel, String yLabel, boolean logX, boolean logY,
    List<Series> series, List<ReferenceLine> references, String note) {

  /** Validates and copies. */
  public Sweep {
    Objects.requireNonNull(id);
    Objects.requireNonNull(title);
    Objects.requireNonNull(xLabel);
    Objects.requireNonNull(yLabel);
    Objects.requireNonNull(note);
    series = List.copyOf(series);
    references = List.copyOf(references);
    if (!id.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new IllegalArgumentException("sweep id must be 1..100 of [A-Za-z0-9._-] (got '" + id + "')");
    }
    if (series.isEmpty()) {
      throw new IllegalArgumentException("sweep " + id + " needs at least one series");
    }
  }

  /**
   * One measured or theoretical point, the unit in which checks collect a series before it becomes arrays.
   *
   * @param x abscissa
   * @param y ordinate (NaN if it could not be computed: the point is then not drawn)
   * @param yError one standard error of y, or NaN if y has no statistical error
   */
  public record Point(double x, double y, double yError) {
    /** A point without error bar. */
    public static Point of(double x, double y) {
      return new Point(x, y, Double.NaN);
    }

    /** True if the point carries a finite error bar. */
    public boolean hasError() {
      return Double.isFinite(yError);
    }
  }

  /**
   * One named series.
   *
   * @param name legend entry
   * @param x abscissae
   * @param y ordinates (NaN points are not drawn and are written as null)
   * @param theory true for a theoretical curve (drawn as a dashed line without markers), false for
   *     measurements (markers joined by a thin line)
   * @param yError symmetric standard error (or other stated uncertainty) of each y, drawn as error bars; empty
   *     for none. NaN or non-positive entries draw no bar.
   */
  public record Series(String name, double[] x, double[] y, boolean theory, double[] yError) {
    /** Validates and copies; a null {@code yError} means none. */
    public Series {
      Objects.requireNonNull(name);
      x = x.clone();
      y = y.clone();
      yError = yError == null ? new double[0] : yError.clone();
      if (x.length != y.length) {
        throw new IllegalArgumentException("series " + name + ": x and y differ in length");
      }
      if (yError.length != 0 && yError.length != y.length) {
        throw new IllegalArgumentException("series " + name + ": y errors need one entry per point or none (got "
            + yError.length + " for " + y.length + " points)");
      }
    }

    /** Measurements (markers) through the points; error bars only if some point has a finite error. */
    public static Series measured(String name, List<Point> points) {
      return of(name, points, false);
    }

    /** A theoretical curve (dashed, no markers) through the points. */
    public static Series theory(String name, List<Point> points) {
      return of(name, points, true);
    }

    private static Series of(String name, List<Point> points, boolean theory) {
      double[] x = new double[points.size()];
      double[] y = new double[points.size()];
      double[] e = new double[points.size()];
      boolean anyError = false;
      for (int k = 0; k < points.size(); k++) {
        Point p = points.get(k);
        x[k] = p.x();
        y[k] = p.y();
        e[k] = p.yError();
        anyError |= p.hasError();
      }
      return new Series(name, x, y, theory, anyError ? e : new double[0]);
    }

    /** A series without error bars. */
    public Series(String name, double[] x, double[] y, boolean theory) {
      this(name, x, y, theory, new double[0]);
    }

    @Override
    public double[] x() {
      return x.clone();
    }

    @Override
    public double[] y() {
      return y.clone();
    }

    /** The y errors (empty if none); a copy. */
    @Override
    public double[] yError() {
      return yError.clone();
    }

    /** Whether the series has error bars. */
    public boolean hasErrors() {
      return yError.length > 0;
    }
  }

  /**
   * A reference line at a constant value.
   *
   * @param label legend/label text, e.g. {@code "e"}
   * @param value the constant
   * @param horizontal true for y = value, false for x = value
   */
  public record ReferenceLine(String label, double value, boolean horizontal) {
    /** Validates. */
    public ReferenceLine {
      Objects.requireNonNull(label);
    }

    /** The line y = value. */
    public static ReferenceLine horizontal(String label, double value) {
      return new ReferenceLine(label, value, true);
    }
  }
}
