package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.LimitCertificate;
import io.github.softmaxicl.theory.interval.LimitProof;
import io.github.softmaxicl.theory.interval.TaskBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CertificateCheck} fed a computed certificate, a certificate that does not belong to the run, a box that
 * is not certified, and a certificate that claims a Krawczyk image it does not have.
 */
class CertificateCheckTest {
  private static ReducedRun small;

  @BeforeAll
  static void runSmall() {
    small = run(Preset.SMALL);
  }

  private static ReducedRun run(Preset p) {
    return ReducedFlowRunner.run(p.config(), p.initialState(), p.defaultTEnd(), ReducedFlowOptions.defaults());
  }

  private static Verdict check(LimitCertificate cert) {
    return CertificateCheck.check("small", small, cert).verdict();
  }

  @Test
  void theRunsOwnCertificatePasses() {
    LimitCertificate cert = LimitProof.certify(small.config(), CertificateCheck.RADIUS,
        CertificateCheck.idleOmega(small));
    Verdict v = check(cert);
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    // The measured contraction is the certificate's margin, O(radius) for a correct operator: not a constant.
    assertTrue(v.measured() >= 0 && v.measured() < 1e-3, "contraction " + v.measured());
    assertEquals(1.0, v.threshold());
    Verdict wider = check(LimitProof.certify(small.config(), 1e-4, CertificateCheck.idleOmega(small)));
    assertEquals(Verdict.Status.PASS, wider.status(), wider.evidence().toString());
    assertTrue(wider.measured() > v.measured(), "a wider box lies less deep: " + wider.measured() + " vs "
        + v.measured());
  }

  @Test
  void anotherConfigurationsCertificateFails() {
    ReducedRun paper = run(Preset.PAPER);
    LimitCertificate foreign = LimitProof.certify(paper.config(), CertificateCheck.RADIUS,
        CertificateCheck.idleOmega(paper));
    Verdict v = CertificateCheck.check("small", small, foreign).verdict();
    assertEquals(Verdict.Status.FAIL, v.status(), "a limit outside the certified box must fail: " + v.evidence());
  }

  /** At relative radius 0.9 the box reaches where the loss is not convex: refused, contraction above 1. */
  @Test
  void aBoxThatIsNotCertifiedFails() {
    LimitCertificate refused = LimitProof.certify(small.config(), 0.9, CertificateCheck.idleOmega(small));
    Verdict v = check(refused);
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    assertTrue(v.measured() >= 1, "contraction " + v.measured());
  }

  /**
   * A certificate that says "certified" while one task's Krawczyk image leaves its box (as a broken operator or a
   * broken inclusion test would produce): the contraction exposes it and the verdict fails.
   */
  @Test
  void aCertificateWhoseImageLeavesTheBoxFailsWhateverItsFlag() {
    LimitCertificate cert = LimitProof.certify(small.config(), CertificateCheck.RADIUS,
        CertificateCheck.idleOmega(small));
    List<LimitCertificate.TaskResult> tasks = new ArrayList<>(cert.tasks());
    LimitCertificate.TaskResult t = tasks.get(0);
    TaskBox b = t.box();
    TaskBox outside = new TaskBox(Interval.around(b.omega().midpoint(), 2 * b.omega().width()),
        Interval.around(b.mu().midpoint(), 2 * b.mu().width()));
    tasks.set(0, new LimitCertificate.TaskResult(t.task(), t.head(), b, t.closedForm(), Optional.of(outside),
        t.hessian(), true, true));
    LimitCertificate forged = new LimitCertificate(cert.config(), cert.relativeRadius(), cert.extraHeadOmega(), tasks,
        cert.offTaskMu(), cert.offTaskOmega(), Optional.empty());
    Verdict v = check(forged);
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    assertTrue(v.measured() > 1, "contraction " + v.measured());
  }
}
