package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.LimitCertificate;
import io.github.softmaxicl.theory.interval.LimitProof;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CertificateCheck} on hand-built runs whose final state is the closed-form limit (no integration): the
 * idle heads' ω the certificate must cover, the allocation and box conditions of the verdict, and the evidence a
 * reviewer reads.
 */
class CertificateVerdictsTest {
  private static final ProblemConfig C = Preset.SMALL.config();
  private static LimitCertificate cert;

  @BeforeAll
  static void certify() {
    cert = LimitProof.certify(C, CertificateCheck.RADIUS, Interval.ZERO);
  }

  private static HandBuilt.Reduced atLimit() {
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, ClosedForms.limit(C));
    r.finalState = ClosedForms.limit(C);
    return r;
  }

  @Test
  void idleOmegaSpansZeroAndEveryIdleHeadsOmega() {
    ProblemConfig idle = ProblemConfig.of(4, new int[] {2, 2}, 4, 8, 0.0, 1.0);
    HandBuilt.Reduced r = new HandBuilt.Reduced(idle, HandBuilt.state(new double[4][2], new double[4][2]));
    r.finalState = HandBuilt.state(new double[][] {{5, -5}, {-5, 5}, {0.1, 0.3}, {0.2, 0.25}}, new double[4][2]);
    Interval positive = CertificateCheck.idleOmega(r.build());
    assertEquals(0.0, positive.lo(), 0.0, "zero is always covered");
    assertEquals(0.3, positive.hi(), 0.0, "the serving heads' omega are not idle");
    r.finalState = HandBuilt.state(new double[][] {{5, -5}, {-5, 5}, {-0.2, 0.1}, {0.05, -0.1}}, new double[4][2]);
    Interval mixed = CertificateCheck.idleOmega(r.build());
    assertEquals(-0.2, mixed.lo(), 0.0);
    assertEquals(0.1, mixed.hi(), 0.0);
    HandBuilt.Reduced none = new HandBuilt.Reduced(C, ClosedForms.limit(C));
    none.finalState = HandBuilt.state(new double[][] {{0.5, 0.5}, {0.5, 0.5}}, new double[2][2]);
    assertEquals(Interval.ZERO, CertificateCheck.idleOmega(none.build()), "H = n: no idle head");
  }

  @Test
  void theLimitInsideItsCertifiedBoxPassesWithTheContractionAsMeasure() {
    Verdict v = CertificateCheck.check("c", atLimit().build(), cert).verdict();
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals(cert.maxKrawczykContraction(), v.measured(), 0.0);
    assertTrue(v.measured() < 1e-3, "the certificate's margin: " + v.measured());
    String ev = String.join("\n", v.evidence());
    assertTrue(v.evidence().get(0).startsWith("verdict CERTIFIED; leading-order reduced loss"), ev);
    assertTrue(ev.contains("inside the certified box: true\n"), ev);
    assertTrue(ev.contains("task 1 (head 1): box widths omega"), ev);
    assertTrue(ev.contains("Krawczyk image inside: true (exactly one stationary point); interval Hessian positive "
        + "definite: true"), ev);
    assertTrue(ev.contains(ReducedRunChecks.fmt("every off-task dF/dmu >= %.6g > 0", cert.minOffTaskMuDerivative())),
        ev);
    assertTrue(ev.contains("off-task dF/domega exactly 0 (first-order neutral): true"), ev);
    double bMin = Double.POSITIVE_INFINITY;
    for (LimitCertificate.OffTaskOmega o : cert.offTaskOmega()) {
      bMin = Math.min(bMin, o.decayCoefficient().lo());
    }
    assertTrue(bMin > 0);
    assertTrue(ev.contains(ReducedRunChecks.fmt(", b >= %.6g;", bMin)), ev);
    assertFalse(ev.contains("certificate refused"), ev);
  }

  @Test
  void aLimitOutsideTheBoxFailsThoughTheCertificateHolds() {
    HandBuilt.Reduced r = atLimit();
    double[][] mu = r.finalState.muArray();
    mu[1][1] *= 1 + 10 * CertificateCheck.RADIUS;
    r.finalState = HandBuilt.state(r.finalState.omegaArray(), mu);
    Verdict v = CertificateCheck.check("c", r.build(), cert).verdict();
    assertEquals(Verdict.Status.FAIL, v.status());
    assertTrue(v.measured() < 1, "the certificate itself is fine");
    assertTrue(v.evidence().stream().anyMatch(e -> e.endsWith("inside the certified box: false")),
        v.evidence().toString());
  }

  @Test
  void anotherAllocationFailsAndSaysWhy() {
    HandBuilt.Reduced r = atLimit();
    r.allocation = new int[] {1, 0};
    r.finalState = ClosedForms.limit(C, new int[] {1, 0});
    Verdict v = CertificateCheck.check("c", r.build(), cert).verdict();
    assertEquals(Verdict.Status.FAIL, v.status());
    assertTrue(v.evidence().stream().anyMatch(e -> e.endsWith("inside the certified box: false (allocation is not "
        + "head i for task i)")), v.evidence().toString());
  }

  @Test
  void aRefusedCertificateFailsAndGivesItsReason() {
    LimitCertificate refused = LimitProof.certify(C, 0.9, Interval.ZERO);
    assertFalse(refused.isCertified());
    Verdict v = CertificateCheck.check("c", atLimit().build(), refused).verdict();
    assertEquals(Verdict.Status.FAIL, v.status());
    assertTrue(v.evidence().get(0).startsWith("verdict REFUSED: " + refused.reason()), v.evidence().get(0));
    assertTrue(v.evidence().contains("certificate refused: " + refused.reason()), v.evidence().toString());
  }

  @Test
  void anIdleHeadsCertificateHasNoDecayBoundForItsFrozenOmega() {
    ProblemConfig three = ProblemConfig.of(C.d(), C.blockSizes(), 3, C.promptLength(), C.sigma(), C.s2());
    LimitCertificate idle = LimitProof.certify(three, CertificateCheck.RADIUS, Interval.ZERO);
    HandBuilt.Reduced r = new HandBuilt.Reduced(three, ClosedForms.limit(three));
    r.finalState = ClosedForms.limit(three);
    Verdict v = CertificateCheck.check("c", r.build(), idle).verdict();
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertTrue(v.evidence().stream().anyMatch(e -> e.contains("heads serving no task freeze their omega instead")));
  }

  @Test
  void aContractionOfExactlyOneIsNotInside() {
    // An image reaching the box's edge (K(X) = X): contraction 1, though the certificate's flag says certified.
    List<LimitCertificate.TaskResult> tasks = new ArrayList<>(cert.tasks());
    LimitCertificate.TaskResult t = tasks.get(1);
    tasks.set(1, new LimitCertificate.TaskResult(t.task(), t.head(), t.box(), t.closedForm(), Optional.of(t.box()),
        t.hessian(), true, true));
    LimitCertificate edge = new LimitCertificate(cert.config(), cert.relativeRadius(), cert.extraHeadOmega(), tasks,
        cert.offTaskMu(), cert.offTaskOmega(), Optional.empty());
    Verdict v = CertificateCheck.check("c", atLimit().build(), edge).verdict();
    assertEquals(1.0, v.measured(), 0.0);
    assertEquals(Verdict.Status.FAIL, v.status());
  }

  @Test
  void anOffTaskOmegaGradientThatIsNotZeroIsReported() {
    List<LimitCertificate.OffTaskOmega> omegas = new ArrayList<>(cert.offTaskOmega());
    LimitCertificate.OffTaskOmega last = omegas.get(omegas.size() - 1);
    omegas.set(omegas.size() - 1, new LimitCertificate.OffTaskOmega(last.head(), last.task(), Interval.of(-1e-9,
        1e-9), last.curvature(), last.decayCoefficient()));
    LimitCertificate forged = new LimitCertificate(cert.config(), cert.relativeRadius(), cert.extraHeadOmega(),
        cert.tasks(), cert.offTaskMu(), omegas, Optional.empty());
    List<String> ev = CertificateCheck.summary(forged);
    assertTrue(ev.stream().anyMatch(e -> e.startsWith("off-task dF/domega exactly 0 (first-order neutral): false")),
        ev.toString());
  }
}
