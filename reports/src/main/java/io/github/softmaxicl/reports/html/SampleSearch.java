package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.numerics.TrajectorySample;
import java.util.List;

/** Finding samples of a trajectory (sorted by t) by time: exactly, nearest, and a prefix up to a time. */
public final class SampleSearch {
  private SampleSearch() {}

  /** Index of the first sample recorded at exactly {@code t}, or -1. */
  public static int exact(List<TrajectorySample> s, double t) {
    int lo = 0;
    int hi = s.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (s.get(mid).t() < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < s.size() && s.get(lo).t() == t ? lo : -1;
  }

  /** Index of the sample nearest to {@code t} (the earlier one on ties). */
  public static int nearest(List<TrajectorySample> s, double t) {
    int lo = 0;
    int hi = s.size() - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (s.get(mid).t() <= t) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Math.abs(s.get(hi).t() - t) < Math.abs(s.get(lo).t() - t) ? hi : lo;
  }

  /** The samples up to {@code end} and the first one after it (so that lines run to the frame edge). */
  public static List<TrajectorySample> upTo(List<TrajectorySample> s, double end) {
    int k = 0;
    while (k < s.size() && s.get(k).t() <= end) {
      k++;
    }
    return s.subList(0, Math.min(s.size(), k + 1));
  }

  /** The samples of [lo, hi] with one sample before lo and one after hi, for a plot whose x range is [lo, hi]. */
  static List<TrajectorySample> between(List<TrajectorySample> s, double lo, double hi) {
    int from = Math.max(0, nearest(s, lo) - 1);
    return upTo(s.subList(from, s.size()), hi);
  }
}
