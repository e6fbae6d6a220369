/**
 * Integration of the balanced spectral flow of the leading-order reduced loss (MODEL.md §4–§7, reduced model
 * (reconstruction)) with Hipparchus: the ODE in log coordinates, phase-marker event detectors, trajectory
 * sampling, a stiff tail integrator for the convergence phase, and the single-head optimum.
 *
 * <p>Entry points: {@link io.github.softmaxicl.numerics.reduced.ReducedFlowRunner#run} and
 * {@link io.github.softmaxicl.numerics.reduced.SingleHeadOptimum#solve}.
 */
package io.github.softmaxicl.numerics.reduced;
