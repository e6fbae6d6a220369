package io.github.softmaxicl.checks;

import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The per-run claims as a property over configurations (claim P1-P3-P7-configurations; reduced model
 * (reconstruction)): seeded random configurations with unequal blocks, H ≥ n, σ &gt; 0 and a range of L, at the
 * paper init, on which every per-run claim must pass or be not-applicable; and, on purpose, cases that break a
 * hypothesis (H &lt; n, one head favoured by two tasks), on which every per-run claim must be not-applicable.
 */
public final class ConfigurationProperty {
  private ConfigurationProperty() {}

  /** The σ values drawn. */
  static final double[] SIGMAS = {0.0, 0.3, 1.0};

  /** How a case breaks the per-run claims' hypotheses on purpose. */
  public enum Breaks {
    /** A valid case: every hypothesis of the paper init holds. */
    NOTHING,
    /** H = n − 1 &lt; n. */
    TOO_FEW_HEADS,
    /** Head 1 is the favourite of tasks 1 and 2 (μ(0) of head 1 on task 2 raised to the favourite's value). */
    SHARED_FAVOURITE
  }

  /**
   * One case.
   *
   * @param seed the seed it was drawn from (print it with any failure)
   * @param config the configuration
   * @param init the start
   * @param breaks which hypothesis it breaks on purpose
   */
  public record Case(long seed, ProblemConfig config, SpectralState init, Breaks breaks) {
    @Override
    public String toString() {
      return "seed " + seed + ": " + describe(config) + (breaks == Breaks.NOTHING ? "" : " (breaks " + breaks + ")");
    }
  }

  /** A case and the verdicts of its per-run claims, and, for a failing case, the smallest failing one found. */
  public record CaseResult(Case drawn, List<Verdict> verdicts, Optional<String> shrunk) {
    /** Copies the list. */
    public CaseResult {
      verdicts = List.copyOf(verdicts);
    }
  }

  /** "blocks [4, 6, 8], H 3, L 120, sigma 0.2". */
  public static String describe(ProblemConfig c) {
    return String.format(Locale.ROOT, "blocks %s, H %d, L %d, sigma %s", Arrays.toString(c.blockSizes()),
        c.heads(), c.promptLength(), c.sigma());
  }

  /**
   * Draws case number {@code index} of a run whose first seed is {@code firstSeed}: every fifth case breaks a
   * hypothesis (alternately too few heads and a shared favourite), the others are valid: n in 2..4, blocks
   * 2..12, H in n..n+2, L in 20..300, σ in {0, 0.3, 1}, s² = 1, the paper init.
   */
  public static Case draw(long firstSeed, int index) {
    long seed = firstSeed + index;
    UniformRandomProvider r = RandomSource.SPLIT_MIX_64.create(seed);
    int n = 2 + r.nextInt(3);
    int[] blocks = new int[n];
    int d = 0;
    for (int i = 0; i < n; i++) {
      blocks[i] = 2 + r.nextInt(11);
      d += blocks[i];
    }
    int heads = n + r.nextInt(3);
    int promptLength = 20 + r.nextInt(281);
    double sigma = SIGMAS[r.nextInt(SIGMAS.length)];
    Breaks breaks = index % 5 != 4 ? Breaks.NOTHING : (index / 5) % 2 == 0 ? Breaks.TOO_FEW_HEADS
        : Breaks.SHARED_FAVOURITE;
    if (breaks == Breaks.TOO_FEW_HEADS) {
      heads = n - 1;
    }
    ProblemConfig c = ProblemConfig.of(d, blocks, heads, promptLength, sigma, 1.0);
    return new Case(seed, c, start(c, breaks), breaks);
  }

  /** The paper init, with head 1 made the favourite of task 2 too for {@link Breaks#SHARED_FAVOURITE}. */
  public static SpectralState start(ProblemConfig c, Breaks breaks) {
    SpectralState paper = Initialisations.paper(c);
    if (breaks != Breaks.SHARED_FAVOURITE) {
      return paper;
    }
    double[][] mu = paper.muArray();
    mu[0][1] = mu[1][1];
    mu[1][1] = paper.mu(0, 0) / Initialisations.PAPER_FAVOUR;
    return Initialisations.custom(c, paper.omegaArray(), mu);
  }

  /** True if the case's verdicts are what the property requires of it. */
  public static boolean holds(CaseResult r) {
    for (Verdict v : r.verdicts()) {
      boolean ok = r.drawn().breaks() == Breaks.NOTHING
          ? v.status() == Verdict.Status.PASS || v.status() == Verdict.Status.NOT_APPLICABLE
          : v.status() == Verdict.Status.NOT_APPLICABLE;
      if (!ok) {
        return false;
      }
    }
    return !r.verdicts().isEmpty();
  }

  /** The property's verdict over the cases, with counts per claim and status, and every failing case. */
  public static Verdict verdict(List<CaseResult> results, long firstSeed) {
    int failing = 0;
    int valid = 0;
    Map<String, int[]> counts = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (CaseResult r : results) {
      valid += r.drawn().breaks() == Breaks.NOTHING ? 1 : 0;
      for (Verdict v : r.verdicts()) {
        counts.computeIfAbsent(v.claimId(), k -> new int[Verdict.Status.values().length])[v.status().ordinal()]++;
      }
      if (!holds(r)) {
        failing++;
        StringBuilder sb = new StringBuilder("case " + r.drawn());
        for (Verdict v : r.verdicts()) {
          boolean expectedNa = r.drawn().breaks() != Breaks.NOTHING;
          if (v.status() == Verdict.Status.FAIL || v.status() == Verdict.Status.ERROR
              || (expectedNa && v.status() != Verdict.Status.NOT_APPLICABLE)) {
            sb.append("; ").append(v.claimId()).append(' ').append(v.status().json())
                .append(v.evidence().isEmpty() ? "" : ": " + String.join(" / ", v.evidence()));
          }
        }
        r.shrunk().ifPresent(s -> sb.append("; smallest failing configuration found: ").append(s));
        failures.add(sb.toString());
      }
    }
    List<String> ev = new ArrayList<>();
    ev.add(String.format(Locale.ROOT, "%d cases from seed %d: %d within the hypotheses, %d breaking one on purpose",
        results.size(), firstSeed, valid, results.size() - valid));
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] k = e.getValue();
      ev.add(String.format(Locale.ROOT, "%s: %d pass, %d fail, %d error, %d not applicable", e.getKey(),
          k[Verdict.Status.PASS.ordinal()], k[Verdict.Status.FAIL.ordinal()], k[Verdict.Status.ERROR.ordinal()],
          k[Verdict.Status.NOT_APPLICABLE.ordinal()]));
    }
    ev.addAll(failures);
    return Verdicts.of(Claims.PER_RUN_CONFIGURATIONS, "property", failing == 0 && !results.isEmpty(), failing, 0,
        ev);
  }
}
