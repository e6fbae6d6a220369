package io.github.softmaxicl.reports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes an output directory atomically: everything goes into a hidden staging directory next to the target
 * ({@code .NAME.tmp-PID-START-*} in the same parent, so renames stay on one file system), and {@link #commit()}
 * swaps it into place. Until the commit the previous output is untouched; a failed or interrupted run (exception,
 * SIGINT, SIGTERM: a shutdown hook cleans up) leaves it intact and removes the staging directory.
 *
 * <p>The swap is two renames (old output aside to {@code .NAME.old-PID-START-*}, staging into place) followed by
 * deleting the old output. Java offers no atomic directory exchange; if the process dies between the two renames
 * (microseconds), the previous output is still complete under {@code .NAME.old-*} and the next {@link #prepare}
 * puts it back.
 *
 * <p>A process killed outright (SIGKILL, power loss) runs no hook. Its hidden directories carry its process id and
 * start time in their names, so {@link #prepare} removes exactly those whose process no longer runs, and never
 * one of a run still in progress (same process id and start time alive) nor any directory it did not name.
 *
 * <p>Because the target is replaced as a whole, it must be new, empty, or a previous output of this tool holding
 * nothing but the tool's own files ({@link #OWN_FILES}, and {@code *.csv} under {@code runs/}). Anything else is
 * refused, naming the file: a mistyped {@code --out .} cannot replace a source tree, and a file a user added to
 * an output is never deleted without a word.
 */
public final class AtomicOutput implements AutoCloseable {
  /** The file whose presence marks a directory as a previous output of this tool. */
  public static final String MARKER = "results.json";
  /** The files this tool writes at the top of an output directory. */
  public static final java.util.Set<String> OWN_FILES = java.util.Set.of("index.html", MARKER);
  /** The directory of trajectory files; it holds only {@code *.csv}. */
  public static final String RUNS = "runs";

  /** This process's id and start time (ms, 0 if unknown): names its hidden directories. */
  private static final long PID = ProcessHandle.current().pid();
  private static final long START = startMillis(ProcessHandle.current());
  /** Two start times closer than this are the same process (the kernel reports them in clock ticks). */
  private static final long START_SLACK_MILLIS = 1000;

  private enum State { STAGING, SWAPPING, DONE }

  private final Path target;
  private final Path staging;
  private @Nullable Thread hook;
  private State state = State.STAGING;
  private @Nullable Path aside;

  private AtomicOutput(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  private void installHook() {
    Thread t = new Thread(this::abortFromHook, "softmax-icl-output-cleanup");
    Runtime.getRuntime().addShutdownHook(t);
    hook = t;
  }

  /**
   * Checks, without writing anything, that {@code dir} can be used as the output directory.
   *
   * @return the absolute, normalised target
   * @throws OutputDirectoryException naming the problem in one line
   */
  public static Path check(Path dir) throws OutputDirectoryException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Path name = target.getFileName();
    if (parent == null || name == null) {
      throw new OutputDirectoryException("cannot use the file-system root " + target + " as output directory");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isSymbolicLink(target)) {
        throw new OutputDirectoryException(target + " is a symbolic link; give the real directory");
      }
      if (!Files.isDirectory(target)) {
        throw new OutputDirectoryException(target + " exists and is not a directory");
      }
      if (!isEmptyOrPreviousOutput(target)) {
        throw new OutputDirectoryException(target + " is not empty and holds no " + MARKER
            + " (not a previous output); choose a new or empty directory");
      }
      checkOnlyOwnFiles(target);
      if (!Files.isWritable(target)) {
        throw new OutputDirectoryException(target + " is not writable");
      }
    }
    Path existing = parent;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      throw new OutputDirectoryException("cannot create " + target + ": " + existing + " is not a directory");
    }
    if (!Files.isWritable(existing)) {
      throw new OutputDirectoryException("cannot create " + target + ": " + existing + " is not writable");
    }
    return target;
  }

  private static boolean isEmptyOrPreviousOutput(Path dir) throws OutputDirectoryException {
    if (Files.isRegularFile(dir.resolve(MARKER))) {
      return true;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    } catch (IOException e) {
      throw new OutputDirectoryException("cannot read " + dir + ": " + e.getMessage());
    }
  }

  /**
   * Refuses a previous output that holds a file this tool did not write: replacing the directory would delete it.
   *
   * @throws OutputDirectoryException naming the first such file
   */
  static void checkOnlyOwnFiles(Path target) throws OutputDirectoryException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(target)) {
      for (Path p : s) {
        String n = String.valueOf(p.getFileName());
        boolean own = OWN_FILES.contains(n) ? Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            : n.equals(RUNS) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && onlyCsv(p, target);
        if (!own) {
          throw foreign(target, p);
        }
      }
    } catch (IOException e) {
      throw new OutputDirectoryException("cannot read " + target + ": " + e.getMessage());
    }
  }

  private static boolean onlyCsv(Path runs, Path target) throws IOException, OutputDirectoryException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(runs)) {
      for (Path p : s) {
        if (!String.valueOf(p.getFileName()).endsWith(".csv") || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          throw foreign(target, p);
        }
      }
    }
    return true;
  }

  private static OutputDirectoryException foreign(Path target, Path file) {
    return new OutputDirectoryException(target + " holds " + target.relativize(file) + ", which this tool did not"
        + " write; the output directory is replaced as a whole, so move it elsewhere or choose another --out");
  }

  /**
   * Checks the target, restores an output left aside by an interrupted swap, and creates the staging directory
   * (and the target's missing parents).
   *
   * @throws OutputDirectoryException if the target cannot be used or the staging directory cannot be created
   */
  public static AtomicOutput prepare(Path dir) throws OutputDirectoryException {
    Path target = check(dir);
    Path parent = target.getParent();
    Path name = target.getFileName();
    if (parent == null || name == null) {
      throw new OutputDirectoryException("cannot use " + target + " as output directory");
    }
    try {
      Files.createDirectories(parent);
      restoreAside(parent, name.toString(), target);
      removeStale(parent, name.toString(), target);
      // A signal between creating the staging directory and installing its hook would leave the directory
      // behind: a guard hook covers that window (it removes this process's staging directories of this target).
      String prefix = ownPrefix(name.toString(), "tmp");
      java.util.concurrent.atomic.AtomicBoolean handedOver = new java.util.concurrent.atomic.AtomicBoolean();
      Thread guard = new Thread(() -> {
        if (!handedOver.get()) {
          deleteOwnStaging(parent, prefix);
        }
      }, "softmax-icl-output-guard");
      Runtime.getRuntime().addShutdownHook(guard);
      try {
        Path staging = Files.createTempDirectory(parent, prefix);
        // Temporary directories are created owner-only; the output is an ordinary, world-readable directory.
        try {
          Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
          // Non-POSIX file systems keep their defaults.
        }
        AtomicOutput out = new AtomicOutput(target, staging);
        out.installHook();
        handedOver.set(true);
        return out;
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(guard);
        } catch (IllegalStateException shuttingDown) {
          // The JVM is already shutting down: the guard runs (or has run).
        }
      }
    } catch (IOException | SecurityException e) {
      throw new OutputDirectoryException("cannot write next to " + target + ": " + e);
    }
  }

  /** Prefix of this process's hidden directories: {@code .NAME.KIND-PID-START-}. */
  private static String ownPrefix(String name, String kind) {
    return "." + name + "." + kind + "-" + PID + "-" + START + "-";
  }

  private static long startMillis(ProcessHandle h) {
    return h.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
  }

  /**
   * True unless {@code dir}'s name is one this class gives its hidden directories ({@code .NAME.KIND-PID-START-X})
   * and that process has ended. Directories of other tools, of older versions (no process id), and of running
   * processes (this one included) count as live, so they are never touched.
   */
  static boolean ownerAlive(Path dir, String name, String kind) {
    String n = String.valueOf(dir.getFileName());
    String prefix = "." + name + "." + kind + "-";
    if (!n.startsWith(prefix)) {
      return true;
    }
    String[] parts = n.substring(prefix.length()).split("-", -1);
    if (parts.length != 3 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9]{1,18}")
        || !parts[2].matches("[0-9A-Za-z]{1,40}")) {
      return true;
    }
    long pid = Long.parseLong(parts[0]);
    long start = Long.parseLong(parts[1]);
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty() || !h.get().isAlive()) {
      return false;
    }
    long now = startMillis(h.get());
    // A reused process id belongs to a process that started later.
    return start == 0 || now == 0 || Math.abs(now - start) <= START_SLACK_MILLIS;
  }

  /** Restores the previous output set aside by a swap whose process died between its two renames. */
  private static void restoreAside(Path parent, String name, Path target) throws IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> candidates = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + name + ".old-*")) {
      for (Path p : s) {
        boolean legacy = !String.valueOf(p.getFileName()).matches("\\." + java.util.regex.Pattern.quote(name)
            + "\\.old-[0-9]+-[0-9]+-[0-9A-Za-z]+");
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(p.resolve(MARKER))
            && (legacy || !ownerAlive(p, name, "old"))) {
          candidates.add(p);
        }
      }
    }
    if (candidates.size() == 1) {
      Files.move(candidates.get(0), target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /**
   * Deletes the staging and set-aside directories of runs that were killed (SIGKILL: no hook ran). A set-aside
   * previous output is deleted only once a complete output is back in place (restored or newer).
   */
  private static void removeStale(Path parent, String name, Path target) throws IOException {
    boolean targetPresent = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
    for (String kind : targetPresent ? List.of("tmp", "old") : List.of("tmp")) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + name + "." + kind + "-*")) {
        for (Path p : s) {
          if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !ownerAlive(p, name, kind)) {
            deleteQuietly(p);
          }
        }
      }
    }
  }

  /** The staging directory to write into. */
  public Path staging() {
    return staging;
  }

  /** The final output directory. */
  public Path target() {
    return target;
  }

  /**
   * Swaps the staging directory into place and deletes the previous output.
   *
   * @throws IOException if the swap fails (the previous output is then put back)
   * @throws OutputDirectoryException if a file this tool did not write appeared in the previous output meanwhile
   *     (nothing is replaced)
   */
  public synchronized void commit() throws IOException, OutputDirectoryException {
    if (state != State.STAGING) {
      throw new IllegalStateException("output already committed or aborted");
    }
    Path parent = staging.getParent();
    Path name = target.getFileName();
    if (parent == null || name == null) {
      throw new IllegalStateException("staging directory has no parent");
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      // A file added to the previous output while this run computed would be deleted with it.
      try {
        checkOnlyOwnFiles(target);
      } catch (OutputDirectoryException e) {
        deleteQuietly(staging);
        state = State.DONE;
        removeHook();
        throw e;
      }
    }
    state = State.SWAPPING;
    Path old = null;
    try {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        old = Files.createTempDirectory(parent, ownPrefix(name.toString(), "old"));
        Files.delete(old);
        aside = old;
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      restoreIfAside();
      deleteQuietly(staging);
      state = State.DONE;
      throw e;
    }
    state = State.DONE;
    aside = null;
    if (old != null) {
      deleteRecursively(old);
    }
    removeHook();
  }

  /** Aborts if not committed: deletes the staging directory; the previous output stays as it was. */
  @Override
  public synchronized void close() {
    if (state == State.STAGING) {
      deleteQuietly(staging);
      state = State.DONE;
    } else if (state == State.SWAPPING) {
      restoreIfAside();
      deleteQuietly(staging);
      state = State.DONE;
    }
    removeHook();
  }

  private void removeHook() {
    Thread t = hook;
    if (t == null) {
      return;
    }
    hook = null;
    try {
      Runtime.getRuntime().removeShutdownHook(t);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already shutting down: the hook runs (and finds nothing to do) or has run.
    }
  }

  private synchronized void abortFromHook() {
    if (state == State.STAGING) {
      deleteQuietly(staging);
    } else if (state == State.SWAPPING) {
      restoreIfAside();
      deleteQuietly(staging);
    }
    state = State.DONE;
  }

  private void restoreIfAside() {
    Path old = aside;
    if (old != null && Files.exists(old) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        aside = null;
      } catch (IOException e) {
        System.err.println("warning: the previous output is at " + old + " (could not move it back: " + e + ")");
      }
    }
  }

  /** Deletes the directories in {@code parent} whose names start with {@code prefix}; errors are ignored. */
  private static void deleteOwnStaging(Path parent, String prefix) {
    try (java.util.stream.Stream<Path> entries = Files.list(parent)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        Path file = p.getFileName();
        if (file != null && file.toString().startsWith(prefix)) {
          deleteRecursively(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Best effort in a shutdown hook: the next run removes what is left (removeStale).
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      deleteRecursively(dir);
    } catch (IOException e) {
      System.err.println("warning: could not delete the temporary directory " + dir + ": " + e);
    }
  }

  /** Deletes a directory tree without following symbolic links. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<Path>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, @Nullable IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** The output directory cannot be used; the message is one line. */
  public static final class OutputDirectoryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, one line */
    public OutputDirectoryException(String message) {
      super(message);
    }
  }
}
