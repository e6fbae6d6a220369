package io.github.softmaxicl.reports.html;

import java.util.List;

/**
 * How the report was produced: the command line, mode, versions and clock. Built from the package's request
 * and version records in one adapter ({@code io.github.softmaxicl.reports.ReportInputs}).
 *
 * @param arguments the command-line arguments after {@code ./reproduce}
 * @param started ISO-8601 start time (UTC)
 */
public record Provenance(List<String> arguments, String mode, String dynamics, int threads, String name,
    String version, String java, String hipparchus, String ejml, String commonsRng, String started,
    double wallSeconds) {
  /** Copies the list. */
  public Provenance {
    arguments = List.copyOf(arguments);
  }
}
