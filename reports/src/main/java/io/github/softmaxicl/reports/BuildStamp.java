package io.github.softmaxicl.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The commit this build was made from and whether its tree was dirty, recorded at BUILD time into the resource
 * {@code git.properties} (reports/pom.xml runs git during {@code generate-resources}), so that a copied jar still
 * says which code it is. A build without git metadata (a source tarball) says "unknown".
 *
 * @param commit the full commit id (40 or 64 hex digits), or {@link #UNKNOWN}
 * @param dirty true when the tree had uncommitted changes or untracked files, null when not known
 */
public record BuildStamp(String commit, @Nullable Boolean dirty) {
  /** What the stamp says when the build had no git metadata. */
  public static final String UNKNOWN = "unknown";

  /** The resource written by the build. */
  static final String RESOURCE = "/io/github/softmaxicl/reports/git.properties";

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  /**
   * Reads {@code git.commit.id} and {@code git.dirty}. Anything that is not a commit id (an empty output, an error
   * text) is "unknown", and so is the tree state of an unknown commit: a stamp never claims more than it knows.
   */
  public static BuildStamp of(Properties p) {
    String id = p.getProperty("git.commit.id", UNKNOWN).strip().toLowerCase(Locale.ROOT);
    if (!COMMIT.matcher(id).matches()) {
      return new BuildStamp(UNKNOWN, null);
    }
    String d = p.getProperty("git.dirty", UNKNOWN).strip();
    Boolean dirty = d.equals("true") ? Boolean.TRUE : d.equals("false") ? Boolean.FALSE : null;
    return new BuildStamp(id, dirty);
  }

  /** The stamp of the running build (from the class path; "unknown" when the resource is absent). */
  public static BuildStamp current() {
    Properties p = new Properties();
    try (InputStream in = BuildStamp.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return of(p);
  }

  /** True when the commit is known. */
  public boolean known() {
    return !commit.equals(UNKNOWN);
  }

  /** One line for a person, e.g. {@code "commit 0123…cdef, dirty tree (uncommitted changes)"}. */
  public String describe() {
    if (!known()) {
      return "commit unknown (built without git metadata)";
    }
    Boolean d = dirty;
    return "commit " + commit + (d == null ? ", tree state unknown"
        : d ? ", DIRTY tree (uncommitted changes: the code is not exactly this commit)" : ", clean tree");
  }
}
