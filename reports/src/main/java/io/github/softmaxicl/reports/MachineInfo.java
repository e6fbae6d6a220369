package io.github.softmaxicl.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * The machine and JVM a run was made on: results do not depend on it (fixed reduction orders, StrictMath), but
 * timings do, and an auditor asks.
 *
 * @param jdkVendor {@code java.vendor}
 * @param jdkVersion {@code java.runtime.version} (falls back to {@code java.version})
 * @param os {@code os.name} and {@code os.version}
 * @param arch {@code os.arch}
 * @param cpuModel the CPU model from /proc/cpuinfo, or "unknown"
 * @param cores processors available to the JVM
 */
public record MachineInfo(String jdkVendor, String jdkVersion, String os, String arch, String cpuModel, int cores) {
  /** The machine this JVM runs on. */
  public static MachineInfo current() {
    String version = System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown"));
    return new MachineInfo(System.getProperty("java.vendor", "unknown"), version,
        System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", ""),
        System.getProperty("os.arch", "unknown"), cpuModel(Paths.get("/proc/cpuinfo")),
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * The first CPU model named in a /proc/cpuinfo file ({@code model name} on x86, {@code Model}, {@code Hardware}
   * or {@code cpu model} elsewhere), or "unknown" when the file is absent or names none.
   */
  static String cpuModel(Path cpuinfo) {
    List<String> lines;
    try {
      if (!Files.isRegularFile(cpuinfo)) {
        return "unknown";
      }
      lines = Files.readAllLines(cpuinfo, StandardCharsets.ISO_8859_1);
    } catch (IOException | SecurityException e) {
      return "unknown";
    }
    for (String key : List.of("model name", "cpu model", "model", "hardware", "processor")) {
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(key)) {
          String value = line.substring(colon + 1).strip().replaceAll("\\s+", " ");
          // x86's "processor : 0" is an index, not a model.
          if (!value.isEmpty() && !value.matches("\\d+")) {
            return value;
          }
        }
      }
    }
    return "unknown";
  }

  /** One line for a person. */
  public String describe() {
    return jdkVendor + " Java " + jdkVersion + "; " + os.strip() + " on " + arch + "; " + cpuModel + ", " + cores
        + (cores == 1 ? " core" : " cores");
  }
}
