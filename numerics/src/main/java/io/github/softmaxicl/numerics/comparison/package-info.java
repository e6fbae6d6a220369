/**
 * Full model against its reduced spectral flow (claim P6 of MODEL.md; reduced model (reconstruction)): the
 * deterministic full gradient flow on a symmetrised fixed sample and the balanced reduced flow, run from the
 * same scaled paper init, compared through the warm-up, in allocation and in emergence times, with an error
 * budget that names the reduction's error sources (MODEL.md §4, §9).
 */
package io.github.softmaxicl.numerics.comparison;
