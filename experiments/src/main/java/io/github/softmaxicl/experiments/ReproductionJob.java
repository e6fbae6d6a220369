package io.github.softmaxicl.experiments;

import io.github.softmaxicl.checks.AllocationProperty;
import io.github.softmaxicl.checks.CertificateCheck;
import io.github.softmaxicl.checks.ReducedRunChecks;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.checks.sweeps.SweepChecks;
import io.github.softmaxicl.checks.sweeps.SweepOutcome;
import io.github.softmaxicl.checks.sweeps.SweepResult;
import io.github.softmaxicl.checks.sweeps.SweepSettings;
import io.github.softmaxicl.numerics.reduced.ReducedFlowFailure;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.checks.FullDynamicsChecks;
import io.github.softmaxicl.numerics.comparison.Comparison;
import io.github.softmaxicl.numerics.comparison.CriterionDrift;
import io.github.softmaxicl.numerics.comparison.FullVsReduced;
import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.full.NumericalFailureException;
import io.github.softmaxicl.numerics.full.PaperSgdProtocol;
import io.github.softmaxicl.numerics.full.RunAnalysis;
import io.github.softmaxicl.numerics.full.SaddleEscape;
import io.github.softmaxicl.numerics.full.TrajectoryPoint;
import io.github.softmaxicl.theory.Preset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;

/**
 * The package's main job: integrates the requested runs, checks every claim against them and hands the results
 * to the command line (registered through {@code META-INF/services}). Reduced model (reconstruction).
 */
public final class ReproductionJob implements Job {
  /** Seeded cases of the allocation property (P3) in quick and full mode. */
  static final int ALLOCATION_CASES_QUICK = 40;
  static final int ALLOCATION_CASES_FULL = 400;
  /** Horizon of each allocation case: emergence of every drawn case happens well before it. */
  static final double ALLOCATION_T_END = 3.0e4;

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public ReproductionJob() {}

  @Override
  public JobResult run(JobRequest request, ProgressSink progress) throws NumericalFailure {
    List<RunRecord> runs = new ArrayList<>();
    List<Verdict> verdicts = new ArrayList<>();
    List<Sweep> sweeps = new ArrayList<>();
    ReducedFlowOptions options = ReducedFlowOptions.defaults();
    boolean reduced = request.dynamics() == DynamicsChoice.REDUCED || request.dynamics() == DynamicsChoice.ALL;
    if (reduced) {
      for (RunSpec spec : request.runs()) {
        runReduced(spec, options, progress, runs, verdicts);
      }
      int cases = request.mode() == Mode.FULL ? ALLOCATION_CASES_FULL : ALLOCATION_CASES_QUICK;
      progress.message("P3 allocation property: " + cases + " seeded random starts");
      verdicts.add(guard(Claims.P3_ALLOCATION_PROPERTY, "property",
          () -> AllocationProperty.check(cases, 1000, ALLOCATION_T_END, options)));
      runSweeps(request, progress, verdicts, sweeps);
    }
    boolean full = request.dynamics() == DynamicsChoice.FULL || request.dynamics() == DynamicsChoice.ALL;
    boolean sgd = request.dynamics() == DynamicsChoice.SGD || request.dynamics() == DynamicsChoice.ALL;
    // A comparison is fully determined by its arguments: presets with the same configuration share one.
    Map<String, Comparison> comparisons = new HashMap<>();
    if (full) {
      runLadder(request, progress, verdicts, sweeps);
      runCriterionDrift(request, progress, verdicts, sweeps);
      runSaddle(request, progress, verdicts, sweeps);
    }
    for (RunSpec spec : request.runs()) {
      if (full) {
        runFullFlow(spec, request, progress, runs, verdicts, comparisons);
      }
      if (sgd) {
        runSgd(spec, request, progress, runs, verdicts);
      }
    }
    return new JobResult(runs, verdicts, sweeps);
  }

  /** The comparison for these arguments, computed once per job. */
  private static Comparison compare(ProblemConfig c, double k, int draws, long seed, double tEnd, String id,
      JobRequest request, ProgressSink progress, Map<String, Comparison> cache) {
    String key = c + "|" + k + "|" + draws + "|" + seed + "|" + tEnd;
    Comparison known = cache.get(key);
    if (known != null) {
      progress.message(id + ": same configuration, start, sample and horizon as an earlier run: reused");
      return known;
    }
    Comparison cmp = FullVsReduced.compare(c, k, draws, seed, tEnd,
        new FullVsReduced.Options().threads(request.threads())
            .progress((t, loss, eta) -> progress.progress(id, t, tEnd, loss)));
    cache.put(key, cmp);
    return cmp;
  }

  private static void runFullFlow(RunSpec spec, JobRequest request, ProgressSink progress, List<RunRecord> runs,
      List<Verdict> verdicts, Map<String, Comparison> comparisons) {
    String id = spec.runId(Dynamics.FULL);
    StringBuilder why = new StringBuilder();
    Optional<FullDynamicsPlan.FlowSize> size = FullDynamicsPlan.flow(spec, request.mode(), why);
    if (size.isEmpty()) {
      progress.message(id + ": skipped: " + why);
      return;
    }
    FullDynamicsPlan.FlowSize z = size.get();
    ProblemConfig c = spec.config();
    try {
      ReducedRun guide = ReducedFlowRunner.run(c, Initialisations.paper(c, z.initScale()), spec.tEnd(),
          ReducedFlowOptions.defaults());
      double tEnd = Double.isFinite(guide.tEmergenceEnd()) ? 1.5 * guide.tEmergenceEnd() : spec.tEnd();
      progress.message(String.format(java.util.Locale.ROOT, "%s: full gradient flow, k = %.4g, N = %d draws x %d "
          + "images (criterion %.3g), to t = %.4g", id, z.initScale(), z.draws(), 1 << (2 * c.tasks()),
          z.criterion(), tEnd));
      Comparison cmp = compare(c, z.initScale(), z.draws(), spec.seed(), tEnd, id, request, progress, comparisons);
      runs.add(record(spec, Dynamics.FULL, cmp.full(), cmp.reduced()));
      verdicts.add(FullDynamicsChecks.technique(id, cmp));
    } catch (NumericalFailureException | ReducedFlowFailure e) {
      progress.message(id + ": numerical failure: " + e.getMessage());
      verdicts.add(Verdicts.error(Claims.P6_TECHNIQUE, id, String.valueOf(e.getMessage())));
    }
  }

  /**
   * A rung of the P6 ladder: blocks b+b, H = 2, prompt length L, N symmetrised draws, and the criterion
   * ω(0)√(L N) the start is scaled to.
   */
  record LadderRung(int blockSize, int promptLength, int draws, double criterion) {}

  /**
   * The ladder per mode. Every model error of the comparison shrinks along it: L grows faster than the blocks,
   * so e/L, 1/d and d/L all fall (at a fixed d/L = 0.1 a systematic ≈ 7 % was measured that does not shrink with
   * b; see the README). Each rung runs on several independent samples, so that the systematic discrepancy (the
   * mean over samples) can be told from one sample's noise.
   */
  static final List<LadderRung> LADDER_QUICK = List.of(new LadderRung(1, 10, 1024, 7.5),
      new LadderRung(2, 30, 1024, 7.5));
  static final List<LadderRung> LADDER_FULL = List.of(new LadderRung(1, 10, 4096, 15),
      new LadderRung(2, 30, 4096, 15), new LadderRung(3, 60, 4096, 15));
  /** Independent samples per rung. */
  static final int LADDER_SAMPLES_QUICK = 3;
  static final int LADDER_SAMPLES_FULL = 4;

  private static void runLadder(JobRequest request, ProgressSink progress, List<Verdict> verdicts,
      List<Sweep> sweeps) {
    plotted(Claims.P6_LADDER, "ladder", "P6 ladder", progress, verdicts, sweeps,
        () -> FullDynamicsChecks.ladder(ladderRungs(request, progress)));
  }

  /** Every rung's comparisons, on independent samples, in ladder order. */
  private static List<List<Comparison>> ladderRungs(JobRequest request, ProgressSink progress) {
    boolean quick = request.mode() == Mode.QUICK;
    int samples = quick ? LADDER_SAMPLES_QUICK : LADDER_SAMPLES_FULL;
    long base = request.runs().get(0).seed();
    List<List<Comparison>> rungs = new ArrayList<>();
    // Independent comparisons, one worker thread each; results are collected in a fixed order, so the outcome does
    // not depend on the thread count.
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        Math.max(1, request.threads()));
    try {
      for (LadderRung r : quick ? LADDER_QUICK : LADDER_FULL) {
        int b = r.blockSize();
        ProblemConfig c = ProblemConfig.of(2 * b, new int[] {b, b}, 2, r.promptLength(), 0.0, 1.0);
        double k = FullDynamicsPlan.initScaleFor(c, r.draws(), r.criterion());
        ReducedRun guide = ReducedFlowRunner.run(c, Initialisations.paper(c, k), 3e4, ReducedFlowOptions.defaults());
        double tEnd = 1.5 * guide.tEmergenceEnd();
        progress.message(String.format(java.util.Locale.ROOT, "P6 ladder: blocks %d+%d, L = %d, N = %d draws, "
            + "criterion %.3g, to t = %.4g, on %d independent samples", b, b, r.promptLength(), r.draws(),
            r.criterion(), tEnd, samples));
        List<java.util.concurrent.Future<Comparison>> futures = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
          long seed = io.github.softmaxicl.numerics.full.Seeds.derive(base, s);
          futures.add(pool.submit(() -> FullVsReduced.compare(c, k, r.draws(), seed, tEnd,
              new FullVsReduced.Options().threads(1))));
        }
        List<Comparison> rung = new ArrayList<>();
        for (var f : futures) {
          rung.add(await(f));
        }
        rungs.add(rung);
      }
      return rungs;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The result of a worker's task; its own unchecked failure (e.g. a numerical failure) is rethrown as is. */
  private static <T> T await(java.util.concurrent.Future<T> f) {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The P6-criterion demonstration: plain sample, paper init, small; short enough for attention to stay uniform. */
  static final int DRIFT_PROMPTS = 4000;
  static final double DRIFT_T_END = 16;

  private static void runCriterionDrift(JobRequest request, ProgressSink progress, List<Verdict> verdicts,
      List<Sweep> sweeps) {
    ProblemConfig c = Preset.SMALL.config();
    long seed = request.runs().get(0).seed();
    progress.message(String.format(java.util.Locale.ROOT, "P6 criterion: small at the paper init on a plain sample of "
        + "%d prompts (criterion violated), full flow to t = %.4g", DRIFT_PROMPTS, DRIFT_T_END));
    plotted(Claims.P6_CRITERION, "criterion-drift", "P6 criterion", progress, verdicts, sweeps,
        () -> FullDynamicsChecks.criterionDrift("criterion-drift",
            CriterionDrift.measure(c, seed, DRIFT_PROMPTS, DRIFT_T_END, request.threads())));
  }

  /** The P6-saddle measurement: blocks 4+4, H = 2, L = 40, 96 symmetrised draws, head 2 on task 1, to t = 40. */
  static final ProblemConfig SADDLE_CONFIG = ProblemConfig.of(8, new int[] {4, 4}, 2, 40, 0.0, 1.0);
  static final int SADDLE_DRAWS = 96;
  static final double SADDLE_T_END = 40;

  private static void runSaddle(JobRequest request, ProgressSink progress, List<Verdict> verdicts,
      List<Sweep> sweeps) {
    long seed = request.runs().get(0).seed();
    progress.message(String.format(java.util.Locale.ROOT, "P6 saddle: full flow from the limit with an off-task pair "
        + "perturbed along o = -v (blocks 4+4, L = 40, %d draws x 16 images), to t = %.4g", SADDLE_DRAWS,
        SADDLE_T_END));
    plotted(Claims.P6_SADDLE, "saddle-escape", "P6 saddle", progress, verdicts, sweeps,
        () -> FullDynamicsChecks.saddle("saddle-escape",
            SaddleEscape.run(SADDLE_CONFIG, 1, 0, seed, SADDLE_DRAWS, SADDLE_T_END, request.threads())));
  }

  /**
   * Adds a plotted full-model check: its verdict and plot, or, when its computation fails numerically, an error
   * verdict naming the failure (never a pass), so that the other checks still run.
   */
  private static void plotted(Claim claim, String runId, String what, ProgressSink progress, List<Verdict> verdicts,
      List<Sweep> sweeps, java.util.function.Supplier<FullDynamicsChecks.PlottedVerdict> check) {
    try {
      FullDynamicsChecks.PlottedVerdict out = check.get();
      verdicts.add(out.verdict());
      sweeps.add(SweepAdapter.of(out.plot()));
    } catch (NumericalFailureException | ReducedFlowFailure e) {
      progress.message(what + ": numerical failure: " + e.getMessage());
      verdicts.add(Verdicts.error(claim, runId, String.valueOf(e.getMessage())));
    }
  }

  private static void runSgd(RunSpec spec, JobRequest request, ProgressSink progress, List<RunRecord> runs,
      List<Verdict> verdicts) {
    String id = spec.runId(Dynamics.SGD);
    StringBuilder why = new StringBuilder();
    Optional<Preset> preset = FullDynamicsPlan.sgd(spec, request.mode(), why);
    if (preset.isEmpty()) {
      progress.message(id + ": skipped: " + why);
      return;
    }
    PaperSgdProtocol protocol = preset.get() == Preset.PAPER ? PaperSgdProtocol.full() : PaperSgdProtocol.quick();
    progress.message(id + ": SGD with fresh prompts at the paper init (control variate, adaptive rate)");
    try {
      // The protocol stops after emergence, at most at twice the reduced flow's t_e: the progress horizon.
      ReducedRun reference = protocol.reference();
      double tEnd = 2 * reference.tEmergenceEnd();
      PaperSgdProtocol.Result r = protocol.run(spec.seed(), request.threads(), reference,
          (t, loss, eta) -> progress.progress(id, t, tEnd, loss));
      runs.add(record(spec, Dynamics.SGD, r.sgd().run(), r.reduced()));
      verdicts.add(FullDynamicsChecks.sgd(id, r));
      if (preset.get() == Preset.PAPER) {
        // One SGD run is one noise realisation; a second, independent one shows whether the emergence times and
        // the end state (debiasing or not) belong to the protocol or to the seed.
        String id2 = id + "-second-seed";
        long seed2 = io.github.softmaxicl.numerics.full.Seeds.derive(spec.seed(), 1);
        progress.message(id2 + ": the same protocol with an independent seed " + seed2);
        PaperSgdProtocol.Result r2 = protocol.run(seed2, request.threads(), reference,
            (t, loss, eta) -> progress.progress(id2, t, tEnd, loss));
        verdicts.add(FullDynamicsChecks.sgd(id2, r2));
      }
    } catch (NumericalFailureException | ReducedFlowFailure e) {
      progress.message(id + ": numerical failure: " + e.getMessage());
      verdicts.add(Verdicts.error(Claims.P6_SGD, id, String.valueOf(e.getMessage())));
    }
  }

  static RunRecord record(RunSpec spec, Dynamics dynamics, FullRun run, ReducedRun reduced) {
    List<TrajectorySample> samples = new ArrayList<>();
    for (TrajectoryPoint p : run.trajectory()) {
      samples.add(new TrajectorySample(p.t(), p.loss(), p.state().omegaArray(), p.state().muArray(),
          p.offStructureNorm()));
    }
    List<TrajectorySample> prediction = new ArrayList<>();
    for (var s : reduced.trajectory()) {
      if (s.time() <= run.tEnd()) {
        prediction.add(new TrajectorySample(s.time(), s.loss(), s.state().omegaArray(), s.state().muArray(),
            Double.NaN));
      }
    }
    // SGD's rate is adaptive (its schedule is the run's method): no single learning rate to record.
    IntegratorInfo integrator = dynamics == Dynamics.SGD
        ? new IntegratorInfo("sgd: " + run.method(), Double.NaN, Double.NaN, Double.NaN)
        : IntegratorInfo.ode(run.method(), run.relTol(), run.absTol());
    return RunRecord.builder(spec.name(), dynamics, run.config(), integrator)
        .init(spec.init(), run.initScale())
        .seed(run.seed())
        // The fixed sample's size for the flow (images included); the batch per step for SGD.
        .prompts((int) Math.min(Integer.MAX_VALUE, dynamics == Dynamics.SGD ? run.batch() : run.prompts()))
        .tEnd(run.tEnd())
        .losses(run.f0(), run.fFinal(), run.fStar())
        .phases(run.tWarmupEnd(), run.tEmergenceEnd(), RunAnalysis.halfSignalTimes(run.trajectory(), run.config()))
        .finalState(run.finalState().omegaArray(), run.finalState().muArray())
        .fullModel(run.offStructureNorm(), run.symmetrised())
        .freshLoss(run.fFresh(), run.fFreshSe())
        .saddle(run.escapeTime(), run.saddleRatePredicted(), run.saddleRateMeasured())
        .cost(run.evaluations(), run.wallSeconds())
        .trajectory(samples)
        .reducedPrediction(prediction)
        .build();
  }

  private static void runReduced(RunSpec spec, ReducedFlowOptions options, ProgressSink progress,
      List<RunRecord> runs, List<Verdict> verdicts) {
    String id = spec.runId(Dynamics.REDUCED);
    ProblemConfig c = spec.config();
    SpectralState init = Initialisations.paper(c, spec.initScale());
    progress.message(id + ": reduced flow to t = " + spec.tEnd());
    ReducedRun run;
    try {
      run = ReducedFlowRunner.run(c, init, spec.tEnd(), options);
    } catch (ReducedFlowFailure e) {
      progress.message(id + ": numerical failure: " + e.getMessage());
      for (Claim claim : List.of(Claims.P1_CONVERGENCE, Claims.P2_PHASES, Claims.P3_ALLOCATION,
          Claims.P7_SATURATION)) {
        verdicts.add(Verdicts.error(claim, id, String.valueOf(e.getMessage())));
      }
      return;
    }
    progress.progress(id, run.tEnd(), run.tEnd(), run.fFinal());
    runs.add(record(spec, run));
    verdicts.addAll(ReducedRunChecks.check(id, run));
    if (c.heads() >= c.tasks()) {
      verdicts.add(guard(Claims.P1_CERTIFICATE, id, () -> CertificateCheck.check(id, run).verdict()));
    }
  }

  /** The sweeps of P4, P5, P7 and the model-error ladder; their own failures come back as error verdicts. */
  private static void runSweeps(JobRequest request, ProgressSink progress, List<Verdict> verdicts,
      List<Sweep> sweeps) {
    SweepSettings settings = request.mode() == Mode.FULL ? SweepSettings.full() : SweepSettings.quick();
    progress.message("sweeps: P4 optimality, P5 separation, P7 length generalisation, model error ("
        + request.mode().name().toLowerCase(java.util.Locale.ROOT) + ")");
    SweepOutcome outcome = SweepChecks.run(settings, request.threads());
    verdicts.addAll(outcome.verdicts());
    for (SweepResult r : outcome.results()) {
      sweeps.add(SweepAdapter.of(r));
    }
  }

  /** A check whose computation fails gives an error verdict, never a pass, and the other checks still run. */
  static Verdict guard(Claim claim, String run, java.util.function.Supplier<Verdict> check) {
    try {
      return check.get();
    } catch (ReducedFlowFailure | ArithmeticException | IllegalArgumentException e) {
      String what = e.getMessage();
      return Verdicts.error(claim, run, what == null ? e.toString() : what);
    }
  }

  static RunRecord record(RunSpec spec, ReducedRun run) {
    List<TrajectorySample> samples = new ArrayList<>();
    for (var s : run.trajectory()) {
      samples.add(new TrajectorySample(s.time(), s.loss(), s.state().omegaArray(), s.state().muArray(), Double.NaN));
    }
    return RunRecord.builder(spec.name(), Dynamics.REDUCED, spec.config(),
            IntegratorInfo.ode(run.integratorName(), run.relTol(), run.absTol()))
        .init(spec.init(), spec.initScale())
        .seed(spec.seed())
        .prompts(null)
        .tEnd(run.tEnd())
        .losses(run.f0(), run.fFinal(), run.fStar())
        .phases(run.tWarmupEnd(), run.tEmergenceEnd(), run.halfSignalTimes())
        .finalState(run.omegaFinal(), run.muFinal())
        .cost(run.evaluations(), run.wallSeconds())
        .trajectory(samples)
        .build();
  }
}
