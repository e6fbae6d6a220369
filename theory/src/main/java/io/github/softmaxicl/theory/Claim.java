package io.github.softmaxicl.theory;

import java.util.Objects;

/**
 * One claim of MODEL.md (P1..P7, with a suffix for sub-claims) as a value: what is asserted, under which
 * hypotheses, to what tolerance and why that tolerance.
 *
 * @param id e.g. {@code "P1-convergence"}
 * @param paperClaim the abstract-level claim of the paper it checks (MODEL.md's table), e.g. {@code "P1"}
 * @param statement the claim in plain words, as checked here
 * @param hypotheses what the configuration must satisfy for the check to apply
 * @param tolerance the numerical tolerance (its meaning is given by {@code budget})
 * @param budget how the tolerance is derived (its error budget)
 * @param provenance reconstruction or interval certificate
 */
public record Claim(String id, String paperClaim, String statement, String hypotheses, double tolerance,
    String budget, Provenance provenance) {
  /** Validates the fields. */
  public Claim {
    Objects.requireNonNull(id);
    Objects.requireNonNull(statement);
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("claim " + id + ": tolerance must be finite and >= 0");
    }
  }
}
