package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import io.github.softmaxicl.numerics.TrajectorySample;
import java.util.List;
import java.util.Optional;

/** The loss over {@link EmergenceRange}, with every recorded sample dotted; absent without emergence. */
final class EmergenceCloseUp {
  private EmergenceCloseUp() {}

  static void render(StringBuilder sb, RunFacts r, PlotIds ids) {
    Optional<EmergenceRange> range = EmergenceRange.of(r.tWarmupEnd(), r.tEmergenceEnd());
    if (range.isEmpty()) {
      return;
    }
    EmergenceRange w = range.get();
    List<TrajectorySample> s = SampleSearch.between(r.trajectory(), w.lo(), w.hi());
    Svg.Plot p = new Svg.Plot("Close-up of emergence, t from t_w − Δ to t_e + Δ (Δ = t_e − t_w = "
        + Numbers.human(w.delta()) + ")", "t (gradient-flow time, dimensionless)", "F (mean squared error over tasks)",
        false, false);
    p.xRange(w.lo(), w.hi());
    p.line(new Svg.Series(r.kind().lossLabel(), Trajectories.times(s), Trajectories.losses(s, 0), PlotStyles.RUN,
        true));
    if (!r.prediction().isEmpty()) {
      List<TrajectorySample> pred = SampleSearch.between(r.prediction(), w.lo(), w.hi());
      p.line(new Svg.Series("reduced prediction", Trajectories.times(pred), Trajectories.losses(pred, 0),
          PlotStyles.PREDICTION, false));
    }
    p.ref(new Svg.Marker("F*", r.fStar(), true, PlotStyles.F_STAR));
    LossWindowPlot.phaseMarkers(p, r);
    LossWindowPlot.halfSignals(p, r);
    Figure.append(sb, p.render(ids.next(), Figure.WIDE, 300), "Dots are the recorded samples (the integrator records"
        + " one at each event, so t<sub>w</sub>, t<sub>e</sub> and the half-signal times are samples); lines join"
        + " them linearly. Tasks whose half-signal times coincide emerge together.", Figure.WIDE);
  }
}
