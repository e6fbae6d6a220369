package io.github.softmaxicl.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A structural check of typeset SVG text, without a golden file: in every {@code <text>} the {@code <tspan>}s are
 * balanced, each {@code dy} sits on a tspan whose first child is a character (a dy with no character to move is
 * dropped by the browser) and the dys add up to zero in the text's own em, so the next text is on the baseline.
 * A dy in em is in the em of the element carrying it: its font-size (a percentage of its parent's) times the
 * parent's. Decimal arithmetic, so zero means zero.
 */
public final class SvgBaselines {
  private static final Pattern TEXT = Pattern.compile("(?s)<text\\b[^>]*>(.*?)</text>");
  private static final Pattern TAG = Pattern.compile("<(/?)tspan\\b([^>]*)>|<[^>]*>");
  private static final Pattern DY = Pattern.compile("\\bdy=\"(-?[0-9.]+)em\"");
  private static final Pattern SIZE = Pattern.compile("\\bfont-size=\"([0-9.]+)%\"");

  private SvgBaselines() {}

  /** Checks every {@code <text>} of {@code page}; returns how many scripts (smaller tspans) it holds. */
  public static int check(String page) {
    int scripts = 0;
    Matcher text = TEXT.matcher(page);
    while (text.find()) {
      scripts += checkText(text.group(1));
    }
    return scripts;
  }

  private static int checkText(String content) {
    Deque<BigDecimal> scale = new ArrayDeque<>();
    scale.push(BigDecimal.ONE);
    BigDecimal net = BigDecimal.ZERO;
    int scripts = 0;
    Matcher tag = TAG.matcher(content);
    while (tag.find()) {
      assertTrue(tag.group(1) != null, "only tspans inside a text: " + content);
      if (tag.group(1).equals("/")) {
        scale.pop();
        assertFalse(scale.isEmpty(), "</tspan> without a <tspan>: " + content);
        continue;
      }
      String attributes = tag.group(2);
      BigDecimal own = scale.peek();
      Matcher size = SIZE.matcher(attributes);
      if (size.find()) {
        own = own.multiply(new BigDecimal(size.group(1))).movePointLeft(2);
        scripts++;
      }
      Matcher dy = DY.matcher(attributes);
      if (dy.find()) {
        boolean character = tag.end() < content.length() && content.charAt(tag.end()) != '<';
        assertTrue(character, "a dy with no character to carry it: " + content);
        net = net.add(new BigDecimal(dy.group(1)).multiply(own));
      }
      scale.push(own);
    }
    assertEquals(1, scale.size(), "unclosed tspan: " + content);
    assertEquals(0, net.signum(), "net dy " + net + " em: " + content);
    return scripts;
  }
}
