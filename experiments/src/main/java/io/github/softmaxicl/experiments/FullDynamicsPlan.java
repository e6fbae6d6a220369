package io.github.softmaxicl.experiments;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Optional;

/**
 * Which full-model runs fit a mode, and at what size (MODEL.md §9). The deterministic flow on a fixed sample
 * only means something where ω(0)·√(L·N) ≫ 1, so the start is scaled by k to reach a target criterion with N
 * independent draws; its cost grows like N·4^n·L·D²·H, so it runs only on small problems. SGD at the paper init
 * follows the authors' protocol with a control variate, on the presets it was sized for.
 */
final class FullDynamicsPlan {
  private FullDynamicsPlan() {}

  /** Size of a deterministic full flow: k, N and the criterion it reaches. */
  record FlowSize(double initScale, int draws, double criterion) {}

  /**
   * The size of the full flow for a run, or empty (with the reason in {@code why}) when it does not fit the mode.
   */
  static Optional<FlowSize> flow(RunSpec spec, Settings settings, StringBuilder why) {
    ProblemConfig c = spec.config();
    boolean quick = settings.mode() == Mode.QUICK;
    int maxD = settings.flowMaxTokenDim();
    int maxL = settings.flowMaxPromptLength();
    int maxTasks = 3;
    if (c.tokenDim() > maxD || c.promptLength() > maxL || c.tasks() > maxTasks || c.heads() > 4) {
      long need = (long) c.promptLength() * c.promptLength() * c.tokenDim();
      why.append("the deterministic full flow needs N >> L^2 D = ").append(need)
          .append(" draws at the paper init (MODEL.md §9), or a scaled start with N draws x 4^n images; it fits ")
          .append(quick ? "--quick" : "--full").append(" only for D <= ").append(maxD).append(", L <= ").append(maxL)
          .append(", n <= 3, H <= 4 (use --dynamics sgd for the paper-sized protocol)");
      return Optional.empty();
    }
    int draws = spec.prompts().orElse(settings.flowDraws());
    // A configuration file's explicit init_scale wins; otherwise k reaches the mode's target criterion.
    double k = spec.initScale() != 1.0 ? spec.initScale() : initScaleFor(c, draws, settings.flowCriterion());
    return Optional.of(new FlowSize(k, draws, criterion(c, k, draws)));
  }

  /**
   * The factor k on the paper init that gives ω(0)·√(L·N) = {@code target} with N independent draws (never
   * below 1: the paper init itself when it already meets the target).
   */
  static double initScaleFor(ProblemConfig c, int draws, double target) {
    return Math.max(1.0, target / criterion(c, 1.0, draws));
  }

  /** MODEL.md §9's criterion ω(0)·√(L·N) of the paper init scaled by k. */
  static double criterion(ProblemConfig c, double k, int draws) {
    return k * Initialisations.paper(c).omega(0, 0) * Math.sqrt((double) c.promptLength() * draws);
  }

  /** The preset whose SGD protocol fits the mode ({@link Settings#sgdProtocol}), or empty with the reason. */
  static Optional<Preset> sgd(RunSpec spec, Settings settings, StringBuilder why) {
    for (Preset p : Preset.values()) {
      if (p.id().equals(spec.name()) && p.config().equals(spec.config())) {
        if (settings.sgdProtocol(p).isPresent()) {
          return Optional.of(p);
        }
        why.append(p == Preset.PAPER ? "paper-sized SGD (about 3 minutes on 2 cores) runs with --full"
            : "no SGD protocol is sized for " + p.id());
        return Optional.empty();
      }
    }
    why.append("the SGD protocol is sized for the presets small and paper only");
    return Optional.empty();
  }
}
