package io.github.softmaxicl.experiments;

import java.util.Locale;

/** Size of the runs: {@code --quick} (CI-sized, the default) or {@code --full} (paper-sized). */
public enum Mode {
  /** CI-sized runs: minutes on 2 cores. */
  QUICK,
  /** Paper-sized runs: may take long. */
  FULL;

  /** Lower-case name as written in files. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
