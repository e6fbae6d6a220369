package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.Job;
import io.github.softmaxicl.experiments.JobRequest;
import io.github.softmaxicl.experiments.JobResult;
import io.github.softmaxicl.experiments.ProgressSink;
import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.experiments.RunSpec;
import io.github.softmaxicl.experiments.RunRecord;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.experiments.FullModelSection;
import io.github.softmaxicl.experiments.IntegratorInfo;
import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * TEST FIXTURE: a {@link Job} that returns SYNTHETIC data shaped like the dynamics (sigmoidal emergence, one
 * head per task), computed from closed-form toy curves, not from any model. It exists only to exercise the CLI,
 * the writers and the report; nothing it produces is a result. Every verdict statement says so.
 */
final class SyntheticJob implements Job {
  /** What the fixture does. */
  enum Behaviour {
    /** Every verdict passes. */
    PASS,
    /** One verdict fails. */
    FAIL,
    /** One verdict is an error. */
    ERROR,
    /** No verdicts at all. */
    NO_VERDICTS,
    /** Throws a reduced-flow numerical failure after reporting some progress. */
    NUMERICAL_FAILURE,
    /** Throws an unchecked exception after reporting some progress. */
    CRASH
  }

  static final String MARK = "SYNTHETIC TEST FIXTURE, not a result: ";

  private final Behaviour behaviour;
  volatile JobRequest lastRequest;

  SyntheticJob(Behaviour behaviour) {
    this.behaviour = behaviour;
  }

  @Override
  public JobResult run(JobRequest request, ProgressSink progress) {
    lastRequest = request;
    List<RunRecord> runs = new ArrayList<>();
    List<Verdict> verdicts = new ArrayList<>();
    for (RunSpec spec : request.runs()) {
      progress.progress(spec.runId(Dynamics.REDUCED), 0, spec.tEnd(), 1.0);
      progress.progress(spec.runId(Dynamics.REDUCED), spec.tEnd(), spec.tEnd(), 0.5);
      if (behaviour == Behaviour.NUMERICAL_FAILURE) {
        throw new ReducedFlowFailure(12.5, "F", "synthetic NaN in the loss", null);
      }
      if (behaviour == Behaviour.CRASH) {
        throw new IllegalStateException("synthetic crash midway");
      }
      for (Dynamics d : request.dynamics()) {
        RunRecord r = record(spec, d);
        runs.add(r);
        verdicts.add(new Verdict("P1-convergence", r.runId(), Verdict.Status.PASS,
            MARK + "F(t_end) is within 1 % of F*", r.fFinal() / r.fStar() - 1, 0.01,
            "synthetic budget <ok> & \"quoted\"", "reconstruction", List.of("synthetic evidence line")));
      }
    }
    if (behaviour == Behaviour.FAIL) {
      verdicts.add(new Verdict("P3-allocation", runs.get(0).runId(), Verdict.Status.FAIL, MARK + "allocation rule",
          2.0, 1.0, "synthetic", "reconstruction", List.of()));
    }
    if (behaviour == Behaviour.ERROR) {
      verdicts.add(new Verdict("P6-spectral", runs.get(0).runId(), Verdict.Status.ERROR, MARK + "solver failed",
          Double.NaN, 0.05, "synthetic", "reconstruction", List.of()));
    }
    if (behaviour == Behaviour.NO_VERDICTS) {
      verdicts.clear();
    }
    return new JobResult(runs, verdicts, sweeps());
  }

  /** Toy trajectory: task i emerges around t = 40 (1 + i) through head i (mod H). */
  static RunRecord record(RunSpec spec, Dynamics d) {
    ProblemConfig c = spec.config();
    int heads = c.heads();
    int n = c.tasks();
    double l = c.promptLength();
    double base = Math.pow(l, -1.5);
    double[] muStar = new double[n];
    double[] omegaStar = new double[n];
    double fStar = 0;
    for (int i = 0; i < n; i++) {
      double di = c.blockSize(i);
      double kappa = c.signalPlusNoise(i) / (c.s2() * di * l);
      omegaStar[i] = 1 / Math.sqrt(di);
      muStar[i] = Math.sqrt(di) / (1 + Math.E * kappa * di);
      fStar += c.s2() * di * Math.E * kappa * di / (1 + Math.E * kappa * di) / n;
    }
    double f0 = 0;
    for (int i = 0; i < n; i++) {
      f0 += c.s2() * c.blockSize(i) / n;
    }
    List<TrajectorySample> samples = new ArrayList<>();
    List<TrajectorySample> prediction = new ArrayList<>();
    int count = 160;
    double tEnd = spec.tEnd();
    double[] half = new double[n];
    java.util.Arrays.fill(half, Double.NaN);
    for (int k = 0; k <= count; k++) {
      double t = k == 0 ? 0 : Math.pow(10, -1 + (Math.log10(tEnd) + 1) * k / count);
      for (int pass = 0; pass < (d == Dynamics.REDUCED ? 1 : 2); pass++) {
        double shift = pass == 0 && d != Dynamics.REDUCED ? 0.8 : 1.0;
        double[][] omega = new double[heads][n];
        double[][] mu = new double[heads][n];
        double f = 0;
        for (int i = 0; i < n; i++) {
          double ti = 40 * (1 + i) * shift;
          double s = t == 0 ? 0 : 1 / (1 + Math.pow(ti / t, 6));
          int owner = i % heads;
          for (int h = 0; h < heads; h++) {
            double w0 = base / Math.sqrt(c.tokenDim());
            double m0 = base * (h == i ? 4 : 1);
            if (h == owner) {
              omega[h][i] = w0 + (omegaStar[i] - w0) * s;
              mu[h][i] = m0 + (muStar[i] - m0) * s;
            } else {
              omega[h][i] = w0 * (1 - s) + w0 * 0.2 * s;
              mu[h][i] = m0 * (1 - s);
            }
          }
          f += (c.s2() * c.blockSize(i) - (c.s2() * c.blockSize(i) - n * fStar / n * 1.0) * s) / n;
          if (pass == 0 && Double.isNaN(half[i]) && mu[owner][i] * omega[owner][i] >= 0.5 * muStar[i] * omegaStar[i]) {
            half[i] = t;
          }
        }
        SpectralState state = SpectralState.of(omega, mu);
        TrajectorySample sample = d == Dynamics.REDUCED ? TrajectorySample.reduced(t, f, state)
            : TrajectorySample.full(t, f, state, 1e-3 * Math.sqrt(t + 1));
        if (pass == 0) {
          samples.add(sample);
        } else {
          prediction.add(sample);
        }
      }
    }
    double tw = Double.NaN;
    double te = Double.NaN;
    double fLast = samples.get(samples.size() - 1).loss();
    for (TrajectorySample s : samples) {
      if (Double.isNaN(tw) && s.loss() <= 0.99 * f0) {
        tw = s.t();
      }
      if (Double.isNaN(te) && s.loss() - fLast <= 0.01 * (f0 - fLast)) {
        te = s.t();
      }
    }
    TrajectorySample last = samples.get(samples.size() - 1);
    RunRecord.Builder b = RunRecord.builder(spec.name(), d, c,
        d == Dynamics.SGD ? IntegratorInfo.sgd(1e-3) : IntegratorInfo.ode("DormandPrince853", 1e-10, 1e-12))
        .init(spec.init(), d == Dynamics.FULL ? 30 : spec.initScale())
        .seed(spec.seed())
        .tEnd(tEnd)
        .losses(f0, last.loss(), fStar)
        .markers(MarkerTimes.withoutTaskPhases(tw, te, half))
        .finalState(last.omegaArray(), last.muArray())
        .cost(12345, 1.5)
        .trajectory(samples);
    if (d != Dynamics.REDUCED) {
      b.fullModel(new FullModelSection(4096, d == Dynamics.FULL, last.offStructureNorm().orElseThrow(),
          last.loss() * 1.01, 0.003, Double.NaN, 0.02, Double.NaN, prediction));
    }
    return b.build();
  }

  /** Toy sweeps shaped like the P4 and P5 plots. */
  static List<Sweep> sweeps() {
    double[] ratio = {0.5, 1, 2, 4, 8, 16, 32};
    double[] p4 = new double[ratio.length];
    double[] p4theory = new double[ratio.length];
    double[] p5 = new double[ratio.length];
    for (int k = 0; k < ratio.length; k++) {
      p4theory[k] = Math.E * (ratio[k] + 1) / (ratio[k] + Math.E);
      p4[k] = p4theory[k] * (1 + 0.01 * ((k % 3) - 1));
      p5[k] = 3 * ratio[k] / (ratio[k] + 2);
    }
    return List.of(
        new Sweep("P4-ratio", MARK + "F_final / infimum against L/d", "L/d", "F_final / infimum", true, false,
            List.of(new Sweep.Series("synthetic measured", ratio, p4, false),
                new Sweep.Series("toy formula e(L+d)/(L+e d)", ratio, p4theory, true)),
            List.of(new Sweep.ReferenceLine("e", Math.E, true)), "Synthetic test data."),
        new Sweep("P5-separation", MARK + "F_single* / F* against L/d", "L/d", "F_single* / F*", true, false,
            List.of(new Sweep.Series("synthetic measured", ratio, p5, false)),
            List.of(new Sweep.ReferenceLine("limit n", 3, true)), ""));
  }
}
