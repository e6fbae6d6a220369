package io.github.softmaxicl.numerics.reduced;

/**
 * Where the reduced flow reports how far it has got, at every recorded sample (geometrically spaced in t, finely
 * through the emergence window): a run with hundreds of head–task pairs can take a minute, and a user must see it
 * move. Observing only: nothing reported feeds back into the integration, so results do not depend on it.
 */
@FunctionalInterface
public interface ReducedFlowProgress {
  /** Reports nothing. */
  ReducedFlowProgress SILENT = (t, loss) -> {};

  /**
   * The flow has reached time {@code t} with loss {@code loss}.
   *
   * @param t time reached
   * @param loss F at that time
   */
  void reached(double t, double loss);
}
