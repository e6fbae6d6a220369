package io.github.softmaxicl.reports.html;

/** The page's style sheet, inline so that the report needs no other file. */
final class ReportStyle {
  static final String CSS = String.join("\n",
      "body{font-family:sans-serif;font-size:14px;line-height:1.4;color:#222;margin:0 auto;max-width:1360px;"
          + "padding:0 16px 32px}",
      "h1{font-size:22px;margin:16px 0 8px}h2{font-size:19px;border-bottom:2px solid #ccc;margin-top:28px}"
          + "h3{font-size:16px;margin-top:22px}h4{font-size:14px;margin:14px 0 4px}",
      ".banner{background:#fff6d6;border:1px solid #e0c060;padding:8px 12px}",
      "nav a{color:#0645ad}",
      ".stamp{font-size:12px;border:1px solid #bbb;background:#f7f7f7;padding:6px 10px;margin:8px 0}"
          + ".stamp .clean{font-weight:bold}.stamp .dirty{font-weight:bold;color:#8a0a0a}",
      "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 7px;vertical-align:top;"
          + "text-align:left}th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums;"
          + "white-space:nowrap}",
      ".pass{background:#d8f0d8;color:#0a5a0a;font-weight:bold}.fail{background:#f8d4d4;color:#8a0a0a;"
          + "font-weight:bold}.error{background:#ffe3b0;color:#7a4a00;font-weight:bold}"
          // Not applicable is neither a pass nor a failure: neutral grey-blue, dashed, never green or red.
          + ".not-applicable{background:#e6e9f2;color:#3a4560;font-weight:bold;outline:1px dashed #8a94b0}",
      ".rerun{margin:3px 0 0;font-size:12px;color:#444}",
      // The overview: compact cells, run names written upwards so that a dozen runs fit beside the claims.
      ".overview .mcounts{font-size:12px;margin:4px 0}.overview .mcounts .cell{display:inline-block;padding:1px 6px;"
          + "margin-right:6px}",
      "table.matrix{font-size:12px}table.matrix td,table.matrix th{padding:1px 4px;line-height:1.25}"
          + "table.matrix th.run{vertical-align:bottom;height:96px;padding:2px 1px}"
          + "table.matrix th.run span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;"
          + "font-weight:normal}",
      "table.matrix td.cell{text-align:center;min-width:18px}table.matrix td.cell a{color:inherit;"
          + "text-decoration:none;display:inline-block;min-width:14px}table.matrix td.none{background:#fff}"
          + "table.matrix td.cmd code{font-size:11px;white-space:nowrap;word-break:normal}",
      // Certified passes are proofs, not measurements: a deeper green than a measured pass.
      ".cell.certified{background:#7cc47c;color:#02360a;font-weight:bold}",
      ".counts span{display:inline-block;margin-right:12px;padding:2px 8px}",
      ".figs{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-start}",
      "svg{max-width:100%;height:auto;background:#fff}",
      "svg text{font-family:sans-serif;fill:#222}svg .tick{font-size:10px}svg .axlabel{font-size:11px}"
          + "svg .legend{font-size:10px}svg .ptitle{font-size:12px;font-weight:bold}svg .nodata{font-size:12px;"
          + "fill:#a00}svg .cell{font-size:10px}",
      "svg .frame{fill:none;stroke:#444;stroke-width:1}svg .grid{stroke:#e4e4e4;stroke-width:1}",
      ".evidence{margin:3px 0 0;font-size:12px;color:#444}.evidence summary{cursor:pointer}"
          + ".evidence .more{color:#0645ad}.evidence ul{margin:2px 0 0 16px;padding:0}",
      // Printed pages show every evidence line (browsers that support ::details-content; the text is in the page).
      "@media print{details.evidence::details-content{content-visibility:visible;display:block}"
          + "details.evidence .more{display:none}}",
      "figure.plot{margin:0}figure.plot figcaption{font-size:12px;color:#333;padding:0 4px 6px}",
      ".note{font-size:13px;color:#333;max-width:1000px}",
      "code{font-size:12px;word-break:break-all}",
      "footer{margin-top:32px;font-size:12px;color:#555}",
      "");

  private ReportStyle() {}
}
