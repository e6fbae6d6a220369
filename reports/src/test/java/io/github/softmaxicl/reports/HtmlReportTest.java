package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.JobRequest;
import io.github.softmaxicl.experiments.JobResult;
import io.github.softmaxicl.experiments.Mode;
import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.experiments.RunSpec;
import io.github.softmaxicl.experiments.RunRecord;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.checks.Sweep;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.reports.html.Html;
import io.github.softmaxicl.reports.html.PlotWindow;
import io.github.softmaxicl.reports.html.SampleSearch;
import io.github.softmaxicl.reports.html.SvgBaselines;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.experiments.IntegratorInfo;
import io.github.softmaxicl.theory.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The per-run panels, the evidence folding, the sweep error bars and the sample search of {@link HtmlReport}, on
 * SYNTHETIC records (toy curves from {@link SyntheticJob}, not results). The rendered page is also written to
 * target/html-report-test/index.html for looking at it with scripts/render-report.sh.
 */
class HtmlReportTest {
  private static final RunSpec SPEC =
      new RunSpec("paper", "preset", Preset.PAPER.config(), "paper", 1, 7, OptionalInt.empty(), 3000);

  @Test
  void eventSamplesAreFoundExactlyAndNearestOnlyAsFallback() {
    RunRecord r = SyntheticJob.record(SPEC, Dynamics.REDUCED);
    List<TrajectorySample> s = r.trajectory();
    int k = s.size() / 2;
    assertEquals(k, SampleSearch.exact(s, s.get(k).t()));
    double between = 0.5 * (s.get(k).t() + s.get(k + 1).t());
    assertEquals(-1, SampleSearch.exact(s, between));
    assertEquals(-1, SampleSearch.exact(s, Double.NaN));
    assertEquals(k, SampleSearch.nearest(s, Math.nextUp(s.get(k).t())));
    // The synthetic record's markers are sample times, as the integrator's event samples are.
    assertTrue(SampleSearch.exact(s, r.markers().warmupEnd()) >= 0);
    assertTrue(SampleSearch.exact(s, r.markers().emergenceEnd()) >= 0);
    List<TrajectorySample> head = SampleSearch.upTo(s, s.get(k).t());
    assertEquals(k + 2, head.size(), "samples up to t and the first one after it");
  }

  @Test
  void reducedRunHasEveryPanelWithDataAndExactEventMaps() {
    RunRecord r = SyntheticJob.record(SPEC, Dynamics.REDUCED);
    String html = render(List.of(r), List.of(), List.of());
    Section run = section(html, "run-paper-reduced");
    // Loss window, excess log-log, emergence close-up, mu linear, mu log, omega.
    assertEquals(6, run.plots, run.titles.toString());
    assertTrue(run.titles.stream().anyMatch(t -> t.startsWith("Close-up of emergence")), run.titles.toString());
    assertTrue(run.text.contains("event sample, t = " + Numbers.human(r.markers().warmupEnd())));
    assertTrue(run.text.contains("event sample, t = " + Numbers.human(r.markers().emergenceEnd())));
    assertFalse(run.text.contains("NEAREST"));
    double end = PlotWindow.end(r.tEnd(), r.markers().emergenceEnd(), r.tEnd());
    assertTrue(run.text.contains("[0, " + Numbers.human(end) + "]"), "window stated");
    assertTrue(end < r.tEnd(), "the synthetic emergence ends well before t_end");
    assertTrue(run.text.contains("Log–log slope of F − F*"));
  }

  @Test
  void notReachedEmergenceShowsTheWholeRunAndSaysSo() {
    RunRecord full = SyntheticJob.record(SPEC, Dynamics.REDUCED);
    RunRecord r = RunRecord.builder("nan", Dynamics.REDUCED, full.config(), full.integrator()).tEnd(full.tEnd())
        .losses(full.f0(), full.fFinal(), full.fStar())
        .markers(MarkerTimes.withoutTaskPhases(full.markers().warmupEnd(), Double.NaN, full.markers().halfSignal()))
        .finalState(full.omegaFinal(), full.muFinal()).trajectory(full.trajectory()).build();
    String html = render(List.of(r), List.of(), List.of());
    Section run = section(html, "run-nan-reduced");
    assertEquals(5, run.plots, "no close-up without t_e: " + run.titles);
    assertTrue(run.text.contains("[0, " + Numbers.human(full.tEnd()) + "]"));
    assertTrue(run.text.contains("as emergence was not reached"));
    assertTrue(run.text.contains("not reached"));
  }

  /**
   * A run without a t_e of its own but with dense output (a full flow on a fixed sample whose limit is not F*) keeps
   * its close-up, over the range the dense grid was read across, and says why; without dense output it has none.
   */
  @Test
  void denseOutputWithoutOwnEmergenceEndIsShownOverItsGridAndSaysSo() {
    RunRecord full = SyntheticJob.record(SPEC, Dynamics.REDUCED);
    List<io.github.softmaxicl.numerics.TrajectorySample> grid = full.trajectory().subList(1, 6);
    RunRecord r = RunRecord.builder("grid", Dynamics.REDUCED, full.config(), full.integrator()).tEnd(full.tEnd())
        .losses(full.f0(), full.fFinal(), full.fStar())
        .markers(MarkerTimes.withoutTaskPhases(full.markers().warmupEnd(), Double.NaN, full.markers().halfSignal()))
        .finalState(full.omegaFinal(), full.muFinal()).trajectory(full.trajectory()).emergenceSamples(grid).build();
    Section run = section(render(List.of(r), List.of(), List.of()), "run-grid-reduced");
    assertEquals(6, run.plots, run.titles.toString());
    String svg = run.svgs.stream().filter(x -> x.contains("Close-up of emergence")).findFirst().orElseThrow();
    assertTrue(svg.contains("the window the reduced flow predicts"), "title says whose window");
    assertTrue(run.text.contains("so it has no t"), run.text);
  }

  /** A run whose F stays below F* (as the full model's can) still has an excess-loss plot: of |F − F*|. */
  @Test
  void excessLossBelowFStarIsPlottedAsAbsoluteValue() {
    RunRecord full = SyntheticJob.record(SPEC, Dynamics.REDUCED);
    double above = full.f0() + 1;
    RunRecord r = RunRecord.builder("below", Dynamics.REDUCED, full.config(), full.integrator()).tEnd(full.tEnd())
        .losses(full.f0(), full.fFinal(), above)
        .markers(MarkerTimes.withoutTaskPhases(full.markers().warmupEnd(), full.markers().emergenceEnd(),
            full.markers().halfSignal()))
        .finalState(full.omegaFinal(), full.muFinal()).trajectory(full.trajectory()).build();
    Section run = section(render(List.of(r), List.of(), List.of()), "run-below-reduced");
    String svg = run.svgs.stream().filter(x -> x.contains("Excess loss")).findFirst().orElseThrow();
    assertTrue(svg.contains("aria-label=\"Excess loss |F − F*| against t"), "title says |F − F*|");
    assertTrue(svg.contains("samples with F &lt; F*"), "the samples below F* are marked");
    assertTrue(run.text.contains("so the plot shows |F − F*|"));
  }

  @Test
  void fullRunOverlaysThePredictionAndPlotsTheOffStructureNorm() {
    RunRecord r = SyntheticJob.record(SPEC, Dynamics.FULL);
    assertFalse(r.fullModel().orElseThrow().reducedPrediction().isEmpty());
    String html = render(List.of(r), List.of(), List.of());
    Section run = section(html, "run-paper-full");
    int n = r.config().tasks();
    // Loss, excess, close-up, off-structure norm, and mu, log mu, omega per task.
    assertEquals(4 + 3 * n, run.plots, run.titles.toString());
    assertTrue(run.titles.stream().anyMatch(t -> t.startsWith("Norm of the weights outside")));
    // The reduced prediction is drawn dashed in the loss, excess and every spectral panel.
    int dashedPanels = 0;
    for (String svg : run.svgs) {
      if (svg.contains("reduced prediction") && svg.contains("stroke-dasharray=\"7 3\"")) {
        dashedPanels++;
      }
    }
    assertEquals(3 + 3 * n, dashedPanels);
  }

  /**
   * The close-up of a real reduced run (preset small) is a curve of the integrator's dense output: at least 100
   * vertices of the run's line lie between the t_w and t_e marker lines. The same run without its dense samples
   * (the close-up as it was, joining the recorded samples) has far fewer there, so the count tells them apart.
   */
  @Test
  void emergenceCloseUpDrawsTheDenseOutput() {
    Preset p = Preset.SMALL;
    ReducedRun run = ReducedFlowRunner.run(p.config(), p.initialState(), p.defaultTEnd(),
        ReducedFlowOptions.defaults());
    RunRecord.Builder b = RunRecord.builder("small", Dynamics.REDUCED, p.config(),
            IntegratorInfo.ode(run.integratorName(), run.relTol(), run.absTol()))
        .tEnd(run.tEnd()).losses(run.f0(), run.fFinal(), run.fStar())
        .markers(run.markers())
        .finalState(run.omegaFinal(), run.muFinal()).trajectory(run.trajectory());
    int dense = runVerticesInsideEmergence(b.emergenceSamples(run.emergenceSamples()).build());
    int recorded = runVerticesInsideEmergence(b.emergenceSamples(List.of()).build());
    assertTrue(dense >= 100, "dense close-up has only " + dense + " points in [t_w, t_e]");
    assertTrue(recorded < 100, "the recorded samples alone give " + recorded);
  }

  private static int runVerticesInsideEmergence(RunRecord r) {
    Section run = section(render(List.of(r), List.of(), List.of()), "run-small-reduced");
    String svg = run.svgs.stream().filter(x -> x.contains("Close-up of emergence")).findFirst().orElseThrow();
    // PlotStyles' colours: t_w marker, t_e marker, the run's line.
    double tw = markerX(svg, "#E69F00");
    double te = markerX(svg, "#CC79A7");
    Matcher path = Pattern.compile("<path d=\"([^\"]*)\" fill=\"none\" stroke=\"#000000\"").matcher(svg);
    assertTrue(path.find(), "no run line");
    int inside = 0;
    Matcher vertex = Pattern.compile("[ML]([0-9.]+),").matcher(path.group(1));
    while (vertex.find()) {
      double x = Double.parseDouble(vertex.group(1));
      if (x >= tw && x <= te) {
        inside++;
      }
    }
    return inside;
  }

  /** The x pixel of the vertical marker line drawn in {@code colour}. */
  private static double markerX(String svg, String colour) {
    Matcher m = Pattern.compile("<line x1=\"([0-9.]+)\" y1=\"[0-9.]+\" x2=\"\\1\" y2=\"[0-9.]+\" stroke=\""
        + colour + "\"").matcher(svg);
    assertTrue(m.find(), "no marker line " + colour);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void longEvidenceIsFoldedButComplete() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add("certificate line " + i + " <box>");
    }
    Verdict longOne = new Verdict("P1-certificate", "paper-reduced", Verdict.Status.PASS, "statement", 1e-6, 1e-6,
        "budget", "certified", lines);
    Verdict shortOne = new Verdict("P2-phases", "paper-reduced", Verdict.Status.PASS, "statement", 0.03, 0.25,
        "budget", "reconstruction", List.of("only line"));
    String html = render(List.of(SyntheticJob.record(SPEC, Dynamics.REDUCED)), List.of(longOne, shortOne),
        List.of());
    assertEquals(1, count(html, "<details class=\"evidence\">"));
    assertTrue(html.contains("<summary>certificate line 0 &lt;box&gt; <span class=\"more\">(39 more lines)</span>"
        + "</summary>"));
    for (String l : lines) {
      assertEquals(1, count(html, Html.esc(l) + "<") + count(html, Html.esc(l) + " <span"), l);
    }
    assertTrue(html.contains("<div class=\"evidence\">only line</div>"));
  }

  @Test
  void smallNumbersInTablesAreScientificNeverZero() {
    assertEquals("1.2e-13", Numbers.human(1.2e-13));
    assertEquals("-3.456e-9", Numbers.human(-3.456e-9));
    assertEquals("0", Numbers.human(0.0));
    assertEquals("5.2e-137", Numbers.magnitude(5.21e-137));
    assertEquals("1e4", Numbers.human(9999.6), "rounding past 10^4 switches to the exponent form");
    assertEquals("0.00123", Numbers.brief(0.00123));
    RunRecord base = SyntheticJob.record(SPEC, Dynamics.REDUCED);
    RunRecord r = RunRecord.builder("tiny", Dynamics.REDUCED, base.config(), base.integrator()).tEnd(base.tEnd())
        .losses(base.f0(), 5.0 + 1.2e-13, 5.0).markers(MarkerTimes.withoutTaskPhases(base.markers().warmupEnd(),
            base.markers().emergenceEnd(), base.markers().halfSignal())).finalState(base.omegaFinal(),
                base.muFinal()).trajectory(base.trajectory())
        .build();
    String html = render(List.of(r), List.of(), List.of());
    // F(t_end) − F* is 1.2e-13 up to the rounding of 5 + 1.2e-13 (one ulp of 5 is 8.9e-16, i.e. < 1 % of it).
    Matcher m = Pattern.compile("<th>F\\(t<sub>end</sub>\\) − F\\*</th><td class=\"num\">([^<]*)</td>").matcher(html);
    assertTrue(m.find());
    assertTrue(m.group(1).matches("1\\.(19|2|20)\\d*e-13"), m.group(1));
  }

  @Test
  void sweepWithErrorBarsMultipleSeriesAndReferenceRenders() {
    Sweep s = realisticSweep();
    String html = render(List.of(SyntheticJob.record(SPEC, Dynamics.REDUCED)), List.of(), List.of(s));
    Section sweeps = section(html, "sweeps");
    assertEquals(1, sweeps.plots);
    String svg = sweeps.svgs.get(0);
    assertEquals(2, count(svg, "class=\"errorbar\""), "two measured series with errors");
    assertTrue(svg.contains("e = 2.718"), "reference line in the legend");
    assertTrue(svg.contains("data-points=\"21\""), "3 series x 7 points, all positive on the log x axis");
    // The old four-argument constructor still works and means "no errors"; a null error array too.
    Sweep.Series plain = new Sweep.Series("a", new double[] {1, 2}, new double[] {3, 4}, false);
    assertFalse(plain.hasErrors());
    assertArrayEquals(new double[0], new Sweep.Series("b", new double[] {1}, new double[] {2}, true, null).yError());
    assertThrows(IllegalArgumentException.class,
        () -> new Sweep.Series("c", new double[] {1, 2}, new double[] {3, 4}, false, new double[] {1}));
  }

  @Test
  void renderingIsDeterministicAndWellFormed() throws Exception {
    List<RunRecord> runs = List.of(SyntheticJob.record(SPEC, Dynamics.REDUCED),
        SyntheticJob.record(SPEC, Dynamics.FULL), SyntheticJob.record(SPEC, Dynamics.SGD));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add("evidence line " + i);
    }
    List<Verdict> verdicts = List.of(new Verdict("P1-certificate", "paper-reduced", Verdict.Status.PASS,
        SyntheticJob.MARK + "statement", 1e-6, 1e-6, "budget", "certified", lines));
    String a = render(runs, verdicts, List.of(realisticSweep()));
    String b = render(runs, verdicts, List.of(realisticSweep()));
    assertEquals(a, b);
    XmlCheck.balanced(a);
    assertFalse(a.contains("NaN"));
    assertFalse(a.contains("<script"));
    Matcher svg = Pattern.compile("(?s)<svg.*?</svg>").matcher(a);
    while (svg.find()) {
      XmlCheck.wellFormed(svg.group());
      Matcher pts = Pattern.compile("data-points=\"(\\d+)\"").matcher(svg.group());
      if (pts.find()) {
        assertTrue(Integer.parseInt(pts.group(1)) > 0, "a plot without data: " + svg.group().substring(0, 300));
      }
    }
    Path dir = Path.of("target", "html-report-test");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("index.html"), a);
  }

  /**
   * Every text of every plot on a whole page is typeset and comes back to its baseline: tspans balanced, every dy
   * on a character, the dys of each text summing to zero (golden-free: {@link SvgBaselines}); and no ASCII
   * subscript is left in the visible text of a plot.
   */
  /** ASCII maths that {@link io.github.softmaxicl.reports.html.SvgText} would typeset: t_w, sum_{...}, mu, omega. */
  private static final Pattern ASCII_MATHS = Pattern.compile(
      "(?<![A-Za-z0-9_])[A-Za-z]_(\\{|[A-Za-z0-9]{1,3}(?![A-Za-z0-9_]))|\\bmu\\b|\\bomega\\b");

  @Test
  void everyPlotTextIsTypesetAndReturnsToItsBaseline() {
    List<RunRecord> runs = List.of(SyntheticJob.record(SPEC, Dynamics.REDUCED),
        SyntheticJob.record(SPEC, Dynamics.FULL), SyntheticJob.record(SPEC, Dynamics.SGD));
    String page = render(runs, List.of(), List.of(realisticSweep()));
    int scripts = SvgBaselines.check(page);
    assertTrue(scripts >= 10, "the markers t_w and t_e of every run are typeset: " + scripts + " scripts");
    Matcher text = Pattern.compile("(?s)<text\\b[^>]*>(.*?)</text>").matcher(page);
    int texts = 0;
    while (text.find()) {
      texts++;
      String seen = text.group(1).replaceAll("<[^>]*>", "");
      assertFalse(ASCII_MATHS.matcher(seen).find(), seen);
    }
    assertTrue(texts > 100, "texts on the page: " + texts);
    // The leftover search finds what the page would show untypeset (F_final is an identifier, left alone).
    assertTrue(ASCII_MATHS.matcher("t_w (end of warm-up) = 1").find() && ASCII_MATHS.matcher("mu of").find());
    assertFalse(ASCII_MATHS.matcher("F_final / F*, half_signal").find());
  }

  /** A P4-shaped sweep: two measured series with error bars, a closed-form curve and the reference e. */
  private static Sweep realisticSweep() {
    double[] ratio = {0.5, 1, 2, 4, 8, 16, 32};
    double[] theory = new double[ratio.length];
    double[] reduced = new double[ratio.length];
    double[] sgd = new double[ratio.length];
    double[] reducedErr = new double[ratio.length];
    double[] sgdErr = new double[ratio.length];
    for (int k = 0; k < ratio.length; k++) {
      theory[k] = Math.E * (ratio[k] + 1) / (ratio[k] + Math.E);
      reduced[k] = theory[k] * (1 + 0.004 * ((k % 3) - 1));
      reducedErr[k] = 0.004 * theory[k];
      sgd[k] = theory[k] * (1 + 0.03 * ((k % 2) - 0.5));
      sgdErr[k] = 0.05 * theory[k];
    }
    return new Sweep("P4-ratio", SyntheticJob.MARK + "F_final / infimum against L/d", "L/d (log scale)",
        "F_final / signed infimum", true, false,
        List.of(new Sweep.Series("reduced model (synthetic)", ratio, reduced, false, reducedErr),
            new Sweep.Series("full model, SGD, mean ± s.e. (synthetic)", ratio, sgd, false, sgdErr),
            new Sweep.Series("closed form e(L + d)/(L + e d)", ratio, theory, true)),
        List.of(new Sweep.ReferenceLine("e", Math.E, true)), "Synthetic test data.");
  }

  private static String render(List<RunRecord> runs, List<Verdict> verdicts, List<Sweep> sweeps) {
    List<RunSpec> specs = List.of(SPEC);
    JobRequest req = new JobRequest(specs, EnumSet.allOf(Dynamics.class), Mode.QUICK, 1, List.of());
    ReportData data = new ReportData(req, new JobResult(runs, verdicts, sweeps),
        new VersionInfo("n", "v", "j", "h", "e", "r"), Instant.EPOCH, 1.0);
    return new HtmlReport().render(data);
  }

  private static int count(String haystack, String needle) {
    int c = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      c++;
    }
    return c;
  }

  /** The plots (SVGs with data-points) of the section with the given id. */
  private static Section section(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertTrue(start >= 0, "no section " + id);
    int end = html.indexOf("</section>", start);
    String text = html.substring(start, end);
    Section s = new Section(text);
    Matcher svg = Pattern.compile("(?s)<svg class=\"plot\".*?</svg>").matcher(text);
    while (svg.find()) {
      String fragment = svg.group();
      Matcher pts = Pattern.compile("data-points=\"(\\d+)\"").matcher(fragment);
      assertTrue(pts.find());
      Matcher title = Pattern.compile("aria-label=\"([^\"]*)\"").matcher(fragment);
      assertTrue(title.find());
      assertTrue(Integer.parseInt(pts.group(1)) > 0, "plot without data in " + id + ": " + title.group(1));
      s.plots++;
      s.titles.add(title.group(1));
      s.svgs.add(fragment);
    }
    return s;
  }

  private static final class Section {
    final String text;
    int plots;
    final List<String> titles = new ArrayList<>();
    final List<String> svgs = new ArrayList<>();

    Section(String text) {
      this.text = text;
    }
  }
}
