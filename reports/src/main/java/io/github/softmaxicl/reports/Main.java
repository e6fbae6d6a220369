package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.Job;
import io.github.softmaxicl.experiments.JobRequest;
import io.github.softmaxicl.experiments.JobResult;
import io.github.softmaxicl.numerics.NumericalFailure;
import io.github.softmaxicl.experiments.Mode;
import io.github.softmaxicl.experiments.RunSpec;
import io.github.softmaxicl.experiments.RunRecord;
import io.github.softmaxicl.experiments.ReproductionJob;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.VerdictCounts;
import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.ConfigException;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of docs/OUTPUT.md ({@code ./reproduce}): resolves and validates the options, runs the
 * {@link Job}, writes index.html, results.json and runs/*.csv atomically, and exits with
 * 0 (every claim holds), 1 (some claim fails), 2 (bad input or usage: one line on stderr, nothing written),
 * 3 (numerical failure, or nothing computed), 4 (I/O or internal error; an extension of the contract).
 */
@Command(name = "reproduce", sortOptions = false, usageHelpAutoWidth = true,
    description = {"Numerical, reproducible checks of the reduced model (reconstruction) of the training dynamics of"
        + " multi-head softmax attention for in-context learning (Chen, Sheen, Wang, Yang; COLT 2024).",
        "Writes DIR/index.html, DIR/results.json and DIR/runs/<preset>-<dynamics>.csv; progress goes to stderr."},
    footer = {"", "Exit codes: 0 every claim checked holds; 1 some claim fails; 2 bad input or usage (nothing written);",
        "            3 numerical failure (NaN, blow-up, evaluation limit) or nothing computed; 4 I/O or internal error."})
public final class Main {
  /** Every claim checked holds. */
  public static final int EXIT_OK = 0;
  /** Some claim fails. */
  public static final int EXIT_CLAIM_FAILS = 1;
  /** Bad input or usage. */
  public static final int EXIT_USAGE = 2;
  /** Numerical failure, or nothing was computed. */
  public static final int EXIT_NUMERICAL = 3;
  /** I/O or internal error (extension of the contract). */
  public static final int EXIT_INTERNAL = 4;
  /** Seed used when neither --seed nor the configuration file gives one (the paper's arXiv number). */
  public static final long DEFAULT_SEED = 240219442L;
  /** Largest --threads accepted. */
  public static final int MAX_THREADS = 1024;

  @Option(names = "--preset", paramLabel = "NAME",
      description = "a named configuration (repeatable; see --list-presets); default: all presets, or none"
          + " when --config is given")
  List<String> presets = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE",
      description = "a JSON configuration: d, blocks, H, L (required), sigma, s2, init, seed, prompts, t_end, "
          + "init_scale")
  @Nullable Path config;

  @Option(names = "--claim", paramLabel = "ID",
      description = "check only this claim (repeatable; see --list-claims): runs only the experiments it needs;"
          + " without --dynamics, the dynamics it needs")
  List<String> claimIds = new ArrayList<>();

  @Option(names = "--dynamics", paramLabel = "reduced|full|sgd|all", converter = DynamicsOption.Converter.class,
      description = "which dynamics to run; default all (full and sgd only where their cost fits the mode)")
  DynamicsOption dynamics = DynamicsOption.all();

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  @Nullable Size size;

  @Option(names = "--out", paramLabel = "DIR", description = "output directory, default out/")
  Path out = Paths.get("out");

  @Option(names = "--seed", paramLabel = "N", converter = SeedConverter.class,
      description = "random seed, a 64-bit integer (default " + DEFAULT_SEED + ")")
  @Nullable Long seed;

  @Option(names = "--threads", paramLabel = "N", converter = ThreadsConverter.class, description = "worker threads, 1.." + MAX_THREADS
      + " (default: all cores); results do not depend on it")
  @Nullable Integer threads;

  @Option(names = "--list-presets", description = "list the named configurations and exit")
  boolean listPresets;

  @Option(names = "--list-claims", description = "list the claims (statement, hypotheses, typical runtime) and exit")
  boolean listClaims;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;

  @Option(names = {"-V", "--version"}, versionHelp = true, description = "print versions and exit")
  boolean version;

  /** True if --dynamics was given (a --claim selection otherwise picks the dynamics its claims need). */
  boolean dynamicsGiven;

  /** --quick / --full, mutually exclusive. */
  static final class Size {
    @Option(names = "--quick", description = "CI-sized runs (default): minutes on 2 cores")
    boolean quick;

    @Option(names = "--full", description = "paper-sized runs (may take long)")
    boolean full;
  }

  /** Converts --threads, naming the allowed range on failure. */
  static final class ThreadsConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        return Integer.valueOf(value);
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("must be an integer in [1, " + MAX_THREADS + "] (got '"
            + value + "')");
      }
    }
  }

  /** Converts --seed, naming the allowed range on failure. */
  static final class SeedConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Long.valueOf(value);
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("must be an integer in [" + Long.MIN_VALUE + ", "
            + Long.MAX_VALUE + "] (got '" + value + "')");
      }
    }
  }

  Main() {}

  /** One line for a picocli parse error, with a hint where one helps. */
  private static String parseError(CommandLine.ParameterException e) {
    String msg = UsageException.oneLine(String.valueOf(e.getMessage()));
    if (msg.startsWith("Error: ")) {
      msg = msg.substring("Error: ".length());
    }
    if (e instanceof CommandLine.UnmatchedArgumentException) {
      List<String> unmatched = ((CommandLine.UnmatchedArgumentException) e).getUnmatched();
      if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
        String arg = unmatched.get(0);
        String hint = "";
        for (Preset p : Preset.values()) {
          if (p.id().equals(arg)) {
            hint = "; did you mean --preset " + arg + "?";
          }
        }
        return "unexpected argument '" + arg + "' (this command takes only options" + hint + ")";
      }
    }
    return msg;
  }

  /** Entry point: runs and exits with the exit code. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code = execute(args, out, err, new ReproductionJob(), Clock.systemUTC());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command in-process.
   *
   * @param args command-line arguments
   * @param out standard output (help, version, preset list)
   * @param err standard error (errors, progress, summary)
   * @param job the computation, or null if none is wired in this build
   * @param clock clock for the start time and wall time of the run
   * @return the exit code
   */
  public static int execute(String[] args, PrintStream out, PrintStream err, @Nullable Job job, Clock clock) {
    Main main = new Main();
    CommandLine cmd = new CommandLine(main);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    try {
      CommandLine.ParseResult parsed = cmd.parseArgs(args);
      // picocli stops validating once --help or --version is seen; a stray argument must still be an error.
      if (!parsed.unmatched().isEmpty()) {
        throw new CommandLine.UnmatchedArgumentException(cmd, parsed.unmatched());
      }
      main.dynamicsGiven = parsed.hasMatchedOption("--dynamics");
    } catch (CommandLine.ParameterException e) {
      err.println("error: " + parseError(e) + " (see --help)");
      return EXIT_USAGE;
    }
    if (cmd.isUsageHelpRequested()) {
      cmd.usage(out);
      return EXIT_OK;
    }
    if (cmd.isVersionHelpRequested()) {
      printVersion(out);
      return EXIT_OK;
    }
    if (main.listPresets) {
      printPresets(out);
      return EXIT_OK;
    }
    if (main.listClaims) {
      ClaimList.print(out);
      return EXIT_OK;
    }
    JobRequest request;
    Path target;
    try {
      request = main.resolve(args, err);
      target = AtomicOutput.check(main.out);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      return EXIT_USAGE;
    } catch (AtomicOutput.OutputDirectoryException e) {
      err.println("error: --out: " + UsageException.oneLine(String.valueOf(e.getMessage())));
      return EXIT_USAGE;
    }
    if (job == null) {
      err.println("error: no dynamics are wired in this build; nothing was computed and nothing was written");
      return EXIT_NUMERICAL;
    }
    return run(job, request, main.named(request), target, err, clock);
  }

  /**
   * The configurations in {@code named} for which the job returned neither a run nor a verdict: their requested
   * dynamics was skipped.
   */
  static List<String> nothingComputedFor(JobRequest request, JobResult result, Set<String> named) {
    Set<String> ids = new LinkedHashSet<>();
    for (RunRecord r : result.runs()) {
      ids.add(r.runId());
    }
    for (Verdict v : result.verdicts()) {
      ids.add(v.run());
    }
    List<String> missing = new ArrayList<>();
    for (RunSpec spec : request.runs()) {
      if (!named.contains(spec.name())) {
        continue;
      }
      boolean computed = false;
      for (Dynamics d : Dynamics.values()) {
        String id = spec.runId(d);
        for (String seen : ids) {
          computed |= seen.equals(id) || seen.startsWith(id + "-");
        }
      }
      if (!computed) {
        missing.add(spec.name());
      }
    }
    return missing;
  }

  private static int run(Job job, JobRequest request, Set<String> named, Path target, PrintStream err,
      Clock clock) {
    Instant started = clock.instant();
    long startMillis = clock.millis();
    try (AtomicOutput output = AtomicOutput.prepare(target)) {
      JobResult result;
      StageRecorder stages = new StageRecorder(new StderrProgress(err, System::nanoTime, request.mode()), clock);
      try {
        result = job.run(request, stages);
      } catch (NumericalFailure e) {
        err.println("numerical failure: " + UsageException.oneLine(String.valueOf(e.getMessage()))
            + "; nothing was written");
        return EXIT_NUMERICAL;
      } catch (RuntimeException e) {
        err.println("internal error in the job: " + UsageException.oneLine(e.toString()) + "; nothing was written");
        if (System.getenv("SOFTMAX_ICL_DEBUG") != null) {
          e.printStackTrace(err);
        }
        return EXIT_INTERNAL;
      }
      List<String> missing = nothingComputedFor(request, result, named);
      for (String name : missing) {
        err.println("error: " + name + ": nothing computed: --dynamics " + DynamicsOption.text(request.dynamics())
            + " was skipped for this configuration in " + request.mode().name().toLowerCase(Locale.ROOT)
            + " mode (see the message above)");
      }
      if (result.runs().isEmpty() && result.verdicts().isEmpty()) {
        // Replacing a complete previous output with an empty report would lose it for nothing.
        err.println("error: nothing computed: every requested dynamics was skipped (see the messages above);"
            + " nothing was written, the previous output in " + target + " is unchanged");
        return EXIT_NUMERICAL;
      }
      double wall = (clock.millis() - startMillis) / 1000.0;
      ReportData data = new ReportData(request, result, VersionInfo.current(), RunStamp.current(stages.times()), started,
          wall);
      writeAll(output.staging(), data);
      output.commit();
      int code = summarise(result, target, wall, err);
      return missing.isEmpty() ? code : EXIT_NUMERICAL;
    } catch (AtomicOutput.OutputDirectoryException e) {
      err.println("error: --out: " + UsageException.oneLine(String.valueOf(e.getMessage())));
      return EXIT_USAGE;
    } catch (IOException | RuntimeException e) {
      err.println("error: cannot write the output to " + target + ": " + UsageException.oneLine(e.toString())
          + "; the previous output is unchanged");
      return EXIT_INTERNAL;
    }
  }

  /** Writes results.json, runs/*.csv and index.html into {@code dir}. */
  static void writeAll(Path dir, ReportData data) throws IOException {
    Path runs = Files.createDirectories(dir.resolve("runs"));
    TrajectoryCsvWriter csv = new TrajectoryCsvWriter();
    for (RunRecord r : data.result().runs()) {
      csv.write(runs.resolve(r.runId() + ".csv"), r);
    }
    new ResultsJsonWriter().write(dir.resolve("results.json"), data);
    new HtmlReport().write(dir.resolve("index.html"), data);
  }

  /** The one-line summary on stderr, and the exit code from the verdicts. */
  private static int summarise(JobResult result, Path target, double wallSeconds, PrintStream err) {
    VerdictCounts counts = VerdictCounts.of(result.verdicts());
    int fail = counts.fail();
    int error = counts.error();
    err.println(summaryLine(result, counts, wallSeconds, target.resolve("index.html")));
    if (counts.checked() == 0) {
      err.println("error: no claim was checked, so nothing was verified");
      return EXIT_NUMERICAL;
    }
    return error > 0 ? EXIT_NUMERICAL : fail > 0 ? EXIT_CLAIM_FAILS : EXIT_OK;
  }

  /**
   * "done in T, R runs, C claims: P pass, F fail, E error, N not applicable (K of the passes certified); report:
   * PATH": every count always shown, so that scripts can read the line whatever the outcome.
   */
  static String summaryLine(JobResult result, VerdictCounts counts, double wallSeconds, Path report) {
    int certified = 0;
    for (Verdict v : result.verdicts()) {
      boolean proved = v.provenance().equals(io.github.softmaxicl.theory.Provenance.CERTIFIED.label());
      certified += v.status() == Verdict.Status.PASS && proved ? 1 : 0;
    }
    int runs = result.runs().size();
    int claims = result.verdicts().size();
    return "done in " + StderrProgress.duration(wallSeconds) + ", " + runs + (runs == 1 ? " run, " : " runs, ")
        + claims + (claims == 1 ? " claim: " : " claims: ") + counts.pass() + " pass, " + counts.fail() + " fail, "
        + counts.error() + " error, " + counts.notApplicable() + " not applicable (" + certified
        + " of the passes certified); report: " + report;
  }

  /**
   * The run of the configuration file, if any: the one configuration whose skipped dynamics makes the run exit 3
   * while other runs were computed. A preset whose dynamics does not fit the mode is skipped with its reason and
   * does not (e.g. {@code --preset small --preset paper --dynamics full --quick}).
   */
  private Set<String> named(JobRequest request) {
    Set<String> names = new LinkedHashSet<>();
    boolean perRunSelected = request.claims().isEmpty();
    for (String id : request.claims()) {
      perRunSelected |= ReproductionJob.perRunClaimIds().contains(id);
    }
    // A configuration file run for a configuration-independent claim only (--claim P4-optimality) computes
    // nothing of its own, by request.
    if (config != null && perRunSelected) {
      names.add(request.runs().get(request.runs().size() - 1).name());
    }
    return names;
  }

  /** Resolves presets and the configuration file into a validated request. */
  private JobRequest resolve(String[] args, PrintStream err) throws UsageException {
    Long seedOption = seed;
    long baseSeed = seedOption != null ? seedOption.longValue() : DEFAULT_SEED;
    Set<String> names = new LinkedHashSet<>(presets);
    Path configFile = config;
    if (names.isEmpty() && configFile == null) {
      for (Preset p : Preset.values()) {
        names.add(p.id());
      }
    }
    List<RunSpec> runs = new ArrayList<>();
    for (String name : names) {
      Preset p = preset(name);
      runs.add(new RunSpec(p.id(), "preset " + p.id(), p.config(), "paper", 1.0, baseSeed, OptionalInt.empty(),
          p.defaultTEnd()));
    }
    if (configFile != null) {
      RunSpec spec = ConfigFile.read(configFile, baseSeed);
      if (names.contains(spec.name())) {
        throw new UsageException("--config " + configFile, "its run name '" + spec.name()
            + "' (the file name) is also a --preset; rename the file");
      }
      if (seedOption != null && spec.seed() != seedOption.longValue()) {
        err.println("note: --seed " + seedOption + " overrides the seed of " + configFile);
        spec = new RunSpec(spec.name(), spec.source(), spec.config(), spec.init(), spec.initScale(), seedOption,
            spec.prompts(), spec.tEnd());
      }
      runs.add(spec);
    }
    Set<String> claims = claimSelection();
    DynamicsOption kinds = dynamics;
    if (!claimIds.isEmpty()) {
      Set<Dynamics> needed = ReproductionJob.dynamicsFor(claims);
      if (!dynamicsGiven) {
        kinds = needed.isEmpty() ? kinds : new DynamicsOption(needed);
      } else if (!kinds.kinds().containsAll(needed)) {
        Set<Dynamics> missing = EnumSet.copyOf(needed);
        missing.removeAll(kinds.kinds());
        String allowed = needed.size() == 1 ? "--dynamics " + DynamicsOption.text(needed) + " or all" : "--dynamics all";
        throw new UsageException("--dynamics " + DynamicsOption.text(kinds.kinds()), "excludes the "
            + DynamicsOption.text(missing) + " dynamics, which --claim " + String.join(", ", claimsNeeding(claims,
            missing)) + " needs (allowed: " + allowed + ", or omit --dynamics to run what the claims need)");
      }
    } else if (configFile != null && presets.isEmpty()) {
      // A configuration file alone checks its own claims: the configuration-independent experiments (allocation
      // property, sweeps, ladder, criterion drift, saddle) would take most of the time and say nothing about it.
      claims = new LinkedHashSet<>(ReproductionJob.perRunClaimIds());
      Size chosen = size;
      if (chosen == null || !chosen.full) {
        // The implicit selection must not count as asking for P2-proof: its validated integration costs seconds
        // to minutes per configuration (3 min on blocks 4,6,8 at L = 120), so quick mode runs it only where
        // --claim P2-proof or --full asks (Settings.provesPhases), as the README's claim table says.
        claims.remove(Claims.P2_PROOF.id());
        claims.remove(Claims.P3_PROOF.id()); // the same validated tube
        claims.remove(Claims.P1_PROOF.id());

      }
    }
    Integer threadOption = threads;
    int nThreads = threadOption != null ? threadOption.intValue() : Runtime.getRuntime().availableProcessors();
    if (nThreads < 1 || nThreads > MAX_THREADS) {
      throw new UsageException("--threads", "must be an integer in [1, " + MAX_THREADS + "] (got " + nThreads + ")");
    }
    if (kinds.requiresFullModel()) {
      long heap = Runtime.getRuntime().maxMemory();
      for (RunSpec r : runs) {
        ProblemConfig c = r.config();
        if (c.fullModelBytes() > heap) {
          throw new UsageException("--dynamics " + DynamicsOption.text(kinds.kinds()), String.format(Locale.ROOT,
              "run '%s' needs at least %d MiB for the full model, more than the JVM heap of %d MiB"
                  + " (allowed: at most the heap; use --dynamics reduced, a smaller d or H, or a larger heap:"
                  + " REPRODUCE_JAVA_OPTS=-Xmx<size> ./reproduce ...)",
              r.name(), c.fullModelBytes() >> 20, heap >> 20));
        }
      }
    }
    Size s = size;
    Mode mode = s != null && s.full ? Mode.FULL : Mode.QUICK;
    return new JobRequest(runs, kinds.kinds(), mode, nThreads, Arrays.asList(args), claims);
  }

  /** The ids given with --claim, validated against the registry (in the order given, without repeats). */
  private Set<String> claimSelection() throws UsageException {
    Set<String> ids = new LinkedHashSet<>();
    for (String id : claimIds) {
      if (Claims.byId(id).isEmpty()) {
        // The registry is too long for one line: name the claims of the same paper claim, point to the list.
        List<String> near = new ArrayList<>();
        for (Claim c : Claims.all()) {
          if (id.length() >= 2 && c.id().startsWith(id.substring(0, 2))) {
            near.add(c.id());
          }
        }
        throw new UsageException("--claim", "unknown claim '" + id + "'"
            + (near.isEmpty() ? "" : " (" + String.join(", ", near) + "?)") + "; --list-claims lists all "
            + Claims.all().size());
      }
      ids.add(id);
    }
    return ids;
  }

  /** The selected claims whose experiment computes one of these dynamics. */
  private static List<String> claimsNeeding(Set<String> claims, Set<Dynamics> dynamics) {
    List<String> out = new ArrayList<>();
    for (String id : claims) {
      if (!ReproductionJob.dynamicsFor(Set.of(id)).stream().filter(dynamics::contains).toList().isEmpty()) {
        out.add(id);
      }
    }
    return out;
  }

  private static Preset preset(String name) throws UsageException {
    try {
      return Preset.byId(name);
    } catch (ConfigException e) {
      // theory's message is "preset: unknown preset 'x' (known: ...)"; name the option instead of the field.
      String msg = String.valueOf(e.getMessage());
      String prefix = e.field() + ": ";
      throw new UsageException("--preset", msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg);
    }
  }

  private static void printVersion(PrintStream out) {
    VersionInfo v = VersionInfo.current();
    out.println(v.name() + " " + v.version());
    out.println("Java " + v.java() + ", Hipparchus " + v.hipparchus() + ", EJML " + v.ejml() + ", Commons RNG "
        + v.commonsRng());
  }

  private static void printPresets(PrintStream out) {
    out.println(String.format(Locale.ROOT, "%-11s %6s  %-14s %4s %6s %6s %5s %9s  %s", "name", "d", "blocks", "H",
        "L", "sigma", "s2", "t_end", "source"));
    for (Preset p : Preset.values()) {
      ProblemConfig c = p.config();
      out.println(String.format(Locale.ROOT, "%-11s %6d  %-14s %4d %6d %6s %5s %9s  %s", p.id(), c.d(),
          Arrays.toString(c.blockSizes()).replace(" ", ""), c.heads(), c.promptLength(), Numbers.human(c.sigma()),
          Numbers.human(c.s2()), Numbers.human(p.defaultTEnd()), p.source()));
    }
    out.println("All presets use the paper init of MODEL.md §5 (reduced model, reconstruction).");
  }
}
