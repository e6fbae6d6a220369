package io.github.softmaxicl.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.experiments.Mode;
import io.github.softmaxicl.experiments.ReproductionJob;
import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.theory.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * results.json validates against the published schema, docs/results.schema.json, and the schema is strict enough
 * that a writer bug fails it: every broken document below is rejected at the place broken. The real job's output
 * of every dynamics is also validated where other tests produce it (EndToEndDeterminismTest: reduced and SGD on
 * small; FullDynamicsJobTest: the full flow, the ladder's sweep with standard errors).
 */
class ResultsSchemaTest {
  @TempDir static Path tmp;
  /** A valid document with runs of all three dynamics, sweeps and claims (synthetic job). */
  private static JsonNode valid;

  @BeforeAll
  static void writeSyntheticOutput() throws IOException {
    Path out = tmp.resolve("all");
    CliHarness h = CliHarness.run(new SyntheticJob(SyntheticJob.Behaviour.PASS), "--dynamics", "all", "--out",
        out.toString());
    assertEquals(Main.EXIT_OK, h.code, h.err);
    valid = ResultsSchema.assertValid(out.resolve("results.json"));
  }

  @Test
  void theSchemaIsAValid2020_12SchemaOfTheVersionWritten() {
    com.networknt.schema.Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertEquals(List.of(), meta.validate(ResultsSchema.NODE).stream().map(Object::toString).toList());
    ObjectNode broken = ResultsSchema.NODE.deepCopy();
    ((ObjectNode) broken.get("properties").get("runs")).put("type", "list");
    assertFalse(meta.validate(broken).isEmpty(), "the meta-schema check can fail");
    assertEquals(ResultsJsonWriter.SCHEMA, ResultsSchema.NODE.get("properties").get("schema").get("const").asInt());
    assertEquals(ResultsJsonWriter.SCHEMA, valid.get("schema").asInt());
  }

  /** A new verdict status, provenance, dynamics or mode must reach the published schema (and its changelog). */
  @Test
  void theSchemasEnumerationsAreThoseOfTheCode() {
    JsonNode defs = ResultsSchema.NODE.get("$defs");
    List<String> statuses = new ArrayList<>();
    for (Verdict.Status s : Verdict.Status.values()) {
      statuses.add(s.json());
    }
    assertEquals(statuses, texts(defs.get("claim").get("properties").get("verdict").get("enum")));
    List<String> provenances = new ArrayList<>();
    for (Provenance p : Provenance.values()) {
      provenances.add(p.label());
    }
    assertEquals(provenances, texts(defs.get("claim").get("properties").get("provenance").get("enum")));
    List<String> dynamics = new ArrayList<>();
    for (Dynamics d : Dynamics.values()) {
      dynamics.add(d.id());
    }
    assertEquals(dynamics, texts(defs.get("run").get("properties").get("dynamics").get("enum")));
    List<String> modes = new ArrayList<>();
    for (Mode m : Mode.values()) {
      modes.add(m.id());
    }
    assertEquals(modes, texts(defs.get("mode").get("enum")));
  }

  @Test
  void failingAndErrorVerdictsValidate() throws IOException {
    for (SyntheticJob.Behaviour b : List.of(SyntheticJob.Behaviour.FAIL, SyntheticJob.Behaviour.ERROR)) {
      Path out = tmp.resolve(b.name());
      CliHarness h = CliHarness.run(new SyntheticJob(b), "--out", out.toString());
      assertTrue(h.code == Main.EXIT_CLAIM_FAILS || h.code == Main.EXIT_NUMERICAL, h.err);
      ResultsSchema.assertValid(out.resolve("results.json"));
    }
  }

  /**
   * The real job on small and on a configuration file with fewer heads than tasks: reduced runs with a certificate
   * (certified provenance) and not-applicable verdicts (the claims need H ≥ n), in seconds.
   */
  @Test
  void aRealReducedRunWithCertifiedAndNotApplicableVerdictsValidates() throws IOException {
    Path config = tmp.resolve("few-heads.json");
    Files.writeString(config, "{\"d\": 6, \"blocks\": [2, 2, 2], \"H\": 2, \"L\": 20}");
    Path out = tmp.resolve("real");
    CliHarness h = CliHarness.run(new ReproductionJob(), "--preset", "small", "--config", config.toString(),
        "--claim", "P1-convergence", "--claim", "P1-certificate", "--out", out.toString());
    assertEquals(Main.EXIT_OK, h.code, h.err);
    JsonNode doc = ResultsSchema.assertValid(out.resolve("results.json"));
    Set<String> seen = new TreeSet<>();
    for (JsonNode c : doc.get("claims")) {
      seen.add(c.get("verdict").asText());
      seen.add(c.get("provenance").asText());
    }
    assertTrue(seen.containsAll(Set.of("pass", "not-applicable", Provenance.CERTIFIED.label())), seen.toString());
  }

  static Stream<Arguments> brokenDocuments() {
    return Stream.of(
        broken("a missing required field", "/runs/0", d -> run(d, 0).remove("F_final")),
        broken("a wrong status string", "/claims/0/verdict", d -> claim(d, 0).put("verdict", "passed")),
        broken("a status in capitals", "/claims/0/verdict", d -> claim(d, 0).put("verdict", "PASS")),
        broken("a string where a number goes", "/runs/0/F0", d -> run(d, 0).put("F0", "3.99")),
        broken("a number where an integer goes", "/runs/0/config/H", d -> ((ObjectNode) run(d, 0).get("config"))
            .put("H", 2.5)),
        broken("an unknown key", "/runs/0", d -> run(d, 0).put("F_finall", 1.0)),
        broken("an unknown top-level key", "", d -> d.put("schema_version", 2)),
        broken("the previous schema version", "/schema", d -> d.put("schema", 1)),
        broken("a pass without a measured value", "/claims/0/measured", d -> claim(d, 0).putNull("measured")),
        broken("an unknown provenance", "/claims/0/provenance", d -> claim(d, 0).put("provenance", "Theorem 1")),
        broken("a negative head index", "/runs/0/allocation/0",
            d -> ((ArrayNode) run(d, 0).get("allocation")).set(0, -1)),
        broken("a negative time", "/runs/0/t_warmup_end", d -> run(d, 0).put("t_warmup_end", -1.0)),
        broken("per-task markers on a full-model run", "/runs/1/task_warmup_end",
            d -> run(d, 1).set("task_warmup_end", run(d, 0).get("task_warmup_end"))),
        broken("no per-task markers on a reduced run", "/runs/0/task_warmup_end",
            d -> run(d, 0).putNull("task_warmup_end")),
        broken("a full-model quantity on a reduced run", "/runs/0/F_fresh", d -> run(d, 0).put("F_fresh", 1.0)),
        broken("a start time that is not ISO-8601", "/started", d -> d.put("started", "02/01/2026 03:04")),
        broken("a commit that is not a commit id", "/provenance/commit",
            d -> ((ObjectNode) d.get("provenance")).put("commit", "unknown")),
        broken("a stage without its wall time", "/provenance/stages/0",
            d -> ((ArrayNode) d.get("provenance").get("stages")).addObject().put("name", "sweeps")
                .put("typical_quick_seconds", 35.0)),
        broken("an unknown dynamics", "/runs/0/dynamics", d -> run(d, 0).put("dynamics", "ode")),
        broken("a sweep series without y_error", "/sweeps/0/series/0",
            d -> ((ObjectNode) d.get("sweeps").get(0).get("series").get(0)).remove("y_error")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenDocuments")
  void aBrokenDocumentFailsAtThePlaceBroken(String what, String location, Consumer<ObjectNode> breakIt) {
    ObjectNode doc = valid.deepCopy();
    breakIt.accept(doc);
    List<String> errors = ResultsSchema.errors(doc);
    assertFalse(errors.isEmpty(), what + " was accepted");
    boolean located = false;
    for (String e : errors) {
      located |= e.startsWith(location + ":") || e.startsWith(location + "/");
    }
    assertTrue(located, what + ": no error at " + location + ": " + errors);
  }

  private static Arguments broken(String what, String location, Consumer<ObjectNode> breakIt) {
    return Arguments.of(what, location, breakIt);
  }

  private static ObjectNode run(ObjectNode doc, int k) {
    return (ObjectNode) doc.get("runs").get(k);
  }

  private static ObjectNode claim(ObjectNode doc, int k) {
    return (ObjectNode) doc.get("claims").get(k);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
