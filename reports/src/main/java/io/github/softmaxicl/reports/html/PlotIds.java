package io.github.softmaxicl.reports.html;

/** Page-unique ids for the plots' clip paths, in drawing order (p1, p2, …), so the page is deterministic. */
final class PlotIds {
  private int count;

  String next() {
    return "p" + (++count);
  }
}
