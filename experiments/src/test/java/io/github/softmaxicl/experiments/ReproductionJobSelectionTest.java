package io.github.softmaxicl.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.Preset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The job runs only the experiments the request selects (by dynamics and claims) and keeps only their verdicts. */
class ReproductionJobSelectionTest {
  private static final ProgressSink QUIET = new ProgressSink() {
    @Override
    public void progress(String run, double t, double tEnd, double loss) {}

    @Override
    public void message(String text) {}
  };

  /** Records its calls; gives one error verdict per declared claim (errors need no measured value). */
  private static class Fake implements Experiment {
    final String name;
    final List<Claim> claims;
    final Dynamics dynamics;
    final List<String> log;

    Fake(String name, Dynamics dynamics, List<String> log, Claim... claims) {
      this.name = name;
      this.claims = List.of(claims);
      this.dynamics = dynamics;
      this.log = log;
    }

    @Override
    public Outcome run(Settings settings, Context context) {
      log.add(name);
      return verdicts("sweep");
    }

    Outcome verdicts(String run) {
      Outcome.Collector out = new Outcome.Collector();
      for (Claim c : claims) {
        out.verdict(Verdicts.error(c, run, "fake"));
      }
      return out.outcome();
    }

    @Override
    public List<Claim> claims() {
      return claims;
    }

    @Override
    public Dynamics dynamics() {
      return dynamics;
    }
  }

  private static final class FakePerRun extends Fake implements PerRunExperiment {
    FakePerRun(String name, Dynamics dynamics, List<String> log, Claim... claims) {
      super(name, dynamics, log, claims);
    }

    @Override
    public Outcome runOne(RunSpec spec, Settings settings, Context context) {
      log.add(name + ":" + spec.name());
      return verdicts(spec.runId(dynamics));
    }

    @Override
    public Outcome run(Settings settings, Context context) {
      return PerRunExperiment.super.run(settings, context);
    }
  }

  private final List<String> log = new ArrayList<>();

  private ReproductionJob job() {
    return new ReproductionJob(() -> List.of(
        new FakePerRun("reduced", Dynamics.REDUCED, log, Claims.P1_CONVERGENCE, Claims.P2_PHASES),
        new Fake("sweeps", Dynamics.REDUCED, log, Claims.P4_OPTIMALITY, Claims.P5_SEPARATION),
        new Fake("saddle", Dynamics.FULL, log, Claims.P6_SADDLE),
        new FakePerRun("full", Dynamics.FULL, log, Claims.P6_TECHNIQUE),
        new FakePerRun("sgd", Dynamics.SGD, log, Claims.P6_SGD)));
  }

  private static JobRequest request(Set<Dynamics> dynamics, Set<String> claims) {
    List<RunSpec> runs = new ArrayList<>();
    for (Preset p : List.of(Preset.SMALL, Preset.PAPER)) {
      runs.add(new RunSpec(p.id(), "preset " + p.id(), p.config(), "paper", 1.0, 1L, OptionalInt.empty(),
          p.defaultTEnd()));
    }
    return new JobRequest(runs, dynamics, Mode.QUICK, 1, List.of(), claims);
  }

  private static List<String> ids(JobResult r) {
    return r.verdicts().stream().map(v -> v.claimId() + "@" + v.run()).toList();
  }

  @Test
  void withoutSelectionEverythingRunsInResultsOrder() {
    JobResult r = job().run(request(EnumSet.allOf(Dynamics.class), Set.of()), QUIET);
    // Full flow and SGD of one configuration stay together, after the configuration-independent experiments.
    assertEquals(List.of("reduced:small", "reduced:paper", "sweeps", "saddle", "full:small", "sgd:small",
        "full:paper", "sgd:paper"), log);
    assertEquals(11, r.verdicts().size());
  }

  @Test
  void dynamicsExcludeExperiments() {
    job().run(request(EnumSet.of(Dynamics.REDUCED), Set.of()), QUIET);
    assertEquals(List.of("reduced:small", "reduced:paper", "sweeps"), log);
  }

  @Test
  void aSelectedClaimRunsOnlyItsExperimentAndKeepsOnlyItsVerdicts() {
    JobResult r = job().run(request(EnumSet.allOf(Dynamics.class), Set.of("P5-separation")), QUIET);
    assertEquals(List.of("sweeps"), log);
    assertEquals(List.of("P5-separation@sweep"), ids(r));
  }

  @Test
  void aPerRunSelectionRunsOnEveryConfiguration() {
    JobResult r = job().run(request(EnumSet.allOf(Dynamics.class), Set.of("P2-phases", "P6-technique")), QUIET);
    assertEquals(List.of("reduced:small", "reduced:paper", "full:small", "full:paper"), log);
    assertEquals(List.of("P2-phases@small-reduced", "P2-phases@paper-reduced", "P6-technique@small-full",
        "P6-technique@paper-full"), ids(r));
  }

  @Test
  void theDefaultJobDeclaresEverySelectableExperimentOnce() {
    // The real experiments: selecting a sweep claim picks the sweeps experiment only.
    List<Experiment> chosen = new ArrayList<>();
    for (Experiment e : ReproductionJob.experiments()) {
      if (ReproductionJob.selected(e, request(EnumSet.allOf(Dynamics.class), Set.of("P4-optimality")))) {
        chosen.add(e);
      }
    }
    assertEquals(1, chosen.size());
    assertEquals(SweepsExperiment.class, chosen.get(0).getClass());
  }
}
