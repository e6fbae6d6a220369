package io.github.softmaxicl.reports.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the small markdown subset of docs/FINDINGS.md to HTML: ATX headings ({@code #} to {@code ######}),
 * paragraphs, unordered lists ({@code - } items, continued by indented lines), {@code **bold**},
 * {@code *italic*}, {@code `code`} and backslash escapes. Everything else is text and is escaped, so the
 * document can never inject markup into the report.
 */
final class MiniMarkdown {
  private static final String ESCAPABLE = "\\`*_#-[]()";

  private MiniMarkdown() {}

  /**
   * The HTML of {@code markdown}; a heading of level k becomes {@code <h(k + headingShift)>} (at most h6), so
   * that a document's title can sit under the page's own title.
   */
  static String toHtml(String markdown, int headingShift) {
    StringBuilder out = new StringBuilder();
    List<String> paragraph = new ArrayList<>();
    List<String> items = new ArrayList<>();
    for (String raw : markdown.replace("\r\n", "\n").split("\n", -1)) {
      String line = raw.stripTrailing();
      boolean continuation = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
      if (line.isBlank()) {
        flush(out, paragraph, items);
      } else if (line.startsWith("- ")) {
        flushParagraph(out, paragraph);
        items.add(line.substring(2).strip());
      } else if (continuation && !items.isEmpty()) {
        int last = items.size() - 1;
        items.set(last, items.get(last) + " " + line.strip());
      } else if (headingLevel(line) > 0) {
        flush(out, paragraph, items);
        int level = headingLevel(line);
        int tag = Math.min(6, level + headingShift);
        out.append("<h").append(tag).append('>').append(inline(line.substring(level).strip())).append("</h")
            .append(tag).append(">\n");
      } else {
        flushList(out, items);
        paragraph.add(line.strip());
      }
    }
    flush(out, paragraph, items);
    return out.toString();
  }

  /** Number of leading {@code #} of an ATX heading (1 to 6, followed by a space), else 0. */
  private static int headingLevel(String line) {
    int k = 0;
    while (k < line.length() && line.charAt(k) == '#') {
      k++;
    }
    return k >= 1 && k <= 6 && k < line.length() && line.charAt(k) == ' ' ? k : 0;
  }

  private static void flush(StringBuilder out, List<String> paragraph, List<String> items) {
    flushParagraph(out, paragraph);
    flushList(out, items);
  }

  private static void flushParagraph(StringBuilder out, List<String> paragraph) {
    if (!paragraph.isEmpty()) {
      out.append("<p>").append(inline(String.join(" ", paragraph))).append("</p>\n");
      paragraph.clear();
    }
  }

  private static void flushList(StringBuilder out, List<String> items) {
    if (!items.isEmpty()) {
      out.append("<ul>\n");
      for (String item : items) {
        out.append("<li>").append(inline(item)).append("</li>\n");
      }
      out.append("</ul>\n");
      items.clear();
    }
  }

  /** Inline markup of one block's text. */
  static String inline(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && ESCAPABLE.indexOf(s.charAt(i + 1)) >= 0) {
        out.append(Html.esc(String.valueOf(s.charAt(i + 1))));
        i += 2;
      } else if (c == '`' && s.indexOf('`', i + 1) > i + 1) {
        int end = s.indexOf('`', i + 1);
        out.append("<code>").append(Html.esc(s.substring(i + 1, end))).append("</code>");
        i = end + 1;
      } else if (s.startsWith("**", i) && closingBold(s, i + 2) > 0) {
        int end = closingBold(s, i + 2);
        out.append("<b>").append(inline(s.substring(i + 2, end))).append("</b>");
        i = end + 2;
      } else if (c == '*' && opensItalic(s, i) && closingItalic(s, i + 1) > 0) {
        int end = closingItalic(s, i + 1);
        out.append("<i>").append(inline(s.substring(i + 1, end))).append("</i>");
        i = end + 1;
      } else {
        out.append(Html.esc(String.valueOf(c)));
        i++;
      }
    }
    return out.toString();
  }

  /** Index of the {@code **} closing a bold run whose text starts at {@code from}, or -1. */
  private static int closingBold(String s, int from) {
    int end = s.indexOf("**", from);
    return end > from && !Character.isWhitespace(s.charAt(end - 1)) ? end : -1;
  }

  /** A single {@code *} opens emphasis only at a word start (as in {@code μ_i*} it does not). */
  private static boolean opensItalic(String s, int i) {
    boolean before = i == 0 || Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == '(';
    return before && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1)) && s.charAt(i + 1) != '*';
  }

  /** Index of the single {@code *} closing emphasis whose text starts at {@code from}, or -1. */
  private static int closingItalic(String s, int from) {
    for (int j = from + 1; j < s.length(); j++) {
      if (s.charAt(j) == '*' && s.charAt(j - 1) != '\\' && !Character.isWhitespace(s.charAt(j - 1))
          && (j + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(j + 1)))) {
        return j;
      }
    }
    return -1;
  }
}
