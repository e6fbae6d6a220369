package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.JobRequest;
import io.github.softmaxicl.experiments.JobResult;
import io.github.softmaxicl.experiments.Mode;
import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.experiments.RunSpec;
import io.github.softmaxicl.experiments.RunRecord;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.experiments.IntegratorInfo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmaxicl.theory.Preset;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Number formatting, escaping, ticks and the writers on hand-made records. */
class FormattingTest {
  @Test
  void numbersAreLocaleIndependent() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("0.1235", Numbers.human(0.123456));
      assertEquals("1.5", Numbers.human(1.5));
      assertEquals("3e4", Numbers.human(3.0e4));
      assertEquals("1.235e-5", Numbers.human(1.23456e-5));
      assertEquals("–", Numbers.human(Double.NaN));
      assertEquals("-12.5", Numbers.coord(-12.46));
      assertEquals("-0.5", Numbers.coord(-0.5));
      assertEquals("0", Numbers.coord(0.01));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void namedFormatsDifferOnlyInSignificantDigits() {
    assertEquals("3.14159", Numbers.detail(Math.PI));
    assertEquals("3.142", Numbers.human(Math.PI));
    assertEquals("3.14", Numbers.brief(Math.PI));
    assertEquals("3.1", Numbers.magnitude(Math.PI));
    assertEquals("3.1e-200", Numbers.magnitude(3.14e-200));
    assertEquals("0", Numbers.brief(0.0));
    assertEquals("−∞", Numbers.detail(Double.NEGATIVE_INFINITY));
    assertEquals("3.141592653589793", Numbers.exact(Math.PI));
  }

  @Test
  void csvAndJsonOfAHandMadeRecord() throws Exception {
    RunSpec spec = new RunSpec("small", "preset", Preset.SMALL.config(), "paper", 1, 5, OptionalInt.empty(), 100);
    TrajectorySample s0 = TrajectorySample.reduced(0, 2.0, SpectralState.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}},
        new double[][] {{1, 2}, {3, 4}}));
    TrajectorySample s1 = TrajectorySample.reduced(1.5, 1.0, SpectralState.of(new double[][] {{0.5, 0.2}, {0.3, 0.6}},
        new double[][] {{5, 0.5}, {-1e-3, 6}}));
    RunRecord r = RunRecord.builder("small", Dynamics.REDUCED, Preset.SMALL.config(),
        IntegratorInfo.ode("DormandPrince853", 1e-9, 1e-12)).tEnd(1.5).losses(2, 1, 0.9)
        .markers(MarkerTimes.withoutTaskPhases(0.5, Double.NaN, new double[] {0.7, Double.NaN}))
        .finalState(s1.omegaArray(), s1.muArray()).trajectory(List.of(s0, s1)).build();
    assertArrayEquals(new int[] {0, 1}, r.allocation(), "task 0: head 0 (2.5 > -3e-4); task 1: head 1 (3.6)");
    StringWriter w = new StringWriter();
    new TrajectoryCsvWriter().write(w, r);
    assertEquals("t,F,omega_0_0,omega_0_1,omega_1_0,omega_1_1,mu_0_0,mu_0_1,mu_1_0,mu_1_1,off_structure_norm\n"
        + "0.0,2.0,0.1,0.2,0.3,0.4,1.0,2.0,3.0,4.0,NaN\n"
        + "1.5,1.0,0.5,0.2,0.3,0.6,5.0,0.5,-0.001,6.0,NaN\n", w.toString());
    JobRequest req = new JobRequest(List.of(spec), EnumSet.of(Dynamics.REDUCED), Mode.QUICK, 1, List.of());
    ReportData data = new ReportData(req, new JobResult(List.of(r), List.of(), List.of()),
        new VersionInfo("n", "v", "j", "h", "e", "r"), Instant.EPOCH, Double.NaN);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ResultsJsonWriter().write(bytes, data);
    JsonNode run = new ObjectMapper().readTree(bytes.toByteArray()).get("runs").get(0);
    assertTrue(run.get("t_emergence_end").isNull());
    assertTrue(run.get("half_signal_times").get(1).isNull());
    assertEquals(0.7, run.get("half_signal_times").get(0).asDouble());
    assertEquals(-0.001, run.get("mu_final").get(1).get(0).asDouble());
    assertEquals("runs/small-reduced.csv", run.get("trajectory_csv").asText());
    assertTrue(new ObjectMapper().readTree(bytes.toByteArray()).get("wall_seconds").isNull());
    // The HTML of a record without claims or sweeps still renders, and says so.
    String html = new HtmlReport().render(data);
    assertTrue(html.contains("No claim was checked"));
    assertTrue(html.contains("No sweeps were run"));
    XmlCheck.balanced(html);
  }
}
