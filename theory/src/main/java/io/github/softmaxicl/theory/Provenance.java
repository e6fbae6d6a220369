package io.github.softmaxicl.theory;

/** Where a claim's statement comes from. Never "Theorem N of the paper": its full text is not available. */
public enum Provenance {
  /** Derived in MODEL.md from the authors' public set-up and checked numerically. */
  RECONSTRUCTION("reconstruction"),
  /** Proved for a configuration by rigorous interval arithmetic on the reconstructed reduced loss. */
  CERTIFIED("certified (interval arithmetic)");

  private final String label;

  Provenance(String label) {
    this.label = label;
  }

  /** The label written in reports and results.json. */
  public String label() {
    return label;
  }
}
