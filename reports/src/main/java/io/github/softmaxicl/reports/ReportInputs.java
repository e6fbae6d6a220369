package io.github.softmaxicl.reports;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.experiments.FullModelSection;
import io.github.softmaxicl.experiments.IntegratorInfo;
import io.github.softmaxicl.experiments.JobRequest;
import io.github.softmaxicl.experiments.JobResult;
import io.github.softmaxicl.experiments.RunRecord;
import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.reports.html.PageInput;
import io.github.softmaxicl.reports.html.Provenance;
import io.github.softmaxicl.reports.html.RunFacts;
import io.github.softmaxicl.reports.html.RunKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The adapter between the package's result records and the report: the only place that reads {@link ReportData},
 * {@link JobRequest}, {@link JobResult}, {@link VersionInfo}, {@link RunRecord}, {@link FullModelSection} and {@link IntegratorInfo} for
 * the page, so that a change of those records touches the report here only.
 */
final class ReportInputs {
  private ReportInputs() {}

  /** Everything the page shows. */
  static PageInput page(ReportData data) {
    JobResult result = data.result();
    List<RunFacts> runs = new ArrayList<>();
    for (RunRecord r : result.runs()) {
      runs.add(run(r));
    }
    List<String> reruns = new ArrayList<>();
    for (Verdict v : result.verdicts()) {
      reruns.add(RerunCommand.of(data.request(), v));
    }
    Map<String, List<Verdict>> rows = new LinkedHashMap<>();
    for (Verdict v : result.verdicts()) {
      rows.computeIfAbsent(v.claimId(), k -> new ArrayList<>()).add(v);
    }
    Map<String, String> claimReruns = new LinkedHashMap<>();
    for (Map.Entry<String, List<Verdict>> e : rows.entrySet()) {
      claimReruns.put(e.getKey(), RerunCommand.forClaim(data.request(), e.getKey(), e.getValue()));
    }
    return new PageInput(runs, result.verdicts(), result.sweeps(), provenance(data), reruns, claimReruns);
  }

  static Provenance provenance(ReportData data) {
    JobRequest req = data.request();
    VersionInfo v = data.versions();
    RunStamp stamp = data.stamp();
    BuildStamp build = stamp.build();
    List<String> deps = new ArrayList<>();
    for (RuntimeDependencies.Dependency d : stamp.dependencies()) {
      deps.add(d.coordinates());
    }
    List<Provenance.Stage> stages = new ArrayList<>();
    for (StageTime t : stamp.stages()) {
      stages.add(new Provenance.Stage(t.name(), t.typicalQuickSeconds(), t.wallSeconds()));
    }
    return new Provenance(req.commandLine(), req.mode().id(), DynamicsOption.text(req.dynamics()), req.threads(), v.name(),
        v.version(), v.java(), v.hipparchus(), v.ejml(), v.commonsRng(), ResultsJsonWriter.iso(data.started()),
        data.wallSeconds(), build.describe(), build.known() && Boolean.FALSE.equals(build.dirty()),
        req.runs().get(0).seed(), stamp.machine().describe(), deps, stages);
  }

  static RunFacts run(RunRecord r) {
    RunKind kind = kind(r.dynamics());
    FullModelSection section = r.fullModel().orElse(null);
    RunFacts.FullModel full = section == null ? null : new RunFacts.FullModel(section.symmetrised(),
        section.offStructureNorm(), section.fFresh(), section.fFreshSe(), section.escapeTime(),
        section.saddleRatePredicted(), section.saddleRateMeasured());
    Integer prompts = section == null ? null : section.prompts();
    List<TrajectorySample> prediction = section == null ? List.of() : section.reducedPrediction();
    IntegratorInfo in = r.integrator();
    return new RunFacts(r.runId(), kind, r.config(), r.init(), r.initScale(), r.seed(), prompts, r.tEnd(),
        r.f0(), r.fFinal(), r.fStar(), r.markers(), r.allocation(), full,
        new RunFacts.Integrator(in.name(), in.relTol(), in.absTol(), in.learningRate()), r.evaluations(),
        r.wallSeconds(), r.trajectoryCsv(), r.trajectory(), prediction, r.emergenceSamples());
  }

  static RunKind kind(Dynamics d) {
    switch (d) {
      case REDUCED:
        return RunKind.REDUCED;
      case FULL:
        return RunKind.FULL;
      default:
        return RunKind.SGD;
    }
  }
}
