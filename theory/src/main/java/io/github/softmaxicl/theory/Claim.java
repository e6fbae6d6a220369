package io.github.softmaxicl.theory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One claim of MODEL.md (P1..P7, with a suffix for sub-claims) as a value: what is asserted, under which
 * hypotheses, to what tolerance and why that tolerance.
 *
 * <p>Per-run claims carry their hypotheses as predicates on the run's {@link Instance}; where one fails the claim
 * is not applicable to that run (its check says which and why, and never passes or fails it). Claims about a
 * fixed protocol (sweeps, ladders) have no predicates: {@code scope} says what they run on.
 *
 * @param id e.g. {@code "P1-convergence"}
 * @param paperClaim the abstract-level claim of the paper it checks (MODEL.md's table), e.g. {@code "P1"}
 * @param statement the claim in plain words, as checked here
 * @param scope what else the check assumes or runs on, in words (the model, a protocol)
 * @param tolerance the numerical tolerance (its meaning is given by {@code budget})
 * @param budget how the tolerance is derived (its error budget)
 * @param provenance reconstruction or interval certificate
 * @param predicates the hypotheses as predicates on a run (empty for protocol claims)
 */
public record Claim(String id, String paperClaim, String statement, String scope, double tolerance,
    String budget, Provenance provenance, List<Hypothesis> predicates) {
  /** Validates the fields. */
  public Claim {
    Objects.requireNonNull(id);
    Objects.requireNonNull(statement);
    Objects.requireNonNull(scope);
    predicates = List.copyOf(predicates);
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("claim " + id + ": tolerance must be finite and >= 0");
    }
  }

  /** A claim about a fixed protocol, without predicates. */
  public Claim(String id, String paperClaim, String statement, String scope, double tolerance, String budget,
      Provenance provenance) {
    this(id, paperClaim, statement, scope, tolerance, budget, provenance, List.of());
  }

  /** The hypotheses in words: each predicate's name, then the scope. */
  public String hypotheses() {
    StringBuilder sb = new StringBuilder();
    for (Hypothesis h : predicates) {
      sb.append(h.name()).append("; ");
    }
    return sb.append(scope).toString();
  }

  /** Empty if every hypothesis holds on {@code instance}, else the first that fails, with the value that breaks it. */
  public Optional<String> notApplicableBecause(Instance instance) {
    for (Hypothesis h : predicates) {
      Optional<String> v = h.violation(instance);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }
}
