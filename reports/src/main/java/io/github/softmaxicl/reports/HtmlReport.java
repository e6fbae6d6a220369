package io.github.softmaxicl.reports;

import io.github.softmaxicl.reports.html.ReportPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The report: one self-contained index.html that a reviewer audits offline, drawn by
 * {@link ReportPage} from the results as read by {@link ReportInputs}. Deterministic: the same
 * {@link ReportData} gives the same bytes; only {@code started} and the wall times depend on the clock.
 */
public final class HtmlReport {
  /** Writes the report to {@code file} (UTF-8). */
  public void write(Path file, ReportData data) throws IOException {
    Files.writeString(file, render(data), StandardCharsets.UTF_8);
  }

  /** The report as a string. */
  public String render(ReportData data) {
    return new ReportPage().render(ReportInputs.page(data));
  }
}
