package io.github.softmaxicl.reports;

import java.time.Clock;

/** TEST FIXTURE entry point: runs the command line with a synthetic job that sleeps, to be killed by a signal. */
public final class SignalTestMain {
  private SignalTestMain() {}

  public static void main(String[] args) {
    System.exit(Main.execute(args, System.out, System.err, new SyntheticJob(SyntheticJob.Behaviour.SLOW),
        Clock.systemUTC()));
  }
}
