package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.interval.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tubes built by hand for the rule tests, so that a rule is tested on boxes chosen for it. */
final class HandMadeTubes {
  private HandMadeTubes() {}

  /** Step k covers [k, k + 1] with box k both over the step and at its end; the first box is also the start. */
  static ValidatedTube unitSteps(List<List<Interval>> boxes) {
    List<TubeStep> steps = new ArrayList<>();
    for (int k = 0; k < boxes.size(); k++) {
      steps.add(new TubeStep(k, k + 1, boxes.get(k), boxes.get(k)));
    }
    return new ValidatedTube(boxes.get(0), steps, boxes.size(), Optional.empty(), 0.0);
  }
}
