package io.github.softmaxicl.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No production source calls a transcendental function of {@code java.lang.Math}: HotSpot may replace those with
 * platform intrinsics whose last bits differ between machines, which would break "the same seed gives
 * bit-identical results on any machine". {@code StrictMath} (fdlibm, bit-exact by specification) and Hipparchus'
 * {@code FastMath} (pure Java) are the portable choices; {@code Math.sqrt}, {@code abs}, {@code min}, {@code max}
 * and the like are exact IEEE operations and stay allowed. Found by a review at 2026-12-07: eight calls in
 * {@code checks}, one in the validated integrator's step size, one in a hypothesis' message.
 */
class PortableMathTest {
  static final Pattern PLATFORM_MATH = Pattern.compile(
      "(?<![A-Za-z0-9_])(?:java\\.lang\\.)?Math\\.(exp|expm1|log|log10|log1p|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh"
          + "|cbrt|hypot)\\s*\\(");

  private static final List<String> MODULES = List.of("theory", "numerics", "checks", "experiments", "reports");

  @Test
  void thePatternTellsPortableFromPlatformCalls() {
    assertTrue(PLATFORM_MATH.matcher("double y = Math.exp(x);").find());
    assertTrue(PLATFORM_MATH.matcher("f(Math.pow(a, b))").find());
    assertTrue(PLATFORM_MATH.matcher("java.lang.Math.log(x)").find());
    assertFalse(PLATFORM_MATH.matcher("StrictMath.exp(x)").find());
    assertFalse(PLATFORM_MATH.matcher("FastMath.log(x)").find());
    assertFalse(PLATFORM_MATH.matcher("Math.sqrt(x) + Math.abs(y)").find());
  }

  @Test
  void productionSourcesUseOnlyPortableTranscendentals() throws IOException {
    // Surefire runs in the module's directory; the sources of every module are one level up.
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> found = new ArrayList<>();
    int files = 0;
    for (String module : MODULES) {
      Path src = root.resolve(module).resolve("src/main/java");
      assertTrue(Files.isDirectory(src), "sources of " + module + " at " + src);
      List<Path> javas;
      try (Stream<Path> walk = Files.walk(src)) {
        javas = walk.filter(p -> p.toString().endsWith(".java")).toList();
      }
      for (Path p : javas) {
        files++;
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (PLATFORM_MATH.matcher(lines.get(i)).find()) {
            found.add(root.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertTrue(files > 50, "read " + files + " source files");
    assertEquals(List.of(), found, "java.lang.Math transcendental calls (use StrictMath or FastMath)");
  }
}
