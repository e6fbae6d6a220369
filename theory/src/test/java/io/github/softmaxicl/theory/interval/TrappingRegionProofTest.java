package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.LogCoordinateFlow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trapping-region proof: certified near the limit on the presets and on seeded random configurations (unequal
 * blocks, H &gt; n, σ &gt; 0, L from 1 to 5000), and refused, for a stated reason, on regions that are not trapping:
 * a box too large for the valley, a box with the wrong aspect, off-task μ too large for the ω faces.
 */
class TrappingRegionProofTest {

  /**
   * A box of log coordinates around a state near the limit: on-task ω at ω*(1 − dw) and μ at μ*(1 + dm) on head
   * i for task i, every other ω at {@code offOmega} and μ at {@code offMu}, each widened by 1e-12 (a tube's end
   * box is about that wide).
   */
  static List<Interval> endBox(ProblemConfig c, double dw, double dm, double offOmega, double offMu) {
    List<Interval> y = new ArrayList<>();
    for (int h = 0; h < c.heads(); h++) {
      for (int j = 0; j < c.tasks(); j++) {
        double w = h == j ? OnTaskLoss.of(c, j).omegaStarApprox() * (1 - dw) : offOmega;
        y.add(Interval.around(Math.log(w), 1e-12));
      }
    }
    for (int h = 0; h < c.heads(); h++) {
      for (int i = 0; i < c.tasks(); i++) {
        double m = h == i ? OnTaskLoss.of(c, i).muStarApprox() * (1 + dm) : offMu;
        y.add(Interval.around(Math.log(m), 1e-12));
      }
    }
    return y;
  }

  static List<Integer> identity(ProblemConfig c) {
    List<Integer> a = new ArrayList<>();
    for (int i = 0; i < c.tasks(); i++) {
      a.add(i);
    }
    return a;
  }

  private static String failures(TrappingRegionCertificate cert) {
    StringBuilder sb = new StringBuilder();
    for (TrappingRegionCertificate.Condition f : cert.failures()) {
      sb.append("\n  ").append(f.what()).append(" ").append(f.enclosure());
    }
    return sb.toString();
  }

  @Test
  void presetsAreCertifiedNearTheirLimitsAndHoldTheBox() {
    for (Preset p : List.of(Preset.SMALL, Preset.PAPER, Preset.EXTRA_HEAD)) {
      ProblemConfig c = p.config();
      List<Interval> y = endBox(c, 0.01, 0.01, 2e-4, 1e-6);
      TrappingRegionCertificate cert = TrappingRegionProof.prove(
          TrappingRegion.around(c, Initialisations.paper(c), identity(c), y, 1.5));
      assertTrue(cert.certified(), p.id() + failures(cert));
      assertTrue(cert.containsLogBox(y), p.id());
      assertTrue(cert.muDecayRate() > 0, p.id());
    }
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 24);
  }

  /** Any configuration with H ≥ n: a small region around its limit is a certified trapping region. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomConfigurationsAreCertifiedNearTheirLimits(long seed) {
    ProblemConfig c = Configs.random(seed);
    List<Interval> y = endBox(c, 1e-6, 1e-6, 1e-4, 1e-8);
    TrappingRegionCertificate cert = TrappingRegionProof.prove(
        TrappingRegion.around(c, Initialisations.paper(c), identity(c), y, 1.5));
    assertTrue(cert.certified(), "seed " + seed + " " + c + failures(cert));
    assertTrue(cert.containsLogBox(y), "seed " + seed + " " + c);
  }

  /**
   * At `paper`'s state 5 time units after t_e (ω_1^1 7 % below ω*, μ_1^1 7 % above μ*: along the curved valley
   * μω ≈ const, measured with scipy's Radau at rtol 1e-11) a box holding it reaches where the on-task Hessian is
   * indefinite and where the field points out of the ω and μ faces: the proof must say so, not certify it.
   */
  @Test
  void aBoxTooLargeForTheValleyIsRefused() {
    ProblemConfig c = Preset.PAPER.config();
    TrappingRegion b =
        TrappingRegion.around(c, Initialisations.paper(c), identity(c), endBox(c, 0.068, 0.074, 1.75e-4, 1e-8), 3.0);
    TrappingRegionCertificate cert = TrappingRegionProof.prove(b);
    assertFalse(cert.certified());
    boolean hessianRefused = false;
    for (TrappingRegionCertificate.Condition f : cert.failures()) {
      hessianRefused |= f.what().startsWith("Hessian of L_1");
    }
    assertTrue(hessianRefused, failures(cert));
    // and rightly: somewhere in the pair's box the Hessian of L_1 is proved indefinite at a point
    Interval w = b.magnitudes().get(LogCoordinateFlow.omegaIndex(c, 0, 0));
    Interval m = b.magnitudes().get(LogCoordinateFlow.muIndex(c, 0, 0));
    OnTaskLoss loss = OnTaskLoss.of(c, 0);
    boolean indefinite = false;
    for (int a = 0; a <= 8; a++) {
      for (int k = 0; k <= 8; k++) {
        double x = w.lo() + (w.hi() - w.lo()) * a / 8;
        double z = m.lo() + (m.hi() - m.lo()) * k / 8;
        indefinite |= loss.hessian(TaskBox.point(x, z)).determinant().hi() < 0;
      }
    }
    assertTrue(indefinite, b.toString());
  }

  /**
   * {@code small}'s on-task Hessian at the limit, in (ω, μ): H_ωω ≈ 35.9, H_ωμ ≈ 8.0, H_μμ ≈ 2.54, so a box face
   * points inward on both faces only for r_μ/r_ω in (H_ωμ/H_μμ, H_ωω/H_ωμ) ≈ (3.1, 4.5). An aspect of 1 (a cube) or
   * 10 fails on one face; the aspect {@link TrappingRegion#around} chooses (√(H_ωω/H_μμ) ≈ 3.76) passes.
   */
  @Test
  void theOnTaskAspectMatters() {
    ProblemConfig c = Preset.SMALL.config();
    SpectralState start = Initialisations.paper(c);
    TrappingRegion good = TrappingRegion.around(c, start, identity(c), endBox(c, 0.01, 0.0, 1e-3, 1e-5), 1.5);
    assertTrue(TrappingRegionProof.prove(good).certified(), failures(TrappingRegionProof.prove(good)));
    int qw = LogCoordinateFlow.omegaIndex(c, 0, 0);
    int qm = LogCoordinateFlow.muIndex(c, 0, 0);
    double rw = good.magnitudes().get(qw).hi() - 0.5;
    double muStar = OnTaskLoss.of(c, 0).muStarApprox();
    for (double aspect : new double[] {1.0, 10.0}) {
      List<Interval> m = new ArrayList<>(good.magnitudes());
      m.set(qm, Interval.of(muStar - aspect * rw, muStar + aspect * rw));
      TrappingRegionCertificate cert =
          TrappingRegionProof.prove(new TrappingRegion(c, good.allocation(), good.signs(), m));
      assertFalse(cert.certified(), "aspect " + aspect);
      String wrongFace = aspect < 3 ? "face |mu_1^1|" : "face |omega_1^1|";
      boolean found = false;
      for (TrappingRegionCertificate.Condition f : cert.failures()) {
        found |= f.what().contains(wrongFace) && f.enclosure().hi() < 0;
      }
      assertTrue(found, "aspect " + aspect + failures(cert));
    }
  }

  /**
   * On the face |ω_2^1| = ε the field is (2d/n)(A_11 ε − s² μ_2^1 R_2) + …: it points inward only while
   * |μ_2^1| &lt; A_11 ε/(s² R_2) ≈ 3ε on `small`. Off-task μ up to 30ε must fail that face.
   */
  @Test
  void offTaskMuTooLargeForTheOmegaFacesIsRefused() {
    ProblemConfig c = Preset.SMALL.config();
    TrappingRegionCertificate ok = TrappingRegionProof.prove(TrappingRegion.around(c, Initialisations.paper(c),
        identity(c), endBox(c, 0.001, 0.001, 1e-3, 1e-4), 1.5));
    assertTrue(ok.certified(), failures(ok));
    TrappingRegion b = TrappingRegion.around(c, Initialisations.paper(c), identity(c),
        endBox(c, 0.001, 0.001, 1e-3, 3e-2), 1.5);
    TrappingRegionCertificate cert = TrappingRegionProof.prove(b);
    assertFalse(cert.certified());
    boolean refused = false;
    for (TrappingRegionCertificate.Condition f : cert.failures()) {
      refused |= f.what().startsWith("upper face |omega_2^1|");
    }
    assertTrue(refused, failures(cert));
    // and rightly: at the face point with mu_2^1 at its top and everything else at the limit, the field points out
    List<Interval> point = new ArrayList<>();
    for (int q = 0; q < b.dimension(); q++) {
      TrappingRegion.Role role = b.role(q);
      double v = role == TrappingRegion.Role.ON_TASK ? (b.isOmega(q) ? OnTaskLoss.of(c, b.task(q)).omegaStarApprox()
          : OnTaskLoss.of(c, b.task(q)).muStarApprox()) : 0.0;
      point.add(Interval.point(v));
    }
    int face = LogCoordinateFlow.omegaIndex(c, 0, 1);
    point.set(face, Interval.point(b.magnitudes().get(face).hi()));
    point.set(LogCoordinateFlow.muIndex(c, 0, 1), Interval.point(b.magnitudes().get(LogCoordinateFlow.muIndex(c, 0, 1)).hi()));
    LossJets jets = new LossJets(c, b.dimension());
    assertTrue(jets.derivative(jets.intervals(point), face).hi() < 0);
  }

  /** With a spare head (H > n) the spare ω get a positive slant; a state whose spare μ break the slant is outside. */
  @Test
  void spareHeadsGetSlantedFaces() {
    ProblemConfig c = Preset.EXTRA_HEAD.config();
    List<Interval> y = endBox(c, 0.001, 0.001, 1e-4, 2e-5);
    TrappingRegionCertificate cert = TrappingRegionProof.prove(
        TrappingRegion.around(c, Initialisations.paper(c), identity(c), y, 1.5));
    assertTrue(cert.certified(), failures(cert));
    TrappingRegion b = cert.region();
    int spareOmega = LogCoordinateFlow.omegaIndex(c, 3, 0);
    assertEquals(TrappingRegion.Role.SPARE_OMEGA, b.role(spareOmega));
    double slant = cert.slants().get(spareOmega);
    assertTrue(slant > 0, "slant " + slant);
    for (int q = 0; q < b.dimension(); q++) {
      assertEquals(b.role(q) == TrappingRegion.Role.SPARE_OMEGA, cert.slants().get(q) > 0, b.name(q));
    }
    // The spare ω at the top of its range with its μ at the top of theirs lies in the box hull but not in B.
    List<Double> m = new ArrayList<>();
    for (int q = 0; q < b.dimension(); q++) {
      m.add(b.role(q) == TrappingRegion.Role.ON_TASK ? b.magnitudes().get(q).midpoint() : b.magnitudes().get(q).hi());
    }
    assertFalse(cert.containsMagnitudes(m), b.toString());
    for (int q = 0; q < b.dimension(); q++) {
      if (b.role(q) == TrappingRegion.Role.SPARE_MU) {
        m.set(q, 0.0);
      }
    }
    assertTrue(cert.containsMagnitudes(m), b + " " + m);
  }

  @Test
  void aBoxOutsideTheRegionIsNotContained() {
    ProblemConfig c = Preset.SMALL.config();
    List<Interval> y = endBox(c, 0.01, 0.01, 1e-3, 1e-5);
    TrappingRegionCertificate cert = TrappingRegionProof.prove(
        TrappingRegion.around(c, Initialisations.paper(c), identity(c), y, 1.5));
    assertTrue(cert.containsLogBox(y));
    assertFalse(cert.containsLogBox(endBox(c, 0.03, 0.01, 1e-3, 1e-5)));
    assertFalse(cert.containsLogBox(endBox(c, 0.01, 0.01, 2e-3, 1e-5)));
    assertFalse(cert.containsLogBox(endBox(c, 0.01, 0.01, 1e-3, 2e-5)));
  }

  @Test
  void unequalSignsOnAnOnTaskPairAreRefused() {
    ProblemConfig c = Preset.SMALL.config();
    SpectralState start = Initialisations.paper(c);
    TrappingRegion b = TrappingRegion.around(c, start, identity(c), endBox(c, 0.01, 0.01, 1e-3, 1e-5), 1.5);
    List<Double> signs = new ArrayList<>(b.signs());
    signs.set(LogCoordinateFlow.muIndex(c, 0, 0), -1.0);
    TrappingRegionCertificate cert =
        TrappingRegionProof.prove(new TrappingRegion(c, b.allocation(), signs, b.magnitudes()));
    assertFalse(cert.certified());
    assertTrue(cert.failures().get(0).what().contains("equal signs"), failures(cert));
  }

  /**
   * One condition of each kind per entry: per task sign, distance from 0, Hessian and Krawczyk (4), four on-task
   * faces, one upper face per off-task ω of a serving head, one decay condition per off-task or spare μ, n slant
   * conditions per spare ω, one allocation margin per task. `small` (H = n = 2): 8 + 8 + 2 + 2 + 2 = 22;
   * `extra-head` (H = 4, n = 3): 12 + 12 + 6 + 9 + 9 + 3 = 51 (the counts the runs report).
   */
  @Test
  void everyConditionIsChecked() {
    ProblemConfig small = Preset.SMALL.config();
    assertEquals(22, TrappingRegionProof.prove(TrappingRegion.around(small, Initialisations.paper(small),
        identity(small), endBox(small, 0.01, 0.01, 1e-3, 1e-5), 1.5)).conditions().size());
    ProblemConfig extra = Preset.EXTRA_HEAD.config();
    TrappingRegionCertificate cert = TrappingRegionProof.prove(TrappingRegion.around(extra,
        Initialisations.paper(extra), identity(extra), endBox(extra, 0.001, 0.001, 1e-4, 2e-5), 1.5));
    assertEquals(51, cert.conditions().size());
    int slanted = 0;
    int allocation = 0;
    for (TrappingRegionCertificate.Condition k : cert.conditions()) {
      slanted += k.what().startsWith("slanted face") ? 1 : 0;
      allocation += k.what().startsWith("allocation in B") ? 1 : 0;
    }
    assertEquals(9, slanted);
    assertEquals(3, allocation);
    assertTrue(cert.totalPieces() >= cert.conditions().size());
  }

  /** The allocation margin is lower(|ω||μ|) on the serving head minus the largest upper(|ω||μ|) of the others. */
  @Test
  void allocationMarginsMatchAnIndependentComputation() {
    ProblemConfig c = Preset.EXTRA_HEAD.config();
    TrappingRegionCertificate cert = TrappingRegionProof.prove(TrappingRegion.around(c, Initialisations.paper(c),
        identity(c), endBox(c, 0.001, 0.001, 1e-4, 2e-5), 1.5));
    TrappingRegion b = cert.region();
    int i = 0;
    for (TrappingRegionCertificate.Condition k : cert.conditions()) {
      if (!k.what().startsWith("allocation in B")) {
        continue;
      }
      double own = b.magnitudes().get(LogCoordinateFlow.omegaIndex(c, i, i)).lo()
          * b.magnitudes().get(LogCoordinateFlow.muIndex(c, i, i)).lo();
      double others = 0;
      for (int g = 0; g < c.heads(); g++) {
        if (g != i) {
          others = Math.max(others, b.magnitudes().get(LogCoordinateFlow.omegaIndex(c, g, i)).hi()
              * b.magnitudes().get(LogCoordinateFlow.muIndex(c, g, i)).hi());
        }
      }
      assertTrue(others > 0);
      assertEquals(own - others, k.enclosure().midpoint(), 1e-12 * own, k.what());
      assertTrue(k.enclosure().contains(own - others) || Math.abs(k.enclosure().midpoint() - (own - others)) < 1e-15);
      i++;
    }
    assertEquals(c.tasks(), i);
  }

  /**
   * An end box at the limit itself with off-task entries of 1e-3: the on-task radius must come from the off-task
   * shift of the faces (twice its cancelling radius), not from the box; a region with a quarter of that radius is
   * tipped by the off-task terms and refused.
   */
  @Test
  void theOnTaskRadiusCoversTheOffTaskShift() {
    ProblemConfig c = Preset.SMALL.config();
    SpectralState start = Initialisations.paper(c);
    TrappingRegion b = TrappingRegion.around(c, start, identity(c), endBox(c, 0.0, 0.0, 2e-3, 2e-4), 1.5);
    TrappingRegionCertificate cert = TrappingRegionProof.prove(b);
    assertTrue(cert.certified(), failures(cert));
    int qw = LogCoordinateFlow.omegaIndex(c, 0, 0);
    int qm = LogCoordinateFlow.muIndex(c, 0, 0);
    double w = OnTaskLoss.of(c, 0).omegaStarApprox();
    double m = OnTaskLoss.of(c, 0).muStarApprox();
    double rw = b.magnitudes().get(qw).hi() - w;
    double rm = b.magnitudes().get(qm).hi() - m;
    assertTrue(rw > 10 * TrappingRegion.MIN_RELATIVE_RADIUS * w, "radius " + rw + " from the off-task shift");
    List<Interval> narrow = new ArrayList<>(b.magnitudes());
    for (int i = 0; i < c.tasks(); i++) {
      narrow.set(LogCoordinateFlow.omegaIndex(c, i, i), Interval.of(w - rw / 4, w + rw / 4));
      narrow.set(LogCoordinateFlow.muIndex(c, i, i), Interval.of(m - rm / 4, m + rm / 4));
    }
    assertFalse(TrappingRegionProof.prove(new TrappingRegion(c, b.allocation(), b.signs(), narrow)).certified());
  }

  @Test
  void malformedRegionsAreRefused() {
    ProblemConfig c = Preset.SMALL.config();
    TrappingRegion b = TrappingRegion.around(c, Initialisations.paper(c), identity(c),
        endBox(c, 0.01, 0.01, 1e-3, 1e-5), 1.5);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new TrappingRegion(c, List.of(0, 0), b.signs(), b.magnitudes()));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new TrappingRegion(c, List.of(0, 2), b.signs(), b.magnitudes()));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new TrappingRegion(c, List.of(-1, 0), b.signs(), b.magnitudes()));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new TrappingRegion(c, List.of(0), b.signs(), b.magnitudes()));
    List<Double> signs = new ArrayList<>(b.signs());
    signs.set(3, 0.5);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new TrappingRegion(c, b.allocation(), signs, b.magnitudes()));
    List<Interval> m = new ArrayList<>(b.magnitudes());
    m.set(5, Interval.of(-1e-9, 1e-3));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new TrappingRegion(c, b.allocation(), b.signs(), m));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TrappingRegion.around(c, Initialisations.paper(c), identity(c), endBox(c, 0.01, 0.01, 1e-3, 1e-5), 0.9));
    assertTrue(b.toString().contains("omega_1^1 in [") && b.toString().contains(", mu_2^2 in ["), b.toString());
    assertEquals(TrappingRegion.Role.OFF_TASK, b.role(LogCoordinateFlow.muIndex(c, 1, 0)));
    assertEquals("mu_1^2", b.name(LogCoordinateFlow.muIndex(c, 1, 0)));
  }

  /** A log box of the wrong size, or one whose spare μ break the slanted bound, is not inside B. */
  @Test
  void containmentOfLogBoxesChecksSizeAndSlants() {
    ProblemConfig c = Preset.EXTRA_HEAD.config();
    List<Interval> y = endBox(c, 0.001, 0.001, 1e-4, 2e-5);
    TrappingRegionCertificate cert = TrappingRegionProof.prove(
        TrappingRegion.around(c, Initialisations.paper(c), identity(c), y, 1.5));
    assertTrue(cert.containsLogBox(y));
    assertFalse(cert.containsLogBox(y.subList(0, y.size() - 1)));
    TrappingRegion b = cert.region();
    List<Interval> top = new ArrayList<>(y);
    for (int q = 0; q < b.dimension(); q++) {
      if (b.role(q) == TrappingRegion.Role.SPARE_OMEGA || b.role(q) == TrappingRegion.Role.SPARE_MU) {
        // every spare entry at (just below) the top of its range: inside the box hull, outside the slant
        top.set(q, Interval.point(Math.log(b.magnitudes().get(q).hi()) - 1e-9));
      }
    }
    assertFalse(cert.containsLogBox(top));
  }

  /** An on-task range reaching 0 is refused before anything else is tried on that pair. */
  @Test
  void anOnTaskRangeReachingZeroIsRefused() {
    ProblemConfig c = Preset.SMALL.config();
    TrappingRegion b = TrappingRegion.around(c, Initialisations.paper(c), identity(c),
        endBox(c, 0.01, 0.01, 1e-3, 1e-5), 1.5);
    List<Interval> m = new ArrayList<>(b.magnitudes());
    m.set(LogCoordinateFlow.omegaIndex(c, 0, 0), Interval.of(0.0, 1.0));
    TrappingRegionCertificate cert = TrappingRegionProof.prove(new TrappingRegion(c, b.allocation(), b.signs(), m));
    assertFalse(cert.certified());
    assertTrue(cert.failures().get(0).what().contains("stay away from 0"), failures(cert));
  }
}
