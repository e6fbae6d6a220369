package io.github.softmaxicl.experiments;

import io.github.softmaxicl.experiments.sweeps.SweepSettings;
import io.github.softmaxicl.numerics.full.AdaptiveStep;
import io.github.softmaxicl.numerics.full.PaperSgdProtocol;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every size that depends on the mode ({@code --quick} or {@code --full}), in one place: the allocation property's
 * cases, the sweeps, the P6 ladder, the criterion drift and saddle measurements, the deterministic full flow's
 * sample and the SGD protocols. Start from {@link #quick()} or {@link #full()}.
 *
 * @param mode the mode these sizes belong to
 * @param allocationCases seeded random cases of the allocation property (P3)
 * @param allocationFirstSeed seed of the first allocation case (the others follow consecutively)
 * @param allocationTEnd horizon of each allocation case: emergence of every drawn case happens well before it
 * @param sweeps sizes and tolerances of the P4, P5, P7, model-error and few-heads sweeps
 * @param ladder the P6 ladder's rungs, in ladder order
 * @param ladderSamples independent samples per ladder rung
 * @param driftPrompts P6-criterion: prompts of the plain sample (criterion violated)
 * @param driftTEnd P6-criterion: horizon, short enough for attention to stay uniform
 * @param saddleConfig P6-saddle: the problem (blocks 4+4, H = 2, L = 40)
 * @param saddleDraws P6-saddle: symmetrised draws of the fixed sample
 * @param saddleTEnd P6-saddle: horizon
 * @param flowDraws deterministic full flow: independent draws of the fixed sample, unless the run sets them
 * @param flowCriterion deterministic full flow: the target criterion ω(0)√(L N) the start is scaled to
 * @param flowMaxTokenDim deterministic full flow: largest D it runs on
 * @param flowMaxPromptLength deterministic full flow: largest L it runs on
 * @param paperSgd true if the paper-sized SGD protocol (about 3 minutes on 2 cores) runs in this mode
 * @param configurationCases seeded random cases of the per-run claims' property (P1-P3-P7-configurations)
 * @param configurationFirstSeed seed of its first case (the others follow consecutively)
 */
public record Settings(Mode mode, int allocationCases, long allocationFirstSeed, double allocationTEnd,
    SweepSettings sweeps, List<LadderRung> ladder, int ladderSamples, int driftPrompts, double driftTEnd,
    ProblemConfig saddleConfig, int saddleDraws, double saddleTEnd, int flowDraws, double flowCriterion,
    int flowMaxTokenDim, int flowMaxPromptLength, boolean paperSgd, int configurationCases,
    long configurationFirstSeed) {

  /**
   * A rung of the P6 ladder: blocks b+b, H = 2, prompt length L, N symmetrised draws, and the criterion
   * ω(0)√(L N) the start is scaled to.
   *
   * @param blockSize b
   * @param promptLength L
   * @param draws N
   * @param criterion the target criterion
   */
  public record LadderRung(int blockSize, int promptLength, int draws, double criterion) {}

  /** Validates and copies. */
  public Settings {
    Objects.requireNonNull(mode);
    Objects.requireNonNull(sweeps);
    Objects.requireNonNull(saddleConfig);
    ladder = List.copyOf(ladder);
    if (allocationCases < 1 || ladder.isEmpty() || ladderSamples < 1 || driftPrompts < 1 || saddleDraws < 1
        || flowDraws < 1 || configurationCases < 1) {
      throw new IllegalArgumentException("every count of the settings must be >= 1");
    }
  }

  /** The settings of a mode. */
  public static Settings of(Mode mode) {
    return mode == Mode.FULL ? full() : quick();
  }

  /**
   * CI size (minutes on 2 cores). The ladder's model errors all shrink along it: L grows faster than the blocks,
   * so e/L, 1/d and d/L all fall (at a fixed d/L = 0.1 a systematic ≈ 7 % was measured that does not shrink with
   * b; see the README); each rung runs on several independent samples so that the systematic discrepancy can be
   * told from one sample's noise.
   */
  public static Settings quick() {
    return new Settings(Mode.QUICK, 40, 1000, 3.0e4, quickSweeps(),
        List.of(new LadderRung(1, 10, 1024, 7.5), new LadderRung(2, 30, 1024, 7.5)), 3,
        4000, 16, saddleProblem(), 96, 40,
        1024, 7.5, 12, 48, false, 50, 20_000);
  }

  /** Paper size: more allocation cases, a longer ladder on larger samples, and the paper-sized SGD. */
  public static Settings full() {
    return new Settings(Mode.FULL, 400, 1000, 3.0e4, fullSweeps(),
        List.of(new LadderRung(1, 10, 4096, 15), new LadderRung(2, 30, 4096, 15), new LadderRung(3, 60, 4096, 15)),
        4, 4000, 16, saddleProblem(), 96, 40,
        4096, 15.0, 20, 100, true, 500, 20_000);
  }

  /**
   * CI size: blocks {4,4}, {8,8,8}, {16,17,17} at 5 lengths L/d = 1 .. 100; P7 on {@code paper} at
   * L' = L/4 .. 16 L with 8,000 prompts each; model-error ladder d = 8+8, ω = 0.35, μ = 2.5 at L = 100 .. 800
   * with 10,000 prompts each; H &lt; n observation on blocks 4,4,4 at L = 1000 with H = 1, 2, 3.
   */
  private static SweepSettings quickSweeps() {
    return new SweepSettings(
        List.of(List.of(4, 4), List.of(8, 8, 8), List.of(16, 17, 17)), 5, 1.0, 100.0,
        3.0e4, 3.0e7, 1e-6,
        Preset.PAPER.config(), List.of(0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0), 8_000, 0.02,
        ProblemConfig.of(16, new int[] {8, 8}, 2, 100, 0.0, 1.0), 0.35, 2.5, List.of(100, 200, 400, 800), 10_000,
        ProblemConfig.of(12, new int[] {4, 4, 4}, 3, 1000, 0.0, 1.0), List.of(1, 2, 3),
        20240229L);
  }

  /**
   * Paper size: adds the unequal blocks {8,16} and 9 lengths per block set; P7 from L/8 to 32 L with 40,000
   * prompts; model-error ladder L = 50 .. 3200 with 40,000 prompts; H = 1..4 in the observation.
   */
  private static SweepSettings fullSweeps() {
    return new SweepSettings(
        List.of(List.of(4, 4), List.of(8, 16), List.of(8, 8, 8), List.of(16, 17, 17)), 9, 1.0, 100.0,
        3.0e4, 3.0e7, 1e-6,
        Preset.PAPER.config(), List.of(0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0), 40_000, 0.02,
        ProblemConfig.of(16, new int[] {8, 8}, 2, 100, 0.0, 1.0), 0.35, 2.5,
        List.of(50, 100, 200, 400, 800, 1600, 3200), 40_000,
        ProblemConfig.of(12, new int[] {4, 4, 4}, 3, 1000, 0.0, 1.0), List.of(1, 2, 3, 4),
        20240229L);
  }

  private static ProblemConfig saddleProblem() {
    return ProblemConfig.of(8, new int[] {4, 4}, 2, 40, 0.0, 1.0);
  }

  /**
   * True if the validated integration behind P1-proof, P2-proof and P3-proof (seconds to a minute of CPU per
   * configuration) runs on this configuration: in quick mode on the preset {@code small} only (about 3 s CPU),
   * with {@code --full} on every configuration, and on any configuration whose request selects either claim; never
   * when the request selects claims and neither of them (the tube would be computed for nothing, and drawn).
   */
  public boolean provesPhases(RunSpec spec, Set<String> selectedClaims) {
    boolean named = selectedClaims.contains(io.github.softmaxicl.theory.Claims.P1_PROOF.id())
        || selectedClaims.contains(io.github.softmaxicl.theory.Claims.P2_PROOF.id())
        || selectedClaims.contains(io.github.softmaxicl.theory.Claims.P3_PROOF.id());
    if (named) {
      return true;
    }
    if (!selectedClaims.isEmpty()) {
      return false;
    }
    if (mode == Mode.FULL) {
      return true;
    }
    return Preset.SMALL.id().equals(spec.name()) && Preset.SMALL.config().equals(spec.config())
        && spec.initScale() == 1.0;
  }

  /**
   * The SGD protocol sized for a preset, or empty when this mode runs none for it. {@code small} and
   * {@code small-noisy} run the CI-sized protocol in every mode; {@code paper} runs the paper-sized one only where {@link #paperSgd()} holds.
   */
  public Optional<PaperSgdProtocol> sgdProtocol(Preset preset) {
    if (preset == Preset.SMALL || preset == Preset.SMALL_NOISY) {
      // CI size: small (with or without label noise), B = 256, eps = 0.01 (seconds on 2 cores).
      return Optional.of(PaperSgdProtocol.of(preset, 256, AdaptiveStep.of(0.01, 50, 1.05, 1.0), 10, 200_000));
    }
    if (preset == Preset.PAPER && paperSgd) {
      // Paper size: B = 500, eps = 0.02.
      return Optional.of(PaperSgdProtocol.of(Preset.PAPER, 500, AdaptiveStep.of(0.02, 50, 1.05, 1.0), 10, 2_000_000));
    }
    return Optional.empty();
  }
}
