package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.RunSpec;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.softmaxicl.theory.ConfigException;
import io.github.softmaxicl.theory.ProblemConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads a configuration file (docs/OUTPUT.md {@code --config}): a JSON object with the fields of a preset,
 * {@code d, blocks, H, L} required and {@code sigma (0), s2 (1), init ("paper"), seed, prompts, t_end} optional.
 * Strict: unknown or duplicate fields, wrong JSON types (a string for a number, 2.5 for an integer), trailing
 * content and out-of-range values are all refused with one line naming the field and its allowed range.
 * NaN and Infinity are read (a non-standard JSON extension) only so that they can be refused by name.
 */
public final class ConfigFile {
  /** Fields a configuration file may have, in the order of docs/OUTPUT.md. */
  public static final List<String> FIELDS =
      List.of("d", "blocks", "H", "L", "sigma", "s2", "init", "seed", "prompts", "t_end", "init_scale");
  /** Fields that must be present. */
  public static final List<String> REQUIRED = List.of("d", "blocks", "H", "L");
  /** The initialisations known (MODEL.md §5). */
  public static final List<String> INITS = List.of("paper");
  /** End time when the file has none: the presets' horizon, long enough for the convergence phase. */
  public static final double DEFAULT_T_END = 3.0e4;
  /** Largest configuration file read (a configuration is a few hundred bytes). */
  public static final long MAX_BYTES = 1 << 20;
  /**
   * Largest H × (number of blocks) accepted in a configuration file. The reduced flow has 2·H·n variables and its
   * cost grows faster than linearly in them (measured on 2 loaded cores, blocks 4+4 to t = 3·10⁴: 50 pairs 19 s,
   * 100 pairs 49 s, 200 pairs 173 s, 600 pairs more than 5 min); the presets have at most 12.
   */
  public static final int MAX_HEAD_TASK_PAIRS = 200;
  private static final String PAIRS_WHY = "H x (number of blocks) must be at most " + MAX_HEAD_TASK_PAIRS
      + ", where the reduced flow still ends within minutes on 2 cores";
  private static final String WEIGHTS_WHY = "the full model's H*(3*D^2 + n*D) weights, D = d + n, must fit one"
      + " array of " + ProblemConfig.MAX_WEIGHTS + " entries";
  /** Largest number of prompts accepted. */
  public static final int MAX_PROMPTS = 1_000_000_000;

  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .build();

  private ConfigFile() {}

  /**
   * Reads and validates a configuration file.
   *
   * @param file the file
   * @param defaultSeed seed when the file has none
   * @return the run; its name is the file name without {@code .json}
   * @throws UsageException naming the file and the field at fault
   */
  public static RunSpec read(Path file, long defaultSeed) throws UsageException {
    String where = "--config " + file;
    byte[] bytes;
    try {
      if (!Files.exists(file)) {
        throw new UsageException(where, "no such file");
      }
      if (Files.isDirectory(file)) {
        throw new UsageException(where, "is a directory, expected a JSON file");
      }
      // A FIFO, socket or device would block or never end: refuse it before opening it.
      if (!Files.isRegularFile(file)) {
        throw new UsageException(where, "is not a regular file (a pipe, socket or device), expected a JSON file");
      }
      bytes = readBounded(file, where);
    } catch (NoSuchFileException e) {
      throw new UsageException(where, "no such file");
    } catch (IOException | SecurityException e) {
      throw new UsageException(where, "cannot read the file (" + e.getClass().getSimpleName() + ")");
    }
    String name = runName(file, where);
    JsonNode root = parse(bytes, where);
    return fromTree(root, name, file.toString(), defaultSeed, where);
  }

  /** Reads at most {@link #MAX_BYTES} bytes, so a file that grows while it is read cannot exhaust memory. */
  private static byte[] readBounded(Path file, String where) throws IOException, UsageException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new UsageException(where, "larger than " + MAX_BYTES + " bytes, not a configuration file");
      }
      return bytes;
    }
  }

  /** The run name: the file name without {@code .json}, restricted to characters safe in file names. */
  private static String runName(Path file, String where) throws UsageException {
    Path fileName = file.getFileName();
    String base = fileName == null ? "" : fileName.toString();
    if (base.endsWith(".json")) {
      base = base.substring(0, base.length() - ".json".length());
    }
    if (!base.matches("[A-Za-z0-9._-]{1,100}") || base.startsWith(".")) {
      throw new UsageException(where, "the file name (without .json) names the run and must be 1..100 of"
          + " letters, digits, '.', '_', '-', not starting with '.'");
    }
    return base;
  }

  private static JsonNode parse(byte[] bytes, String where) throws UsageException {
    JsonParser p;
    try {
      p = MAPPER.createParser(bytes);
    } catch (IOException e) {
      throw new UsageException(where, "cannot parse the file");
    }
    try (JsonParser parser = p) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new UsageException(where, "empty file, expected a JSON object with fields " + String.join(", ", FIELDS));
      }
      if (first != JsonToken.START_OBJECT) {
        throw new UsageException(where, "expected a JSON object {...} at line 1 (got " + first.asString() + ")");
      }
      JsonNode root = MAPPER.readTree(parser);
      if (root == null) {
        throw new UsageException(where, "empty file, expected a JSON object");
      }
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        JsonLocation loc = parser.currentLocation();
        throw new UsageException(where, "malformed JSON: unexpected content after the object at line "
            + loc.getLineNr() + ", column " + loc.getColumnNr());
      }
      return root;
    } catch (JsonProcessingException e) {
      // Jackson's own messages name its internals ("StreamReadConstraints", "was expecting ..."): say instead
      // where it happened and what the field allows.
      JsonLocation loc = e.getLocation();
      String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      String field = topLevelField(p);
      String msg = String.valueOf(e.getOriginalMessage());
      if (msg.startsWith("Duplicate field")) {
        throw new UsageException(where + (field == null ? "" : ": " + field), "duplicate field" + at
            + " (each field may appear once)");
      }
      String allowed = field == null || !FIELDS.contains(field) ? "" : " (" + rule(field) + ")";
      String where2 = field == null ? where : where + ": " + field;
      if (e instanceof StreamConstraintsException) {
        if (msg.contains("depth")) {
          throw new UsageException(where, "nested too deeply" + at + "; a configuration is a flat JSON object"
              + " with fields " + String.join(", ", FIELDS));
        }
        throw new UsageException(where2, "value too long" + at + allowed);
      }
      if (msg.contains("end-of-input")) {
        throw new UsageException(where, "truncated JSON (unexpected end of file)" + at);
      }
      throw new UsageException(where2, "malformed JSON" + at + allowed);
    } catch (IOException e) {
      throw new UsageException(where, "cannot parse the file");
    }
  }

  /**
   * The top-level field whose value the parser was reading, or null if the error is between fields (a stray
   * comma after a complete value must not be blamed on the field before it).
   */
  private static @Nullable String topLevelField(JsonParser p) {
    JsonStreamContext ctx = p.getParsingContext();
    boolean nested = false;
    while (ctx != null && ctx.getParent() != null && ctx.getParent().getParent() != null) {
      ctx = ctx.getParent();
      nested = true;
    }
    if (ctx == null || !ctx.inObject() || !(nested || p.currentToken() == JsonToken.FIELD_NAME)) {
      return null;
    }
    String name = ctx.getCurrentName();
    return name == null || name.length() > 40 ? null : name;
  }

  /**
   * Validates a parsed configuration object.
   *
   * @param root the JSON object
   * @param name run name
   * @param source where it came from (for the report)
   * @param defaultSeed seed when the object has none
   * @param where prefix of error messages
   */
  static RunSpec fromTree(JsonNode root, String name, String source, long defaultSeed, String where)
      throws UsageException {
    if (!root.isObject()) {
      throw new UsageException(where, "expected a JSON object with fields " + String.join(", ", FIELDS));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      String field = it.next().getKey();
      if (!FIELDS.contains(field)) {
        throw new UsageException(where + ": " + field, "unknown field (allowed: " + String.join(", ", FIELDS) + ")");
      }
    }
    for (String field : REQUIRED) {
      if (!root.has(field)) {
        throw new UsageException(where + ": " + field, "required field is missing (required: "
            + String.join(", ", REQUIRED) + ")");
      }
    }
    int d = integer(root, "d", 1, ProblemConfig.MAX_D, where);
    int[] blocks = blocks(root, where);
    int heads = integer(root, "H", 1, MAX_HEAD_TASK_PAIRS, where);
    int promptLength = integer(root, "L", 1, ProblemConfig.MAX_L, where);
    double sigma = root.has("sigma") ? number(root, "sigma", where) : 0.0;
    double s2 = root.has("s2") ? number(root, "s2", where) : 1.0;
    String init = "paper";
    JsonNode initNode = root.get("init");
    if (initNode != null) {
      if (!initNode.isTextual() || !INITS.contains(initNode.asText())) {
        throw new UsageException(where + ": init", "must be one of " + quoted(INITS) + " (got " + initNode + ")");
      }
      init = initNode.asText();
    }
    long seed = defaultSeed;
    JsonNode seedNode = root.get("seed");
    if (seedNode != null) {
      if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong()) {
        throw new UsageException(where + ": seed", "must be an integer in [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE
            + "] (got " + seedNode + ")");
      }
      seed = seedNode.longValue();
    }
    OptionalInt prompts = OptionalInt.empty();
    if (root.has("prompts")) {
      prompts = OptionalInt.of(integer(root, "prompts", 1, MAX_PROMPTS, where));
    }
    double tEnd = DEFAULT_T_END;
    if (root.has("t_end")) {
      tEnd = number(root, "t_end", where);
      if (!(tEnd > 0) || !Double.isFinite(tEnd)) {
        throw new UsageException(where + ": t_end", "must be a finite number > 0 (got " + tEnd + ")");
      }
    }
    // Extension of docs/OUTPUT.md's fields: the factor k of MODEL.md §9 on ω(0) and μ(0) (every factor × √k).
    double initScale = 1.0;
    if (root.has("init_scale")) {
      initScale = number(root, "init_scale", where);
      if (!(initScale > 0) || !Double.isFinite(initScale)) {
        throw new UsageException(where + ": init_scale", "must be a finite number > 0 (got " + initScale + ")");
      }
    }
    checkSizes(d, blocks.length, heads, where);
    ProblemConfig config;
    try {
      config = ProblemConfig.of(d, blocks, heads, promptLength, sigma, s2);
    } catch (ConfigException e) {
      throw new UsageException(where, String.valueOf(e.getMessage()));
    }
    return new RunSpec(name, source, config, init, initScale, seed, prompts, tEnd);
  }

  /**
   * The limits that depend on more than one field, each blamed on the field that breaks it, with the range that
   * field has given the others. theory checks the full model's array size as one sum and names H even when d alone
   * is too large for a single head; here d is checked first at H = 1.
   */
  private static void checkSizes(int d, int n, int heads, String where) throws UsageException {
    if (n < 1 || n > d) {
      return; // theory names the blocks rule
    }
    if (n > MAX_HEAD_TASK_PAIRS) {
      throw new UsageException(where + ": blocks", "at most " + MAX_HEAD_TASK_PAIRS + " blocks allowed (got " + n
          + "); " + PAIRS_WHY);
    }
    if (weightsPerHead(d, n) > ProblemConfig.MAX_WEIGHTS) {
      int dMax = largestD(n);
      throw new UsageException(where + ": d", "must be an integer in [1, " + dMax + "] with " + n + " block"
          + (n == 1 ? "" : "s") + " (got " + d + "): " + WEIGHTS_WHY);
    }
    long byWeights = ProblemConfig.MAX_WEIGHTS / weightsPerHead(d, n);
    long hMax = Math.min(Math.min(ProblemConfig.MAX_HEADS, byWeights), MAX_HEAD_TASK_PAIRS / n);
    if (heads > hMax) {
      String why = hMax == byWeights ? WEIGHTS_WHY : PAIRS_WHY;
      throw new UsageException(where + ": H", "must be an integer in [1, " + hMax + "] for d = " + d + " and " + n
          + " block" + (n == 1 ? "" : "s") + " (got " + heads + "): " + why);
    }
  }

  /** Weights of one head of the full model, 3D² + nD with D = d + n (theory's count). */
  private static long weightsPerHead(int d, int n) {
    long dd = (long) d + n;
    return 3L * dd * dd + n * dd;
  }

  /** The largest d whose single head fits the full model's array limit, with n blocks. */
  static int largestD(int n) {
    int lo = n;
    int hi = ProblemConfig.MAX_D;
    while (lo < hi) {
      int mid = lo + (hi - lo + 1) / 2;
      if (weightsPerHead(mid, n) <= ProblemConfig.MAX_WEIGHTS) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** What a field of a configuration file allows, in the words of the error messages. */
  static String rule(String field) {
    switch (field) {
      case "d":
        return "must be an integer in [1, " + ProblemConfig.MAX_D + "]";
      case "blocks":
        return "must be an array of block sizes, integers >= 1 summing to d";
      case "H":
        return "must be an integer in [1, " + MAX_HEAD_TASK_PAIRS + "], at most " + MAX_HEAD_TASK_PAIRS
            + " / (number of blocks)";
      case "L":
        return "must be an integer in [1, " + ProblemConfig.MAX_L + "]";
      case "sigma":
        return "must be a finite number >= 0 (default 0)";
      case "s2":
        return "must be a finite number > 0 (default 1)";
      case "init":
        return "must be one of " + quoted(INITS) + " (default \"paper\")";
      case "seed":
        return "must be an integer in [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]";
      case "prompts":
        return "must be an integer in [1, " + MAX_PROMPTS + "]";
      case "t_end":
        return "must be a finite number > 0 (default " + Numbers.human(DEFAULT_T_END) + ")";
      default:
        return "must be a finite number > 0 (default 1)";
    }
  }

  private static String quoted(List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (String v : values) {
      sb.append(sb.length() == 0 ? "" : ", ").append('"').append(v).append('"');
    }
    return sb.toString();
  }

  private static int integer(JsonNode root, String field, int lo, int hi, String where) throws UsageException {
    JsonNode n = root.path(field);
    String range = "must be an integer in [" + lo + ", " + hi + "]";
    if (!n.isIntegralNumber()) {
      throw new UsageException(where + ": " + field, range + " (got " + describe(n) + ")");
    }
    if (!n.canConvertToInt() || n.intValue() < lo || n.intValue() > hi) {
      throw new UsageException(where + ": " + field, range + " (got " + n + ")");
    }
    return n.intValue();
  }

  private static double number(JsonNode root, String field, String where) throws UsageException {
    JsonNode n = root.path(field);
    if (!n.isNumber()) {
      throw new UsageException(where + ": " + field, "must be a number (got " + describe(n) + ")");
    }
    return n.doubleValue();
  }

  private static int[] blocks(JsonNode root, String where) throws UsageException {
    JsonNode n = root.path("blocks");
    String rule = "must be an array of block sizes, integers >= 1 summing to d";
    if (!n.isArray()) {
      throw new UsageException(where + ": blocks", rule + " (got " + describe(n) + ")");
    }
    if (n.size() > ProblemConfig.MAX_D) {
      throw new UsageException(where + ": blocks", "at most " + ProblemConfig.MAX_D + " blocks allowed");
    }
    int[] sizes = new int[n.size()];
    for (int i = 0; i < sizes.length; i++) {
      JsonNode b = n.path(i);
      if (!b.isIntegralNumber() || !b.canConvertToInt()) {
        throw new UsageException(where + ": blocks", rule + " (entry " + i + " is " + describe(b) + ")");
      }
      sizes[i] = b.intValue();
    }
    return sizes;
  }

  /** A short description of a JSON value for error messages. */
  private static String describe(JsonNode n) {
    String text = n.isMissingNode() ? "nothing" : n.isTextual() ? "the string " + n : n.isNull() ? "null"
        : n.isBoolean() ? "the boolean " + n : n.isArray() ? "an array" : n.isObject() ? "an object" : n.toString();
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
