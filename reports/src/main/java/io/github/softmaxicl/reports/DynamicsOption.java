package io.github.softmaxicl.reports;

import io.github.softmaxicl.numerics.Dynamics;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;
import picocli.CommandLine;

/**
 * The value of {@code --dynamics}: the kinds of dynamics to run, {@code all} meaning every kind (the job then
 * runs full and SGD only where their cost fits the mode). A holder rather than a bare {@code Set}, because
 * picocli makes a collection-typed option repeatable and this option takes exactly one word.
 *
 * @param kinds the kinds asked for, not empty
 */
record DynamicsOption(Set<Dynamics> kinds) {
  /** The command-line word for every kind of dynamics. */
  static final String ALL = "all";

  /** Copies the set into an unmodifiable enum set. */
  DynamicsOption {
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("--dynamics needs at least one kind");
    }
    kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
  }

  /** Every kind of dynamics (the default). */
  static DynamicsOption all() {
    return new DynamicsOption(EnumSet.allOf(Dynamics.class));
  }

  /**
   * True if the user asked only for full-model dynamics (full or sgd), which must then fit in memory; with
   * {@code all} the job skips what does not fit instead.
   */
  boolean requiresFullModel() {
    return !kinds.contains(Dynamics.REDUCED);
  }

  /** The command-line word of a set of kinds: {@code all}, a single kind's id, or the ids joined by '+'. */
  static String text(Set<Dynamics> kinds) {
    if (kinds.containsAll(EnumSet.allOf(Dynamics.class))) {
      return ALL;
    }
    StringJoiner j = new StringJoiner("+");
    for (Dynamics d : EnumSet.copyOf(kinds)) {
      j.add(d.id());
    }
    return j.toString();
  }

  /** Converts --dynamics values, lower case only. */
  static final class Converter implements CommandLine.ITypeConverter<DynamicsOption> {
    @Override
    public DynamicsOption convert(String value) {
      if (ALL.equals(value)) {
        return all();
      }
      for (Dynamics d : Dynamics.values()) {
        if (d.id().equals(value)) {
          return new DynamicsOption(EnumSet.of(d));
        }
      }
      throw new CommandLine.TypeConversionException("must be one of reduced, full, sgd, all (got '" + value + "')");
    }
  }
}
