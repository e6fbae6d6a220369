package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Index Checker skips the classes listed in theory/pom.xml's {@code checker.index.skipDefs} (it has nothing to
 * prove there, and its Value Checker spent about 40 s of the compile on them). This keeps the list honest: every
 * listed class exists and holds no index expression the checker would have had to prove, so a class that gains
 * one fails here until it is taken off the list.
 */
class IndexCheckerScopeTest {
  private static final Path MAIN = Path.of("src/main/java/io/github/softmaxicl/theory");
  private static final String PREFIX = "^io\\.github\\.softmaxicl\\.theory\\.(";
  private static final String SUFFIX = ")(\\..+)?$";

  /** An array access or creation with a size: an identifier, ')' or ']' followed by '[' and something. */
  private static final Pattern ARRAY_INDEX = Pattern.compile("[\\w)\\]]\\s*\\[\\s*[^\\]\\s]");
  /** String and builder methods whose int arguments the Index Checker bounds. */
  private static final Pattern STRING_INDEX = Pattern.compile(
      "\\.(charAt|codePointAt|substring|subSequence|setCharAt|deleteCharAt|insert|delete|indexOf|lastIndexOf)\\s*\\(");
  /** A parameter list: no parentheses except an annotation's arguments. */
  private static final String PARAMETERS = "(?:[^()]|\\([^()]*\\))*";
  /** A method or constructor declaration with an index-qualified parameter (its callers are checked). */
  private static final Pattern QUALIFIED_PARAMETER = Pattern.compile(
      "\\b(\\w+)\\s*\\(" + PARAMETERS + "@(NonNegative|Positive|GTENegativeOne|IndexFor"
          + "|IndexOrLow|IndexOrHigh|LTLengthOf|LTEqLengthOf|LTOMLengthOf|LengthOf|SameLen|MinLen|ArrayLen|IntRange"
          + "|IntVal)\\b" + PARAMETERS + "\\)\\s*(\\{|throws)");

  @Test
  void everySkippedClassExistsAndHasNoIndexExpression() throws IOException {
    List<String> skipped = skippedClasses();
    assertFalse(skipped.isEmpty(), "checker.index.skipDefs lists no class");
    List<String> calls = qualifiedCalls();
    for (String name : skipped) {
      Path file = MAIN.resolve(name.replace('.', '/') + ".java");
      assertTrue(Files.isRegularFile(file), "listed in checker.index.skipDefs but missing: " + file);
      String code = codeOnly(Files.readString(file, StandardCharsets.UTF_8));
      List<String> found = indexExpressions(code, calls);
      assertEquals(List.of(), found, name + " is skipped by the Index Checker (theory/pom.xml checker.index.skipDefs)"
          + " but has index expressions: take it off the list");
    }
  }

  /** The scan finds what the checker would check, and ignores types, comments and strings. */
  @Test
  void scanFindsIndexExpressionsOnWrongInputs() {
    List<String> calls = List.of("DecoupledWarmup.tau(", ".omegaAt(");
    for (String wrong : List.of("x = a[i];", "double[] b = new double[n];", "m[h][j] = 0;", "f(a)[0]",
        "s.charAt(0)", "t.substring(1, 2)", "sb.deleteCharAt(k)", "DecoupledWarmup.tau(c, j)",
        "state.omegaAt(h, j)")) {
      assertFalse(indexExpressions(codeOnly(wrong), calls).isEmpty(), "not flagged: " + wrong);
    }
    for (String fine : List.of("double[] a = b;", "int[][] m = copy(x);", "// a[i]", "/* s.charAt(0) */",
        "String s = \"a[i]\";", "char c = '[';", "tau(c, j)", "List<double[]> l;")) {
      assertEquals(List.of(), indexExpressions(codeOnly(fine), calls), "flagged: " + fine);
    }
  }

  /** The declaration pattern finds index-qualified parameters, static or not. */
  @Test
  void qualifiedDeclarationsAreFound() throws IOException {
    List<String> found = new ArrayList<>();
    collectQualified(codeOnly("public static double tau(ProblemConfig c, @NonNegative int task) {"), "W", found);
    collectQualified(codeOnly("double omegaAt(@IndexFor(\"x\") int h, int j) throws X {"), "S", found);
    collectQualified(codeOnly("double plain(int h) {"), "S", found);
    assertEquals(List.of("W.tau(", ".omegaAt("), found);
    assertTrue(qualifiedCalls().contains("DecoupledWarmup.tau("), qualifiedCalls().toString());
  }

  private static List<String> skippedClasses() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<checker\\.index\\.skipDefs>(.*)</checker\\.index\\.skipDefs>").matcher(pom);
    assertTrue(m.find(), "theory/pom.xml has no checker.index.skipDefs");
    String regex = m.group(1);
    assertTrue(regex.startsWith(PREFIX) && regex.endsWith(SUFFIX), "unexpected form: " + regex);
    List<String> names = new ArrayList<>();
    for (String alt : regex.substring(PREFIX.length(), regex.length() - SUFFIX.length()).split("\\|")) {
      names.add(alt.replace("\\.", "."));
    }
    return names;
  }

  /** Calls of every theory method declared with an index-qualified parameter ("Owner.name(" if static). */
  private static List<String> qualifiedCalls() throws IOException {
    List<String> calls = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
        String owner = f.getFileName().toString().replace(".java", "");
        collectQualified(codeOnly(Files.readString(f, StandardCharsets.UTF_8)), owner, calls);
      }
    }
    return calls;
  }

  private static void collectQualified(String code, String owner, List<String> out) {
    Matcher m = QUALIFIED_PARAMETER.matcher(code);
    while (m.find()) {
      String name = m.group(1);
      String declaration = code.substring(code.lastIndexOf('\n', m.start()) + 1, m.start());
      boolean isStatic = declaration.matches(".*\\bstatic\\b.*");
      // A constructor is called as "new Owner(", a static method as "Owner.name(".
      String call = name.equals(owner) ? "new " + owner + "(" : (isStatic ? owner : "") + "." + name + "(";
      out.add(call);
    }
  }

  private static List<String> indexExpressions(String code, List<String> calls) {
    List<String> found = new ArrayList<>();
    for (Pattern p : List.of(ARRAY_INDEX, STRING_INDEX)) {
      Matcher m = p.matcher(code);
      while (m.find()) {
        found.add(m.group());
      }
    }
    for (String call : calls) {
      if (code.contains(call)) {
        found.add(call);
      }
    }
    return found;
  }

  /** The source with comments and string, text-block and character literals blanked, in one pass. */
  static String codeOnly(String src) {
    StringBuilder out = new StringBuilder(src.length());
    int i = 0;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (src.startsWith("//", i)) {
        int end = src.indexOf('\n', i);
        i = end < 0 ? src.length() : end;
      } else if (src.startsWith("/*", i)) {
        int end = src.indexOf("*/", i + 2);
        i = end < 0 ? src.length() : end + 2;
        out.append(' ');
      } else if (src.startsWith("\"\"\"", i)) {
        int end = src.indexOf("\"\"\"", i + 3);
        i = end < 0 ? src.length() : end + 3;
        out.append("\"\"");
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < src.length() && src.charAt(j) != c) {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
        out.append(c).append(c);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
