package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A claim's tolerance range and hypothesis order; the presets' fixed data. */
class ClaimTest {
  private static Claim withTolerance(double tolerance) {
    return new Claim("X", "P0", "s", "scope", tolerance, "budget", Provenance.RECONSTRUCTION);
  }

  @Test
  void toleranceMustBeFiniteAndNonNegative() {
    assertEquals(0.0, withTolerance(0.0).tolerance());
    assertEquals(Double.MAX_VALUE, withTolerance(Double.MAX_VALUE).tolerance());
    for (double bad : new double[] {-Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withTolerance(bad));
      assertEquals("claim X: tolerance must be finite and >= 0", e.getMessage());
    }
  }

  @Test
  void theFirstFailingHypothesisIsReported() {
    Hypothesis holds = new Hypothesis("holds", "why", in -> Optional.empty());
    Hypothesis fails = new Hypothesis("fails", "why", in -> Optional.of("value 1"));
    Hypothesis failsToo = new Hypothesis("fails too", "why", in -> Optional.of("value 2"));
    ProblemConfig c = Preset.SMALL.config();
    Instance in = new Instance(c, Initialisations.paper(c), 1, new WarmupTimes(new double[2], new double[2]));
    Claim claim = new Claim("X", "P0", "s", "scope", 0, "b", Provenance.RECONSTRUCTION,
        List.of(holds, fails, failsToo));
    assertEquals(Optional.of("hypothesis 'fails' fails: value 1"), claim.notApplicableBecause(in));
    assertEquals("holds; fails; fails too; scope", claim.hypotheses());
    Claim allHold = new Claim("Y", "P0", "s", "scope", 0, "b", Provenance.RECONSTRUCTION, List.of(holds, holds));
    assertEquals(Optional.empty(), allHold.notApplicableBecause(in));
  }

  @Test
  void presetsCarryTheirNamesHorizonsAndSources() {
    assertSame(Preset.PAPER, Preset.byId("paper"));
    assertSame(Preset.SMALL, Preset.byId("small"));
    assertSame(Preset.EXTRA_HEAD, Preset.byId("extra-head"));
    assertEquals("extra-head", Preset.EXTRA_HEAD.id());
    assertEquals(3.0e4, Preset.SMALL.defaultTEnd());
    assertEquals(3.0e5, Preset.EXTRA_HEAD.defaultTEnd());
    assertEquals("authors' simulation", Preset.PAPER.source());
    assertEquals("H > n", Preset.EXTRA_HEAD.source());
    assertArrayEquals(Initialisations.paper(Preset.EXTRA_HEAD.config()).muArray(),
        Preset.EXTRA_HEAD.initialState().muArray());
    assertEquals(ProblemConfig.of(24, new int[] {8, 8, 8}, 4, 200, 0, 1), Preset.EXTRA_HEAD.config());
    assertEquals("reconstruction", Provenance.RECONSTRUCTION.label());
    assertEquals("certified (interval arithmetic)", Provenance.CERTIFIED.label());
  }
}
