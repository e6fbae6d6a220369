package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.checks.CertificateCheck;
import io.github.softmaxicl.checks.ReducedRunChecks;
import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.interval.LimitCertificate;
import io.github.softmaxicl.theory.interval.LimitProof;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-run claims of the reduced flow (P1-convergence, P1-off-task, P2-phases, P2-emergence, P2-inclination,
 * P3-allocation, P7-saturation), the interval certificate of the limit (P1-certificate) and the validated tube's
 * half-signal, t_w and t_e enclosures (P2-proof) and certified allocation (P3-proof) from one tube, where
 * {@link Settings#provesPhases} says: integrates the reduced flow from the
 * paper init ({@link ReducedInstanceRun}), computes the certificate and the tube ({@link HalfSignalProof});
 * {@link ReducedRunChecks}, {@link CertificateCheck} and {@code HalfSignalProofCheck} give the verdicts,
 * not-applicable where a claim's hypothesis fails.
 */
public final class ReducedRunsExperiment implements PerRunExperiment {
  /**
   * Typical wall time in quick mode on the default job (all presets; here the three presets' reduced flows and certificates), seconds: measured on the machine
   * of {@link ReproductionJob#TYPICAL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_QUICK_SECONDS = 1.7;

  /**
   * Typical wall time with {@code --full} on the default job, seconds, measured on the machine of {@link
   * ReproductionJob#TYPICAL_FULL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_FULL_SECONDS = 33.0;

  @Override
  public Outcome runOne(RunSpec spec, Settings settings, Context context) {
    ProgressSink progress = context.progress();
    String id = spec.runId(Dynamics.REDUCED);
    ProblemConfig c = spec.config();
    SpectralState init = Initialisations.paper(c, spec.initScale());
    progress.message(id + ": reduced flow to t = " + spec.tEnd());
    ReducedInstanceRun.Result result;
    try {
      result = ReducedInstanceRun.run(id, c, init, spec.tEnd(),
          (t, loss) -> progress.progress(id, t, spec.tEnd(), loss), false);
    } catch (ReducedFlowFailure e) {
      progress.message(id + ": numerical failure: " + e.getMessage());
      return new Outcome(List.of(), Failures.errors(claims(), id, String.valueOf(e.getMessage())), List.of());
    }
    ReducedRun run = result.run().orElseThrow();
    progress.progress(id, run.tEnd(), run.tEnd(), run.fFinal());
    Outcome.Collector out = new Outcome.Collector().run(RunRecords.reduced(spec, run)).verdicts(result.verdicts());
    java.util.Optional<String> na = Claims.P1_CERTIFICATE.notApplicableBecause(result.instance());
    if (na.isPresent()) {
      out.verdict(io.github.softmaxicl.checks.Verdicts.notApplicable(Claims.P1_CERTIFICATE, id, na.get()));
    } else {
      out.verdict(Failures.guard(Claims.P1_CERTIFICATE, id, () -> CertificateCheck.check(id, run,
          LimitProof.certify(c, CertificateCheck.RADIUS, CertificateCheck.idleOmega(run))).verdict()));
    }
    if (settings.provesPhases(spec, context.selectedClaims())) {
      // One tube for both proofs: the integration is the cost (seconds to minutes), the checks are milliseconds.
      List<Claim> applicable = new ArrayList<>();
      for (Claim proof : List.of(Claims.P1_PROOF, Claims.P2_PROOF, Claims.P3_PROOF)) {
        java.util.Optional<String> naProof = proof.notApplicableBecause(result.instance());
        if (naProof.isPresent()) {
          out.verdict(io.github.softmaxicl.checks.Verdicts.notApplicable(proof, id, naProof.get()));
        } else {
          applicable.add(proof);
        }
      }
      if (!applicable.isEmpty()) {
        progress.message(id + ": validated integration of the reduced flow to past t_e (P1-proof, P2-proof, "
            + "P3-proof)");
        out.add(HalfSignalProof.prove(id, run, applicable));
      }
    } else {
      progress.message(id + ": P1-proof, P2-proof and P3-proof skipped: the validated integration runs on small in "
          + "quick mode, on every configuration with --full or --claim " + Claims.P1_PROOF.id() + " / "
          + Claims.P2_PROOF.id() + " / " + Claims.P3_PROOF.id());
    }
    return out.outcome();
  }

  /** Every claim a reduced run is checked against, in the order of its verdicts (the same for every run). */
  @Override
  public List<Claim> claims() {
    List<Claim> all = new ArrayList<>(ReducedRunChecks.claims());
    all.add(Claims.P1_CERTIFICATE);
    all.add(Claims.P1_PROOF);
    all.add(Claims.P2_PROOF);
    all.add(Claims.P3_PROOF);
    return all;
  }

  @Override
  public double typicalQuickSeconds() {
    return TYPICAL_QUICK_SECONDS;
  }

  @Override
  public double typicalFullSeconds() {
    return TYPICAL_FULL_SECONDS;
  }
}
