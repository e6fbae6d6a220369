package io.github.softmaxicl.checks.sweeps;

import java.util.List;
import java.util.Objects;

/**
 * A plot-ready sweep (reduced model (reconstruction)): named series of points (x, y, optional y error) and
 * reference lines, with axis labels and scales, plus notes (evidence lines) for the report. Immutable.
 *
 * @param id stable identifier, e.g. {@code "p4-optimality"} (used for file and anchor names)
 * @param title plot title
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param logX true if the x axis is logarithmic
 * @param logY true if the y axis is logarithmic
 * @param series the data series, drawn as markers (with error bars where {@link Point#hasError()})
 * @param references reference lines (horizontal or curves), drawn as lines
 * @param notes evidence lines for the report (may be empty)
 */
public record SweepResult(String id, String title, String xLabel, String yLabel, boolean logX, boolean logY,
    List<Series> series, List<ReferenceLine> references, List<String> notes) {

  /** Validates and copies the lists. */
  public SweepResult {
    Objects.requireNonNull(id);
    Objects.requireNonNull(title);
    Objects.requireNonNull(xLabel);
    Objects.requireNonNull(yLabel);
    series = List.copyOf(series);
    references = List.copyOf(references);
    notes = List.copyOf(notes);
  }

  /**
   * One point of a series.
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
   * A named series of points in x order.
   *
   * @param name legend entry
   * @param points the points
   */
  public record Series(String name, List<Point> points) {
    /** Validates and copies the points. */
    public Series {
      Objects.requireNonNull(name);
      points = List.copyOf(points);
    }
  }

  /**
   * A reference line: horizontal at {@code y} when {@code curve} is empty, else the polyline {@code curve}
   * (then {@code y} is NaN). Use {@link #horizontal} and {@link #curve}.
   *
   * @param name legend entry
   * @param y height of a horizontal line, NaN for a curve
   * @param curve points of a curve, empty for a horizontal line
   */
  public record ReferenceLine(String name, double y, List<Point> curve) {
    /** Validates and copies the curve. */
    public ReferenceLine {
      Objects.requireNonNull(name);
      curve = List.copyOf(curve);
      if (curve.isEmpty() == Double.isNaN(y)) {
        throw new IllegalArgumentException("a reference line is either horizontal (y, no curve) or a curve (y NaN)");
      }
    }

    /** A horizontal line at height y. */
    public static ReferenceLine horizontal(String name, double y) {
      return new ReferenceLine(name, y, List.of());
    }

    /** A curve through the given points. */
    public static ReferenceLine curve(String name, List<Point> points) {
      return new ReferenceLine(name, Double.NaN, points);
    }

    /** True for a horizontal line. */
    public boolean isHorizontal() {
      return curve.isEmpty();
    }
  }
}
