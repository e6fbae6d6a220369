package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The radius scan on ladders of its own: every configuration tried certifies at some rung of
 * {@link RadiusSearch#LADDER}, so the branch for a ladder that is exhausted is reached with rungs too wide for any
 * configuration (relative radius 0.9 and 0.99: the boxes reach from 1 % to 199 % of the closed form, where the
 * on-task Hessian is not positive definite).
 */
class RadiusSearchLadderTest {
  private static final ProblemConfig SMALL = Preset.SMALL.config();

  @Test
  void anExhaustedLadderReportsTheLastRungsRefusal() {
    LimitCertificate direct = LimitProof.certify(SMALL, 0.99);
    assertFalse(direct.isCertified());
    assertFalse(LimitProof.certify(SMALL, 0.9).isCertified());
    LimitCertificate scanned = RadiusSearch.scan(SMALL, List.of(0.9, 0.99));
    assertFalse(scanned.isCertified());
    assertEquals("no radius of the ladder certifies; at relative radius 0.99: " + direct.reason(), scanned.reason());
    // the refusal is the last rung's result, with only its reason replaced
    assertEquals(0.99, scanned.relativeRadius());
    assertEquals(direct.config(), scanned.config());
    assertEquals(direct.extraHeadOmega(), scanned.extraHeadOmega());
    assertEquals(direct.tasks(), scanned.tasks());
    assertEquals(direct.offTaskMu(), scanned.offTaskMu());
    assertEquals(direct.offTaskOmega(), scanned.offTaskOmega());
  }

  @Test
  void theFirstRungThatCertifiesIsReturned() {
    LimitCertificate scanned = RadiusSearch.scan(SMALL, List.of(0.99, 1e-3, 1e-6));
    assertTrue(scanned.isCertified(), scanned.reason());
    assertEquals(1e-3, scanned.relativeRadius());
  }

  @Test
  void anEmptyLadderIsAnError() {
    assertThrows(IllegalStateException.class, () -> RadiusSearch.scan(SMALL, List.of()));
  }
}
