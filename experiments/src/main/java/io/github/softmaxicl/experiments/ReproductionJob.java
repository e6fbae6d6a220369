package io.github.softmaxicl.experiments;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.theory.Claim;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The package's main job: runs the experiments the request asks for, in a fixed order, and hands their runs,
 * verdicts and plots to the command line. The order is that of results.json: the reduced runs per
 * configuration, the allocation property and the sweeps; then the full-model measurements (ladder, criterion
 * drift, saddle); then the full flow and SGD of each configuration. An experiment runs when the request's dynamics
 * include its {@link Experiment#dynamics()} and, if the request selects claims, when it declares one of them; with
 * a selection only the verdicts on the selected claims are kept. Reduced model (reconstruction).
 */
public final class ReproductionJob implements Job {
  /**
   * The machine the experiments' {@link Experiment#typicalQuickSeconds()} were measured on: each experiment timed
   * alone on the default job (all presets, quick mode, 2 threads), JVM warmed by the preceding experiments.
   */
  public static final String TYPICAL_TIMES_MACHINE = "2-core AMD EPYC virtual machine, OpenJDK 17.0.15, 2 threads,"
      + " load average about 2, 2026-12-07 (evening): the stage times of one default quick run (55 s in all)";

  /**
   * The machine and load the experiments' {@link Experiment#typicalFullSeconds()} were measured on: one
   * {@code --full} run of the default job (all presets, 2 threads), stage by stage. The load varied from stage to
   * stage (other jobs), so the plan's proportions are rough; the job ETA follows this machine's measured pace.
   */
  public static final String TYPICAL_FULL_TIMES_MACHINE = "2-core AMD EPYC virtual machine, OpenJDK 17.0.15, 2"
      + " threads, 2026-12-07, quiet (load average 1.4-2.4): the stage times of one default --full run (11 min 1 s"
      + " in all)";

  private final Supplier<List<Experiment>> experiments;

  /** A job for the command line, over {@link #experiments()}. */
  public ReproductionJob() {
    this(ReproductionJob::experiments);
  }

  /** A job over other experiments, in the order given (tests substitute experiments that only record a call). */
  ReproductionJob(Supplier<List<Experiment>> experiments) {
    this.experiments = Objects.requireNonNull(experiments);
  }

  /**
   * Fresh instances of every experiment of the job, in the order of results.json. Every registered claim is
   * declared by exactly one of them ({@link Experiment#claims()}).
   */
  public static List<Experiment> experiments() {
    return List.of(new ReducedRunsExperiment(), new AllocationExperiment(), new ConfigurationPropertyExperiment(),
        new SweepsExperiment(),
        new LadderExperiment(), new CriterionDriftExperiment(), new SaddleExperiment(), new FullFlowExperiment(),
        new SgdExperiment());
  }

  /** The experiment of the job that declares the claim with this id, if any. */
  public static Optional<Experiment> experimentFor(String claimId) {
    for (Experiment e : experiments()) {
      for (Claim c : e.claims()) {
        if (c.id().equals(claimId)) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The ids of the claims the per-run experiments declare: what a configuration file's run checks on its own
   * (the configuration-independent experiments, such as the sweeps, do not depend on it).
   */
  public static Set<String> perRunClaimIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (Experiment e : experiments()) {
      if (e instanceof PerRunExperiment) {
        for (Claim c : e.claims()) {
          ids.add(c.id());
        }
      }
    }
    return ids;
  }

  /** The dynamics the experiments behind these claim ids compute (ids no experiment declares are ignored). */
  public static Set<Dynamics> dynamicsFor(Set<String> claimIds) {
    Set<Dynamics> out = EnumSet.noneOf(Dynamics.class);
    for (String id : claimIds) {
      experimentFor(id).ifPresent(e -> out.add(e.dynamics()));
    }
    return out;
  }

  @Override
  public JobResult run(JobRequest request, ProgressSink progress) {
    Settings settings = Settings.of(request.mode());
    Context context = new Context(request.runs(), request.threads(), progress, request.claims());
    Outcome.Collector all = new Outcome.Collector();
    // The full flow and SGD of one configuration run together, after everything else, so that the runs of
    // different dynamics on one configuration stay together in the output.
    List<Experiment> whole = new ArrayList<>();
    List<PerRunExperiment> perRunModel = new ArrayList<>();
    for (Experiment e : experiments.get()) {
      if (!selected(e, request)) {
        continue;
      }
      if (e instanceof PerRunExperiment && e.dynamics() != Dynamics.REDUCED) {
        perRunModel.add((PerRunExperiment) e);
      } else {
        whole.add(e);
      }
    }
    // The stages are announced before any starts, so that progress can say "stage k of N" and an ETA for the job.
    List<ProgressSink.Stage> stages = new ArrayList<>();
    for (Experiment e : whole) {
      stages.add(new ProgressSink.Stage(e.name(), e.typicalQuickSeconds(), e.typicalFullSeconds()));
    }
    for (RunSpec spec : request.runs()) {
      for (PerRunExperiment e : perRunModel) {
        stages.add(new ProgressSink.Stage(e.name() + ": " + spec.name(), e.typicalQuickSeconds(spec, settings),
            e.typicalFullSeconds(spec, settings)));
      }
    }
    progress.plan(stages);
    int stage = 0;
    for (Experiment e : whole) {
      progress.stageStarted(stage);
      all.add(e.run(settings, context));
      progress.stageFinished(stage++);
    }
    for (RunSpec spec : request.runs()) {
      for (PerRunExperiment e : perRunModel) {
        progress.stageStarted(stage);
        all.add(e.runOne(spec, settings, context));
        progress.stageFinished(stage++);
      }
    }
    Outcome outcome = all.outcome();
    List<Verdict> verdicts = new ArrayList<>();
    for (Verdict v : outcome.verdicts()) {
      if (request.selects(v.claimId())) {
        verdicts.add(v);
      }
    }
    return new JobResult(outcome.runs(), verdicts, outcome.plots());
  }

  /** True if the request's dynamics include the experiment's and it declares a selected claim (if any). */
  static boolean selected(Experiment e, JobRequest request) {
    if (!request.dynamics().contains(e.dynamics())) {
      return false;
    }
    if (request.claims().isEmpty()) {
      return true;
    }
    for (Claim c : e.claims()) {
      if (request.claims().contains(c.id())) {
        return true;
      }
    }
    return false;
  }
}
