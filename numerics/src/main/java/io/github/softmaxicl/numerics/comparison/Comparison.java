package io.github.softmaxicl.numerics.comparison;

import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.ProblemConfig;
import org.hipparchus.util.FastMath;

/**
 * The outcome of {@link FullVsReduced#compare}: full gradient flow on a fixed symmetrised sample against the
 * reduced flow from the same start (reduced model (reconstruction)). Times never reached are NaN; heads and
 * tasks from 0. Both runs are kept whole for plotting (reduced prediction overlaid dashed).
 *
 * @param config the problem
 * @param initScale k of the common start (paper init × k)
 * @param draws independent draws N of the full flow's sample
 * @param seed the sample's seed
 * @param criterion ω(0)√(L N), the criterion of MODEL.md §9 (≫ 1 for the reduction to hold in the warm-up)
 * @param windowEnd t_win, end of the comparison window (see {@link FullVsReduced})
 * @param maxOmegaDeviation max over t ≤ t_win and (h, i) of |ω_full/ω_red − 1|
 * @param maxMuDeviation max over t ≤ t_win and (h, i) of |μ_full/μ_red − 1|
 * @param fullAllocation per task, the full run's head with the largest μω at t_end
 * @param reducedAllocation the same for the reduced run
 * @param fullHalfSignalTimes per task, the full run's half-signal time
 * @param reducedHalfSignalTimes the same for the reduced run
 * @param fullEmergenceEnd full run's t_e (in-sample F against the reduced F*; may be NaN where the full model's
 *     own limit loss lies above F* + 1 % of F(0) − F*)
 * @param reducedEmergenceEnd reduced run's t_e
 * @param budget the error sources and budgets
 * @param full the full run
 * @param reduced the reduced run
 */
public record Comparison(ProblemConfig config, double initScale, int draws, long seed, double criterion,
    double windowEnd, double maxOmegaDeviation, double maxMuDeviation, int[] fullAllocation,
    int[] reducedAllocation, double[] fullHalfSignalTimes, double[] reducedHalfSignalTimes, double fullEmergenceEnd,
    double reducedEmergenceEnd, ErrorBudget budget, FullRun full, ReducedRun reduced) {

  /** Defensive copies of the arrays. */
  public Comparison {
    fullAllocation = fullAllocation.clone();
    reducedAllocation = reducedAllocation.clone();
    fullHalfSignalTimes = fullHalfSignalTimes.clone();
    reducedHalfSignalTimes = reducedHalfSignalTimes.clone();
  }

  /** max(ω, μ) deviation over the window. */
  public double maxDeviation() {
    return FastMath.max(maxOmegaDeviation, maxMuDeviation);
  }

  /** Whether both runs allocate every task to the same head. */
  public boolean sameAllocation() {
    return java.util.Arrays.equals(fullAllocation, reducedAllocation);
  }

  /** max over tasks of |t_half,full / t_half,red − 1| (NaN if a time is missing). */
  public double maxHalfSignalTimeDeviation() {
    double m = 0;
    for (int i = 0; i < fullHalfSignalTimes.length; i++) {
      double r = FastMath.abs(fullHalfSignalTimes[i] / reducedHalfSignalTimes[i] - 1);
      if (Double.isNaN(r)) {
        return Double.NaN;
      }
      m = FastMath.max(m, r);
    }
    return m;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "%s k=%.3g N=%d criterion=%.2f window=%.3f dev(omega)=%.4f dev(mu)=%.4f [budget %.4f] alloc %s/%s "
            + "t_half full %s red %s rel %.4f [budget %.4f] t_e full %.3f red %.3f",
        config, initScale, draws, criterion, windowEnd, maxOmegaDeviation, maxMuDeviation,
        budget.warmupDeviation(), java.util.Arrays.toString(fullAllocation),
        java.util.Arrays.toString(reducedAllocation), java.util.Arrays.toString(fullHalfSignalTimes),
        java.util.Arrays.toString(reducedHalfSignalTimes), maxHalfSignalTimeDeviation(), budget.emergenceTime(),
        fullEmergenceEnd, reducedEmergenceEnd);
  }
}
