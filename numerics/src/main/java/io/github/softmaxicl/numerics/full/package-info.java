/**
 * The full model of MODEL.md §1–2 (one-layer multi-head softmax attention on in-context multi-task linear
 * regression): portable seeded prompt sampling, the forward pass and analytic gradient of the sample-average
 * loss over all weights Q^h, K^h, V^h, O^h, the spectral read-out of §3, Monte Carlo population loss, the
 * deterministic gradient flow on a fixed sample and stochastic gradient descent with fresh prompts.
 *
 * <p>Reduced model (reconstruction): the set-up follows the authors' public simulation code as recorded in
 * MODEL.md; nothing here quotes the paper's theorems.
 *
 * <p>Determinism: every random number comes from Commons RNG generators seeded from (seed, draw index), every
 * sum over prompts is taken in a fixed order of fixed-size chunks, so results are bit-identical for any thread
 * count; exponentials use {@link org.hipparchus.util.FastMath}.
 */
package io.github.softmaxicl.numerics.full;
