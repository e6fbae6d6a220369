package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.Dynamics;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a {@link Job} needs, resolved and validated by the command line.
 *
 * @param runs the configurations to run, in the order given (presets first, then the configuration file)
 * @param dynamics the kinds of dynamics that may run, not empty (with every kind, full and SGD run only where
 *     their cost fits the mode)
 * @param mode quick (CI-sized) or full (paper-sized)
 * @param threads worker threads, ≥ 1 (results must not depend on it)
 * @param commandLine the arguments as given, for the reproducibility table
 * @param claims the ids of the claims to check (registered in {@code Claims}); empty: no selection, every
 *     experiment the dynamics allow runs. With a selection only the experiments declaring one of these claims run,
 *     and only their verdicts on these claims are kept (their runs and plots stay)
 */
public record JobRequest(List<RunSpec> runs, Set<Dynamics> dynamics, Mode mode, int threads,
    List<String> commandLine, Set<String> claims) {

  /** Validates and copies the lists. */
  public JobRequest {
    runs = List.copyOf(runs);
    if (dynamics.isEmpty()) {
      throw new IllegalArgumentException("a job request needs at least one kind of dynamics");
    }
    dynamics = Collections.unmodifiableSet(EnumSet.copyOf(dynamics));
    Objects.requireNonNull(mode);
    commandLine = List.copyOf(commandLine);
    claims = Collections.unmodifiableSet(new LinkedHashSet<>(claims));
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a job request needs at least one run");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
  }

  /** A request without a claim selection: every experiment the dynamics allow runs. */
  public JobRequest(List<RunSpec> runs, Set<Dynamics> dynamics, Mode mode, int threads, List<String> commandLine) {
    this(runs, dynamics, mode, threads, commandLine, Set.of());
  }

  /** True if the request checks this claim (always, without a selection). */
  public boolean selects(String claimId) {
    return claims.isEmpty() || claims.contains(claimId);
  }
}
