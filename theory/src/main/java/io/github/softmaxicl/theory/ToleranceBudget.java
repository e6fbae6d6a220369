package io.github.softmaxicl.theory;

import java.util.Locale;

/**
 * A claim's tolerance together with the explanation of where it comes from, rendered from the same numbers, so
 * that no number of a budget is written twice (once in code, once in prose).
 *
 * @param tolerance the numerical tolerance
 * @param explanation the budget's explanation, as shown in the report and results.json
 */
public record ToleranceBudget(double tolerance, String explanation) {

  /**
   * P1-convergence: the integrator's relative tolerance (global error two orders below it) plus the off-task ω
   * tail, with a margin up to the claimed tolerance.
   *
   * @param tolerance the claimed relative tolerance on F, √d_i ω and μ
   * @param integratorRtol the reduced flow's relative tolerance
   */
  public static ToleranceBudget convergence(double tolerance, double integratorRtol) {
    return new ToleranceBudget(tolerance, "integrator rtol " + pow10(integratorRtol) + " (global error << "
        + pow10(integratorRtol * 100) + "); the off-task omega tail s = sum_{j!=i} d_j omega_j^2 (O(1/t^2)) is not "
        + "budgeted but removed exactly, by comparing with the closed form at the measured E_hh = e^(1+s): it "
        + "moved mu by up to 1.2e-6 at t_end = 3e4 on blocks of size 2, and the flow matched the moved point to "
        + "1e-10; the off-task mu tail is exponentially small");
  }

  /**
   * P1-certificate: the measured value is the Krawczyk contraction q (the largest, over tasks, coordinates and
   * sides, of |bound of K(X) − centre| / |bound of X − centre|), whose threshold 1 is the inclusion K(X) ⊂ X itself;
   * the certified box's radius lies far above the flow's tolerance (the flow's limit can land inside) and far below
   * the radius up to which the certificate still holds.
   *
   * @param radius the box's relative radius
   * @param integratorRtol the reduced flow's relative tolerance
   * @param certifiedRegion the largest radius the certificate was found to hold at
   */
  public static ToleranceBudget certificate(double radius, double integratorRtol, double certifiedRegion) {
    return new ToleranceBudget(1.0, "outward-rounded interval arithmetic (Krawczyk test, interval Hessian); "
        + "contraction q < 1 is the inclusion K(X) inside X (the verdict rests on the rigorous inclusion; q, "
        + "computed in doubles, reports its margin: O(radius) for a correct operator); the box radius "
        + pow10(radius) + " is far above the flow's " + pow10(integratorRtol) + " tolerance and far below the "
        + "certified region's " + pow10(certifiedRegion));
  }

  /**
   * A power of ten as written in the budgets, e.g. {@code 1e-6}.
   *
   * @throws IllegalArgumentException if {@code x} is not a power of ten (to 1e-9 relative)
   */
  public static String pow10(double x) {
    long e = Math.round(StrictMath.log10(x));
    // One test rejects every non-power, because NaN fails "<=": +inf gives inf/inf (a plain "> 1e-9" let it through
    // as "1e9223372036854775807"), 0 gives 0/0, NaN stays NaN, and x < 0 has log10 NaN, so e = 0 and |x - 1| > 1.
    if (!(StrictMath.abs(x / StrictMath.pow(10, e) - 1) <= 1e-9)) {
      throw new IllegalArgumentException("not a power of ten: " + x);
    }
    return String.format(Locale.ROOT, "1e%d", e);
  }
}
