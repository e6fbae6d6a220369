package io.github.softmaxicl.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every library on the class path with its version, as the build recorded it: the
 * {@code META-INF/maven/GROUP/ARTIFACT/pom.properties} files that Maven writes into every jar and that the shaded
 * jar carries for each library it contains. Nothing is typed by hand, so the list cannot drift from the build.
 */
public final class RuntimeDependencies {
  private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");

  private RuntimeDependencies() {}

  /**
   * One library.
   *
   * @param group Maven group id
   * @param artifact Maven artifact id
   * @param version its version
   */
  public record Dependency(String group, String artifact, String version) {
    /** {@code group:artifact:version}. */
    public String coordinates() {
      return group + ":" + artifact + ":" + version;
    }
  }

  /** The libraries of the running program, sorted by group and artifact. */
  public static List<Dependency> current() {
    try {
      ClassLoader loader = RuntimeDependencies.class.getClassLoader();
      return of(loader != null ? loader : ClassLoader.getSystemClassLoader(), codeSourceJar());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the runtime dependencies", e);
    }
  }

  /**
   * The libraries visible to {@code loader} (every class path entry that has a {@code META-INF/maven} directory),
   * plus those inside {@code jar} when given (a jar need not list its directories as entries).
   */
  static List<Dependency> of(ClassLoader loader, Path... jars) throws IOException {
    Map<String, Dependency> found = new TreeMap<>();
    Enumeration<URL> roots = loader.getResources("META-INF/maven");
    while (roots.hasMoreElements()) {
      URL url = roots.nextElement();
      URLConnection c = url.openConnection();
      if (c instanceof JarURLConnection) {
        c.setUseCaches(false);
        try (JarFile jar = ((JarURLConnection) c).getJarFile()) {
          scan(jar, found);
        }
      } else if (url.getProtocol().equals("file")) {
        scanDirectory(directory(url), found);
      }
    }
    for (Path p : jars) {
      try (JarFile jar = new JarFile(p.toFile())) {
        scan(jar, found);
      }
    }
    return List.copyOf(found.values());
  }

  private static Path directory(URL url) throws IOException {
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IOException("not a directory URL: " + url, e);
    }
  }

  private static void scan(JarFile jar, Map<String, Dependency> found) throws IOException {
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      JarEntry e = entries.nextElement();
      if (POM_PROPERTIES.matcher(e.getName()).matches()) {
        try (InputStream in = jar.getInputStream(e)) {
          add(in, found);
        }
      }
    }
  }

  private static void scanDirectory(Path metaInfMaven, Map<String, Dependency> found) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.find(metaInfMaven, 3,
        (p, a) -> a.isRegularFile() && p.getFileName() != null && p.getFileName().toString().equals("pom.properties"))) {
      s.forEach(files::add);
    }
    for (Path p : files) {
      try (InputStream in = Files.newInputStream(p)) {
        add(in, found);
      }
    }
  }

  private static void add(InputStream in, Map<String, Dependency> found) throws IOException {
    Properties p = new Properties();
    p.load(in);
    String g = p.getProperty("groupId");
    String a = p.getProperty("artifactId");
    String v = p.getProperty("version");
    if (g != null && a != null && v != null) {
      found.putIfAbsent(g + ":" + a, new Dependency(g, a, v));
    }
  }

  /** The jar this class was loaded from, if it was loaded from a jar file. */
  private static Path[] codeSourceJar() {
    CodeSource source = RuntimeDependencies.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return new Path[0];
    }
    try {
      Path p = Paths.get(source.getLocation().toURI());
      return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? new Path[] {p} : new Path[0];
    } catch (URISyntaxException | IllegalArgumentException e) {
      return new Path[0];
    }
  }
}
