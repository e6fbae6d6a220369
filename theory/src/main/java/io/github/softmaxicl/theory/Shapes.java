package io.github.softmaxicl.theory;

/** Shape checks shared by the losses: every array is H×n for the configuration at hand. */
final class Shapes {
  private Shapes() {}

  static void requireShape(String name, double[][] a, ProblemConfig config) {
    if (a.length != config.heads()) {
      throw new IllegalArgumentException(name + " has " + a.length + " head rows, expected " + config.heads());
    }
    for (int h = 0; h < a.length; h++) {
      if (a[h].length != config.tasks()) {
        throw new IllegalArgumentException(name + " row " + h + " has " + a[h].length + " tasks, expected "
            + config.tasks());
      }
    }
  }
}
