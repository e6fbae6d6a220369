package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.util.FastMath;

/**
 * The weights of the full model (MODEL.md §2): per head h, Q^h, K^h, V^h ∈ R^{D×D} and O^h ∈ R^{n×D}, all
 * row-major. Immutable: constructors copy in, accessors copy out.
 *
 * <p>Flat layout (used by the gradient flow and the gradient): head by head, Q^h, K^h, V^h, O^h, each row-major;
 * {@link #size()} = H (3 D² + n D) numbers.
 */
public final class AttentionWeights {
  private final ProblemConfig config;
  /** blocks[4h + m]: m = 0 Q, 1 K, 2 V, 3 O of head h, row-major. */
  private final double[][] blocks;

  private AttentionWeights(ProblemConfig config, double[][] blocks) {
    this.config = config;
    this.blocks = blocks;
  }

  /** Number of weights H (3 D² + n D). */
  public static int size(ProblemConfig config) {
    return (int) config.fullModelWeights();
  }

  /** All-zero weights. */
  public static AttentionWeights zeros(ProblemConfig config) {
    return new AttentionWeights(config, newBlocks(config));
  }

  static double[][] newBlocks(ProblemConfig config) {
    int dd = config.tokenDim();
    int n = config.tasks();
    double[][] b = new double[4 * config.heads()][];
    for (int h = 0; h < config.heads(); h++) {
      b[4 * h] = new double[dd * dd];
      b[4 * h + 1] = new double[dd * dd];
      b[4 * h + 2] = new double[dd * dd];
      b[4 * h + 3] = new double[n * dd];
    }
    return b;
  }

  /**
   * Weights from a flat array in the layout described above (copied).
   *
   * @throws IllegalArgumentException if the length is not {@link #size(ProblemConfig)} or an entry is not finite
   */
  public static AttentionWeights fromFlat(ProblemConfig config, double[] flat) {
    if (flat.length != size(config)) {
      throw new IllegalArgumentException("expected " + size(config) + " weights, got " + flat.length);
    }
    double[][] b = newBlocks(config);
    int pos = 0;
    for (double[] block : b) {
      System.arraycopy(flat, pos, block, 0, block.length);
      pos += block.length;
    }
    for (int i = 0; i < flat.length; i++) {
      if (!Double.isFinite(flat[i])) {
        throw new IllegalArgumentException("weight " + i + " is not finite: " + flat[i]);
      }
    }
    return new AttentionWeights(config, b);
  }

  /** Weights from per-head matrices (copied); shapes must be D×D for Q, K, V and n×D for O. */
  public static AttentionWeights of(ProblemConfig config, DMatrixRMaj[] q, DMatrixRMaj[] k, DMatrixRMaj[] v,
      DMatrixRMaj[] o) {
    int heads = config.heads();
    if (q.length != heads || k.length != heads || v.length != heads || o.length != heads) {
      throw new IllegalArgumentException("need " + heads + " matrices of each kind");
    }
    int dd = config.tokenDim();
    double[][] b = newBlocks(config);
    for (int h = 0; h < heads; h++) {
      copyChecked(q[h], dd, dd, b[4 * h], "Q");
      copyChecked(k[h], dd, dd, b[4 * h + 1], "K");
      copyChecked(v[h], dd, dd, b[4 * h + 2], "V");
      copyChecked(o[h], config.tasks(), dd, b[4 * h + 3], "O");
    }
    return new AttentionWeights(config, b);
  }

  private static void copyChecked(DMatrixRMaj m, int rows, int cols, double[] dest, String name) {
    if (m.numRows != rows || m.numCols != cols) {
      throw new IllegalArgumentException(name + " must be " + rows + "x" + cols + " (got " + m.numRows + "x" + m.numCols + ")");
    }
    System.arraycopy(m.data, 0, dest, 0, rows * cols);
  }

  /**
   * Decomposable, balanced weights with the given spectral state (MODEL.md §3): Q^h = K^h-up-to-sign =
   * Σ_j q_j^h I_{S_j} on the x-block with q_j^h = sqrt(|ω_j^h| √D) and k_j^h = sign(ω_j^h) q_j^h, so
   * ω = q k / √D; V^h and O^h diagonal on the y-block with v_i^h = sqrt(|μ_i^h|), o_i^h = sign(μ_i^h) v_i^h,
   * zero elsewhere. Conserved quantities q² − k² and o² − v² are zero.
   */
  public static AttentionWeights decomposable(ProblemConfig config, SpectralState state) {
    if (!state.hasShape(config.heads(), config.tasks())) {
      throw new IllegalArgumentException("state must be " + config.heads() + "x" + config.tasks());
    }
    int d = config.d();
    int dd = config.tokenDim();
    double rootD = FastMath.sqrt(dd);
    double[][] b = newBlocks(config);
    for (int h = 0; h < config.heads(); h++) {
      for (int j = 0; j < config.tasks(); j++) {
        double w = state.omega(h, j);
        double q = FastMath.sqrt(FastMath.abs(w) * rootD);
        double k = w < 0 ? -q : q;
        int start = config.blockStart(j);
        for (int c = start; c < start + config.blockSize(j); c++) {
          b[4 * h][c * dd + c] = q;
          b[4 * h + 1][c * dd + c] = k;
        }
        double m = state.mu(h, j);
        double v = FastMath.sqrt(FastMath.abs(m));
        b[4 * h + 2][(d + j) * dd + d + j] = v;
        b[4 * h + 3][j * dd + d + j] = m < 0 ? -v : v;
      }
    }
    return new AttentionWeights(config, b);
  }

  /**
   * The paper init of MODEL.md §5 in matrix form, every factor scaled by √{@code initScale} (so ω(0) and μ(0)
   * are multiplied by {@code initScale}).
   */
  public static AttentionWeights paperInit(ProblemConfig config, double initScale) {
    return decomposable(config, Initialisations.paper(config, initScale));
  }

  /**
   * These weights plus independent N(0, std²) noise on every entry (generator seeded with {@code seed}, entries
   * in flat order): a start off the decomposable set.
   */
  public AttentionWeights perturbed(double std, long seed) {
    if (!(std >= 0) || !Double.isFinite(std)) {
      throw new IllegalArgumentException("perturbation std must be finite and >= 0 (got " + std + ")");
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.state128(seed, 0));
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] flat = toFlat();
    for (int i = 0; i < flat.length; i++) {
      flat[i] += std * g.sample();
    }
    return fromFlat(config, flat);
  }

  /** The problem these weights belong to. */
  public ProblemConfig config() {
    return config;
  }

  /** Number of weights. */
  public int size() {
    return size(config);
  }

  /** A copy of all weights in the flat layout. */
  public double[] toFlat() {
    double[] flat = new double[size()];
    int pos = 0;
    for (double[] block : blocks) {
      System.arraycopy(block, 0, flat, pos, block.length);
      pos += block.length;
    }
    return flat;
  }

  /** Offset of matrix {@code m} (0 Q, 1 K, 2 V, 3 O) of head {@code h} in the flat layout. */
  public static int flatOffset(ProblemConfig config, int h, int m) {
    int dd = config.tokenDim();
    int perHead = 3 * dd * dd + config.tasks() * dd;
    if (h < 0 || h >= config.heads() || m < 0 || m > 3) {
      throw new IndexOutOfBoundsException("head " + h + " matrix " + m);
    }
    return h * perHead + m * dd * dd;
  }

  /** A copy of Q^h. */
  public DMatrixRMaj query(int h) {
    return matrix(h, 0);
  }

  /** A copy of K^h. */
  public DMatrixRMaj key(int h) {
    return matrix(h, 1);
  }

  /** A copy of V^h. */
  public DMatrixRMaj value(int h) {
    return matrix(h, 2);
  }

  /** A copy of O^h. */
  public DMatrixRMaj output(int h) {
    return matrix(h, 3);
  }

  private DMatrixRMaj matrix(int h, int m) {
    if (h < 0 || h >= config.heads()) {
      throw new IndexOutOfBoundsException("head " + h + " outside 0.." + (config.heads() - 1));
    }
    int rows = m == 3 ? config.tasks() : config.tokenDim();
    return new DMatrixRMaj(rows, config.tokenDim(), true, blocks[4 * h + m].clone());
  }

  /** The raw block array (no copy) for the kernel in this package; callers must not modify it. */
  double[] block(int index) {
    return blocks[index];
  }
}
