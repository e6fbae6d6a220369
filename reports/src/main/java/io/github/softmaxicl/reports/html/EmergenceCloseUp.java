package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.numerics.EmergenceWindow;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.reports.Numbers;
import java.util.List;
import java.util.Optional;

/**
 * The loss over the run's {@link EmergenceWindow}: the integrator's dense output where the run has it (a smooth
 * curve through the task-by-task steps), otherwise the recorded samples dotted and joined linearly; absent
 * without emergence. A full flow without a t_e of its own but with dense output is shown over the window its
 * dense grid was read across.
 */
final class EmergenceCloseUp {
  private EmergenceCloseUp() {}

  static void render(StringBuilder sb, RunFacts r, PlotIds ids) {
    Optional<EmergenceWindow> own = r.emergenceWindow();
    boolean dense = !r.emergenceSamples().isEmpty();
    if (own.isEmpty() && !dense) {
      return;
    }
    EmergenceWindow w;
    String title;
    if (own.isPresent()) {
      w = own.get();
      title = "Close-up of emergence, t from t_w − Δ to t_e + Δ (Δ = t_e − t_w = " + Numbers.human(w.delta()) + ")";
    } else {
      // A full flow whose F never meets its own t_e criterion (a fixed sample's limit differs from F*) still emerges,
      // and its dense grid was read across the window the reduced flow predicts: show that window, and say so.
      List<TrajectorySample> all = r.emergenceSamples();
      double lo = all.get(0).t();
      double hi = all.get(all.size() - 1).t();
      if (!(hi > lo)) {
        return;
      }
      w = new EmergenceWindow(lo, hi, hi - lo);
      title = "Close-up of emergence, t across the window the reduced flow predicts (this run has no t_e of its own)";
    }
    // A full flow's dense grid spans its predicted window, wider than its own: show the part inside.
    List<TrajectorySample> s = SampleSearch.between(dense ? r.emergenceSamples() : r.trajectory(), w.lo(), w.hi());
    Svg.Plot p = new Svg.Plot(title, "t (gradient-flow time, dimensionless)", "F (mean squared error over tasks)",
        false, false);
    p.xRange(w.lo(), w.hi());
    p.line(new Svg.Series(r.kind().lossLabel(), Trajectories.times(s), Trajectories.losses(s, 0), PlotStyles.RUN,
        !dense));
    if (!r.prediction().isEmpty()) {
      List<TrajectorySample> pred = SampleSearch.between(r.prediction(), w.lo(), w.hi());
      p.line(new Svg.Series("reduced prediction", Trajectories.times(pred), Trajectories.losses(pred, 0),
          PlotStyles.PREDICTION, false));
    }
    p.ref(new Svg.Marker("F*", r.fStar(), true, PlotStyles.F_STAR));
    LossWindowPlot.phaseMarkers(p, r);
    LossWindowPlot.halfSignals(p, r);
    String how = dense
        ? "The curve is the integrator's continuous (dense) output read at " + s.size() + " evenly spaced times"
            + " in the window, so its shape between the recorded samples is the flow's own, not a straight join."
        : "Dots are the recorded samples (the integrator records one at each event, so t<sub>w</sub>,"
            + " t<sub>e</sub> and the half-signal times are samples); lines join them linearly (this dynamics keeps"
            + " no dense output).";
    String window = own.isPresent()
        ? " The window is widened to hold every task's own [t<sub>w,i</sub>, t<sub>e,i</sub>]."
        : " This run's F never comes within 1 % of F(0) − F* of F* (the limit of a fixed prompt sample is not the"
            + " population's F*), so it has no t<sub>e</sub>; the window is the one its dense grid was read across,"
            + " the reduced flow's [t<sub>w</sub> − Δ, t<sub>e</sub> + Δ] widened by its Δ on each side.";
    Figure.append(sb, p.render(ids.next(), Figure.WIDE, 300), how + window
        + " Tasks whose half-signal times coincide emerge together.", Figure.WIDE);
  }
}
