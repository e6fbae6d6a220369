package io.github.softmaxicl.experiments;

import io.github.softmaxicl.theory.Preset;
import org.junit.jupiter.api.Test;

/**
 * extra-head, as --full runs it: P1-, P2- and P3-proof pass (the longest of the presets' proofs, about 17 s of
 * CPU; see {@link HalfSignalProofPlanTest#everyPresetIsProvedInFullMode}, whose other presets run in another
 * class so that the module's two test JVMs share the long proofs).
 */
class ExtraHeadProvedInFullModeTest {
  @Test
  void extraHeadIsProvedInFullMode() {
    HalfSignalProofPlanTest.assertProvedInFullMode(Preset.EXTRA_HEAD);
  }
}
