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

  @Test
  void explicitLegendReplacesTheAutomaticOneButKeepsMarkers() {
    Svg.Plot p = new Svg.Plot("t", "x", "y", false, false);
    p.line(new Svg.Series("hidden", new double[] {0, 1}, new double[] {0, 1}, PlotStyles.RUN, false));
    p.legend(new Svg.LegendEntry("head 1", PlotStyles.head(0).legendSample(), false));
    p.ref(new Svg.Marker("t_w", 0.5, false, PlotStyles.WARM_UP));
    assertEquals(List.of("head 1", "t_w = 0.5"), texts(p.render("p2", 640, 200), "legend"));
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
    Matcher m = Pattern.compile("<text class=\"" + cssClass + "\"[^>]*>([^<]*)</text>").matcher(svg);
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
