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
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes an output directory atomically: everything goes into a hidden staging directory next to the target
 * ({@code .NAME.tmp-*} in the same parent, so renames stay on one file system), and {@link #commit()} swaps it
 * into place. Until the commit the previous output is untouched; a failed or interrupted run (exception,
 * SIGINT, SIGTERM: a shutdown hook cleans up) leaves it intact and removes the staging directory.
 *
 * <p>The swap is two renames (old output aside to {@code .NAME.old-*}, staging into place) followed by deleting
 * the old output. Java offers no atomic directory exchange; if the process dies between the two renames
 * (microseconds), the previous output is still complete under {@code .NAME.old-*} and the next {@link #prepare}
 * puts it back.
 *
 * <p>Because the target is replaced as a whole, it must be new, empty, or a previous output of this tool
 * (it contains {@code results.json}); anything else is refused, so a mistyped {@code --out .} cannot replace
 * a source tree.
 */
public final class AtomicOutput implements AutoCloseable {
  /** The file whose presence marks a directory as a previous output of this tool. */
  public static final String MARKER = "results.json";

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
      Path staging = Files.createTempDirectory(parent, "." + name + ".tmp-");
      // Temporary directories are created owner-only; the output is an ordinary, world-readable directory.
      try {
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (UnsupportedOperationException notPosix) {
        // Non-POSIX file systems keep their defaults.
      }
      AtomicOutput out = new AtomicOutput(target, staging);
      out.installHook();
      return out;
    } catch (IOException | SecurityException e) {
      throw new OutputDirectoryException("cannot write next to " + target + ": " + e);
    }
  }

  private static void restoreAside(Path parent, String name, Path target) throws IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> candidates = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + name + ".old-*")) {
      for (Path p : s) {
        if (Files.isRegularFile(p.resolve(MARKER))) {
          candidates.add(p);
        }
      }
    }
    if (candidates.size() == 1) {
      Files.move(candidates.get(0), target, StandardCopyOption.ATOMIC_MOVE);
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
   */
  public synchronized void commit() throws IOException {
    if (state != State.STAGING) {
      throw new IllegalStateException("output already committed or aborted");
    }
    Path parent = staging.getParent();
    Path name = target.getFileName();
    if (parent == null || name == null) {
      throw new IllegalStateException("staging directory has no parent");
    }
    state = State.SWAPPING;
    Path old = null;
    try {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        old = Files.createTempDirectory(parent, "." + name + ".old-");
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
