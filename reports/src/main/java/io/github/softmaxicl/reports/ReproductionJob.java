package io.github.softmaxicl.reports;

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
import java.util.ArrayList;
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
    return new JobResult(runs, verdicts, sweeps);
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
    verdicts.addAll(ReducedRunChecks.check(id, run, options));
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
