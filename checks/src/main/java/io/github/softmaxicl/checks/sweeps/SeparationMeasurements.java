package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the P5 separation sweep measured (reduced model (reconstruction)): per block set, the optimal single head
 * at each prompt length of the grid. Immutable.
 *
 * @param sets the block sets, in grid order
 */
public record SeparationMeasurements(List<BlockSet> sets) {
  /** Copies the list. */
  public SeparationMeasurements {
    sets = List.copyOf(sets);
  }

  /**
   * One block set of the grid.
   *
   * @param blocks the block sizes (their sum is d)
   * @param optima one per prompt length, increasing in L
   */
  public record BlockSet(List<Integer> blocks, List<Optimum> optima) {
    /** Copies the lists. */
    public BlockSet {
      blocks = List.copyOf(blocks);
      optima = List.copyOf(optima);
    }
  }

  /**
   * One single-head optimum (H = 1), or why there is none.
   *
   * @param config the problem at this prompt length (H = n; the optimum has H = 1)
   * @param failure why the optimiser failed, null if it was computed
   * @param fSingle F_single*, the smallest loss found
   * @param fStar the multi-head limit F*
   * @param sharpness Σ_j d_j ω_j² at the minimiser
   * @param omega the minimiser ω_1..ω_n
   * @param gradientNorm the optimiser's residual gradient norm
   * @param minHessianEigenvalue the Hessian's smallest eigenvalue at the minimiser (&gt; 0 certifies a minimum)
   */
  public record Optimum(ProblemConfig config, @Nullable String failure, double fSingle, double fStar,
      double sharpness, List<Double> omega, double gradientNorm, double minHessianEigenvalue) {
    /** Copies the list. */
    public Optimum {
      omega = List.copyOf(omega);
    }

    /** A grid point whose optimum was not computed. */
    public static Optimum failed(ProblemConfig config, String failure) {
      return new Optimum(config, failure, Double.NaN, Double.NaN, Double.NaN, List.of(), Double.NaN, Double.NaN);
    }

    /** F_single* / F*. */
    public double ratio() {
      return fSingle / fStar;
    }
  }
}
