package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Report text with its maths typeset, as HTML or as the content of an SVG {@code <text>}: the claims, budgets,
 * evidence and plot labels are written in ASCII (they also go to results.json and the terminal), e.g.
 * {@code mu_i^h(0)}, {@code sqrt(d_i)}, {@code sum_{j!=i}}, {@code d*sum d_i}, and read as
 * μ<sub>i</sub><sup>h</sup>(0), √(d<sub>i</sub>), Σ<sub>j≠i</sub>, d·Σ d<sub>i</sub> here. Raw doubles (15 or more significant digits, as Java prints them) are cut
 * to 12, the most any evidence line states on purpose. Everything else is escaped as {@link Html#esc} does.
 *
 * <p>One tokenisation ({@link #pieces}) serves both forms, the width estimate of plot text and the line breaking
 * of plot titles; the forms differ only in how a subscript or superscript is written.
 */
final class MathText {
  private static final Pattern GREEK = Pattern.compile(
      "(?<![A-Za-z])(mu|omega|sigma|xi|tau|eta|lambda|theta|alpha|beta|gamma|rho|epsilon|Delta|delta)(?![A-Za-z])");
  /**
   * A sum: {@code sum} before a subscript, a parenthesis or a one-letter symbol ({@code sum_i}, {@code sum(d_i)},
   * {@code sum d_i}), not the word in prose ({@code sum of}, {@code sum to}).
   */
  private static final Pattern SUM = Pattern.compile("(?<![A-Za-z])sum(?=_|\\(| [A-Za-z](?![A-Za-z]))");
  /** A product: {@code *} between two operands ({@code d*sum}, {@code 2*omega}), not the star of {@code F*}. */
  private static final Pattern TIMES = Pattern.compile("(?<=[A-Za-z0-9)])\\*(?=[A-Za-z0-9(])");
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

  /** Size of a script in percent of the text around it (SVG's font-size="75%"). */
  private static final int SCRIPT_PERCENT = 75;
  /** Size of a script relative to the text around it. */
  static final double SCRIPT_SCALE = SCRIPT_PERCENT / 100.0;
  /**
   * The unit of baseline shifts in thousandths of a script's em: 0.1 script em. With scripts at 3/4 size it is
   * 0.075 text em ({@link #UNIT_TEXT_MILLI_EM}), so every shift is an exact decimal in both em units.
   */
  private static final int UNIT_SCRIPT_MILLI_EM = 100;
  /** The same unit in thousandths of the surrounding text's em: 100 × 75 / 100 = 75. */
  private static final int UNIT_TEXT_MILLI_EM = UNIT_SCRIPT_MILLI_EM * SCRIPT_PERCENT / 100;
  /** A subscript's baseline: 4 units = 0.3 text em below (SVG's y grows downwards, so positive). */
  private static final int SUB_SHIFT = 4;
  /** A superscript's baseline: 5 units = 0.375 text em above. */
  private static final int SUP_SHIFT = -5;

  private MathText() {}

  /** What a piece of typeset text is: running text, a subscript or a superscript. */
  enum Kind {
    TEXT, SUB, SUP
  }

  /** A run of visible (unescaped) characters and how it is set. */
  record Piece(Kind kind, String text) {}

  /** The text as HTML, maths typeset and raw doubles shortened. */
  static String html(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 32);
    for (Piece p : pieces(raw)) {
      switch (p.kind()) {
        case SUB:
          out.append("<sub>").append(Html.esc(p.text())).append("</sub>");
          break;
        case SUP:
          out.append("<sup>").append(Html.esc(p.text())).append("</sup>");
          break;
        default:
          out.append(Html.esc(p.text()));
      }
    }
    return out.toString();
  }

  /**
   * The text as the content of an SVG {@code <text>}: scripts are {@code <tspan>}s at {@link #SCRIPT_SCALE} of
   * the size around them, moved with {@code dy} (which every browser honours; baseline-shift is not). A dy in em
   * is in the em of the element that carries it, so a script's own dy is in script em (0.75 text em) and the
   * text after it moves back in text em. Shifts are counted in units u = 0.075 text em = 0.1 script em: a piece
   * whose baseline should be at b units while the current one is at c carries dy = (b − c) u, written as
   * 0.1 (b − c) em on a script and 0.075 (b − c) em on text. Every piece returns to the baseline (b = 0) before
   * the next text, and a text ending in a script gets a final zero-width space carrying the way back, so the dy
   * of every {@code <text>} sums to zero and a script never leaves its neighbours shifted.
   */
  static String svg(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 64);
    int baseline = 0;
    for (Piece p : pieces(raw)) {
      int target = p.kind() == Kind.SUB ? SUB_SHIFT : p.kind() == Kind.SUP ? SUP_SHIFT : 0;
      int move = target - baseline;
      if (p.kind() == Kind.TEXT) {
        if (move == 0) {
          out.append(Html.esc(p.text()));
        } else {
          out.append("<tspan dy=\"").append(em(move, UNIT_TEXT_MILLI_EM)).append("\">").append(Html.esc(p.text()))
              .append("</tspan>");
        }
      } else {
        out.append("<tspan font-size=\"").append(SCRIPT_PERCENT).append("%\"");
        if (move != 0) {
          out.append(" dy=\"").append(em(move, UNIT_SCRIPT_MILLI_EM)).append('"');
        }
        out.append('>').append(Html.esc(p.text())).append("</tspan>");
      }
      baseline = target;
    }
    if (baseline != 0) {
      out.append("<tspan dy=\"").append(em(-baseline, UNIT_TEXT_MILLI_EM)).append("\">\u200B</tspan>");
    }
    return out.toString();
  }

  /** {@code units} shift units as an em length, one unit being {@code milliEm} thousandths of an em (exact). */
  private static String em(int units, int milliEm) {
    int thousandths = units * milliEm;
    String digits = String.format(java.util.Locale.ROOT, "%d.%03d", Math.abs(thousandths) / 1000,
        Math.abs(thousandths) % 1000).replaceFirst("\\.?0+$", "");
    return (thousandths < 0 ? "-" : "") + digits + "em";
  }

  /**
   * Width of the visible text in character widths of the surrounding text: a script's characters count at
   * {@link #SCRIPT_SCALE}, markup not at all.
   */
  static double visibleLength(String raw) {
    double n = 0;
    for (Piece p : pieces(raw)) {
      int chars = p.text().codePointCount(0, p.text().length());
      n += p.kind() == Kind.TEXT ? chars : SCRIPT_SCALE * chars;
    }
    return n;
  }

  /**
   * The text split at the spaces where a line may break: every space except those inside a script (as in
   * {@code sum_{j != i}}), so a wrapped line never ends or starts in the middle of one.
   */
  static List<String> words(String raw) {
    // The substitutions before the scripts are found neither add nor remove spaces, so the k-th space of the
    // substituted text is the k-th space of the raw one.
    String s = substituted(raw);
    boolean[] inScript = new boolean[s.length()];
    Matcher m = SCRIPT.matcher(s);
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        inScript[i] = true;
      }
    }
    List<Boolean> breakable = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ') {
        breakable.add(!inScript[i]);
      }
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    int space = 0;
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) == ' ') {
        if (breakable.get(space)) {
          out.add(raw.substring(start, i));
          start = i + 1;
        }
        space++;
      }
    }
    out.add(raw.substring(start));
    return out;
  }

  /** The typeset text as pieces: running text (Greek, Σ, √, ≠, ≥, ≤, ± as characters) and scripts. */
  static List<Piece> pieces(String raw) {
    String s = substituted(raw);
    List<Piece> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    Matcher m = SCRIPT.matcher(s);
    int last = 0;
    while (m.find()) {
      text.append(s, last, m.start());
      String base = m.group(1);
      String body = base != null ? unwrap(group(m, 2)) : unwrap(group(m, 3)).replace('\'', '′');
      if (body.isEmpty()) {
        // An empty script (x_{}) has no character to carry a dy in SVG: it is left out.
        text.append(base == null ? "" : base);
        last = m.end();
        continue;
      }
      Piece script;
      if (base != null) {
        text.append(base);
        script = new Piece(Kind.SUB, body);
      } else {
        script = new Piece(Kind.SUP, body);
      }
      if (text.length() > 0) {
        out.add(new Piece(Kind.TEXT, text.toString()));
        text.setLength(0);
      }
      out.add(script);
      last = m.end();
    }
    text.append(s, last, s.length());
    if (text.length() > 0) {
      out.add(new Piece(Kind.TEXT, text.toString()));
    }
    return out;
  }

  /** Raw doubles shortened and the words and operators that have a character of their own replaced by it. */
  private static String substituted(String raw) {
    String s = shortenRawDoubles(raw);
    // Products first: they are recognised by the ASCII letters around the star (d*sum, 2*omega).
    s = TIMES.matcher(s).replaceAll("·");
    s = SUM.matcher(s).replaceAll("Σ");
    s = SQRT.matcher(s).replaceAll("√(");
    s = s.replace("!=", "≠").replace(">=", "≥").replace("<=", "≤").replace("+-", "±");
    Matcher g = GREEK.matcher(s);
    StringBuilder greek = new StringBuilder();
    while (g.find()) {
      g.appendReplacement(greek, greek(group(g, 1)));
    }
    g.appendTail(greek);
    return greek.toString();
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
