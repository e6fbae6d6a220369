package io.github.softmaxicl.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Preset;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The stage plan's expected times count only the work the mode will do: a per-run experiment that skips a
 * configuration in this mode expects 0 s for it, so neither the plan nor the job ETA counts it.
 */
class StagePlanTest {
  private static RunSpec preset(Preset p) {
    return new RunSpec(p.id(), "preset " + p.id(), p.config(), "paper", 1.0, 1L, OptionalInt.empty(), p.defaultTEnd());
  }

  @Test
  void skippedFullModelRunsExpectNoTime() {
    Settings quick = Settings.quick();
    FullFlowExperiment flow = new FullFlowExperiment();
    SgdExperiment sgd = new SgdExperiment();
    // Quick mode runs the full flow and SGD of small and small-noisy only (FullDynamicsPlan).
    assertEquals(0.0, flow.typicalQuickSeconds(preset(Preset.PAPER), quick));
    assertEquals(0.0, flow.typicalQuickSeconds(preset(Preset.EXTRA_HEAD), quick));
    assertEquals(FullFlowExperiment.TYPICAL_QUICK_SECONDS, flow.typicalQuickSeconds(preset(Preset.SMALL), quick));
    assertEquals(FullFlowExperiment.TYPICAL_QUICK_SECONDS,
        flow.typicalQuickSeconds(preset(Preset.SMALL_NOISY), quick));
    assertEquals(0.0, sgd.typicalQuickSeconds(preset(Preset.PAPER), quick), "paper-sized SGD runs with --full only");
    assertEquals(SgdExperiment.TYPICAL_QUICK_SECONDS, sgd.typicalQuickSeconds(preset(Preset.SMALL), quick));
    // With --full, paper's SGD protocol runs: its stage is no longer planned as free.
    assertEquals(SgdExperiment.TYPICAL_QUICK_SECONDS, sgd.typicalQuickSeconds(preset(Preset.PAPER), Settings.full()));
  }

  /**
   * --full reads each preset's own measured time (never the quick one); a run that is not a preset as timed (a
   * configuration file, a preset at another start scale) is not timed (NaN), and a skipped run expects 0 s.
   */
  @Test
  void fullModeTimesArePerPresetAndOtherRunsAreNotTimed() {
    Settings full = Settings.full();
    FullFlowExperiment flow = new FullFlowExperiment();
    SgdExperiment sgd = new SgdExperiment();
    assertEquals(SgdExperiment.TYPICAL_FULL_SECONDS.get(Preset.PAPER).doubleValue(),
        sgd.typicalFullSeconds(preset(Preset.PAPER), full));
    assertEquals(FullFlowExperiment.TYPICAL_FULL_SECONDS.get(Preset.SMALL).doubleValue(),
        flow.typicalFullSeconds(preset(Preset.SMALL), full));
    assertEquals(0.0, flow.typicalFullSeconds(preset(Preset.PAPER), full), "--full skips paper's full flow too");
    RunSpec mine = new RunSpec("mine", "mine.json", Preset.SMALL.config(), "paper", 1.0, 1L, OptionalInt.empty(),
        Preset.SMALL.defaultTEnd());
    assertTrue(Double.isNaN(flow.typicalFullSeconds(mine, full)), "a configuration file's run is not timed");
    RunSpec scaled = new RunSpec("small", "preset small", Preset.SMALL.config(), "paper", 2.0, 1L,
        OptionalInt.empty(), Preset.SMALL.defaultTEnd());
    assertTrue(Double.isNaN(sgd.typicalFullSeconds(scaled, full)), "another start scale is another run");
    assertEquals(Preset.SMALL, preset(Preset.SMALL).asPreset().orElseThrow());
  }
}
