package io.github.softmaxicl.reports;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.experiments.JobRequest;
import io.github.softmaxicl.experiments.Mode;
import io.github.softmaxicl.experiments.ReproductionJob;
import io.github.softmaxicl.experiments.RunSpec;
import io.github.softmaxicl.numerics.Dynamics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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
    RunSpec spec = null;
    Dynamics dynamics = null;
    Set<String> perRun = ReproductionJob.perRunClaimIds();
    if (perRun.contains(v.claimId())) {
      // The exact run id first ("paper-sgd"), then the longest run-id prefix ("paper-sgd-second-seed").
      int best = -1;
      for (RunSpec s : request.runs()) {
        for (Dynamics d : Dynamics.values()) {
          String id = s.runId(d);
          int score = v.run().equals(id) ? Integer.MAX_VALUE : v.run().startsWith(id + "-") ? id.length() : -1;
          if (score > best) {
            best = score;
            spec = s;
            dynamics = d;
          }
        }
      }
    }
    if (spec != null && dynamics != null) {
      seed = spec.seed();
      if (spec.source().equals("preset " + spec.name())) {
        words.addAll(List.of("--preset", spec.name(), "--dynamics", dynamics.id()));
      } else {
        words.addAll(List.of("--config", quote(spec.source())));
      }
    }
    words.addAll(List.of("--claim", v.claimId()));
    if (seed != Main.DEFAULT_SEED) {
      words.addAll(List.of("--seed", Long.toString(seed)));
    }
    if (request.mode() == Mode.FULL) {
      words.add("--full");
    }
    return String.join(" ", words);
  }

  /** A word for a POSIX shell: as it is when safe, else in single quotes. */
  static String quote(String word) {
    if (SHELL_SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
