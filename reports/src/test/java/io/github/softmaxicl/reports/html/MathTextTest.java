package io.github.softmaxicl.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * ASCII maths of the claim texts and plot labels typeset (HTML and SVG from one tokenisation), raw doubles
 * shortened, identifiers and prose left alone, everything escaped.
 */
class MathTextTest {
  @Test
  void asciiMathsBecomesUnicodeWithSubAndSuperscripts() {
    assertEquals("the largest μ<sub>i</sub><sup>h</sup>(0)", MathText.html("the largest mu_i^h(0)"));
    assertEquals("√(d<sub>i</sub>) ω = 1", MathText.html("sqrt(d_i) omega = 1"));
    assertEquals("Σ<sub>j≠i</sub> d<sub>j</sub> ω<sub>j</sub><sup>2</sup>", MathText.html("sum_{j!=i} d_j omega_j^2"));
    assertEquals("τ<sub>i</sub> = (2/(a<sub>i</sub> b μ<sub>i</sub>*))<sup>1/2</sup>",
        MathText.html("tau_i = (2/(a_i b mu_i*))^(1/2)"));
    assertEquals("d ln(μ<sub>i</sub><sup>h</sup>/μ<sub>i</sub><sup>h′</sup>)/dt",
        MathText.html("d ln(mu_i^h/mu_i^h')/dt"));
    assertEquals("H ≥ n, L<sup>-3/2</sup>, t<sub>end</sub>", MathText.html("H >= n, L^{-3/2}, t_end"));
  }

  /** The P5 limit as the checks write it (also in results.json, so it is read here, not rewritten there). */
  @Test
  void productsAndSumsWithoutSubscriptAreTypeset() {
    assertEquals("limit d·Σ d<sub>i</sub>/Σ d<sub>i</sub><sup>2</sup> = 3", MathText.html("limit d*sum d_i/sum d_i^2 = 3"));
    assertEquals("d·Σ(d<sub>i</sub>)/Σ(d<sub>i</sub><sup>2</sup>)", MathText.html("d*sum(d_i)/sum(d_i^2)"));
    assertEquals("H·(3·D<sup>2</sup> + n·D), 2·ω", MathText.html("H*(3*D^2 + n*D), 2*omega"));
    assertEquals("F* = 1, F<sub>single</sub>* / F*, (2/(a b μ*))", MathText.html("F* = 1, F_{single}* / F*, (2/(a b mu*))"));
    assertEquals("the sum of the rates, they sum to d, runs/*.csv", MathText.html("the sum of the rates, they sum to d, runs/*.csv"));
  }

  @Test
  void proseIdentifiersAndMarkupAreLeftAloneAndEscaped() {
    assertEquals("must multiply half_signal_times F_final", MathText.html("must multiply half_signal_times F_final"));
    assertEquals("certificate line 0 &lt;box&gt; a&amp;b", MathText.html("certificate line 0 <box> a&b"));
  }

  @Test
  void rawDoublesAreCutToTwelveDigitsAndShorterNumbersKept() {
    assertEquals("F = 5.19849839601 at t = 943.4, 1e-9, 0.999999981619",
        MathText.html("F = 5.198498396010903 at t = 943.4, 1e-9, 0.999999981619"));
    assertEquals("x = 1.37360563949e-4", MathText.html("x = 1.3736056394868912E-4"));
    String text = MathText.html("a 0.004000000000000002 b -16.66664519457086");
    assertFalse(Pattern.compile("\\d{13,}").matcher(text).find(), text);
  }

  /**
   * SVG scripts: 75 % size, a subscript 0.4 script em = 0.3 text em down, a superscript 0.5 script em = 0.375 text
   * em up, and the text after them back by the same amount in its own em.
   */
  @Test
  void svgScriptsAreSmallerShiftedTspansAndTheTextAfterThemReturns() {
    assertEquals("t<tspan font-size=\"75%\" dy=\"0.4em\">w</tspan><tspan dy=\"-0.3em\"> = 113</tspan>",
        MathText.svg("t_w = 113"));
    assertEquals("end of emergence t<tspan font-size=\"75%\" dy=\"0.4em\">e</tspan><tspan dy=\"-0.3em\">\u200B</tspan>",
        MathText.svg("end of emergence t_e"), "a script at the end is followed by a zero-width way back");
    // Sub to sup: from +4 to -5 units of 0.1 script em; sup back to text: +5 units of 0.075 text em.
    assertEquals("μ<tspan font-size=\"75%\" dy=\"0.4em\">i</tspan><tspan font-size=\"75%\" dy=\"-0.9em\">h</tspan>"
        + "<tspan dy=\"0.375em\">(0)</tspan>", MathText.svg("mu_i^h(0)"));
    assertEquals("ω<tspan font-size=\"75%\" dy=\"0.4em\">j</tspan><tspan font-size=\"75%\" dy=\"-0.9em\">h</tspan>"
        + "<tspan dy=\"0.375em\">\u200B</tspan>", MathText.svg("omega_j^h"));
    assertEquals("Σ<tspan font-size=\"75%\" dy=\"0.4em\">j≠i</tspan><tspan dy=\"-0.3em\"> d</tspan>"
        + "<tspan font-size=\"75%\" dy=\"0.4em\">j</tspan><tspan dy=\"-0.3em\">\u200B</tspan>",
        MathText.svg("sum_{j!=i} d_j"));
    assertEquals("d<tspan font-size=\"75%\" dy=\"0.4em\">i</tspan><tspan font-size=\"75%\" dy=\"-0.9em\">2</tspan>"
        + "<tspan dy=\"0.375em\">\u200B</tspan>", MathText.svg("d_i^2"));
    assertEquals("√(d<tspan font-size=\"75%\" dy=\"0.4em\">i</tspan><tspan dy=\"-0.3em\">) ≥ 1 ± 2</tspan>",
        MathText.svg("sqrt(d_i) >= 1 +- 2"));
  }

  @Test
  void svgLeavesIdentifiersFileNamesAndPlainLabelsAlone() {
    for (String plain : List.of("half_signal", "F_final / signed infimum", "runs/small-reduced.csv",
        "trajectory_small.csv", "blocks 8,8,8 (single-head optimum)", "head 1, task 2", "F* = 0.8549")) {
      assertEquals(Html.esc(plain), MathText.svg(plain), plain);
    }
  }

  @Test
  void svgEscapesTextAndScripts() {
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot; x<tspan font-size=\"75%\" dy=\"0.4em\">&lt;&amp;&quot;</tspan>"
        + "<tspan dy=\"-0.3em\"> y</tspan><tspan font-size=\"75%\" dy=\"-0.5em\">&amp;&gt;</tspan>"
        + "<tspan dy=\"0.375em\">\u200B</tspan>", MathText.svg("a <b> & \"c\" x_{<&\"} y^(&>)"));
  }

  /** Every script's dy is undone: the dys of each text sum to zero in its own em, checked in decimals. */
  @Test
  void everySvgScriptReturnsToTheBaseline() {
    String[] samples = {"t_w", "t_e = 1", "mu_i^h(0)", "omega_j^h", "sum_{j!=i} d_i^2 / sum_i d_i", "x^(1/2)_i",
        "mu_h^h / max_{i!=h} mu_i^h", "L^{-3/2} t_end", "a_b^c_d^e", "d ln(mu_i^h/mu_i^h')/dt"};
    for (String raw : samples) {
      String text = "<text>" + MathText.svg(raw) + "</text>";
      assertTrue(SvgBaselines.check(text) > 0, raw);
    }
  }

  /** The baseline check itself rejects a script that is not undone, an unbalanced tspan and a dy on nothing. */
  @Test
  void theBaselineCheckCatchesAScriptLeftShifted() {
    assertThrows(AssertionFailedError.class, () -> SvgBaselines.check(
        "<text>t<tspan font-size=\"75%\" dy=\"0.4em\">w</tspan><tspan dy=\"-0.4em\"> = 1</tspan></text>"));
    assertThrows(AssertionFailedError.class, () -> SvgBaselines.check(
        "<text>t<tspan font-size=\"75%\" dy=\"0.4em\">w</text>"));
    assertThrows(AssertionFailedError.class, () -> SvgBaselines.check(
        "<text>t<tspan font-size=\"75%\" dy=\"0.4em\">w</tspan><tspan dy=\"-0.3em\"></tspan></text>"));
    assertEquals(1, SvgBaselines.check(
        "<text>t<tspan font-size=\"75%\" dy=\"0.4em\">w</tspan><tspan dy=\"-0.3em\"> = 1</tspan></text>"));
  }

  /** The visible length counts script characters at 3/4 and no markup; the HTML form keeps its tags. */
  @Test
  void visibleLengthAndLineBreaksFollowTheTypesetText() {
    assertEquals(1.75, MathText.visibleLength("t_w"), 0.0);
    assertEquals(1 + 0.75 * 3, MathText.visibleLength("sum_{j!=i}"), 0.0);
    assertEquals(5, MathText.visibleLength("a < b"), 0.0, "no maths: its characters as written, not escaped");
    assertEquals(List.of("limit", "d", "sum_{j != i}", "d_j"), MathText.words("limit d sum_{j != i} d_j"));
    assertEquals(List.of("y", "=", "x^(a b)"), MathText.words("y = x^(a b)"), "a superscript is one word");
  }
}
