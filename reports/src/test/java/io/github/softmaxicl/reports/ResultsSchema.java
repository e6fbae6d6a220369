package io.github.softmaxicl.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The published schema of results.json, docs/results.schema.json, read from the repository (its one copy) and
 * compiled once with networknt's JSON Schema 2020-12 validator.
 */
final class ResultsSchema {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path FILE = locate();
  static final JsonNode NODE = read(FILE);
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(NODE);

  private ResultsSchema() {}

  /** Surefire runs in the module directory (and sets basedir); the schema lives in the repository's docs/. */
  private static Path locate() {
    Path base = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
    for (Path p : List.of(base.resolve("../docs/results.schema.json"), base.resolve("docs/results.schema.json"))) {
      if (Files.isRegularFile(p)) {
        return p.normalize();
      }
    }
    throw new IllegalStateException("docs/results.schema.json not found from " + base);
  }

  private static JsonNode read(Path p) {
    try {
      return JSON.readTree(p.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The violations of {@code doc}, one line each (instance location and message); empty when valid. */
  static List<String> errors(JsonNode doc) {
    List<String> out = new ArrayList<>();
    for (Error e : SCHEMA.validate(doc)) {
      out.add(e.toString());
    }
    return out;
  }

  /** Asserts that the results.json at {@code file} validates against the schema. */
  static JsonNode assertValid(Path file) throws IOException {
    JsonNode doc = JSON.readTree(file.toFile());
    assertEquals(List.of(), errors(doc), file + " against " + FILE);
    return doc;
  }
}
