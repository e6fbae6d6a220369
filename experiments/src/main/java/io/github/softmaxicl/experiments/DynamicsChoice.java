package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.Dynamics;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The value of {@code --dynamics}: one kind of dynamics, or all of them where their cost fits the mode. */
public enum DynamicsChoice {
  /** Only the reduced flow. */
  REDUCED,
  /** Only the full-model gradient flow (refused when the full model does not fit the heap). */
  FULL,
  /** Only SGD of the full model (refused when the full model does not fit the heap). */
  SGD,
  /** The reduced flow always; full and SGD only where their cost fits the mode (the job decides). */
  ALL;

  /** Lower-case name as written on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kinds of dynamics this choice may run. */
  public Set<Dynamics> candidates() {
    switch (this) {
      case REDUCED:
        return EnumSet.of(Dynamics.REDUCED);
      case FULL:
        return EnumSet.of(Dynamics.FULL);
      case SGD:
        return EnumSet.of(Dynamics.SGD);
      default:
        return EnumSet.allOf(Dynamics.class);
    }
  }

  /** True if the user asked explicitly for the full model (full or sgd), so it must fit in memory. */
  public boolean requiresFullModel() {
    return this == FULL || this == SGD;
  }
}
