package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.LeadingOrderFormula;
import io.github.softmaxicl.theory.LossCoefficients;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A computer-assisted proof, in outward-rounded interval arithmetic, about the one-head-per-task limit of the
 * leading-order reduced loss {@code F} of MODEL.md §4 (reduced model, reconstruction). Allocation {@code h(i) = i}
 * (the paper init's), so it needs {@code H ≥ n}; heads {@code h ≥ n} serve no task.
 *
 * <p>What a {@link Verdict#CERTIFIED} certificate proves, for an explicit box {@code X = Π_i X_i},
 * {@code X_i = Ω_i × M_i} around the closed form {@code (ω_i*, μ_i*) = (1/√d_i, √d_i/(1 + e κ_i d_i))}:
 * <ol>
 *   <li><b>(a) unique strict local minimum.</b> On the set where every off-task ω and μ is 0, {@code F} separates
 *       into {@code (1/n) Σ_i L_i(ω_i, μ_i)} ({@link OnTaskLoss}). For every task the Krawczyk image lies in the
 *       interior of {@code X_i}, so {@code ∇L_i} has exactly one zero in {@code X_i} ({@link Krawczyk}); and the
 *       interval Hessian of {@code L_i} over {@code X_i} is positive definite (diagonal and determinant
 *       intervals &gt; 0), so {@code L_i} is strictly convex on {@code X_i} and that zero is its unique minimiser
 *       there, a strict local minimum of {@code F} restricted to the on-task variables.</li>
 *   <li><b>(b) off-task μ are pushed to 0.</b> Over the whole box, for every task i and every head
 *       {@code h ≠ h(i)}, the enclosure of {@code ∂F/∂μ_i^h} (full MODEL.md §4 formula, evaluated by
 *       {@link LeadingOrderFormula} with off-task μ = 0, off-task ω of serving heads = 0, and the ω of heads
 *       serving no task in a given interval) is strictly positive. With off-task ω = 0 it equals
 *       {@code (2/n)(c_i/L) E_{h,h(i)} μ_i^{h(i)}}, {@code E = 1}. In the balanced flow
 *       {@code dμ/dt = −2|μ| ∂F/∂μ} a positive off-task μ therefore decays exponentially. For a head serving no
 *       task whose ω have frozen at {@code ω̄_i} (see below), {@code ∂F/∂μ_i^h} at the limit is
 *       {@code (2 e s² d_i^{3/2} κ_i / (n (1 + e κ_i d_i))) (e^{x−1} − x)} with {@code x = √d_i ω̄_i}, and
 *       {@code e^{x−1} ≥ x} with equality only at {@code x = 1}: positive unless {@code ω̄_i = ω_i*} exactly (the
 *       head a copy of the serving one), which is why an enclosure of the extra heads' ω that reaches
 *       {@code ω_i*} is refused.</li>
 *   <li><b>Off-task ω: first-order neutral, decay like 1/t.</b> At the limit {@code ∂F/∂ω_j^h = 0} exactly for
 *       {@code h ≠ h(j)} (enclosed by {@code [0, 0]}): its signal term carries {@code μ_j^h = 0}, its variance
 *       term {@code Σ_{h'} A_{hh'} ω_j^{h'}} has {@code ω_j^h = 0} and {@code A_{hh'} = 0} for {@code h' ≠ h}
 *       (two different heads share no task with non-zero μ). The decisive second-order fact is the curvature
 *       {@code ∂²F/∂(ω_j^h)² = (2/n) d_j A_{hh}}, {@code A_{hh} = (c_h/L)(μ_h*)² e} for the head {@code h}
 *       serving task {@code h}: it is built from the head's <em>own on-task</em> μ, which does not decay, so it
 *       is a positive constant (enclosed here). Near the limit {@code ∂F/∂ω_j^h ≈ (2/n) d_j A_{hh} ω_j^h} plus a
 *       term {@code ∝ μ_j^h} that decays exponentially, and the balanced flow's factor {@code |ω|} makes it
 *       quadratic: {@code dω/dt ≈ −b ω²}, {@code b = 4 A_{hh}/(n √D)}, so {@code ω_j^h(t) ≈ 1/(b t)}: decay
 *       like 1/t, with a computable constant. It is not {@code O(ω μ_off²)} (that would freeze ω, not decay it).
 *       For a head serving <em>no</em> task, {@code A_{hh}} is built from its own decaying μ, the rate
 *       {@code d log ω/dt} is integrable and its ω converge to non-zero values: they do not tend to 0.</li>
 * </ol>
 *
 * <p>The box radius is relative: {@code Ω_i = ω_i*(1 ± r)}, {@code M_i = μ_i*(1 ± r)}. {@link #certifySmallest}
 * and {@link #certifyLargest} scan {@link #RADIUS_LADDER}. A certificate is an immutable value; the provenance of
 * every certified statement is {@value #PROVENANCE}.
 */
public final class LimitCertificate {
  /** Provenance label of certified statements. */
  public static final String PROVENANCE = "certified (interval arithmetic)";

  /** Relative box radii tried by the adaptive searches, ascending. */
  private static final double[] LADDER = {
      1e-15, 3e-15, 1e-14, 3e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2,
      3e-2, 0.1, 0.2, 0.3, 0.5};

  /** Relative box radii tried by the adaptive searches, ascending (a copy). */
  public static final List<Double> RADIUS_LADDER = ladder();

  private static List<Double> ladder() {
    List<Double> l = new ArrayList<>();
    for (double r : LADDER) {
      l.add(r);
    }
    return Collections.unmodifiableList(l);
  }

  /** Outcome of a certification attempt. */
  public enum Verdict {
    /** Every condition was proved in interval arithmetic. */
    CERTIFIED,
    /** Some condition could not be proved (see {@link #reason()}): nothing is claimed. */
    REFUSED
  }

  /**
   * The on-task part of one task.
   *
   * @param task task i (0-based)
   * @param head the serving head h(i) = i
   * @param box the box X_i
   * @param closedForm enclosure of the closed form (ω_i*, μ_i*)
   * @param krawczykImage K(X_i), empty if it could not be evaluated
   * @param hessian enclosure of the Hessian of L_i over X_i (F's is 1/n times it), empty if not evaluated
   * @param uniqueZero true if K(X_i) ⊂ interior(X_i)
   * @param positiveDefinite true if the Hessian enclosure is positive definite
   */
  public record TaskResult(int task, int head, TaskBox box, TaskBox closedForm, Optional<TaskBox> krawczykImage,
      Optional<SymmetricIntervalMatrix2> hessian, boolean uniqueZero, boolean positiveDefinite) {

    /** The tightest certified enclosure of the stationary point: X_i ∩ K(X_i), or X_i if K is unavailable. */
    public TaskBox zeroEnclosure() {
      if (krawczykImage.isEmpty()) {
        return box;
      }
      TaskBox k = krawczykImage.get();
      Optional<Interval> w = box.omega().intersection(k.omega());
      Optional<Interval> m = box.mu().intersection(k.mu());
      return new TaskBox(w.orElse(box.omega()), m.orElse(box.mu()));
    }
  }

  /**
   * Enclosure of {@code ∂F/∂μ_i^h} over the box for an off-task pair.
   *
   * @param head h
   * @param task i, with h ≠ h(i)
   * @param derivative its enclosure; certified if its lower bound is &gt; 0
   */
  public record OffTaskMu(int head, int task, Interval derivative) {}

  /**
   * Off-task ω of a head: gradient and curvature at the limit, enclosed over the box.
   *
   * @param head h
   * @param task j, with h ≠ h(j)
   * @param gradient enclosure of {@code ∂F/∂ω_j^h}; certified if it is exactly [0, 0]
   * @param curvature enclosure of {@code ∂²F/∂(ω_j^h)²} = (2/n) d_j A_hh
   * @param decayCoefficient enclosure of {@code b = 4 A_hh / (n √D)} in {@code ω_j^h(t) ≈ 1/(b t)}; [0, 0] for a
   *     head serving no task (its ω freeze instead)
   */
  public record OffTaskOmega(int head, int task, Interval gradient, Interval curvature, Interval decayCoefficient) {}

  private final ProblemConfig config;
  private final double relativeRadius;
  private final Interval extraHeadOmega;
  private final List<TaskResult> tasks;
  private final List<OffTaskMu> offTaskMu;
  private final List<OffTaskOmega> offTaskOmega;
  private final Verdict verdict;
  private final String reason;

  private LimitCertificate(ProblemConfig config, double relativeRadius, Interval extraHeadOmega,
      List<TaskResult> tasks, List<OffTaskMu> offTaskMu, List<OffTaskOmega> offTaskOmega, Verdict verdict,
      String reason) {
    this.config = config;
    this.relativeRadius = relativeRadius;
    this.extraHeadOmega = extraHeadOmega;
    this.tasks = Collections.unmodifiableList(new ArrayList<>(tasks));
    this.offTaskMu = Collections.unmodifiableList(new ArrayList<>(offTaskMu));
    this.offTaskOmega = Collections.unmodifiableList(new ArrayList<>(offTaskOmega));
    this.verdict = verdict;
    this.reason = reason;
  }

  // ---- factories ---------------------------------------------------------------------------------------------

  /**
   * Certifies the limit in the box of relative radius {@code relativeRadius} around the closed form, with the
   * ω of heads serving no task at 0.
   *
   * @throws IllegalArgumentException if the radius is not in (0, 1)
   */
  public static LimitCertificate certify(ProblemConfig config, double relativeRadius) {
    return certify(config, relativeRadius, Interval.ZERO);
  }

  /**
   * As {@link #certify(ProblemConfig, double)}, with every ω of the heads serving no task ({@code h ≥ n}) anywhere
   * in {@code extraHeadOmega} (their values at the limit depend on the path; see the class comment).
   */
  public static LimitCertificate certify(ProblemConfig config, double relativeRadius, Interval extraHeadOmega) {
    if (!(relativeRadius > 0 && relativeRadius < 1)) {
      throw new IllegalArgumentException("relative radius must be in (0, 1) (got " + relativeRadius + ")");
    }
    List<TaskBox> boxes = new ArrayList<>();
    for (int i = 0; i < config.tasks(); i++) {
      OnTaskLoss t = OnTaskLoss.of(config, i);
      double w = t.omegaStarApprox();
      double m = t.muStarApprox();
      boxes.add(TaskBox.around(w, relativeRadius * w, m, relativeRadius * m));
    }
    return certify(config, boxes, relativeRadius, extraHeadOmega);
  }

  /**
   * Certifies the limit in explicitly given per-task boxes (one per task, ordered by task), e.g. to test a box
   * around a wrong centre. The relative radius recorded is NaN.
   */
  public static LimitCertificate certify(ProblemConfig config, List<TaskBox> boxes, Interval extraHeadOmega) {
    return certify(config, boxes, Double.NaN, extraHeadOmega);
  }

  /**
   * The certificate of the smallest radius of {@link #RADIUS_LADDER} that certifies (the tightest enclosure of
   * the limit); if none does, the refusal at the largest radius, its reason prefixed accordingly.
   */
  public static LimitCertificate certifySmallest(ProblemConfig config) {
    return scan(config, true);
  }

  /**
   * The certificate of the largest radius of {@link #RADIUS_LADDER} that certifies (the largest region of proved
   * uniqueness and convexity); if none does, the refusal at the smallest radius, its reason prefixed accordingly.
   */
  public static LimitCertificate certifyLargest(ProblemConfig config) {
    return scan(config, false);
  }

  private static LimitCertificate scan(ProblemConfig config, boolean ascending) {
    LimitCertificate last = null;
    List<Double> order = new ArrayList<>(RADIUS_LADDER);
    if (!ascending) {
      Collections.reverse(order);
    }
    for (double r : order) {
      last = certify(config, r);
      if (last.verdict == Verdict.CERTIFIED) {
        return last;
      }
    }
    if (last == null) {
      throw new IllegalStateException("empty radius ladder");
    }
    return last.withReason("no radius of the ladder certifies; at relative radius " + last.relativeRadius + ": "
        + last.reason);
  }

  private LimitCertificate withReason(String newReason) {
    return new LimitCertificate(config, relativeRadius, extraHeadOmega, tasks, offTaskMu, offTaskOmega, verdict,
        newReason);
  }

  private static LimitCertificate certify(ProblemConfig config, List<TaskBox> boxes, double radius,
      Interval extraHeadOmega) {
    int n = config.tasks();
    int heads = config.heads();
    if (boxes.size() != n) {
      throw new IllegalArgumentException("need one box per task: " + n + " (got " + boxes.size() + ")");
    }
    List<TaskResult> results = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    if (heads < n) {
      failures.add("H = " + heads + " < n = " + n + ": no one-head-per-task allocation");
    }
    for (int i = 0; i < n; i++) {
      OnTaskLoss loss = OnTaskLoss.of(config, i);
      TaskBox box = boxes.get(i);
      TaskBox closed = new TaskBox(loss.omegaStar(), loss.muStar());
      Optional<TaskBox> image = Optional.empty();
      Optional<SymmetricIntervalMatrix2> hessian = Optional.empty();
      boolean unique = false;
      boolean pd = false;
      try {
        TaskBox k = Krawczyk.image(loss, box);
        image = Optional.of(k);
        unique = box.containsInInterior(k);
        if (!unique) {
          failures.add("Krawczyk image not inside box for task " + i + " (K = " + k + "; X = " + box + ")");
        }
      } catch (ArithmeticException e) {
        failures.add("Krawczyk operator not evaluable for task " + i + ": " + e.getMessage());
      }
      try {
        SymmetricIntervalMatrix2 hs = loss.hessian(box);
        hessian = Optional.of(hs);
        pd = hs.isPositiveDefinite();
        if (!pd) {
          failures.add("Hessian enclosure not positive definite for task " + i + " (d2/domega2 " + hs.ww()
              + ", det " + hs.determinant() + ")");
        }
      } catch (ArithmeticException e) {
        failures.add("Hessian not evaluable for task " + i + ": " + e.getMessage());
      }
      results.add(new TaskResult(i, i, box, closed, image, hessian, unique, pd));
    }
    List<OffTaskMu> mus = new ArrayList<>();
    List<OffTaskOmega> omegas = new ArrayList<>();
    if (heads >= n && failures.isEmpty()) {
      try {
        offTask(config, boxes, extraHeadOmega, mus, omegas, failures);
      } catch (ArithmeticException e) {
        failures.add("off-task derivatives not evaluable: " + e.getMessage());
      }
    }
    Verdict v = failures.isEmpty() ? Verdict.CERTIFIED : Verdict.REFUSED;
    String why = failures.isEmpty() ? "" : String.join("; ", failures);
    return new LimitCertificate(config, radius, extraHeadOmega, results, mus, omegas, v, why);
  }

  /** Pieces into which a non-degenerate extra-head ω interval is cut (see {@link #offTask}). */
  private static final int EXTRA_HEAD_PIECES = 256;

  /**
   * Encloses the off-task first (and, for ω, second) derivatives over the box state. A non-degenerate interval for
   * the ω of heads serving no task is cut into pieces and the enclosures joined: evaluated in one piece, the
   * signal and variance terms of {@code ∂F/∂μ_i^h} cancel almost exactly near {@code ω = ω_i*} and the dependency
   * of interval arithmetic would lose their difference. This is valid because for such a head {@code h} every
   * derivative depends on its ω only through {@code ω_i^h} (the other heads' ω_j^i vanish exactly for j ≠ i), so
   * the hull over pieces encloses the derivative for every choice of the extra heads' ω in the interval.
   */
  private static void offTask(ProblemConfig config, List<TaskBox> boxes, Interval extraHeadOmega,
      List<OffTaskMu> mus, List<OffTaskOmega> omegas, List<String> failures) {
    int n = config.tasks();
    int heads = config.heads();
    List<Interval> pieces = new ArrayList<>();
    if (heads == n || extraHeadOmega.width() == 0.0) {
      pieces.add(extraHeadOmega);
    } else {
      double lo = extraHeadOmega.lo();
      double hi = extraHeadOmega.hi();
      double previous = lo;
      for (int k = 1; k <= EXTRA_HEAD_PIECES; k++) {
        // Consecutive pieces share their endpoint, so they cover [lo, hi] whatever the rounding of the cut points.
        double next = k == EXTRA_HEAD_PIECES ? hi : Math.max(previous, lo + (hi - lo) * k / EXTRA_HEAD_PIECES);
        pieces.add(Interval.of(previous, Math.min(next, hi)));
        previous = Math.min(next, hi);
      }
    }
    List<Interval> dMu = new ArrayList<>();
    List<Interval> dOmega = new ArrayList<>();
    List<Interval> curvature = new ArrayList<>();
    List<Interval> decay = new ArrayList<>();
    Interval nSqrtD = Interval.point(n).multiply(Interval.point(config.tokenDim()).sqrt());
    LossCoefficients<Interval> coefficients = IntervalCoefficients.of(config);
    for (Interval piece : pieces) {
      LeadingOrderFormula<Interval> f =
          LeadingOrderFormula.of(coefficients, stateOmega(config, boxes, piece), stateMu(config, boxes));
      int slot = 0;
      for (int h = 0; h < heads; h++) {
        for (int j = 0; j < n; j++) {
          if (h == j) {
            continue;
          }
          Interval b = h < n ? f.coupling(h, h).multiply(4.0).divide(nSqrtD) : Interval.ZERO;
          joinAt(dMu, slot, f.dMu(h, j));
          joinAt(dOmega, slot, f.dOmega(h, j));
          joinAt(curvature, slot, f.dOmegaOmega(h, j));
          joinAt(decay, slot, b);
          slot++;
        }
      }
    }
    int slot = 0;
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < n; j++) {
        if (h == j) {
          continue;
        }
        Interval dm = dMu.get(slot);
        Interval dw = dOmega.get(slot);
        mus.add(new OffTaskMu(h, j, dm));
        omegas.add(new OffTaskOmega(h, j, dw, curvature.get(slot), decay.get(slot)));
        slot++;
        if (!dm.isPositive()) {
          failures.add("dF/dmu not provably > 0 for head " + h + ", task " + j + ": " + dm);
        }
        // Exactly zero also for heads serving no task, whatever their ω: every term carries one of their μ = 0.
        if (!dw.isZero()) {
          failures.add("dF/domega not exactly 0 for head " + h + ", task " + j + ": " + dw);
        }
      }
    }
  }

  private static void joinAt(List<Interval> list, int slot, Interval x) {
    if (slot == list.size()) {
      list.add(x);
    } else {
      list.set(slot, list.get(slot).hull(x));
    }
  }

  /** ω of the limit state: box on-task, 0 off-task for serving heads, {@code extra} for heads serving none. */
  private static List<List<Interval>> stateOmega(ProblemConfig config, List<TaskBox> boxes, Interval extra) {
    List<List<Interval>> omega = new ArrayList<>();
    for (int h = 0; h < config.heads(); h++) {
      List<Interval> w = new ArrayList<>();
      for (int j = 0; j < config.tasks(); j++) {
        w.add(h == j ? boxes.get(j).omega() : (h >= config.tasks() ? extra : Interval.ZERO));
      }
      omega.add(w);
    }
    return omega;
  }

  /** μ of the limit state: box on-task, 0 off-task. */
  private static List<List<Interval>> stateMu(ProblemConfig config, List<TaskBox> boxes) {
    List<List<Interval>> mu = new ArrayList<>();
    for (int h = 0; h < config.heads(); h++) {
      List<Interval> m = new ArrayList<>();
      for (int j = 0; j < config.tasks(); j++) {
        m.add(h == j ? boxes.get(j).mu() : Interval.ZERO);
      }
      mu.add(m);
    }
    return mu;
  }

  // ---- accessors ---------------------------------------------------------------------------------------------

  /** The configuration. */
  public ProblemConfig config() {
    return config;
  }

  /** Relative radius of the box, NaN if the boxes were given explicitly. */
  public double relativeRadius() {
    return relativeRadius;
  }

  /** The interval allowed for the ω of heads serving no task. */
  public Interval extraHeadOmega() {
    return extraHeadOmega;
  }

  /** Per-task results, ordered by task. */
  public List<TaskResult> tasks() {
    return tasks;
  }

  /** Off-task μ derivative enclosures (empty if the on-task part was refused). */
  public List<OffTaskMu> offTaskMu() {
    return offTaskMu;
  }

  /** Off-task ω gradient and curvature enclosures (empty if the on-task part was refused). */
  public List<OffTaskOmega> offTaskOmega() {
    return offTaskOmega;
  }

  /** CERTIFIED or REFUSED. */
  public Verdict verdict() {
    return verdict;
  }

  /** True if {@link #verdict()} is CERTIFIED. */
  public boolean isCertified() {
    return verdict == Verdict.CERTIFIED;
  }

  /** Why the certificate was refused; empty if certified. */
  public String reason() {
    return reason;
  }

  /** {@value #PROVENANCE} if certified, else "refused". */
  public String provenance() {
    return isCertified() ? PROVENANCE : "refused";
  }

  /** The smallest positive lower bound of the off-task {@code ∂F/∂μ} enclosures (NaN if there are none). */
  public double minOffTaskMuDerivative() {
    double min = Double.NaN;
    for (OffTaskMu o : offTaskMu) {
      min = Double.isNaN(min) ? o.derivative().lo() : Math.min(min, o.derivative().lo());
    }
    return min;
  }

  /**
   * True if the state's on-task variables {@code (ω_i^{h(i)}, μ_i^{h(i)})} lie in the certified boxes, for a state
   * of this configuration's shape. Off-task entries are not part of the box: at any finite time they are non-zero
   * (μ decays exponentially, ω of serving heads like 1/t, ω of heads serving no task freeze); callers bound them
   * separately. A refused certificate encloses nothing.
   */
  public boolean encloses(SpectralState state) {
    if (!isCertified() || !state.hasShape(config.heads(), config.tasks())) {
      return false;
    }
    for (TaskResult t : tasks) {
      if (!t.box().contains(state.omega(t.head(), t.task()), state.mu(t.head(), t.task()))) {
        return false;
      }
    }
    return true;
  }

  /** A multi-line human-readable account: the box, what is proved, and the verdict. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("Limit certificate, reduced model (reconstruction), leading-order loss of MODEL.md section 4\n");
    sb.append("config: ").append(config).append('\n');
    sb.append("verdict: ").append(verdict).append(isCertified() ? "" : " - " + reason).append('\n');
    sb.append("provenance: ").append(provenance()).append('\n');
    sb.append(String.format(Locale.ROOT, "relative box radius: %.3g%n", relativeRadius));
    for (TaskResult t : tasks) {
      sb.append(String.format(Locale.ROOT, "task %d (head %d): box %s; widths %.3g, %.3g%n", t.task(), t.head(),
          t.box(), t.box().omega().width(), t.box().mu().width()));
      t.krawczykImage().ifPresent(k -> sb.append("  Krawczyk image ").append(k)
          .append(t.uniqueZero() ? " inside the box: exactly one stationary point" : " NOT inside the box")
          .append('\n'));
      t.hessian().ifPresent(h -> sb.append("  Hessian of L_i ").append(h).append(", det ").append(h.determinant())
          .append(t.positiveDefinite() ? ": positive definite, strict local minimum" : ": NOT proved definite")
          .append('\n'));
    }
    for (OffTaskMu o : offTaskMu) {
      sb.append(String.format(Locale.ROOT, "off-task dF/dmu (head %d, task %d) in %s%s%n", o.head(), o.task(),
          o.derivative(), o.derivative().isPositive() ? " > 0: off-task mu decays exponentially" : ""));
    }
    for (OffTaskOmega o : offTaskOmega) {
      sb.append(String.format(Locale.ROOT, "off-task dF/domega (head %d, task %d) in %s; curvature in %s; %s%n",
          o.head(), o.task(), o.gradient(), o.curvature(),
          o.decayCoefficient().isPositive() ? "omega ~ 1/(b t), b in " + o.decayCoefficient()
              : "head serves no task: omega freezes (integrable rate), does not tend to 0"));
    }
    sb.append("Off-task omega are first-order neutral at the limit (gradient exactly 0); the second-order fact is\n"
        + "the curvature (2/n) d_j A_hh > 0 from the head's own on-task mu, which with the balanced flow's factor\n"
        + "|omega| gives d omega/dt ~ -b omega^2, b = 4 A_hh/(n sqrt(D)): decay like 1/t. A head serving no task\n"
        + "has A_hh -> 0 with its own mu: its omega freeze at non-zero values (they do not tend to 0).\n");
    return sb.toString();
  }

  @Override
  public String toString() {
    return "LimitCertificate{" + verdict + ", radius " + relativeRadius + (isCertified() ? "" : ", " + reason) + "}";
  }
}
