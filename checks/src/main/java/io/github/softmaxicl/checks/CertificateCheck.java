package io.github.softmaxicl.checks;

import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.LimitCertificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Claim P1-certificate: an interval-arithmetic proof that the closed-form limit is the unique stationary point,
 * and a strict local minimum, of the on-task reduced loss in a small box, with every off-task ∂F/∂μ &gt; 0; and
 * that the reduced flow's computed limit lies in that box ({@link ReducedRunChecks#limitEstimate}). Measured: the
 * largest Krawczyk contraction
 * ({@link LimitCertificate#maxKrawczykContraction}), below the claim's threshold 1 exactly when every Krawczyk
 * image lies inside its box; a value that a refused or wrong certificate moves, unlike the box radius.
 */
public final class CertificateCheck {
  private CertificateCheck() {}

  /** Relative radius of the certified box around the closed form. */
  public static final double RADIUS = Claims.P1_CERTIFICATE_RADIUS;

  /**
   * The values the certificate must cover for the heads that serve no task: they keep the ω they froze at (zero
   * when every head serves a task).
   */
  public static Interval idleOmega(ReducedRun run) {
    var c = run.config();
    double lo = 0;
    double hi = 0;
    for (int h = c.tasks(); h < c.heads(); h++) {
      for (int j = 0; j < c.tasks(); j++) {
        double w = run.finalState().omega(h, j);
        lo = Math.min(lo, w);
        hi = Math.max(hi, w);
      }
    }
    return c.heads() > c.tasks() ? Interval.of(lo, hi) : Interval.ZERO;
  }

  /**
   * The verdict for a run (H ≥ n) on the certificate computed for it, with radius {@link #RADIUS} and the idle
   * heads' {@link #idleOmega}.
   */
  public static Result check(String runId, ReducedRun run, LimitCertificate cert) {
    var c = run.config();
    List<String> ev = summary(cert);
    boolean allocated = Arrays.equals(run.allocation(), identity(c.tasks()));
    // At t_end the serving heads' off-task omega still decay like 1/t and move the on-task mu by their first-order
    // shift (ReducedRunChecks.convergence); the limit the box must hold is the state with that shift removed.
    boolean inside = allocated && cert.encloses(ReducedRunChecks.limitEstimate(run));
    ev.add("reduced flow's limit (the state at t_end = " + run.tEnd() + " with the off-task omega tail's shift of "
        + "the on-task mu removed) inside the certified box: " + inside
        + (allocated ? "" : " (allocation is not head i for task i)"));
    if (!cert.isCertified()) {
      ev.add("certificate refused: " + cert.reason());
    }
    double contraction = cert.maxKrawczykContraction();
    double threshold = Claims.P1_CERTIFICATE.tolerance();
    ev.add(ReducedRunChecks.fmt("largest Krawczyk contraction (how far K(X) reaches towards the box edge, < %.3g "
        + "inside): %.3e", threshold, contraction));
    // The certificate's own rigorous inclusion decides; the contraction is its margin, and must agree with it.
    boolean holds = cert.isCertified() && inside && contraction < threshold;
    Verdict v = Verdicts.of(Claims.P1_CERTIFICATE, runId, holds, contraction, threshold, ev);
    return new Result(v, cert);
  }

  /** A few lines a reviewer can scan; the enclosures themselves are in the {@link LimitCertificate}. */
  static List<String> summary(LimitCertificate cert) {
    List<String> ev = new ArrayList<>();
    ev.add("verdict " + (cert.isCertified() ? "CERTIFIED" : "REFUSED") + (cert.isCertified() ? "" : ": " + cert.reason())
        + "; leading-order reduced loss, outward-rounded interval arithmetic");
    for (LimitCertificate.TaskResult t : cert.tasks()) {
      ev.add(ReducedRunChecks.fmt("task %d (head %d): box widths omega %.2e, mu %.2e; Krawczyk image inside: %s "
          + "(exactly one stationary point); interval Hessian positive definite: %s", t.task() + 1, t.head() + 1,
          t.box().omega().width(), t.box().mu().width(), t.uniqueZero(), t.positiveDefinite()));
    }
    if (!cert.offTaskMu().isEmpty()) {
      ev.add(ReducedRunChecks.fmt("every off-task dF/dmu >= %.6g > 0 over the box: off-task mu decay exponentially",
          cert.minOffTaskMuDerivative()));
    }
    boolean neutral = true;
    double bMin = Double.POSITIVE_INFINITY;
    for (LimitCertificate.OffTaskOmega o : cert.offTaskOmega()) {
      neutral &= o.gradient().isZero();
      if (o.decayCoefficient().isPositive()) {
        bMin = Math.min(bMin, o.decayCoefficient().lo());
      }
    }
    if (!cert.offTaskOmega().isEmpty()) {
      ev.add("off-task dF/domega exactly 0 (first-order neutral): " + neutral + "; second-order: curvature "
          + "(2/n) d_j A_hh > 0 gives d omega/dt ~ -b omega^2, omega ~ 1/(b t)"
          + (Double.isFinite(bMin) ? ReducedRunChecks.fmt(", b >= %.6g", bMin) : "")
          + "; heads serving no task freeze their omega instead");
    }
    return ev;
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /**
   * A verdict with its certificate.
   *
   * @param verdict the claim's verdict
   * @param certificate the interval certificate behind it
   */
  public record Result(Verdict verdict, LimitCertificate certificate) {}
}
