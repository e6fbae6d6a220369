package io.github.softmaxicl.experiments;

import io.github.softmaxicl.checks.sweeps.SweepResult;
import java.util.ArrayList;
import java.util.List;

/** Maps the checks module's plot-ready {@link SweepResult} onto the report's {@link Sweep}. */
final class SweepAdapter {
  private SweepAdapter() {}

  static Sweep of(SweepResult r) {
    List<Sweep.Series> series = new ArrayList<>();
    for (SweepResult.Series s : r.series()) {
      series.add(series(s.name(), s.points(), false));
    }
    List<Sweep.ReferenceLine> lines = new ArrayList<>();
    for (SweepResult.ReferenceLine ref : r.references()) {
      if (ref.isHorizontal()) {
        lines.add(new Sweep.ReferenceLine(ref.name(), ref.y(), true));
      } else {
        // A theory curve: drawn dashed, without markers.
        series.add(series(ref.name(), ref.curve(), true));
      }
    }
    return new Sweep(r.id(), r.title(), r.xLabel(), r.yLabel(), r.logX(), r.logY(), series, lines,
        String.join("\n", r.notes()));
  }

  private static Sweep.Series series(String name, List<SweepResult.Point> points, boolean theory) {
    double[] x = new double[points.size()];
    double[] y = new double[points.size()];
    double[] e = new double[points.size()];
    boolean anyError = false;
    for (int k = 0; k < points.size(); k++) {
      SweepResult.Point p = points.get(k);
      x[k] = p.x();
      y[k] = p.y();
      e[k] = p.yError();
      anyError |= p.hasError();
    }
    return new Sweep.Series(name, x, y, theory, anyError ? e : new double[0]);
  }
}
