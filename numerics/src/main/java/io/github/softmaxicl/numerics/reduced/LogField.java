package io.github.softmaxicl.numerics.reduced;

/** A log-coordinate field of the balanced flow: writes dy/dt into a caller array and returns F at y. */
interface LogField {
  /** Dimension 2 H n. */
  int dimension();

  /** Writes dy/dt at y into yDot and returns F(y). */
  double derivative(double[] y, double[] yDot);
}
