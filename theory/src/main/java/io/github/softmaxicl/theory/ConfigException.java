package io.github.softmaxicl.theory;

/**
 * A configuration value outside its allowed range. The message is one line naming the field, the value and
 * the range, so that the command line can print it as it is.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the configuration field, as spelled in configuration files (e.g. {@code "H"}, {@code "blocks"})
   * @param message what is wrong and what is allowed, without the field name
   */
  public ConfigException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The configuration field at fault, as spelled in configuration files. */
  public String field() {
    return field;
  }
}
