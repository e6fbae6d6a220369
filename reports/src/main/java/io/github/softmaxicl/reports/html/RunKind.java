package io.github.softmaxicl.reports.html;

/** Which dynamics produced a run, with the words the report uses for it. */
public enum RunKind {
  /** The reduced spectral flow. */
  REDUCED("reduced spectral flow (reconstruction, MODEL.md §5)", "F(t), reduced model"),
  /** The full model under gradient flow on a fixed prompt sample. */
  FULL("full model, gradient flow on a fixed prompt sample (MODEL.md §2, §9)", "F(t), full model (in-sample)"),
  /** The full model under SGD with fresh prompts. */
  SGD("full model, SGD with fresh prompts (MODEL.md §2, §9)", "F(t), full model, SGD (batch loss)");

  private final String title;
  private final String lossLabel;

  RunKind(String title, String lossLabel) {
    this.title = title;
    this.lossLabel = lossLabel;
  }

  /** The run's heading after its id. */
  String title() {
    return title;
  }

  /** Legend label of the run's loss curve. */
  String lossLabel() {
    return lossLabel;
  }
}
