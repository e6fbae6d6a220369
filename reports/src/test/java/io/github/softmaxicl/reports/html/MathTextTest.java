package io.github.softmaxicl.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** ASCII maths of the claim texts typeset, raw doubles shortened, identifiers and prose left alone. */
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
}
