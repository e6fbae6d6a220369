package io.github.softmaxicl.numerics;

import java.util.Locale;

/** One kind of dynamics a run integrates (MODEL.md §2, §5). */
public enum Dynamics {
  /** The reduced spectral flow of the balanced branch (MODEL.md §5). */
  REDUCED,
  /** Gradient flow of the full model on a fixed prompt sample (MODEL.md §2, §9). */
  FULL,
  /** Stochastic gradient descent of the full model with fresh prompts (MODEL.md §2, §9). */
  SGD;

  /** Lower-case name as written in files and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
