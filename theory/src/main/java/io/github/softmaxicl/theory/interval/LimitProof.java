package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A computer-assisted proof, in outward-rounded interval arithmetic, about the one-head-per-task limit of the
 * leading-order reduced loss {@code F} of MODEL.md §4 (reduced model, reconstruction). Allocation {@code h(i) = i}
 * (the paper init's), so it needs {@code H ≥ n}; heads {@code h ≥ n} serve no task.
 *
 * <p>What a certified {@link LimitCertificate} proves, for an explicit box {@code X = Π_i X_i},
 * {@code X_i = Ω_i × M_i} around the closed form {@code (ω_i*, μ_i*) = (1/√d_i, √d_i/(1 + e κ_i d_i))}:
 * <ol>
 *   <li><b>(a) unique strict local minimum.</b> On the set where every off-task ω and μ is 0, {@code F} separates
 *       into {@code (1/n) Σ_i L_i(ω_i, μ_i)} ({@link OnTaskLoss}). For every task the Krawczyk image lies in the
 *       interior of {@code X_i}, so {@code ∇L_i} has exactly one zero in {@code X_i} ({@link Krawczyk}); and the
 *       interval Hessian of {@code L_i} over {@code X_i} is positive definite (diagonal and determinant
 *       intervals &gt; 0), so {@code L_i} is strictly convex on {@code X_i} and that zero is its unique minimiser
 *       there, a strict local minimum of {@code F} restricted to the on-task variables.</li>
 *   <li><b>(b) off-task μ are pushed to 0.</b> Over the whole box, for every task i and every head
 *       {@code h ≠ h(i)}, the enclosure of {@code ∂F/∂μ_i^h} (full MODEL.md §4 formula, evaluated by
 *       {@link LeadingOrderFormula} with off-task μ = 0, off-task ω of serving heads = 0, and the ω of heads
 *       serving no task in a given interval) is strictly positive. With off-task ω = 0 it equals
 *       {@code (2/n)(c_i/L) E_{h,h(i)} μ_i^{h(i)}}, {@code E = 1}. In the balanced flow
 *       {@code dμ/dt = −2|μ| ∂F/∂μ} a positive off-task μ therefore decays exponentially. For a head serving no
 *       task whose ω have frozen at {@code ω̄_i} (see below), {@code ∂F/∂μ_i^h} at the limit is
 *       {@code (2 e s² d_i^{3/2} κ_i / (n (1 + e κ_i d_i))) (e^{x−1} − x)} with {@code x = √d_i ω̄_i}, and
 *       {@code e^{x−1} ≥ x} with equality only at {@code x = 1}: positive unless {@code ω̄_i = ω_i*} exactly (the
 *       head a copy of the serving one), which is why an enclosure of the extra heads' ω that reaches
 *       {@code ω_i*} is refused.</li>
 *   <li><b>Off-task ω: first-order neutral, decay like 1/t.</b> At the limit {@code ∂F/∂ω_j^h = 0} exactly for
 *       {@code h ≠ h(j)} (enclosed by {@code [0, 0]}): its signal term carries {@code μ_j^h = 0}, its variance
 *       term {@code Σ_{h'} A_{hh'} ω_j^{h'}} has {@code ω_j^h = 0} and {@code A_{hh'} = 0} for {@code h' ≠ h}
 *       (two different heads share no task with non-zero μ). The decisive second-order fact is the curvature
 *       {@code ∂²F/∂(ω_j^h)² = (2/n) d_j A_{hh}}, {@code A_{hh} = (c_h/L)(μ_h*)² e} for the head {@code h}
 *       serving task {@code h}: it is built from the head's <em>own on-task</em> μ, which does not decay, so it
 *       is a positive constant (enclosed here). Near the limit {@code ∂F/∂ω_j^h ≈ (2/n) d_j A_{hh} ω_j^h} plus a
 *       term {@code ∝ μ_j^h} that decays exponentially, and the balanced flow's factor {@code |ω|} makes it
 *       quadratic: {@code dω/dt ≈ −b ω²}, {@code b = 4 A_{hh}/(n √D)}, so {@code ω_j^h(t) ≈ 1/(b t)}: decay
 *       like 1/t, with a computable constant. It is not {@code O(ω μ_off²)} (that would freeze ω, not decay it).
 *       For a head serving <em>no</em> task, {@code A_{hh}} is built from its own decaying μ, the rate
 *       {@code d log ω/dt} is integrable and its ω converge to non-zero values: they do not tend to 0.</li>
 * </ol>
 *
 * <p>The box radius is relative: {@code Ω_i = ω_i*(1 ± r)}, {@code M_i = μ_i*(1 ± r)}; {@link RadiusSearch} scans
 * a ladder of radii. Step (a) is {@link OnTaskProof}, step (b) and the off-task ω facts are {@link OffTaskProof};
 * this class builds the boxes, runs the steps and assembles the result.
 */
public final class LimitProof {
  private LimitProof() {}

  /**
   * Certifies the limit in the box of relative radius {@code relativeRadius} around the closed form, with the
   * ω of heads serving no task at 0.
   *
   * @throws IllegalArgumentException if the radius is not in (0, 1)
   */
  public static LimitCertificate certify(ProblemConfig config, double relativeRadius) {
    return certify(config, relativeRadius, Interval.ZERO);
  }

  /**
   * As {@link #certify(ProblemConfig, double)}, with every ω of the heads serving no task ({@code h ≥ n}) anywhere
   * in {@code extraHeadOmega} (their values at the limit depend on the path; see the class comment).
   */
  public static LimitCertificate certify(ProblemConfig config, double relativeRadius, Interval extraHeadOmega) {
    if (!(relativeRadius > 0 && relativeRadius < 1)) {
      throw new IllegalArgumentException("relative radius must be in (0, 1) (got " + relativeRadius + ")");
    }
    List<TaskBox> boxes = new ArrayList<>();
    for (int i = 0; i < config.tasks(); i++) {
      OnTaskLoss t = OnTaskLoss.of(config, i);
      double w = t.omegaStarApprox();
      double m = t.muStarApprox();
      boxes.add(TaskBox.around(w, relativeRadius * w, m, relativeRadius * m));
    }
    return certify(config, boxes, relativeRadius, extraHeadOmega);
  }

  /**
   * Certifies the limit in explicitly given per-task boxes (one per task, ordered by task), e.g. to test a box
   * around a wrong centre. The relative radius recorded is NaN.
   */
  public static LimitCertificate certify(ProblemConfig config, List<TaskBox> boxes, Interval extraHeadOmega) {
    return certify(config, boxes, Double.NaN, extraHeadOmega);
  }

  private static LimitCertificate certify(ProblemConfig config, List<TaskBox> boxes, double radius,
      Interval extraHeadOmega) {
    int n = config.tasks();
    int heads = config.heads();
    if (boxes.size() != n) {
      throw new IllegalArgumentException("need one box per task: " + n + " (got " + boxes.size() + ")");
    }
    List<LimitCertificate.TaskResult> results = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    if (heads < n) {
      failures.add("H = " + heads + " < n = " + n + ": no one-head-per-task allocation");
    }
    for (int i = 0; i < n; i++) {
      OnTaskProof.Outcome a = OnTaskProof.prove(OnTaskLoss.of(config, i), i, boxes.get(i));
      results.add(a.result());
      failures.addAll(a.failures());
    }
    List<LimitCertificate.OffTaskMu> mus = List.of();
    List<LimitCertificate.OffTaskOmega> omegas = List.of();
    // The off-task step presumes the on-task boxes: without them its enclosures would mean nothing.
    if (heads >= n && failures.isEmpty()) {
      try {
        OffTaskProof.Outcome b = OffTaskProof.prove(config, boxes, extraHeadOmega);
        mus = b.offTaskMu();
        omegas = b.offTaskOmega();
        failures.addAll(b.failures());
      } catch (ArithmeticException e) {
        failures.add("off-task derivatives not evaluable: " + e.getMessage());
      }
    }
    Optional<String> refusal = failures.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", failures));
    return new LimitCertificate(config, radius, extraHeadOmega, results, mus, omegas, refusal);
  }
}
