/**
 * Validated (interval) integration of the reduced flow: an interval Taylor method with Lohner's QR wrapping
 * control, whose result is a tube of boxes proved to contain the exact solution of the log-coordinate flow of
 * MODEL.md §5 (reduced model (reconstruction)). The method and its sources are described in
 * docs/VALIDATED-INTEGRATION.md.
 *
 * <p>Entry point: {@link io.github.softmaxicl.numerics.validated.LohnerTaylorIntegrator#integrate}.
 */
package io.github.softmaxicl.numerics.validated;
