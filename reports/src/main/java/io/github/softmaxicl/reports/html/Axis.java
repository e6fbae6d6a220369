package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import java.util.ArrayList;
import java.util.List;

/** An axis: its range (in linear or log10 units) and tick positions. */
final class Axis {
  final boolean log;
  final double lo;
  final double hi;
  final double[] ticks;
  final double step;

  private Axis(boolean log, double lo, double hi, double[] ticks, double step) {
    this.log = log;
    this.lo = lo;
    this.hi = hi;
    this.ticks = ticks;
    this.step = step;
  }

  /** Position of a value in [0, 1] along the axis. */
  double frac(double v) {
    double u = log ? StrictMath.log10(v) : v;
    return (u - lo) / (hi - lo);
  }

  String label(double v) {
    if (!log) {
      // Round to the tick step so that 0.30000000000000004 prints as 0.3.
      double r = Math.abs(v) < step * 1e-9 ? 0.0 : v;
      return Numbers.human(r);
    }
    double e = StrictMath.log10(v);
    long k = Math.round(e);
    if (Math.abs(e - k) < 1e-9) {
      if (k >= -3 && k <= 4) {
        return Numbers.human(StrictMath.pow(10, k));
      }
      return "1e" + k;
    }
    return Numbers.human(v);
  }

  static Axis linear(double min, double max) {
    return linear(min, max, true);
  }

  /** A linear axis over [min, max], padded by 4 % on each side if {@code pad}. */
  static Axis linear(double min, double max, boolean pad) {
    double lo = min;
    double hi = max;
    if (!pad && hi > lo) {
      // Exact range: nothing to do.
    } else if (hi - lo <= Math.abs(hi) * 1e-12) {
      double margin = lo == 0 ? 1 : Math.abs(lo) * 0.1;
      lo -= margin;
      hi += margin;
    } else {
      double margin = (hi - lo) * 0.04;
      lo -= margin;
      hi += margin;
    }
    double step = niceStep((hi - lo) / 5);
    List<Double> t = new ArrayList<>();
    double first = StrictMath.ceil(lo / step) * step;
    for (int i = 0; i < 20; i++) {
      double v = first + i * step;
      if (v > hi + step * 1e-9) {
        break;
      }
      t.add(v);
    }
    return new Axis(false, lo, hi, toArray(t), step);
  }

  static Axis log(double min, double max) {
    return log(min, max, true);
  }

  /** A logarithmic axis over [min, max] (both > 0), padded by 4 % of the decades on each side if {@code pad}. */
  static Axis log(double min, double max, boolean pad) {
    double lo = StrictMath.log10(min);
    double hi = StrictMath.log10(max);
    if (hi - lo < 1e-9) {
      lo -= 0.5;
      hi += 0.5;
    } else if (pad) {
      double margin = (hi - lo) * 0.04;
      lo -= margin;
      hi += margin;
    }
    List<Double> t = new ArrayList<>();
    int kLo = (int) StrictMath.floor(lo);
    int kHi = (int) StrictMath.ceil(hi);
    int span = kHi - kLo;
    int every = span > 10 ? (span + 7) / 8 : 1;
    for (int k = kLo; k <= kHi; k++) {
      if (k % every != 0) {
        continue;
      }
      if (k >= lo - 1e-9 && k <= hi + 1e-9) {
        t.add(StrictMath.pow(10, k));
      }
      if (hi - lo < 2.5) {
        for (int m : new int[] {2, 5}) {
          double u = k + StrictMath.log10(m);
          if (u >= lo && u <= hi) {
            t.add(m * StrictMath.pow(10, k));
          }
        }
      }
    }
    if (t.size() < 3 || hi - lo < 1) {
      // Within about a decade, 1-2-5 ticks are too sparse: use linear "nice" ticks placed on the log scale.
      Axis lin = linear(StrictMath.pow(10, lo), StrictMath.pow(10, hi), false);
      t.clear();
      for (double v : lin.ticks) {
        if (v > 0) {
          t.add(v);
        }
      }
    }
    t.sort(Double::compare);
    return new Axis(true, lo, hi, toArray(t), 1);
  }

  private static double[] toArray(List<Double> list) {
    double[] a = new double[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double p = StrictMath.pow(10, StrictMath.floor(StrictMath.log10(raw)));
    double m = raw / p;
    double nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
    return nice * p;
  }
}
