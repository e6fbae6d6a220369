package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.ProgressSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Passes progress on to another sink and records the wall time of each stage of the job's plan with the run's
 * clock (the same clock as the job's start time, so a fixed clock gives fixed timings in the tests).
 */
final class StageRecorder implements ProgressSink {
  private final ProgressSink next;
  private final Clock clock;
  private List<Stage> plan = List.of();
  private long[] startMillis = new long[0];
  private double[] wallSeconds = new double[0];

  StageRecorder(ProgressSink next, Clock clock) {
    this.next = next;
    this.clock = clock;
  }

  @Override
  public synchronized void plan(List<Stage> stages) {
    plan = List.copyOf(stages);
    startMillis = new long[plan.size()];
    wallSeconds = new double[plan.size()];
    Arrays.fill(wallSeconds, Double.NaN);
    next.plan(stages);
  }

  @Override
  public synchronized void stageStarted(int index) {
    if (index >= 0 && index < startMillis.length) {
      startMillis[index] = clock.millis();
    }
    next.stageStarted(index);
  }

  @Override
  public synchronized void stageFinished(int index) {
    if (index >= 0 && index < wallSeconds.length) {
      wallSeconds[index] = (clock.millis() - startMillis[index]) / 1000.0;
    }
    next.stageFinished(index);
  }

  @Override
  public void progress(String run, double t, double tEnd, double loss) {
    next.progress(run, t, tEnd, loss);
  }

  @Override
  public void count(String stage, int done, int total) {
    next.count(stage, done, total);
  }

  @Override
  public void message(String text) {
    next.message(text);
  }

  /** The stages of the plan with their wall times, in order. */
  synchronized List<StageTime> times() {
    List<StageTime> out = new ArrayList<>();
    for (int k = 0; k < plan.size(); k++) {
      out.add(new StageTime(plan.get(k).name(), plan.get(k).typicalQuickSeconds(), wallSeconds[k]));
    }
    return out;
  }
}
