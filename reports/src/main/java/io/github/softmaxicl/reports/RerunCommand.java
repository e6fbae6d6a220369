package io.github.softmaxicl.reports;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.experiments.JobRequest;
import io.github.softmaxicl.experiments.Mode;
import io.github.softmaxicl.experiments.ReproductionJob;
import io.github.softmaxicl.experiments.RunSpec;
import io.github.softmaxicl.numerics.Dynamics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The command that re-runs one verdict, written next to it in the report and in results.json ({@code rerun}):
 * {@code ./reproduce --preset paper --dynamics reduced --claim P2-phases} for a claim of a preset's run,
 * {@code ./reproduce --config my.json --claim P2-phases} for a configuration file's run (the claim picks its
 * dynamics), {@code ./reproduce --claim P4-optimality} for a configuration-independent claim; then
 * {@code --seed N} when the seed was not the default, and {@code --full} for a --full run.
 */
final class RerunCommand {
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._/+=:,@%-]+");

  private RerunCommand() {}

  /** The command for {@code v}, one of the request's verdicts. */
  static String of(JobRequest request, Verdict v) {
    List<String> words = new ArrayList<>(List.of("./reproduce"));
    long seed = request.runs().get(0).seed();
    Match m = ReproductionJob.perRunClaimIds().contains(v.claimId()) ? match(request, v) : null;
    if (m != null) {
      seed = m.spec.seed();
      if (isPreset(m.spec)) {
        words.addAll(List.of("--preset", m.spec.name(), "--dynamics", m.dynamics.id()));
      } else {
        words.addAll(List.of("--config", quote(m.spec.source())));
      }
    }
    return finish(request, words, v.claimId(), seed);
  }

  /**
   * The command that re-runs one claim on every run of {@code row} (its verdicts on this request) at once: each
   * configuration named once ({@code --preset} or {@code --config}), no {@code --dynamics} (the claim picks the
   * dynamics it needs). A configuration-independent claim: {@code ./reproduce --claim ID}.
   */
  static String forClaim(JobRequest request, String claimId, List<Verdict> row) {
    List<String> words = new ArrayList<>(List.of("./reproduce"));
    long seed = request.runs().get(0).seed();
    if (ReproductionJob.perRunClaimIds().contains(claimId)) {
      Set<RunSpec> specs = new LinkedHashSet<>();
      for (Verdict v : row) {
        Match m = match(request, v);
        if (m != null) {
          specs.add(m.spec);
        }
      }
      boolean first = true;
      for (RunSpec s : request.runs()) {
        if (!specs.contains(s)) {
          continue;
        }
        if (first) {
          seed = s.seed();
          first = false;
        }
        words.addAll(isPreset(s) ? List.of("--preset", s.name()) : List.of("--config", quote(s.source())));
      }
    }
    return finish(request, words, claimId, seed);
  }

  private static boolean isPreset(RunSpec spec) {
    return spec.source().equals("preset " + spec.name());
  }

  private static String finish(JobRequest request, List<String> words, String claimId, long seed) {
    words.addAll(List.of("--claim", claimId));
    if (seed != Main.DEFAULT_SEED) {
      words.addAll(List.of("--seed", Long.toString(seed)));
    }
    if (request.mode() == Mode.FULL) {
      words.add("--full");
    }
    return String.join(" ", words);
  }

  /** A configuration and dynamics of the request. */
  private static final class Match {
    final RunSpec spec;
    final Dynamics dynamics;

    Match(RunSpec spec, Dynamics dynamics) {
      this.spec = spec;
      this.dynamics = dynamics;
    }
  }

  /**
   * The configuration and dynamics a verdict's run belongs to: the exact run id first ("paper-sgd"), then the
   * longest run-id prefix ("paper-sgd-second-seed"); null when none matches.
   */
  private static @Nullable Match match(JobRequest request, Verdict v) {
    int best = -1;
    Match found = null;
    for (RunSpec s : request.runs()) {
      for (Dynamics d : Dynamics.values()) {
        String id = s.runId(d);
        int score = v.run().equals(id) ? Integer.MAX_VALUE : v.run().startsWith(id + "-") ? id.length() : -1;
        if (score > best) {
          best = score;
          found = new Match(s, d);
        }
      }
    }
    return found;
  }

  /** A word for a POSIX shell: as it is when safe, else in single quotes. */
  static String quote(String word) {
    if (SHELL_SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
