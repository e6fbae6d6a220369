package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.RunRecord;
import io.github.softmaxicl.numerics.TrajectorySample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's sampled trajectory as CSV: header {@code t,F,omega_h_j...,mu_h_i...,off_structure_norm}
 * (heads and tasks from 0, head-major), one row per sample, numbers in {@link Double#toString} form
 * ("NaN" where not applicable, e.g. the off-structure norm of a reduced run). Lines end with '\n'.
 */
public final class TrajectoryCsvWriter {

  /** Writes {@code record}'s trajectory to {@code file}. */
  public void write(Path file, RunRecord record) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(w, record);
    }
  }

  /** Writes to a writer (not closed). */
  public void write(Writer w, RunRecord record) throws IOException {
    int heads = record.config().heads();
    int n = record.config().tasks();
    StringBuilder header = new StringBuilder("t,F");
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < n; j++) {
        header.append(",omega_").append(h).append('_').append(j);
      }
    }
    for (int h = 0; h < heads; h++) {
      for (int i = 0; i < n; i++) {
        header.append(",mu_").append(h).append('_').append(i);
      }
    }
    header.append(",off_structure_norm\n");
    w.write(header.toString());
    StringBuilder line = new StringBuilder();
    for (TrajectorySample s : record.trajectory()) {
      line.setLength(0);
      line.append(Numbers.exact(s.t())).append(',').append(Numbers.exact(s.loss()));
      for (int h = 0; h < heads; h++) {
        for (int j = 0; j < n; j++) {
          line.append(',').append(Numbers.exact(s.omega(h, j)));
        }
      }
      for (int h = 0; h < heads; h++) {
        for (int i = 0; i < n; i++) {
          line.append(',').append(Numbers.exact(s.mu(h, i)));
        }
      }
      line.append(',').append(Numbers.exact(s.offStructureNorm().orElse(Double.NaN))).append('\n');
      w.write(line.toString());
    }
  }
}
