package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.LeadingOrderFormula;
import io.github.softmaxicl.theory.LossCoefficients;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.Scalar;
import java.util.ArrayList;
import java.util.List;

/**
 * The one leading-order loss formula ({@link LeadingOrderFormula}) over points, boxes and {@link IntervalJet}s in
 * every coordinate of the flow (the jets' gradients enclose the Hessian over a box), and ∂F/∂x_q by coordinate in
 * the layout of {@code LogCoordinateFlow}. Shared by {@link TrappingRegion} (sizing) and
 * {@link TrappingRegionProof} (the proof). Reduced model (reconstruction).
 */
final class LossJets {
  private final LossCoefficients<Interval> constants;
  private final LossCoefficients<IntervalJet> jetConstants;
  private final int heads;
  private final int tasks;
  private final int dim;

  record Enclosure(Interval value, int split) {}

  LossJets(ProblemConfig c, int dim) {
    this.constants = IntervalCoefficients.of(c);
    this.heads = c.heads();
    this.tasks = c.tasks();
    this.dim = dim;
    this.jetConstants = IntervalCoefficients.jets(c, dim);
  }

  /** The formula over a box, in intervals. */
  LeadingOrderFormula<Interval> intervals(List<Interval> box) {
    return LeadingOrderFormula.of(constants, rows(box, 0), rows(box, heads * tasks));
  }

  /** The formula over a box with every coordinate a jet variable: derivatives carry the Hessian over it. */
  LeadingOrderFormula<IntervalJet> jets(List<Interval> box) {
    List<IntervalJet> v = new ArrayList<>();
    for (int q = 0; q < dim; q++) {
      v.add(IntervalJet.variable(box.get(q), q, dim));
    }
    return LeadingOrderFormula.of(jetConstants, rows(v, 0), rows(v, heads * tasks));
  }

  private <T> List<List<T>> rows(List<T> flat, int offset) {
    List<List<T>> out = new ArrayList<>();
    for (int h = 0; h < heads; h++) {
      out.add(List.copyOf(flat.subList(offset + h * tasks, offset + (h + 1) * tasks)));
    }
    return out;
  }

  /** ∂F/∂x_q from a formula. */
  <T extends Scalar<T>> T derivative(LeadingOrderFormula<T> f, int q) {
    int local = q % (heads * tasks);
    int h = local / tasks;
    int j = local % tasks;
    return q < heads * tasks ? f.dOmega(h, j) : f.dMu(h, j);
  }

  /**
   * {@code factor · ∂F/∂x_q} over the box in the mean-value form, intersected with the plain enclosure, and the
   * coordinate whose term is widest, or if every term vanishes the widest coordinate (the first of equal ones in
   * both cases; −1 if every coordinate is a point). Only coordinates of positive width are split.
   */
  Enclosure meanValue(List<Interval> box, int q, double factor) {
    List<Interval> centre = new ArrayList<>();
    for (Interval x : box) {
      centre.add(Interval.point(x.midpoint()));
    }
    Interval sum = derivative(intervals(centre), q).multiply(factor);
    IntervalJet d = derivative(jets(box), q);
    int split = -1;
    double widest = 0;
    for (int l = 0; l < dim; l++) {
      Interval term = d.derivative(l).multiply(factor).multiply(box.get(l).subtract(centre.get(l)));
      sum = sum.add(term);
      if (box.get(l).width() > 0 && term.magnitude() > widest) {
        widest = term.magnitude();
        split = l;
      }
    }
    if (split < 0) {
      // Every term is 0 (e.g. a flat Hessian row): split the widest coordinate instead.
      double w = 0;
      for (int l = 0; l < dim; l++) {
        if (box.get(l).width() > w) {
          w = box.get(l).width();
          split = l;
        }
      }
    }
    Interval plain = d.value().multiply(factor);
    return new Enclosure(sum.intersection(plain).orElse(sum), split);
  }
}
