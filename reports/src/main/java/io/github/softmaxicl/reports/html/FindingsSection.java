package io.github.softmaxicl.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * How the numbers were derived and what the numerics found: docs/FINDINGS.md, copied into the jar at build
 * time (reports/pom.xml) and rendered by {@link MiniMarkdown}, so that the README and the report share one text
 * and the page stays self-contained offline. The document's title becomes the section heading.
 */
final class FindingsSection {
  /** Classpath location of the copy of docs/FINDINGS.md. */
  static final String RESOURCE = "FINDINGS.md";

  private FindingsSection() {}

  static void render(StringBuilder sb) {
    render(sb, document());
  }

  /** Renders a findings document whose first line is its {@code # } title. */
  static void render(StringBuilder sb, String markdown) {
    String text = markdown.replace("\r\n", "\n");
    int eol = text.indexOf('\n');
    String first = eol < 0 ? text : text.substring(0, eol);
    if (!first.startsWith("# ")) {
      throw new IllegalStateException("FINDINGS.md must start with its '# ' title");
    }
    String body = eol < 0 ? "" : text.substring(eol + 1);
    sb.append("<section id=\"derivation\">\n").append(MiniMarkdown.toHtml(first, 1))
        .append("<div class=\"note\">\n").append(MiniMarkdown.toHtml(body, 1)).append("</div>\n</section>\n");
  }

  /** The embedded document; its absence is a build error, not a report without findings. */
  static String document() {
    try (InputStream in = FindingsSection.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("FINDINGS.md is not on the classpath next to " + FindingsSection.class
            + " (reports/pom.xml copies docs/FINDINGS.md there)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded FINDINGS.md", e);
    }
  }
}
