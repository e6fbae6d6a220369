package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;

import io.github.softmaxicl.theory.ProblemConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The weight container's constructors and layout: per-head matrices land where the accessors and the flat layout
 * say (every entry distinct, so a misplaced or missing copy shows), shapes and head indices are checked, a zero
 * perturbation changes nothing, and non-finite weights are refused.
 */
class AttentionWeightsTest {
  private static final ProblemConfig C = ProblemConfig.of(3, new int[] {1, 2}, 2, 5, 0.0, 1.0);

  /** A rows×cols matrix whose entries encode (tag, row, col), all distinct. */
  private static DMatrixRMaj tagged(int rows, int cols, int tag) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m.set(i, j, tag * 1000 + i * 10 + j + 1);
      }
    }
    return m;
  }

  @Test
  void perHeadMatricesLandInTheirBlocks() {
    int dd = C.tokenDim();
    int n = C.tasks();
    DMatrixRMaj[][] mats = new DMatrixRMaj[4][2];
    for (int h = 0; h < 2; h++) {
      for (int kind = 0; kind < 4; kind++) {
        mats[kind][h] = tagged(kind == 3 ? n : dd, dd, 4 * h + kind + 1);
      }
    }
    AttentionWeights w = AttentionWeights.of(C, mats[0], mats[1], mats[2], mats[3]);
    double[] flat = w.toFlat();
    for (int h = 0; h < 2; h++) {
      DMatrixRMaj[] read = {w.query(h), w.key(h), w.value(h), w.output(h)};
      for (int kind = 0; kind < 4; kind++) {
        assertArrayEquals(mats[kind][h].data, read[kind].data, "head " + h + " matrix " + kind);
        int off = AttentionWeights.flatOffset(C, h, kind);
        for (int e = 0; e < mats[kind][h].data.length; e++) {
          assertEquals(mats[kind][h].data[e], flat[off + e], "head " + h + " matrix " + kind + " entry " + e);
        }
      }
    }
    assertEquals(AttentionWeights.size(C), flat.length);
    DMatrixRMaj[] one = {mats[0][0]};
    assertThrows(IllegalArgumentException.class, () -> AttentionWeights.of(C, one, mats[1], mats[2], mats[3]));
    assertThrows(IllegalArgumentException.class, () -> AttentionWeights.of(C, mats[0], one, mats[2], mats[3]));
    assertThrows(IllegalArgumentException.class, () -> AttentionWeights.of(C, mats[0], mats[1], one, mats[3]));
    assertThrows(IllegalArgumentException.class, () -> AttentionWeights.of(C, mats[0], mats[1], mats[2], one));
    DMatrixRMaj[] squareO = {tagged(dd, dd, 9), tagged(dd, dd, 9)};
    assertThrows(IllegalArgumentException.class, () -> AttentionWeights.of(C, mats[0], mats[1], mats[2], squareO));
    DMatrixRMaj[] wideQ = {tagged(dd, dd + 1, 9), tagged(dd, dd, 9)};
    assertThrows(IllegalArgumentException.class, () -> AttentionWeights.of(C, wideQ, mats[1], mats[2], mats[3]));
  }

  @Test
  void zerosFlatChecksAndZeroPerturbation() {
    double[] zero = AttentionWeights.zeros(C).toFlat();
    assertArrayEquals(new double[AttentionWeights.size(C)], zero);
    double[] flat = Fixtures.randomWeights(C, 1.0, 4L).toFlat();
    AttentionWeights w = AttentionWeights.fromFlat(C, flat);
    assertArrayEquals(flat, w.perturbed(0.0, 8L).toFlat(), "std 0 is allowed and changes nothing");
    assertThrows(IllegalArgumentException.class, () -> w.perturbed(-1e-3, 8L));
    double[] bad = flat.clone();
    bad[bad.length - 1] = Double.NaN;
    assertThrows(IllegalArgumentException.class, () -> AttentionWeights.fromFlat(C, bad));
  }

  /** Offsets exist for heads 0..H−1 and matrices 0..3 only; a bad head is reported with the valid range. */
  @Test
  void offsetsAndHeadIndicesAreChecked() {
    int dd = C.tokenDim();
    int perHead = 3 * dd * dd + C.tasks() * dd;
    assertEquals(perHead + 3 * dd * dd, AttentionWeights.flatOffset(C, 1, 3));
    assertEquals(0, AttentionWeights.flatOffset(C, 0, 0));
    assertThrowsExactly(IndexOutOfBoundsException.class, () -> AttentionWeights.flatOffset(C, 2, 0));
    assertThrowsExactly(IndexOutOfBoundsException.class, () -> AttentionWeights.flatOffset(C, -1, 0));
    assertThrowsExactly(IndexOutOfBoundsException.class, () -> AttentionWeights.flatOffset(C, 0, 4));
    assertThrowsExactly(IndexOutOfBoundsException.class, () -> AttentionWeights.flatOffset(C, 0, -1));
    AttentionWeights w = AttentionWeights.zeros(C);
    assertEquals(dd, w.query(1).numRows);
    IndexOutOfBoundsException e = assertThrowsExactly(IndexOutOfBoundsException.class, () -> w.query(2));
    assertEquals("head 2 outside 0..1", e.getMessage());
    assertThrowsExactly(IndexOutOfBoundsException.class, () -> w.output(-1));
  }
}
