package io.github.softmaxicl.reports;

/**
 * Bad input or usage: the command line prints the message as one line on stderr and exits with code 2,
 * writing nothing.
 */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param where the option or configuration field at fault, e.g. {@code "--threads"} or {@code "config.json: H"}
   * @param message what is wrong and what is allowed
   */
  public UsageException(String where, String message) {
    super(oneLine(where + ": " + message));
  }

  /** Flattens a message to one line (line breaks become spaces). */
  static String oneLine(String s) {
    return s.replaceAll("[\\r\\n]+\\s*", " ").trim();
  }
}
