package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Report text as HTML with its maths typeset: the claims, budgets and evidence are written in ASCII (they also go
 * to results.json and the terminal), e.g. {@code mu_i^h(0)}, {@code sqrt(d_i)}, {@code sum_{j!=i}}, and read as
 * μ<sub>i</sub><sup>h</sup>(0), √(d<sub>i</sub>), Σ<sub>j≠i</sub> here. Raw doubles (15 or more significant
 * digits, as Java prints them) are cut to 12, the most any evidence line states on purpose. Everything else is
 * escaped as {@link Html#esc} does.
 */
final class MathText {
  private static final Pattern GREEK = Pattern.compile(
      "(?<![A-Za-z])(mu|omega|sigma|xi|tau|eta|lambda|theta|alpha|beta|gamma|rho|epsilon|Delta|delta)(?![A-Za-z])");
  private static final Pattern SUM = Pattern.compile("(?<![A-Za-z])sum_");
  private static final Pattern SQRT = Pattern.compile("(?<![A-Za-z])sqrt\\(");
  /** Digits of a raw double: a decimal literal with at least 15 significant digits, optional exponent. */
  private static final Pattern RAW_DOUBLE = Pattern.compile("(?<![\\w.])-?\\d+\\.\\d+(?:[eE][-+]?\\d+)?(?![\\w.])");
  /**
   * A subscript after a one-letter base (so identifiers such as half_signal are left alone): braced, or up to
   * three letters or digits; or a superscript: braced, parenthesised, or a short token with an optional prime.
   */
  private static final Pattern SCRIPT = Pattern.compile(
      "(?<![A-Za-z0-9_])([A-Za-z\\u0391-\\u03C9])_(\\{[^{}]*\\}|[A-Za-z0-9]{1,3}(?![A-Za-z0-9_]))"
          + "|\\^(\\{[^{}]*\\}|\\([^()]*\\)|-?[A-Za-z0-9]{1,3}'?(?![A-Za-z0-9_]))");

  private MathText() {}

  /** The text as HTML, maths typeset and raw doubles shortened. */
  static String html(String raw) {
    String s = shortenRawDoubles(raw);
    s = SUM.matcher(s).replaceAll("Σ_");
    s = SQRT.matcher(s).replaceAll("√(");
    s = s.replace("!=", "≠").replace(">=", "≥").replace("<=", "≤").replace("+-", "±");
    Matcher g = GREEK.matcher(s);
    StringBuilder greek = new StringBuilder();
    while (g.find()) {
      g.appendReplacement(greek, greek(group(g, 1)));
    }
    g.appendTail(greek);
    s = greek.toString();
    StringBuilder out = new StringBuilder(s.length() + 32);
    Matcher m = SCRIPT.matcher(s);
    int last = 0;
    while (m.find()) {
      out.append(Html.esc(s.substring(last, m.start())));
      String base = m.group(1);
      if (base != null) {
        out.append(Html.esc(base)).append("<sub>").append(Html.esc(unwrap(group(m, 2)))).append("</sub>");
      } else {
        out.append("<sup>").append(Html.esc(unwrap(group(m, 3)).replace('\'', '′'))).append("</sup>");
      }
      last = m.end();
    }
    out.append(Html.esc(s.substring(last)));
    return out.toString();
  }

  /** Decimal literals with 15 or more significant digits cut to 12 (trailing zeros dropped). */
  static String shortenRawDoubles(String raw) {
    Matcher m = RAW_DOUBLE.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String lit = m.group();
      String mantissa = lit.replaceFirst("[eE].*", "").replace("-", "").replace(".", "").replaceFirst("^0+", "");
      String replacement = mantissa.length() >= 15 ? Numbers.significant(Double.parseDouble(lit), 12) : lit;
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Group k of a match ("" if it did not take part: only the alternatives' own groups are read). */
  private static String group(Matcher m, int k) {
    String s = m.group(k);
    return s == null ? "" : s;
  }

  private static String unwrap(String token) {
    boolean wrapped = (token.startsWith("{") && token.endsWith("}")) || (token.startsWith("(") && token.endsWith(")"));
    return wrapped ? token.substring(1, token.length() - 1) : token;
  }

  private static String greek(String word) {
    switch (word) {
      case "mu": return "μ";
      case "omega": return "ω";
      case "sigma": return "σ";
      case "xi": return "ξ";
      case "tau": return "τ";
      case "eta": return "η";
      case "lambda": return "λ";
      case "theta": return "θ";
      case "alpha": return "α";
      case "beta": return "β";
      case "gamma": return "γ";
      case "rho": return "ρ";
      case "epsilon": return "ε";
      case "Delta": return "Δ";
      default: return "δ";
    }
  }
}
