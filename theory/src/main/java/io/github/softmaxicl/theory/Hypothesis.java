package io.github.softmaxicl.theory;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One hypothesis of a claim as a checkable predicate on an {@link Instance}. Where it fails the claim's verdict is
 * {@code not-applicable}, with the reason this predicate gives: the hypothesis and the value that breaks it.
 *
 * @param name short form, e.g. {@code "H >= n"}
 * @param why why the claim needs it, in words
 * @param test empty if the hypothesis holds on the instance, else the value that breaks it
 */
public record Hypothesis(String name, String why, Function<Instance, Optional<String>> test) {
  /** Validates the fields. */
  public Hypothesis {
    Objects.requireNonNull(name);
    Objects.requireNonNull(why);
    Objects.requireNonNull(test);
  }

  /** Empty if the hypothesis holds on {@code instance}, else "name fails: value". */
  public Optional<String> violation(Instance instance) {
    return test.apply(instance).map(v -> "hypothesis '" + name + "' fails: " + v);
  }
}
