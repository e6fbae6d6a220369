package io.github.softmaxicl.bench;

import io.github.softmaxicl.theory.ProblemConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH CSV result file ({@code -rf csv -rff FILE}) of this module's benchmarks into the README's figures:
 * the derived rates JMH cannot print itself (the kernel's GFLOP/s and its ratio to OpenBLAS's DGEMM on the same
 * number of threads, and to EJML's multiply, measured in the same run; the per-step SGD projection). Benchmarks absent from the file are skipped.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.github.softmaxicl.bench.Figures FILE.csv}.
 */
public final class Figures {
  private Figures() {}

  /** One row of JMH's CSV: benchmark (with {@code :secondary} suffix), score, error, unit and parameters. */
  record Row(String benchmark, double score, double error, String unit, Map<String, String> params) {
    String param(String name) {
      return params.getOrDefault(name, "");
    }
  }

  /** Entry point: one argument, the CSV file. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: Figures RESULTS.csv");
      System.exit(2);
      return;
    }
    List<Row> rows = read(Path.of(args[0]));
    for (Row r : rows) {
      String name = shortName(r.benchmark());
      String line;
      if (name.equals("ReducedFlowBenchmark.run")) {
        line = String.format(Locale.ROOT, "reduced flow %-10s %-15s %9.2f ± %.2f %s", r.param("preset"),
            r.param("options"), r.score(), r.error(), r.unit());
      } else if (name.equals("ReducedFlowBenchmark.run:evaluations")) {
        double perRun = primary(rows, r).score() / r.score();
        line = String.format(Locale.ROOT, "reduced flow %-10s %-15s %9.0f evaluations per run, %.2f us each",
            r.param("preset"), r.param("options"), perRun, perSecond(r.score(), r.unit()) * 1e6);
      } else if (name.equals("ReducedFieldBenchmark.evaluate")) {
        line = String.format(Locale.ROOT, "one field evaluation %-10s %-6s %7.0f ± %.0f %s", r.param("preset"),
            r.param("field"), r.score(), r.error(), r.unit());
      } else if (name.equals("GradientKernelBenchmark.lossAndGradient:prompts")) {
        String size = r.param("size").isEmpty() ? "paper" : r.param("size");
        ProblemConfig config = GradientKernelBenchmark.config(size);
        double seconds = perSecond(r.score(), r.unit());
        double gflops = KernelFlops.perPrompt(config) / seconds * 1e-9;
        double direct = KernelFlops.perPromptDirect(config) / seconds * 1e-9;
        String vsBlas = blasGflops(rows, r.param("threads")).map(e -> String.format(Locale.ROOT,
            " = %.1f %% of OpenBLAS DGEMM on %s thread(s) (%.1f GFLOP/s)", 100 * gflops / e, r.param("threads"), e))
            .orElse("");
        String vsEjml = ejmlGflops(rows, "256").map(e -> String.format(Locale.ROOT, "; %.0f %% of EJML 256",
            100 * gflops / e)).orElse("");
        line = String.format(Locale.ROOT, "gradient kernel %s, %s thread(s): %.2f %s per prompt, %.2f GFLOP/s"
            + " (%.2f direct-formulation equivalent)%s%s", size, r.param("threads"), r.score(),
            r.unit().replace("/op", ""), gflops, direct, vsBlas, vsEjml);
      } else if (name.equals("ChunkLayoutBenchmark.chunk:prompts")) {
        double gflops = KernelFlops.perPrompt(GradientKernelBenchmark.config(r.param("size")))
            / perSecond(r.score(), r.unit()) * 1e-9;
        String vsBlas = blasGflops(rows, "1").map(e -> String.format(Locale.ROOT,
            " = %.1f %% of OpenBLAS DGEMM on 1 thread", 100 * gflops / e)).orElse("");
        line = String.format(Locale.ROOT, "kernel alone (one chunk), %s, %s lanes: %.2f %s per prompt, %.2f GFLOP/s%s",
            r.param("size"), r.param("layout"), r.score(), r.unit().replace("/op", ""), gflops, vsBlas);
      } else if (name.equals("OpenBlasMultiplyBenchmark.multiply")) {
        int n = OpenBlasMultiplyBenchmark.SIZE;
        line = String.format(Locale.ROOT, "OpenBLAS DGEMM %dx%d, %s thread(s): %.1f GFLOP/s", n, n, r.param("threads"),
            KernelFlops.squareMultiply(n) / perSecond(r.score(), r.unit()) * 1e-9);
      } else if (name.equals("EjmlMultiplyBenchmark.multiply")) {
        int n = Integer.parseInt(r.param("size"));
        line = String.format(Locale.ROOT, "EJML multiply %dx%d, 1 thread: %.2f GFLOP/s", n, n,
            KernelFlops.squareMultiply(n) / perSecond(r.score(), r.unit()) * 1e-9);
      } else if (name.equals("PromptGenerationBenchmark.fill:prompts")) {
        line = String.format(Locale.ROOT, "prompt generation paper: %.2f %s per prompt", r.score(),
            r.unit().replace("/op", ""));
      } else if (name.equals("SgdStepBenchmark.steps:steps")) {
        double s = perSecond(r.score(), r.unit());
        line = String.format(Locale.ROOT, "SGD step paper, B = %s, 2 threads: %.3f s per step (10^6 steps: %.1f days)",
            r.param("batch"), s, s * 1e6 / 86_400);
      } else {
        continue;
      }
      System.out.println(line);
    }
  }

  /** {@code Class.method[:secondary]} of a fully qualified JMH benchmark label. */
  static String shortName(String benchmark) {
    int colon = benchmark.indexOf(':');
    String method = colon < 0 ? benchmark : benchmark.substring(0, colon);
    String suffix = colon < 0 ? "" : benchmark.substring(colon);
    int lastDot = method.lastIndexOf('.');
    int classDot = lastDot <= 0 ? -1 : method.lastIndexOf('.', lastDot - 1);
    return method.substring(classDot + 1) + suffix;
  }

  private static java.util.Optional<Double> blasGflops(List<Row> rows, String threads) {
    for (Row r : rows) {
      if (r.benchmark().endsWith("OpenBlasMultiplyBenchmark.multiply") && r.param("threads").equals(threads)) {
        return java.util.Optional.of(KernelFlops.squareMultiply(OpenBlasMultiplyBenchmark.SIZE)
            / perSecond(r.score(), r.unit()) * 1e-9);
      }
    }
    return java.util.Optional.empty();
  }

  private static java.util.Optional<Double> ejmlGflops(List<Row> rows, String size) {
    for (Row r : rows) {
      if (r.benchmark().endsWith("EjmlMultiplyBenchmark.multiply") && r.param("size").equals(size)) {
        return java.util.Optional.of(KernelFlops.squareMultiply(Integer.parseInt(size))
            / perSecond(r.score(), r.unit()) * 1e-9);
      }
    }
    return java.util.Optional.empty();
  }

  /** The primary result that a secondary one ({@code benchmark:label}) belongs to. */
  private static Row primary(List<Row> rows, Row secondary) {
    String benchmark = secondary.benchmark().substring(0, secondary.benchmark().indexOf(':'));
    for (Row r : rows) {
      if (r.benchmark().equals(benchmark) && r.params().equals(secondary.params())) {
        return r;
      }
    }
    throw new IllegalArgumentException("no primary result for " + secondary.benchmark() + " " + secondary.params());
  }

  /** Seconds for a JMH average-time score in {@code unit} (e.g. {@code us/op}). */
  static double perSecond(double score, String unit) {
    String u = unit.substring(0, unit.indexOf('/'));
    switch (u) {
      case "s":
        return score;
      case "ms":
        return score * 1e-3;
      case "us":
        return score * 1e-6;
      case "ns":
        return score * 1e-9;
      default:
        throw new IllegalArgumentException("not a time unit: " + unit);
    }
  }

  static List<Row> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(csv + " is empty");
    }
    List<String> header = split(lines.get(0));
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = split(line);
      Map<String, String> params = new HashMap<>();
      for (int i = 7; i < f.size() && i < header.size(); i++) {
        if (!f.get(i).isEmpty()) {
          params.put(header.get(i).replace("Param: ", ""), f.get(i));
        }
      }
      rows.add(new Row(f.get(0), parse(f.get(4)), parse(f.get(5)), f.get(6), params));
    }
    return rows;
  }

  private static double parse(String s) {
    return s.isEmpty() || s.equals("NaN") ? Double.NaN : Double.parseDouble(s);
  }

  /** Splits one CSV line of JMH's output: fields may be quoted, and contain no quotes or commas themselves. */
  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    for (String f : line.split(",", -1)) {
      out.add(f.startsWith("\"") && f.endsWith("\"") && f.length() >= 2 ? f.substring(1, f.length() - 1) : f);
    }
    return out;
  }
}
