package io.github.softmaxicl.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The markdown subset of docs/FINDINGS.md. */
class MiniMarkdownTest {
  @Test
  void blocksHeadingsParagraphsAndLists() {
    String md = "# Title\n\nFirst line\nsame paragraph.\n\n## Part\n- one\n  continued\n- two\n\nAfter.\n";
    assertEquals("<h2>Title</h2>\n<p>First line same paragraph.</p>\n<h3>Part</h3>\n"
        + "<ul>\n<li>one continued</li>\n<li>two</li>\n</ul>\n<p>After.</p>\n", MiniMarkdown.toHtml(md, 1));
    assertEquals("<h6>deep</h6>\n", MiniMarkdown.toHtml("###### deep", 3), "capped at h6");
    assertEquals("<p>#not a heading</p>\n", MiniMarkdown.toHtml("#not a heading", 0));
  }

  @Test
  void inlineBoldItalicCodeAndEscapes() {
    assertEquals("<b>Full model.</b> the <i>own on-task</i> μ, <code>--full</code>",
        MiniMarkdown.inline("**Full model.** the *own on-task* μ, `--full`"));
    assertEquals("F* and 2c_iμ_i*/(nL) &gt; 0 is *not* <i>this</i>",
        MiniMarkdown.inline("F\\* and 2c_iμ_i*/(nL) > 0 is \\*not\\* *this*"));
    assertEquals("<b>H &lt; n</b>: F = 1.652 F*", MiniMarkdown.inline("**H < n**: F = 1.652 F\\*"));
    assertEquals("a * b and ** c", MiniMarkdown.inline("a * b and ** c"), "unmatched markers stay text");
  }

  @Test
  void markupInTheDocumentIsText() {
    assertEquals("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <code>&lt;b&gt;</code></p>\n",
        MiniMarkdown.toHtml("<script>alert('x')</script> `<b>`", 0));
  }
}
