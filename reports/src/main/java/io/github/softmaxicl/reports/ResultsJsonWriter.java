package io.github.softmaxicl.reports;

import io.github.softmaxicl.numerics.Dynamics;

import io.github.softmaxicl.experiments.RunRecord;
import io.github.softmaxicl.experiments.FullModelSection;
import io.github.softmaxicl.experiments.IntegratorInfo;
import io.github.softmaxicl.checks.Sweep;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.theory.ProblemConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes results.json, schema {@value #SCHEMA}: the JSON Schema docs/results.schema.json, documented field by field
 * in docs/RESULTS-SCHEMA.md. Snake_case keys in a fixed order, every key always written (null where it does not
 * apply), non-finite numbers as null, numbers in {@link Double#toString} form (locale-independent, round-trip exact).
 * A change of keys or values is a new schema version, with the schema file and its changelog changed together.
 */
public final class ResultsJsonWriter {
  /**
   * The schema version written. 2: schema 1 of OUTPUT.md with its additive extensions (a fourth verdict value among
   * them, which a schema-1 reader cannot expect) and every key present on every run and series.
   */
  public static final int SCHEMA = 2;

  private final JsonFactory factory = new JsonFactory();

  /**
   * Writes the file.
   *
   * @param file target path
   * @param report what to write
   */
  public void write(Path file, ReportData report) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(out, report);
    }
  }

  /** Writes to a stream (not closed). */
  public void write(OutputStream out, ReportData report) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("schema", SCHEMA);
      VersionInfo v = report.versions();
      g.writeObjectFieldStart("generator");
      g.writeStringField("name", v.name());
      g.writeStringField("version", v.version());
      g.writeStringField("java", v.java());
      g.writeStringField("hipparchus", v.hipparchus());
      g.writeStringField("ejml", v.ejml());
      g.writeEndObject();
      g.writeStringField("started", iso(report.started()));
      number(g, "wall_seconds", report.wallSeconds());
      g.writeStringField("mode", report.request().mode().id());
      writeProvenance(g, report);
      g.writeArrayFieldStart("runs");
      for (RunRecord r : report.result().runs()) {
        writeRun(g, r);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("claims");
      for (Verdict c : report.result().verdicts()) {
        writeClaim(g, c, RerunCommand.of(report.request(), c));
      }
      g.writeEndArray();
      g.writeArrayFieldStart("sweeps");
      for (Sweep s : report.result().sweeps()) {
        writeSweep(g, s);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /**
   * The provenance stamp: which build (commit recorded at build time, tree state), which
   * command, mode and seed, which JVM, OS and CPU, which runtime libraries, and the wall time of each stage.
   */
  private static void writeProvenance(JsonGenerator g, ReportData report) throws IOException {
    RunStamp stamp = report.stamp();
    g.writeObjectFieldStart("provenance");
    BuildStamp b = stamp.build();
    if (b.known()) {
      g.writeStringField("commit", b.commit());
    } else {
      g.writeNullField("commit");
    }
    Boolean dirty = b.dirty();
    if (dirty == null) {
      g.writeNullField("dirty");
    } else {
      g.writeBooleanField("dirty", dirty);
    }
    g.writeArrayFieldStart("arguments");
    for (String a : report.request().commandLine()) {
      g.writeString(a);
    }
    g.writeEndArray();
    g.writeStringField("command", commandLine(report.request().commandLine()));
    g.writeStringField("mode", report.request().mode().id());
    g.writeNumberField("seed", report.request().runs().get(0).seed());
    MachineInfo m = stamp.machine();
    g.writeStringField("jdk_vendor", m.jdkVendor());
    g.writeStringField("jdk_version", m.jdkVersion());
    g.writeStringField("os", m.os().strip());
    g.writeStringField("arch", m.arch());
    g.writeStringField("cpu_model", m.cpuModel());
    g.writeNumberField("cpu_cores", m.cores());
    g.writeArrayFieldStart("dependencies");
    for (RuntimeDependencies.Dependency d : stamp.dependencies()) {
      g.writeStartObject();
      g.writeStringField("group", d.group());
      g.writeStringField("artifact", d.artifact());
      g.writeStringField("version", d.version());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("started", iso(report.started()));
    number(g, "wall_seconds", report.wallSeconds());
    g.writeArrayFieldStart("stages");
    for (StageTime t : stamp.stages()) {
      g.writeStartObject();
      g.writeStringField("name", t.name());
      number(g, "typical_quick_seconds", t.typicalQuickSeconds());
      number(g, "wall_seconds", t.wallSeconds());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** The command line as a POSIX shell would need it, each argument quoted when necessary. */
  static String commandLine(java.util.List<String> args) {
    StringBuilder sb = new StringBuilder("./reproduce");
    for (String a : args) {
      sb.append(' ').append(RerunCommand.quote(a));
    }
    return sb.toString();
  }

  /** ISO-8601 in UTC to the millisecond. */
  static String iso(Instant t) {
    return t.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static void writeRun(JsonGenerator g, RunRecord r) throws IOException {
    g.writeStartObject();
    g.writeStringField("preset", r.name());
    g.writeStringField("dynamics", r.dynamics().id());
    ProblemConfig c = r.config();
    g.writeObjectFieldStart("config");
    g.writeNumberField("d", c.d());
    g.writeArrayFieldStart("blocks");
    for (int b : c.blockSizes()) {
      g.writeNumber(b);
    }
    g.writeEndArray();
    g.writeNumberField("H", c.heads());
    g.writeNumberField("L", c.promptLength());
    number(g, "sigma", c.sigma());
    number(g, "s2", c.s2());
    g.writeStringField("init", r.init());
    g.writeNumberField("seed", r.seed());
    FullModelSection full = r.fullModel().orElse(null);
    if (full == null) {
      g.writeNullField("prompts");
    } else {
      g.writeNumberField("prompts", full.prompts());
    }
    g.writeEndObject();
    IntegratorInfo in = r.integrator();
    g.writeObjectFieldStart("integrator");
    g.writeStringField("name", in.name());
    number(g, "rel_tol", in.relTol());
    number(g, "abs_tol", in.absTol());
    number(g, "learning_rate", in.learningRate());
    g.writeEndObject();
    number(g, "t_end", r.tEnd());
    number(g, "F0", r.f0());
    number(g, "F_final", r.fFinal());
    number(g, "F_star", r.fStar());
    number(g, "t_warmup_end", r.markers().warmupEnd());
    number(g, "t_emergence_end", r.markers().emergenceEnd());
    g.writeArrayFieldStart("half_signal_times");
    for (double t : r.markers().halfSignal()) {
      number(g, t);
    }
    g.writeEndArray();
    // Per-task markers (docs/P2-PHASES.md §3): computed by event detectors of the reduced flow only, null otherwise.
    boolean reduced = r.dynamics() == Dynamics.REDUCED;
    numbersOrNull(g, "task_warmup_end", reduced ? r.markers().taskWarmupEnds() : null);
    numbersOrNull(g, "task_emergence_end", reduced ? r.markers().taskEmergenceEnds() : null);
    g.writeArrayFieldStart("allocation");
    for (int h : r.allocation()) {
      if (h < 0) {
        g.writeNull();
      } else {
        g.writeNumber(h);
      }
    }
    g.writeEndArray();
    matrix(g, "omega_final", r.omegaFinal());
    matrix(g, "mu_final", r.muFinal());
    // A reduced run has no full-model section: its keys are written as null, in the same places.
    number(g, "off_structure_norm", full == null ? Double.NaN : full.offStructureNorm());
    number(g, "init_scale", r.initScale());
    if (full == null) {
      g.writeNullField("symmetrised");
    } else {
      g.writeBooleanField("symmetrised", full.symmetrised());
    }
    number(g, "F_fresh", full == null ? Double.NaN : full.fFresh());
    number(g, "F_fresh_se", full == null ? Double.NaN : full.fFreshSe());
    number(g, "escape_time", full == null ? Double.NaN : full.escapeTime());
    number(g, "saddle_rate_predicted", full == null ? Double.NaN : full.saddleRatePredicted());
    number(g, "saddle_rate_measured", full == null ? Double.NaN : full.saddleRateMeasured());
    g.writeNumberField("evaluations", r.evaluations());
    number(g, "wall_seconds", r.wallSeconds());
    g.writeStringField("trajectory_csv", r.trajectoryCsv());
    g.writeEndObject();
  }

  private static void writeClaim(JsonGenerator g, Verdict c, String rerun) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.claimId());
    g.writeStringField("run", c.run());
    g.writeStringField("verdict", c.status().json());
    g.writeStringField("statement", c.statement());
    number(g, "measured", c.measured());
    number(g, "threshold", c.threshold());
    g.writeStringField("budget", c.budget());
    g.writeStringField("provenance", c.provenance());
    g.writeArrayFieldStart("evidence");
    for (String e : c.evidence()) {
      g.writeString(e);
    }
    g.writeEndArray();
    g.writeStringField("rerun", rerun);
    g.writeEndObject();
  }

  private static void writeSweep(JsonGenerator g, Sweep s) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", s.id());
    g.writeStringField("title", s.title());
    g.writeStringField("x_label", s.xLabel());
    g.writeStringField("y_label", s.yLabel());
    g.writeArrayFieldStart("series");
    for (Sweep.Series ser : s.series()) {
      g.writeStartObject();
      g.writeStringField("name", ser.name());
      g.writeBooleanField("theory", ser.theory());
      g.writeArrayFieldStart("x");
      for (double x : ser.x()) {
        number(g, x);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("y");
      for (double y : ser.y()) {
        number(g, y);
      }
      g.writeEndArray();
      numbersOrNull(g, "y_error", ser.hasErrors() ? ser.yError() : null);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("reference_lines");
    for (Sweep.ReferenceLine ref : s.references()) {
      g.writeStartObject();
      g.writeStringField("label", ref.label());
      number(g, "value", ref.value());
      g.writeStringField("orientation", ref.horizontal() ? "horizontal" : "vertical");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** An array of numbers, or null when the quantity does not apply. */
  private static void numbersOrNull(JsonGenerator g, String field, double @Nullable [] values) throws IOException {
    g.writeFieldName(field);
    if (values == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (double x : values) {
      number(g, x);
    }
    g.writeEndArray();
  }

  private static void matrix(JsonGenerator g, String field, double[][] m) throws IOException {
    g.writeArrayFieldStart(field);
    for (double[] row : m) {
      g.writeStartArray();
      for (double x : row) {
        number(g, x);
      }
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  private static void number(JsonGenerator g, String field, double x) throws IOException {
    g.writeFieldName(field);
    number(g, x);
  }

  /** JSON has no NaN or infinity: non-finite numbers are written as null. */
  private static void number(JsonGenerator g, double x) throws IOException {
    if (Double.isFinite(x)) {
      g.writeNumber(x);
    } else {
      g.writeNull();
    }
  }
}
