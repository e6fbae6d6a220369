package io.github.softmaxicl.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The findings section is docs/FINDINGS.md, embedded at build time and rendered. */
class FindingsSectionTest {
  @Test
  void embeddedDocumentIsTheOneInDocs() throws Exception {
    // Surefire runs in the module directory; the source of truth is the repository's docs/FINDINGS.md.
    String source = Files.readString(Path.of("..", "docs", "FINDINGS.md"), StandardCharsets.UTF_8);
    assertEquals(source, FindingsSection.document());
  }

  @Test
  void sectionHasTheTitleAsHeadingAndEveryPartAsSubheading() {
    StringBuilder sb = new StringBuilder();
    FindingsSection.render(sb);
    String html = sb.toString();
    assertTrue(html.startsWith("<section id=\"derivation\">\n<h2>Findings of the reconstruction</h2>\n"
        + "<div class=\"note\">\n"), html.substring(0, 120));
    assertTrue(html.endsWith("</div>\n</section>\n"));
    for (String line : FindingsSection.document().split("\n")) {
      if (line.startsWith("## ")) {
        assertTrue(html.contains("<h3>" + Html.esc(line.substring(3)) + "</h3>"), line);
      }
    }
    assertTrue(html.contains("<b>Heads serving no task do not go to zero.</b>"));
    assertFalse(html.contains("**"), "no markdown left unrendered");
    assertFalse(html.contains("\\*"), "no escape left unrendered");
  }

  @Test
  void documentWithoutTitleIsRejected() {
    assertThrows(IllegalStateException.class, () -> FindingsSection.render(new StringBuilder(), "no title\n"));
  }
}
