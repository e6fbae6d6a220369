package io.github.softmaxicl.numerics.full;

/**
 * An SGD learning-rate schedule η_k (k = 0, 1, … the step index) with a description for the results.
 */
public interface LearningRate {
  /** η for step {@code step}; finite and &gt; 0. */
  double rate(long step);

  /** A short description, e.g. {@code "constant eta=0.001"}. */
  String describe();

  /** A constant rate. */
  static LearningRate constant(double eta) {
    if (!(eta > 0) || !Double.isFinite(eta)) {
      throw new IllegalArgumentException("learning rate must be finite and > 0 (got " + eta + ")");
    }
    return new LearningRate() {
      @Override
      public double rate(long step) {
        return eta;
      }

      @Override
      public String describe() {
        return "constant eta=" + eta;
      }
    };
  }

  /**
   * Piecewise constant: {@code rates[m]} from step {@code starts[m]} on; {@code starts[0]} must be 0 and the
   * starts increasing.
   */
  static LearningRate piecewise(long[] starts, double[] rates) {
    if (starts.length < 1 || starts.length != rates.length || starts[0] != 0) {
      throw new IllegalArgumentException("piecewise schedule needs matching arrays starting at step 0");
    }
    long[] s = starts.clone();
    double[] r = rates.clone();
    StringBuilder sb = new StringBuilder("piecewise");
    for (int m = 0; m < s.length; m++) {
      if ((m > 0 && s[m] <= s[m - 1]) || !(r[m] > 0) || !Double.isFinite(r[m])) {
        throw new IllegalArgumentException("piecewise schedule: starts must increase and rates be finite > 0");
      }
      sb.append(' ').append("from step ").append(s[m]).append(" eta=").append(r[m]);
    }
    String text = sb.toString();
    return new LearningRate() {
      @Override
      public double rate(long step) {
        double eta = r[0];
        for (int m = 0; m < s.length && s[m] <= step; m++) {
          eta = r[m];
        }
        return eta;
      }

      @Override
      public String describe() {
        return text;
      }
    };
  }
}
