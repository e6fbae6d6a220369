package io.github.softmaxicl.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Name and versions of this build, from the Maven-filtered resource {@code version.properties}, and the running
 * Java version.
 *
 * @param name package name
 * @param version package version
 * @param java running Java version ({@code java.version})
 * @param hipparchus Hipparchus version
 * @param ejml EJML version
 * @param commonsRng Commons RNG version
 */
public record VersionInfo(String name, String version, String java, String hipparchus, String ejml,
    String commonsRng) {

  /** Package name written in results.json and the report. */
  public static final String NAME = "softmax-icl-repro";

  /** The versions of this build (from the class path) and of the running JVM. */
  public static VersionInfo current() {
    Properties p = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream("/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read version.properties", e);
    }
    return new VersionInfo(NAME, p.getProperty("version", "unknown"), System.getProperty("java.version", "unknown"),
        p.getProperty("hipparchus", "unknown"), p.getProperty("ejml", "unknown"), p.getProperty("commons-rng", "unknown"));
  }
}
