package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.TrappingRegion;
import io.github.softmaxicl.theory.interval.TrappingRegionCertificate;
import io.github.softmaxicl.theory.interval.TrappingRegionProof;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Looks for a certified trapping region ({@link TrappingRegionProof}) around a validated tube's end box, and
 * tells the integrator when to stop: right after emergence the on-task pairs are still far from the limit along
 * the loss's curved valley (`paper` at t_e + 5: ω_1^1 7 % low), where the on-task Hessian is not positive definite
 * on a box that holds them; a few time units later they have relaxed and a box of growth 1.5 around the end box
 * is proved (measured: `paper` at t_e + 10, `extra-head` at t_e + 22). Reduced model (reconstruction).
 */
public final class TrappingRegionSearch {
  private TrappingRegionSearch() {}

  /**
   * Growth factors tried in turn: room around the end box ({@link TrappingRegion#around}). Small room keeps the
   * on-task box inside the convex part of the valley; large room keeps faces clear of the off-task terms.
   */
  public static final List<Double> GROWTHS = List.of(1.5, 3.0);

  /**
   * One attempt at a step end.
   *
   * @param time the step end
   * @param allocation the serving head of each task read from the end box (empty if a task has none)
   * @param certificate the certificate of the first region that holds the end box and is proved, else that of the
   *     first region tried (empty without an allocation)
   * @param certified true if the region is proved and holds the end box
   */
  public record Attempt(double time, Optional<List<Integer>> allocation,
      Optional<TrappingRegionCertificate> certificate, boolean certified) {}

  /** An attempt on the end box {@code y} (log coordinates) at time {@code t}. */
  public static Attempt at(ProblemConfig c, SpectralState start, double t, List<Interval> y) {
    Optional<List<Integer>> allocation = allocation(c, start, y);
    if (allocation.isEmpty()) {
      return new Attempt(t, allocation, Optional.empty(), false);
    }
    Optional<TrappingRegionCertificate> first = Optional.empty();
    for (double g : GROWTHS) {
      TrappingRegionCertificate cert =
          TrappingRegionProof.prove(TrappingRegion.around(c, start, allocation.get(), y, g));
      if (cert.certified() && cert.containsLogBox(y)) {
        return new Attempt(t, allocation, Optional.of(cert), true);
      }
      first = first.isPresent() ? first : Optional.of(cert);
    }
    return new Attempt(t, allocation, first, false);
  }

  /** Per task the head with a certified positive signal margin on the box, if every task has one. */
  static Optional<List<Integer>> allocation(ProblemConfig c, SpectralState start, List<Interval> y) {
    List<Integer> heads = new ArrayList<>();
    for (int i = 0; i < c.tasks(); i++) {
      int found = -1;
      for (int h = 0; h < c.heads() && found < 0; h++) {
        if (AllocationMargin.margin(y, c, start, i, h) > 0) {
          found = h;
        }
      }
      if (found < 0 || heads.contains(found)) {
        return Optional.empty();
      }
      heads.add(found);
    }
    return Optional.of(heads);
  }

  /**
   * A stop rule for {@link LohnerTaylorIntegrator}: from {@code from} on, at the first step end after every
   * {@code spacing} time units, an attempt; the integration stops at the first certified one. The last attempt is
   * kept. Not thread-safe (one integration).
   */
  public static final class Stopper implements Predicate<TubeStep> {
    private final ProblemConfig config;
    private final SpectralState start;
    private final double spacing;
    private double next;
    private Optional<Attempt> last = Optional.empty();
    private int attempts;

    /** Attempts from {@code from} on, every {@code spacing}. */
    public Stopper(ProblemConfig config, SpectralState start, double from, double spacing) {
      if (!(spacing > 0)) {
        throw new IllegalArgumentException("spacing must be > 0");
      }
      this.config = config;
      this.start = start;
      this.next = from;
      this.spacing = spacing;
    }

    @Override
    public boolean test(TubeStep step) {
      if (step.t1() < next) {
        return false;
      }
      next = step.t1() + spacing;
      attempts++;
      Attempt a = at(config, start, step.t1(), step.atEnd());
      last = Optional.of(a);
      return a.certified();
    }

    /** Attempts at the tube's last step end if none was made there (the integration reached its end). */
    public Attempt finish(ValidatedTube tube) {
      if (tube.steps().isEmpty()) {
        return new Attempt(0.0, Optional.empty(), Optional.empty(), false);
      }
      TubeStep s = tube.steps().get(tube.steps().size() - 1);
      if (last.isPresent() && last.get().time() == s.t1()) {
        return last.get();
      }
      attempts++;
      Attempt a = at(config, start, s.t1(), s.atEnd());
      last = Optional.of(a);
      return a;
    }

    /** How many attempts were made. */
    public int attempts() {
      return attempts;
    }
  }
}
