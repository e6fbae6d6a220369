package io.github.softmaxicl.reports;

import java.time.Clock;

/**
 * TEST FIXTURE entry point: writes a report made from SYNTHETIC data (see {@link SyntheticJob}) for looking at
 * the layout, e.g. with scripts/render-report.sh. Not a result. Arguments are passed to {@link Main#execute}.
 */
public final class SyntheticReportDemo {
  private SyntheticReportDemo() {}

  public static void main(String[] args) {
    System.exit(Main.execute(args, System.out, System.err, new SyntheticJob(SyntheticJob.Behaviour.FAIL),
        Clock.systemUTC()));
  }
}
