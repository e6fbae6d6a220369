package io.github.softmaxicl.checks;

import java.util.function.DoubleUnaryOperator;

/**
 * Finds inputs that put a computed quantity exactly on a threshold, so that a test can pin which side of a
 * comparison the threshold itself lies on ({@code <=} against {@code <}). The search walks outwards from a first
 * guess one ulp at a time; a rounded function of slope below about 1 hits every nearby double.
 */
public final class Exact {
  private Exact() {}

  /** An x within 100,000 ulps of {@code guess} with {@code f(x) == target} exactly. */
  public static double solve(DoubleUnaryOperator f, double guess, double target) {
    double up = guess;
    double down = guess;
    for (int k = 0; k < 100_000; k++) {
      if (f.applyAsDouble(up) == target) {
        return up;
      }
      if (f.applyAsDouble(down) == target) {
        return down;
      }
      up = Math.nextUp(up);
      down = Math.nextDown(down);
    }
    throw new AssertionError("no input near " + guess + " gives exactly " + target);
  }
}
