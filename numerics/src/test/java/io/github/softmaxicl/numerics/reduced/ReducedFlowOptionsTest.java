package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions.Integrator;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions.Tail;
import org.junit.jupiter.api.Test;

/**
 * The options' validation at each limit (the limit itself and one step beyond), their documented defaults, and
 * that every {@code with...} changes exactly its own field. Pure value code: no integration runs here.
 */
class ReducedFlowOptionsTest {
  private static final ReducedFlowOptions D = ReducedFlowOptions.defaults();

  private static void rejected(String messagePart, org.junit.jupiter.api.function.Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue(e.getMessage().contains(messagePart), "message '" + e.getMessage() + "' names " + messagePart);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertSame(Integrator.DORMAND_PRINCE_853, D.integrator());
    assertSame(Tail.LINEARLY_IMPLICIT_EXTRAPOLATION, D.tail());
    assertTrue(D.fastField());
    assertEquals(1e-10, D.relTol(), 0.0);
    assertEquals(1e-10, D.absTol(), 0.0);
    assertEquals(1e-9, D.eventTimeAccuracy(), 0.0);
    assertEquals(20_000_000, D.maxEvaluations());
    assertEquals(40, D.samplesPerDecade());
    assertEquals(400, D.windowSamplesPerWarmup());
    assertEquals(600, D.denseWindowSamples());
  }

  @Test
  void tolerancesMustBePositiveAndFinite() {
    // The smallest positive double is accepted; 0, a negative value, NaN and +∞ are not, for each of the three.
    ReducedFlowOptions tiny = D.withTolerances(Double.MIN_VALUE, Double.MIN_VALUE);
    assertEquals(Double.MIN_VALUE, tiny.relTol(), 0.0);
    assertEquals(Double.MIN_VALUE, tiny.absTol(), 0.0);
    for (double bad : new double[] {0.0, -1e-10, Double.NaN, Double.POSITIVE_INFINITY}) {
      rejected("tolerances must be finite and > 0", () -> D.withTolerances(bad, 1e-10));
      rejected("tolerances must be finite and > 0", () -> D.withTolerances(1e-10, bad));
    }
  }

  @Test
  void eventTimeAccuracyIsCarriedThroughEveryCopy() {
    // It has no setter (its range check is reachable only with the default 1e-9; see
    // docs/EQUIVALENT-MUTANTS-numerics-reduced.md): every copy keeps the stored value.
    assertEquals(1e-9, D.withTolerances(1e-6, 1e-7).withMaxEvaluations(5000).eventTimeAccuracy(), 0.0);
  }

  @Test
  void evaluationLimitIsAtLeastAThousand() {
    assertEquals(1000, D.withMaxEvaluations(1000).maxEvaluations());
    rejected("maxEvaluations >= 1000", () -> D.withMaxEvaluations(999));
  }

  @Test
  void sampleDensitiesAreAtLeastOne() {
    ReducedFlowOptions one = D.withSampling(1, 1);
    assertEquals(1, one.samplesPerDecade());
    assertEquals(1, one.windowSamplesPerWarmup());
    rejected("sample densities >= 1", () -> D.withSampling(0, 1));
    rejected("sample densities >= 1", () -> D.withSampling(1, 0));
  }

  @Test
  void denseWindowSamplesAreZeroOrAtLeastTwo() {
    // One sample cannot span a window (its spacing (hi − lo)/(count − 1) divides by zero): 1 is rejected, as is −1.
    assertEquals(0, D.withDenseWindowSamples(0).denseWindowSamples());
    assertEquals(2, D.withDenseWindowSamples(2).denseWindowSamples());
    rejected("dense window samples 0 or >= 2", () -> D.withDenseWindowSamples(1));
    rejected("dense window samples 0 or >= 2", () -> D.withDenseWindowSamples(-1));
  }

  @Test
  void eachWithChangesOnlyItsOwnField() {
    ReducedFlowOptions gbs = D.withIntegrator(Integrator.GRAGG_BULIRSCH_STOER);
    assertSame(Integrator.GRAGG_BULIRSCH_STOER, gbs.integrator());
    assertSame(D.tail(), gbs.tail());
    assertEquals(D.relTol(), gbs.relTol(), 0.0);

    ReducedFlowOptions same = D.withTail(Tail.SAME_INTEGRATOR);
    assertSame(Tail.SAME_INTEGRATOR, same.tail());
    assertSame(D.integrator(), same.integrator());

    ReducedFlowOptions tol = D.withTolerances(1e-6, 1e-7);
    assertEquals(1e-6, tol.relTol(), 0.0);
    assertEquals(1e-7, tol.absTol(), 0.0);
    assertEquals(D.maxEvaluations(), tol.maxEvaluations());

    ReducedFlowOptions sampling = D.withSampling(7, 11);
    assertEquals(7, sampling.samplesPerDecade());
    assertEquals(11, sampling.windowSamplesPerWarmup());
    assertEquals(D.denseWindowSamples(), sampling.denseWindowSamples());

    ReducedFlowOptions reference = D.withFastField(false);
    assertFalse(reference.fastField());
    assertTrue(reference.withFastField(true).fastField());
    assertEquals(D.windowSamplesPerWarmup(), reference.windowSamplesPerWarmup());

    ReducedFlowOptions dense = D.withDenseWindowSamples(3);
    assertEquals(D.samplesPerDecade(), dense.samplesPerDecade());
    assertEquals(D.eventTimeAccuracy(), dense.eventTimeAccuracy(), 0.0);
  }

  @Test
  void integratorNamesAreTheRecordedLabels() {
    assertEquals("DormandPrince853", Integrator.DORMAND_PRINCE_853.label());
    assertEquals("GraggBulirschStoer", Integrator.GRAGG_BULIRSCH_STOER.label());
    assertEquals("DormandPrince54", Integrator.DORMAND_PRINCE_54.label());
    assertEquals("DormandPrince853+LinearlyImplicitEulerExtrapolation", D.integratorName());
    assertEquals("DormandPrince54", D.withIntegrator(Integrator.DORMAND_PRINCE_54).withTail(Tail.SAME_INTEGRATOR)
        .integratorName());
    assertEquals("GraggBulirschStoer+LinearlyImplicitEulerExtrapolation",
        D.withIntegrator(Integrator.GRAGG_BULIRSCH_STOER).integratorName());
  }
}
