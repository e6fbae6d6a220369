package io.github.softmaxicl.experiments;

import io.github.softmaxicl.experiments.sweeps.SweepSettings;
import io.github.softmaxicl.numerics.full.PaperSgdProtocol;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 */
public record Settings(Mode mode, int allocationCases, long allocationFirstSeed, double allocationTEnd,
    SweepSettings sweeps, List<LadderRung> ladder, int ladderSamples, int driftPrompts, double driftTEnd,
    ProblemConfig saddleConfig, int saddleDraws, double saddleTEnd, int flowDraws, double flowCriterion,
    int flowMaxTokenDim, int flowMaxPromptLength, boolean paperSgd) {

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
        || flowDraws < 1) {
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
    return new Settings(Mode.QUICK, 40, 1000, 3.0e4, SweepSettings.quick(),
        List.of(new LadderRung(1, 10, 1024, 7.5), new LadderRung(2, 30, 1024, 7.5)), 3,
        4000, 16, saddleProblem(), 96, 40,
        1024, 7.5, 12, 48, false);
  }

  /** Paper size: more allocation cases, a longer ladder on larger samples, and the paper-sized SGD. */
  public static Settings full() {
    return new Settings(Mode.FULL, 400, 1000, 3.0e4, SweepSettings.full(),
        List.of(new LadderRung(1, 10, 4096, 15), new LadderRung(2, 30, 4096, 15), new LadderRung(3, 60, 4096, 15)),
        4, 4000, 16, saddleProblem(), 96, 40,
        4096, 15.0, 20, 100, true);
  }

  private static ProblemConfig saddleProblem() {
    return ProblemConfig.of(8, new int[] {4, 4}, 2, 40, 0.0, 1.0);
  }

  /**
   * The SGD protocol sized for a preset, or empty when this mode runs none for it. {@code small} runs the CI-sized
   * protocol in every mode; {@code paper} runs the paper-sized one only where {@link #paperSgd()} holds.
   */
  public Optional<PaperSgdProtocol> sgdProtocol(Preset preset) {
    if (preset == Preset.SMALL) {
      return Optional.of(PaperSgdProtocol.quick());
    }
    if (preset == Preset.PAPER && paperSgd) {
      return Optional.of(PaperSgdProtocol.full());
    }
    return Optional.empty();
  }
}
