package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.LeadingOrderFormula;
import io.github.softmaxicl.theory.LogCoordinateFlow;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the trapping-region certificate reports, condition by condition: the 1-based names in the texts shown in
 * reports, the enclosures (a proved condition's lower end is above 0, Krawczyk's is 1 − contraction), the slants
 * of the spare heads' faces against their definition, any allocation (not only the identity), and an unproved
 * decay of a spare μ.
 */
class TrappingRegionConditionsTest {
  private static final ProblemConfig EXTRA = Preset.EXTRA_HEAD.config();
  private static final List<Integer> IDENTITY = List.of(0, 1, 2);

  private static TrappingRegionCertificate extraHead(List<Integer> allocation) {
    return RegionFixtures.certificate(EXTRA, allocation, 0.001, 0.001, 1e-4, 2e-5);
  }

  /** Tasks and heads are numbered from 1 in every text; task i is served by head allocation(i). */
  @Test
  void conditionsNameTasksAndHeadsFromOne() {
    List<Integer> allocation = List.of(2, 0, 3);
    TrappingRegionCertificate cert = extraHead(allocation);
    assertTrue(cert.certified(), RegionFixtures.failures(cert));
    List<String> expectedPairs = List.of("(omega_1^3, mu_1^3)", "(omega_2^1, mu_2^1)", "(omega_3^4, mu_3^4)");
    for (int i = 0; i < 3; i++) {
      int t = i + 1;
      int h = allocation.get(i) + 1;
      RegionFixtures.condition(cert, "on-task pair " + expectedPairs.get(i) + " has equal signs");
      RegionFixtures.condition(cert, "Hessian of L_" + t + " positive definite over the pair's box");
      RegionFixtures.condition(cert, "Krawczyk: one stationary point of L_" + t + " in ");
      assertEquals("allocation in B: task " + t + "'s signal on head " + h + " exceeds every other head's",
          RegionFixtures.condition(cert, "allocation in B: task " + t + "'s").what());
    }
    // The spare head is head 2 (index 1): its ω_j^2 get slanted faces, one condition per μ_i^2.
    int slanted = 0;
    for (int j = 0; j < 3; j++) {
      int q = LogCoordinateFlow.omegaIndex(EXTRA, 1, j);
      String face = "omega_" + (j + 1) + "^2";
      for (int i = 0; i < 3; i++) {
        String mu = "mu_" + (i + 1) + "^2";
        String head = "slanted face of " + face + " (c = " + cert.slants().get(q) + "): 2c * sgn dF/d" + mu + " ";
        assertEquals(head + "- rate * |d2F/d" + face + " d" + mu + "| > 0", RegionFixtures.condition(cert, head).what());
        slanted++;
      }
    }
    assertEquals(9, slanted);
  }

  /**
   * A condition is proved exactly when its enclosure's lower end is above 0, and Krawczyk's enclosure is
   * 1 − contraction of K(X) in the small box X around the closed form, in (0, 1].
   */
  @Test
  void provedConditionsHavePositiveEnclosures() {
    TrappingRegionCertificate cert = extraHead(IDENTITY);
    assertTrue(cert.certified());
    for (TrappingRegionCertificate.Condition k : cert.conditions()) {
      assertTrue(k.enclosure().lo() > 0, k.toString());
    }
    for (int i = 0; i < 3; i++) {
      OnTaskLoss loss = OnTaskLoss.of(EXTRA, i);
      double ws = loss.omegaStarApprox();
      double ms = loss.muStarApprox();
      TaskBox small = TaskBox.around(ws, TrappingRegionProof.KRAWCZYK_RADIUS * ws, ms,
          TrappingRegionProof.KRAWCZYK_RADIUS * ms);
      double contraction = Krawczyk.contraction(small, Krawczyk.image(loss, small));
      assertTrue(contraction >= 0 && contraction < 1, "contraction " + contraction);
      Interval reported = RegionFixtures.condition(cert, "Krawczyk: one stationary point of L_" + (i + 1)).enclosure();
      assertEquals(Interval.point(1 - contraction), reported);
    }
  }

  /**
   * The slant of a spare ω_j^s is c = 2·need rounded up, need = max_i rate_j |M_i| / λ_i, with M_i the enclosure
   * of ∂²F/∂ω_j^s ∂μ_i^s over B, λ_i the lower end of the decay condition of μ_i^s and rate_j = 2/(√D d_j); each
   * slant condition's enclosure is 2c λ_i − rate_j |M_i|. Recomputed here from those definitions.
   */
  @Test
  void slantsAreTwiceTheLeastSlantTheDecayAllows() {
    TrappingRegionCertificate cert = extraHead(IDENTITY);
    TrappingRegion b = cert.region();
    LossJets jets = new LossJets(EXTRA, b.dimension());
    LeadingOrderFormula<IntervalJet> overB = jets.jets(b.signedBox());
    int s = 3;
    for (int j = 0; j < 3; j++) {
      int q = LogCoordinateFlow.omegaIndex(EXTRA, s, j);
      Interval rate = IntervalCoefficients.omegaRates(EXTRA).get(j);
      IntervalJet d = jets.derivative(overB, q);
      double need = 0;
      List<Double> lambda = new ArrayList<>();
      List<Double> mixed = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int qm = LogCoordinateFlow.muIndex(EXTRA, s, i);
        double l = RegionFixtures.condition(cert, "sgn * dF/d" + b.name(qm) + " > 0").enclosure().lo();
        double m = d.derivative(qm).magnitude();
        assertTrue(l > 0 && m > 0);
        lambda.add(l);
        mixed.add(m);
        need = Math.max(need, rate.multiply(m).divide(Interval.point(l)).hi());
      }
      double c = cert.slants().get(q);
      assertEquals(Math.nextUp(2 * need), c, 4 * Math.ulp(c), b.name(q));
      for (int i = 0; i < 3; i++) {
        Interval margin = RegionFixtures.condition(cert, "slanted face of " + b.name(q) + " (c = " + c
            + "): 2c * sgn dF/dmu_" + (i + 1) + "^4").enclosure();
        double expected = 2 * c * lambda.get(i) - rate.midpoint() * mixed.get(i);
        assertEquals(expected, margin.midpoint(), 1e-9 * 2 * c * lambda.get(i), b.name(q) + " mu_" + (i + 1));
        assertTrue(margin.lo() > 0.5 * 2 * c * lambda.get(i), "a factor 2 to spare leaves over half the first term");
      }
    }
  }

  /**
   * The proof for another allocation of `small` (task 1 on head 2, task 2 on head 1) around its limit: certified,
   * with the same 22 conditions as the identity's.
   */
  @Test
  void anyAllocationIsProvedAroundItsLimit() {
    ProblemConfig c = Preset.SMALL.config();
    TrappingRegionCertificate cert = RegionFixtures.certificate(c, List.of(1, 0), 0.01, 0.01, 1e-3, 1e-5);
    assertTrue(cert.certified(), RegionFixtures.failures(cert));
    assertEquals(22, cert.conditions().size());
    assertEquals(TrappingRegion.Role.ON_TASK, cert.region().role(LogCoordinateFlow.omegaIndex(c, 1, 0)));
    assertTrue(cert.muDecayRate() > 0);
  }

  /**
   * A spare μ (μ_1^4 of `extra-head`) given the wrong sign: its decay is not proved (sgn ∂F/∂μ is negative there),
   * so the slants of head 4's faces cannot be sized: they are 0 and their conditions unproved, and the certified
   * decay rate is 0.
   */
  @Test
  void anUnprovedSpareDecayLeavesTheSlantsUnsized() {
    TrappingRegionCertificate good = extraHead(IDENTITY);
    TrappingRegion b = good.region();
    List<Double> signs = new ArrayList<>(b.signs());
    int qm = LogCoordinateFlow.muIndex(EXTRA, 3, 0);
    signs.set(qm, -signs.get(qm));
    TrappingRegionCertificate cert =
        TrappingRegionProof.prove(new TrappingRegion(EXTRA, b.allocation(), signs, b.magnitudes()));
    assertFalse(cert.certified());
    assertFalse(RegionFixtures.condition(cert, "sgn * dF/dmu_1^4 > 0").proved());
    assertEquals(0.0, cert.muDecayRate());
    for (int j = 0; j < 3; j++) {
      int q = LogCoordinateFlow.omegaIndex(EXTRA, 3, j);
      assertEquals(0.0, cert.slants().get(q));
      for (int i = 0; i < 3; i++) {
        assertFalse(RegionFixtures.condition(cert, "slanted face of " + b.name(q) + " (c = 0.0): 2c * sgn dF/dmu_"
            + (i + 1) + "^4").proved());
      }
    }
  }

  /** A certificate without conditions certifies nothing; a point of the wrong length or outside B is not in B. */
  @Test
  void anEmptyCertificateAndForeignPointsAreRefused() {
    TrappingRegionCertificate good = extraHead(IDENTITY);
    TrappingRegion b = good.region();
    TrappingRegionCertificate empty = new TrappingRegionCertificate(b, List.of(),
        Collections.nCopies(b.dimension(), 0.0), 0.0);
    assertFalse(empty.certified());
    List<Double> inside = new ArrayList<>();
    for (int q = 0; q < b.dimension(); q++) {
      inside.add(b.role(q) == TrappingRegion.Role.ON_TASK ? b.magnitudes().get(q).midpoint() : 0.0);
    }
    assertTrue(good.containsMagnitudes(inside));
    List<Double> longer = new ArrayList<>(inside);
    longer.add(0.0);
    assertFalse(good.containsMagnitudes(longer));
    assertFalse(good.containsMagnitudes(inside.subList(0, inside.size() - 1)));
    List<Double> outside = new ArrayList<>(inside);
    outside.set(0, b.magnitudes().get(0).hi() * 1.01);
    assertFalse(good.containsMagnitudes(outside));
  }
}
