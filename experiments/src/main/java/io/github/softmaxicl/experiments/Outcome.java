package io.github.softmaxicl.experiments;

import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.checks.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * What an experiment hands back: the runs it integrated, the verdicts on its claims and the plots it drew.
 *
 * @param runs run records, in the order they were run
 * @param verdicts one verdict per claim and run, in a fixed order
 * @param plots plotted series, in a fixed order
 */
public record Outcome(List<RunRecord> runs, List<Verdict> verdicts, List<Sweep> plots) {

  /** Copies the lists. */
  public Outcome {
    runs = List.copyOf(runs);
    verdicts = List.copyOf(verdicts);
    plots = List.copyOf(plots);
  }

  /** Nothing run, nothing checked. */
  public static Outcome empty() {
    return new Outcome(List.of(), List.of(), List.of());
  }

  /** A single verdict. */
  public static Outcome of(Verdict verdict) {
    return new Outcome(List.of(), List.of(verdict), List.of());
  }

  /** Collects the outcomes of several experiments in the order they are added. */
  public static final class Collector {
    private final List<RunRecord> runs = new ArrayList<>();
    private final List<Verdict> verdicts = new ArrayList<>();
    private final List<Sweep> plots = new ArrayList<>();

    /** Appends an outcome. */
    public Collector add(Outcome o) {
      runs.addAll(o.runs());
      verdicts.addAll(o.verdicts());
      plots.addAll(o.plots());
      return this;
    }

    /** Appends a run. */
    public Collector run(RunRecord r) {
      runs.add(r);
      return this;
    }

    /** Appends a verdict. */
    public Collector verdict(Verdict v) {
      verdicts.add(v);
      return this;
    }

    /** Appends verdicts. */
    public Collector verdicts(List<Verdict> vs) {
      verdicts.addAll(vs);
      return this;
    }

    /** Appends a plot. */
    public Collector plot(Sweep s) {
      plots.add(s);
      return this;
    }

    /** The collected outcome. */
    public Outcome outcome() {
      return new Outcome(runs, verdicts, plots);
    }
  }
}
