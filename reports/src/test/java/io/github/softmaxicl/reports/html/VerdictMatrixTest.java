package io.github.softmaxicl.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.Verdict.Status;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The overview matrix: one cell per verdict, with the verdict's class and a link to its row, and the counts. */
class VerdictMatrixTest {
  private static Verdict v(String id, String run, Status s, String provenance) {
    return new Verdict(id, run, s, "statement", s == Status.PASS ? 0.1 : Double.NaN, 1, "budget", provenance,
        List.of());
  }

  @Test
  void everyVerdictHasACellWithItsClassAndLink() {
    String certified = VerdictMatrix.CERTIFIED;
    List<Verdict> verdicts = List.of(
        v("P1-certificate", "paper-reduced", Status.PASS, certified),
        v("P1-convergence", "paper-reduced", Status.PASS, "reconstruction"),
        v("P1-convergence", "small-reduced", Status.FAIL, "reconstruction"),
        v("P3-allocation", "small-reduced", Status.NOT_APPLICABLE, "reconstruction"),
        v("P3-allocation", "paper-reduced", Status.ERROR, "reconstruction"),
        // A certificate that fails is a failure, not certified.
        v("P1-certificate", "small-reduced", Status.FAIL, certified),
        v("P4-optimality", "sweep", Status.PASS, "reconstruction"));
    StringBuilder sb = new StringBuilder();
    VerdictMatrix.render(sb, verdicts, Map.of("P1-convergence", "./reproduce --preset paper --claim P1-convergence"));
    String html = sb.toString();
    Map<String, String> expected = Map.of(
        "P1-certificate-paper-reduced", "certified",
        "P1-convergence-paper-reduced", "pass",
        "P1-convergence-small-reduced", "fail",
        "P3-allocation-small-reduced", "not-applicable",
        "P3-allocation-paper-reduced", "error",
        "P1-certificate-small-reduced", "fail",
        "P4-optimality-sweep", "pass");
    Matcher m = Pattern.compile("<td class=\"cell ([a-z-]+)\"><a href=\"#claim-([A-Za-z0-9-]+)\"").matcher(html);
    int cells = 0;
    while (m.find()) {
      assertEquals(expected.get(m.group(2)), m.group(1), m.group(2));
      cells++;
    }
    assertEquals(verdicts.size(), cells, "one linked cell per verdict");
    for (Verdict x : verdicts) {
      assertTrue(html.contains("href=\"#" + SummarySection.anchor(x) + "\""), SummarySection.anchor(x));
    }
    // 4 claims x 3 runs = 12 cells, 7 with a verdict: 5 blank.
    assertEquals(5, count(html, "<td class=\"cell none\"></td>"));
    assertTrue(html.contains("◆ certified (interval arithmetic): 1</span>"), html);
    assertTrue(html.contains("✓ measured pass: 2</span>"));
    assertTrue(html.contains("✗ fail: 2</span>"));
    assertTrue(html.contains("– not applicable: 1</span>"));
    assertTrue(html.contains("! error: 1</span>"));
    assertTrue(html.contains("<code>./reproduce --preset paper --claim P1-convergence</code>"));
    // Runs in order of first appearance, as columns.
    assertTrue(html.indexOf("<span>paper-reduced</span>") < html.indexOf("<span>small-reduced</span>")
        && html.indexOf("<span>small-reduced</span>") < html.indexOf("<span>sweep</span>"));
  }

  @Test
  void noVerdictsNoMatrix() {
    StringBuilder sb = new StringBuilder();
    VerdictMatrix.render(sb, List.of(), Map.of());
    assertEquals("", sb.toString());
  }

  private static int count(String haystack, String needle) {
    int c = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      c++;
    }
    return c;
  }
}
