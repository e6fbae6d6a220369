package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.interval.LimitCertificate;
import io.github.softmaxicl.theory.interval.LimitProof;
import org.junit.jupiter.api.Test;

/** {@link CertificateCheck} fed a computed certificate, and a certificate that does not belong to the run. */
class CertificateCheckTest {
  private static ReducedRun run(Preset p) {
    return ReducedFlowRunner.run(p.config(), p.initialState(), p.defaultTEnd(), ReducedFlowOptions.defaults());
  }

  @Test
  void theRunsOwnCertificatePasses() {
    ReducedRun small = run(Preset.SMALL);
    LimitCertificate cert = LimitProof.certify(small.config(), CertificateCheck.RADIUS,
        CertificateCheck.idleOmega(small));
    Verdict v = CertificateCheck.check("small", small, cert).verdict();
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
  }

  @Test
  void anotherConfigurationsCertificateFails() {
    ReducedRun small = run(Preset.SMALL);
    ReducedRun paper = run(Preset.PAPER);
    LimitCertificate foreign = LimitProof.certify(paper.config(), CertificateCheck.RADIUS,
        CertificateCheck.idleOmega(paper));
    Verdict v = CertificateCheck.check("small", small, foreign).verdict();
    assertEquals(Verdict.Status.FAIL, v.status(), "a limit outside the certified box must fail: " + v.evidence());
  }
}
