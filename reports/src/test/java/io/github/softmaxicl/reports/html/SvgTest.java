package io.github.softmaxicl.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG primitives, the plot's legend, ticks and wrapping, and escaping. */
class SvgTest {
  @Test
  void escapesEverythingThatMatters() {
    assertEquals("&lt;script&gt;a&amp;b&quot;c&#39;d&lt;/script&gt;", Html.esc("<script>a&b\"c'd</script>"));
    assertEquals("a b", Html.esc("a\u0007b"), "control characters become spaces");
  }

  @Test
  void primitivesRenderTheirStyleAndEscapeTheirText() {
    StringBuilder sb = new StringBuilder();
    new SvgText("cell", 4, 30.25, SvgText.Anchor.END, SvgText.Fill.WARNING, "a<b").render(sb);
    assertEquals("<text class=\"cell\" x=\"4\" y=\"30.3\" text-anchor=\"end\" style=\"fill:#a00\">a&lt;b</text>",
        sb.toString());
    sb.setLength(0);
    new SvgLine(1, 2, 3, 4, null, new Stroke("#123456", "5 3", 1.3, 0.8), "t_w & t_e").render(sb);
    assertEquals("<line x1=\"1\" y1=\"2\" x2=\"3\" y2=\"4\" stroke=\"#123456\" stroke-width=\"1.3\""
        + " stroke-dasharray=\"5 3\" stroke-opacity=\"0.8\"><title>t_w &amp; t_e</title></line>", sb.toString());
    sb.setLength(0);
    SvgLine.grid(0, 0, 10, 0).render(sb);
    assertEquals("<line class=\"grid\" x1=\"0\" y1=\"0\" x2=\"10\" y2=\"0\"/>", sb.toString());
    assertEquals(new Stroke("#000000", "7 3", 2, 1), new Stroke("#000000", "7 3", 1.3, 0.5).legendSample());
  }

  @Test
  void legendListsEveryLabelledSeriesAndDrawableMarker() {
    Svg.Plot p = new Svg.Plot("title", "x", "y", false, true);
    p.line(new Svg.Series("first <series>", new double[] {1, 2}, new double[] {1, 2}, PlotStyles.RUN, false));
    p.line(new Svg.Series("second", new double[] {1, 2}, new double[] {2, 3}, PlotStyles.PREDICTION, true));
    p.line(new Svg.Series("", new double[] {1, 2}, new double[] {3, 4}, PlotStyles.head(2), false));
    p.ref(new Svg.Marker("F*", 1.5, true, PlotStyles.F_STAR));
    p.ref(new Svg.Marker("t_e", Double.NaN, false, PlotStyles.EMERGENCE));
    p.ref(new Svg.Marker("below zero", -1, true, PlotStyles.WARM_UP));
    String svg = p.render("p1", 640, 200);
    List<String> legend = texts(svg, "legend");
    assertEquals(List.of("first &lt;series&gt;", "second", "F* = 1.5"), legend,
        "unlabelled series and markers that cannot be drawn on a log axis are not listed");
    assertFalse(svg.contains("<series>"));
    assertEquals(3, count(svg, "<circle"), "two dotted points of the series with markers and its legend dot");
  }

  /**
   * A series drawn on top of an earlier one (every point within a pixel) hides it: its legend entry says so, and
   * so does a marker line on top of another. A series one pixel-and-a-bit away, or with a point missing, does not.
   */
  @Test
  void coincidingSeriesAndMarkersAreNamedInTheLegend() {
    double[] x = {0, 1, 2, 3};
    Svg.Plot p = new Svg.Plot("t", "x", "y", false, false);
    p.line(new Svg.Series("blocks 4,4", x, new double[] {0, 10, 20, 30}, PlotStyles.RUN, false));
    // y spans 0..30 over 200 px: 1e-3 is 0.007 px, 0.3 is 2 px.
    p.line(new Svg.Series("blocks 8,8,8", x, new double[] {0, 10, 20.001, 30}, PlotStyles.PREDICTION, false));
    p.line(new Svg.Series("apart", x, new double[] {0, 10, 20.3, 30}, PlotStyles.head(2), false));
    p.line(new Svg.Series("gap", x, new double[] {0, 10, Double.NaN, 30}, PlotStyles.head(3), false));
    p.ref(new Svg.Marker("half-signal, task 2", 1.5, false, PlotStyles.WARM_UP));
    p.ref(new Svg.Marker("half-signal, task 3", 1.5000001, false, PlotStyles.EMERGENCE));
    List<String> legend = texts(p.render("c1", 640, 200), "legend");
    assertEquals(List.of("blocks 4,4", "blocks 8,8,8 (coincides with blocks 4,4)", "apart", "gap",
        "half-signal, task 2 = 1.5", "half-signal, task 3 = 1.5 (coincides with half-signal, task 2)"), legend);
  }

  @Test
  void coincidingUnlabelledSeriesGetANoteUnderAnExplicitLegend() {
    double[] x = {0, 1, 2};
    Svg.Plot p = new Svg.Plot("t", "x", "y", false, false);
    p.line(Svg.Series.named("head 1 task 1", x, new double[] {0, 1, 2}, PlotStyles.head(0)));
    p.line(Svg.Series.named("head 2 task 2", x, new double[] {0, 1, 2}, PlotStyles.head(1)));
    p.line(Svg.Series.named("head 2 task 1", x, new double[] {0, 0.5, 0.7}, PlotStyles.head(1)));
    p.line(Svg.Series.named("head 1 task 2", x, new double[] {0, 0.5, 0.7}, PlotStyles.head(0)));
    p.line(Svg.Series.named("head 3 task 3", x, new double[] {0, 1, 2}, PlotStyles.head(2)));
    p.legend(new Svg.LegendEntry("head 1", PlotStyles.head(0).legendSample(), false));
    String svg = p.render("c2", 640, 200);
    assertEquals(List.of("head 1", "head 2 task 2, head 3 task 3 coincide with head 1 task 1",
        "head 1 task 2 coincides with head 2 task 1"), texts(svg, "legend"));
    assertEquals(1, count(svg, "stroke-width=\"2\""), "one legend line sample (2 px): the note has none");
  }

  @Test
  void explicitLegendReplacesTheAutomaticOneButKeepsMarkers() {
    Svg.Plot p = new Svg.Plot("t", "x", "y", false, false);
    p.line(new Svg.Series("hidden", new double[] {0, 1}, new double[] {0, 1}, PlotStyles.RUN, false));
    p.legend(new Svg.LegendEntry("head 1", PlotStyles.head(0).legendSample(), false));
    p.ref(new Svg.Marker("t_w", 0.5, false, PlotStyles.WARM_UP));
    assertEquals(List.of("head 1", "t<tspan font-size=\"75%\" dy=\"0.4em\">w</tspan><tspan dy=\"-0.3em\"> = 0.5</tspan>"),
        texts(p.render("p2", 640, 200), "legend"), "the marker's name typeset");
  }

  /** Every text goes through the typesetting, escaping included, also inside scripts and in axis labels. */
  @Test
  void textIsTypesetAndEscapedEverywhere() {
    StringBuilder sb = new StringBuilder();
    new SvgText("legend", 1, 2, SvgText.Anchor.START, "a<b & \"c\" x_{<&>}").render(sb);
    assertEquals("<text class=\"legend\" x=\"1\" y=\"2\">a&lt;b &amp; &quot;c&quot; x<tspan font-size=\"75%\""
        + " dy=\"0.4em\">&lt;&amp;&gt;</tspan><tspan dy=\"-0.3em\">\u200B</tspan></text>", sb.toString());
    Svg.Plot p = new Svg.Plot("mu_i^h against t", "t_w < t", "omega_j^h", false, false);
    p.line(new Svg.Series("d*x", new double[] {0, 1}, new double[] {0, 1}, PlotStyles.RUN, false));
    String svg = p.render("p3", 640, 200);
    assertTrue(svg.contains(">μ<tspan font-size=\"75%\" dy=\"0.4em\">i</tspan>"), "title");
    assertTrue(svg.contains(">t<tspan font-size=\"75%\" dy=\"0.4em\">w</tspan><tspan dy=\"-0.3em\"> &lt; t</tspan>"
        + "</text>"), "x label");
    assertTrue(Pattern.compile("transform=\"rotate\\(-90 13 [0-9.]+\\)\">ω<tspan").matcher(svg).find(), "y label");
    // The hover title (aria-label) stays as written: it is read out, not seen.
    String seen = svg.replaceFirst("aria-label=\"[^\"]*\"", "");
    assertFalse(seen.contains("mu_i") || seen.contains("t_w") || seen.contains("omega"), seen);
    assertTrue(SvgBaselines.check(svg) >= 5);
  }

  /** Width is estimated from what is seen: scripts at 3/4, markup and escapes not at all. */
  @Test
  void widthsAreThoseOfTheTypesetText() {
    double t = Svg.textWidth("t", 10);
    assertEquals(Svg.textWidth("t", 10) + 0.75 * t, Svg.textWidth("t_w", 10), 1e-12);
    assertTrue(Svg.textWidth("t_w", 10) < Svg.textWidth("tw", 10));
    assertEquals(Svg.textWidth("Σ", 10) + 3 * 0.75 * t, Svg.textWidth("sum_{j!=i}", 10), 1e-12);
    assertEquals(5 * t, Svg.textWidth("a < b", 10), 1e-12, "escaping adds no width");
  }

  /** A line never breaks inside a script, even one with spaces in its braces. */
  @Test
  void wrappingKeepsScriptsWhole() {
    List<String> lines = Svg.wrap("limit d sum_{j != i} d_j / sum_{k != i} d_k^2 for every set", 40, 12);
    assertTrue(lines.size() > 2, lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("sum_{j != i}")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("sum_{k != i}")), lines.toString());
    for (String l : lines) {
      assertEquals(count(l, "{"), count(l, "}"), l);
    }
  }

  @Test
  void seriesChecksLengths() {
    assertThrows(IllegalArgumentException.class,
        () -> new Svg.Series("a", new double[] {1, 2}, new double[] {1}, PlotStyles.RUN, false));
    assertThrows(IllegalArgumentException.class,
        () -> new Svg.Series("a", new double[] {1}, new double[] {1}, PlotStyles.RUN, false, new double[] {1, 2}));
  }

  @Test
  void ticksAreNiceAndInsideTheRange() {
    Axis a = Axis.linear(0.0, 2.7);
    for (double t : a.ticks) {
      assertTrue(t >= a.lo && t <= a.hi, "tick " + t);
      double steps = t / 0.5;
      assertEquals(Math.round(steps), steps, 1e-9, "ticks on multiples of 0.5: " + t);
    }
    Axis log = Axis.log(1e-3, 1e5);
    assertTrue(log.ticks.length >= 5);
    assertEquals("0.001", log.label(1e-3));
    assertEquals("1e5", log.label(1e5));
    // Less than a decade: still at least three ticks.
    assertTrue(Axis.log(5.2, 16.7).ticks.length >= 3);
  }

  @Test
  void wrapsLongTitles() {
    List<String> lines = Svg.wrap("one two three four five six seven eight nine ten", 80, 12);
    assertTrue(lines.size() > 1);
    for (String l : lines) {
      assertTrue(Svg.textWidth(l, 12) <= 80 || !l.contains(" "), l);
    }
  }

  private static List<String> texts(String svg, String cssClass) {
    Matcher m = Pattern.compile("<text class=\"" + cssClass + "\"[^>]*>(.*?)</text>").matcher(svg);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static int count(String haystack, String needle) {
    int c = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      c++;
    }
    return c;
  }
}
