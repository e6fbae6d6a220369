package io.github.softmaxicl.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Where the validated integration of P1-, P2- and P3-proof runs (small in quick mode; every configuration with
 * --full or when one is selected), that the quick reduced run of small carries a passing, certified verdict of
 * each, and that every other preset passes them as --full runs it.
 */
class HalfSignalProofPlanTest {
  private static final ProgressSink QUIET = new ProgressSink() {
    @Override
    public void progress(String run, double t, double tEnd, double loss) {}

    @Override
    public void message(String text) {}
  };

  private static RunSpec preset(Preset p) {
    return new RunSpec(p.id(), "preset", p.config(), "paper", 1.0, 1L, OptionalInt.empty(), p.defaultTEnd());
  }

  @Test
  void quickModeProvesSmallOnlyFullModeEveryConfiguration() {
    RunSpec config = new RunSpec("mine", "mine.json", ProblemConfig.of(8, new int[] {4, 4}, 2, 60, 0.0, 1.0),
        "paper", 1.0, 1L, OptionalInt.empty(), 1000);
    // A configuration file called "small" with another problem is not the preset (L = 60, not 40).
    RunSpec named = new RunSpec("small", "mine.json", config.config(), "paper", 1.0, 1L, OptionalInt.empty(), 1000);
    Settings quick = Settings.quick();
    assertTrue(quick.provesPhases(preset(Preset.SMALL), Set.of()));
    assertFalse(quick.provesPhases(preset(Preset.PAPER), Set.of()));
    assertFalse(quick.provesPhases(config, Set.of()));
    assertFalse(quick.provesPhases(named, Set.of()));
    assertTrue(quick.provesPhases(config, Set.of("P2-proof")));
    assertTrue(quick.provesPhases(config, Set.of("P3-proof"))); // the same tube
    assertTrue(quick.provesPhases(config, Set.of("P1-proof"))); // continued to a trapping region
    assertFalse(quick.provesPhases(config, Set.of("P2-phases")));
    for (Preset p : Preset.values()) {
      assertTrue(Settings.full().provesPhases(preset(p), Set.of()), p.id());
    }
    assertTrue(Settings.full().provesPhases(config, Set.of()));
    // A selection that names neither proof computes no tube, not even on small or with --full.
    assertFalse(quick.provesPhases(preset(Preset.SMALL), Set.of("P2-phases")));
    assertFalse(Settings.full().provesPhases(preset(Preset.PAPER), Set.of("P1-convergence")));
    assertTrue(Settings.full().provesPhases(preset(Preset.PAPER), Set.of("P1-convergence", "P3-proof")));
  }

  /**
   * Every other preset, as --full runs it: each proof passes, so each floating-point marker lies in its certified
   * enclosure, each half-signal crossing is unique there, the allocation is certified and the tube ends in a
   * certified trapping region (about 10 s of CPU for paper, 17 s for extra-head, 3 s for small-noisy).
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.EnumSource(value = Preset.class, names = {"PAPER", "EXTRA_HEAD", "SMALL_NOISY"})
  void everyPresetIsProvedInFullMode(Preset p) {
    RunSpec spec = preset(p);
    Outcome out = new ReducedRunsExperiment().runOne(spec, Settings.full(), new Context(List.of(spec), 1, QUIET));
    for (String id : List.of("P1-proof", "P2-proof", "P3-proof")) {
      List<Verdict> proof = out.verdicts().stream().filter(v -> v.claimId().equals(id)).toList();
      assertEquals(1, proof.size(), out.verdicts().toString());
      assertEquals(Verdict.Status.PASS, proof.get(0).status(), p.id() + " " + proof.get(0).evidence());
    }
  }

  @Test
  void theQuickSmallRunCarriesACertifiedPass() {
    RunSpec spec = preset(Preset.SMALL);
    Outcome out = new ReducedRunsExperiment().runOne(spec, Settings.quick(), new Context(List.of(spec), 1, QUIET));
    for (String id : List.of("P1-proof", "P2-proof", "P3-proof")) {
      List<Verdict> proof = out.verdicts().stream().filter(v -> v.claimId().equals(id)).toList();
      assertEquals(1, proof.size(), out.verdicts().toString());
      assertEquals(Verdict.Status.PASS, proof.get(0).status(), proof.get(0).evidence().toString());
      assertEquals("certified (interval arithmetic)", proof.get(0).provenance());
    }
  }
}
