package io.github.softmaxicl.theory.interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step (a) of the limit proof ({@link LimitProof}) for one task: in the box {@code X_i} the gradient of the on-task
 * loss {@code L_i} ({@link OnTaskLoss}) has exactly one zero (the Krawczyk image lies in the interior of
 * {@code X_i}, {@link Krawczyk}), and the interval Hessian of {@code L_i} over {@code X_i} is positive definite, so
 * that zero is the unique minimiser of {@code L_i} there. Reduced model (reconstruction).
 */
final class OnTaskProof {
  private OnTaskProof() {}

  /**
   * The step's result with the reasons it failed (empty if it succeeded).
   *
   * @param result what was enclosed and proved
   * @param failures why a condition could not be proved
   */
  record Outcome(LimitCertificate.TaskResult result, List<String> failures) {
    Outcome {
      failures = List.copyOf(failures);
    }
  }

  /** Attempts step (a) for task {@code task} (served by head {@code task}) in {@code box}. */
  static Outcome prove(OnTaskLoss loss, int task, TaskBox box) {
    List<String> failures = new ArrayList<>();
    TaskBox closed = new TaskBox(loss.omegaStar(), loss.muStar());
    Optional<TaskBox> image = Optional.empty();
    Optional<SymmetricIntervalMatrix2> hessian = Optional.empty();
    boolean unique = false;
    boolean pd = false;
    try {
      TaskBox k = Krawczyk.image(loss, box);
      image = Optional.of(k);
      unique = box.containsInInterior(k);
      if (!unique) {
        failures.add("Krawczyk image not inside box for task " + task + " (K = " + k + "; X = " + box + ")");
      }
    } catch (ArithmeticException e) {
      failures.add("Krawczyk operator not evaluable for task " + task + ": " + e.getMessage());
    }
    try {
      SymmetricIntervalMatrix2 hs = loss.hessian(box);
      hessian = Optional.of(hs);
      pd = hs.isPositiveDefinite();
      if (!pd) {
        failures.add("Hessian enclosure not positive definite for task " + task + " (d2/domega2 " + hs.ww()
            + ", det " + hs.determinant() + ")");
      }
    } catch (ArithmeticException e) {
      failures.add("Hessian not evaluable for task " + task + ": " + e.getMessage());
    }
    return new Outcome(new LimitCertificate.TaskResult(task, task, box, closed, image, hessian, unique, pd),
        failures);
  }
}
