package io.github.softmaxicl.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;

/** Minimal structural checks of generated HTML and SVG. */
final class XmlCheck {
  private static final Set<String> VOID = Set.of("meta", "br", "hr", "img", "link", "input");

  private XmlCheck() {}

  /** Parses an SVG fragment as XML. */
  static void wellFormed(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      fail("not well-formed XML: " + e.getMessage() + "\n" + xml.substring(0, Math.min(400, xml.length())));
    }
  }

  /** Every non-void HTML element is closed in order. */
  static void balanced(String html) {
    Matcher m = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*?(/?)>").matcher(html);
    Deque<String> stack = new ArrayDeque<>();
    while (m.find()) {
      String name = m.group(2).toLowerCase();
      if (m.group(3).equals("/") || VOID.contains(name)) {
        continue;
      }
      if (m.group(1).isEmpty()) {
        stack.push(name);
      } else {
        assertTrue(!stack.isEmpty(), "closing </" + name + "> without an opening tag");
        assertEquals(stack.pop(), name, "mismatched tag near offset " + m.start());
      }
    }
    assertTrue(stack.isEmpty(), "unclosed tags: " + stack);
  }
}
