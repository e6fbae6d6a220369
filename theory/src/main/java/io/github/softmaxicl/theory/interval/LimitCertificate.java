package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.List;
import java.util.Optional;

/**
 * The result of the limit proof of {@link LimitProof} (what it proves is stated there): the boxes and every
 * enclosure computed, and either certified (no refusal) or not certified with the reason. A refused certificate
 * claims nothing. Verdicts and their provenance are built from the registered claim by the checks module, not
 * here. Immutable.
 *
 * @param config the configuration
 * @param relativeRadius relative radius of the box, NaN if the boxes were given explicitly
 * @param extraHeadOmega the interval allowed for the ω of heads serving no task
 * @param tasks per-task results, ordered by task
 * @param offTaskMu off-task μ derivative enclosures (empty if the on-task part was refused)
 * @param offTaskOmega off-task ω gradient and curvature enclosures (empty if the on-task part was refused)
 * @param refusal why some condition could not be proved; empty if certified
 */
public record LimitCertificate(ProblemConfig config, double relativeRadius, Interval extraHeadOmega,
    List<TaskResult> tasks, List<OffTaskMu> offTaskMu, List<OffTaskOmega> offTaskOmega, Optional<String> refusal) {

  /** Copies the lists. */
  public LimitCertificate {
    tasks = List.copyOf(tasks);
    offTaskMu = List.copyOf(offTaskMu);
    offTaskOmega = List.copyOf(offTaskOmega);
  }

  /**
   * The on-task part of one task.
   *
   * @param task task i (0-based)
   * @param head the serving head h(i) = i
   * @param box the box X_i
   * @param closedForm enclosure of the closed form (ω_i*, μ_i*)
   * @param krawczykImage K(X_i), empty if it could not be evaluated
   * @param hessian enclosure of the Hessian of L_i over X_i (F's is 1/n times it), empty if not evaluated
   * @param uniqueZero true if K(X_i) ⊂ interior(X_i)
   * @param positiveDefinite true if the Hessian enclosure is positive definite
   */
  public record TaskResult(int task, int head, TaskBox box, TaskBox closedForm, Optional<TaskBox> krawczykImage,
      Optional<SymmetricIntervalMatrix2> hessian, boolean uniqueZero, boolean positiveDefinite) {

    /** The tightest certified enclosure of the stationary point: X_i ∩ K(X_i), or X_i if K is unavailable. */
    public TaskBox zeroEnclosure() {
      if (krawczykImage.isEmpty()) {
        return box;
      }
      TaskBox k = krawczykImage.get();
      Optional<Interval> w = box.omega().intersection(k.omega());
      Optional<Interval> m = box.mu().intersection(k.mu());
      return new TaskBox(w.orElse(box.omega()), m.orElse(box.mu()));
    }

    /**
     * {@link Krawczyk#contraction} of K(X_i) in X_i: below 1 when the image lies inside the box, the smaller the
     * deeper; NaN if the image could not be evaluated.
     */
    public double krawczykContraction() {
      return krawczykImage.map(k -> Krawczyk.contraction(box, k)).orElse(Double.NaN);
    }
  }

  /**
   * Enclosure of {@code ∂F/∂μ_i^h} over the box for an off-task pair.
   *
   * @param head h
   * @param task i, with h ≠ h(i)
   * @param derivative its enclosure; certified if its lower bound is &gt; 0
   */
  public record OffTaskMu(int head, int task, Interval derivative) {}

  /**
   * Off-task ω of a head: gradient and curvature at the limit, enclosed over the box.
   *
   * @param head h
   * @param task j, with h ≠ h(j)
   * @param gradient enclosure of {@code ∂F/∂ω_j^h}; certified if it is exactly [0, 0]
   * @param curvature enclosure of {@code ∂²F/∂(ω_j^h)²} = (2/n) d_j A_hh
   * @param decayCoefficient enclosure of {@code b = 4 A_hh / (n √D)} in {@code ω_j^h(t) ≈ 1/(b t)}; [0, 0] for a
   *     head serving no task (its ω freeze instead)
   */
  public record OffTaskOmega(int head, int task, Interval gradient, Interval curvature, Interval decayCoefficient) {}

  /** True if every condition was proved. */
  public boolean isCertified() {
    return refusal.isEmpty();
  }

  /** Why the certificate was refused; empty if certified. */
  public String reason() {
    return refusal.orElse("");
  }

  /** The same result, refused for {@code reason} (used to explain a failed radius search). */
  LimitCertificate refusedBecause(String reason) {
    return new LimitCertificate(config, relativeRadius, extraHeadOmega, tasks, offTaskMu, offTaskOmega,
        Optional.of(reason));
  }

  /** The smallest positive lower bound of the off-task {@code ∂F/∂μ} enclosures (NaN if there are none). */
  public double minOffTaskMuDerivative() {
    double min = Double.NaN;
    for (OffTaskMu o : offTaskMu) {
      min = Double.isNaN(min) ? o.derivative().lo() : Math.min(min, o.derivative().lo());
    }
    return min;
  }

  /**
   * The largest {@link TaskResult#krawczykContraction} over the tasks: below 1 when every Krawczyk image lies inside
   * its box. NaN if some image could not be evaluated, or there are no tasks.
   */
  public double maxKrawczykContraction() {
    double max = Double.NaN;
    for (TaskResult t : tasks) {
      double q = t.krawczykContraction();
      if (Double.isNaN(q)) {
        return Double.NaN;
      }
      max = Double.isNaN(max) ? q : Math.max(max, q);
    }
    return max;
  }

  /**
   * True if the state's on-task variables {@code (ω_i^{h(i)}, μ_i^{h(i)})} lie in the certified boxes, for a state
   * of this configuration's shape. Off-task entries are not part of the box: at any finite time they are non-zero
   * (μ decays exponentially, ω of serving heads like 1/t, ω of heads serving no task freeze); callers bound them
   * separately. A refused certificate encloses nothing.
   */
  public boolean encloses(SpectralState state) {
    if (!isCertified() || !state.hasShape(config.heads(), config.tasks())) {
      return false;
    }
    for (TaskResult t : tasks) {
      if (!t.box().contains(state.omega(t.head(), t.task()), state.mu(t.head(), t.task()))) {
        return false;
      }
    }
    return true;
  }
}
