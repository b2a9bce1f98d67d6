package org.nnrecover.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nnrecover.api.Network;
import org.nnrecover.core.data.Seeds;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.data.Teachers;

class LscAnalysisTest {

  /**
   * The random teacher is built as U diag(s) Q^T with s evenly spread over [1, kappa], so its
   * singular values are exactly s (to rounding), kappa = s_1 / s_k, and lambda = prod s_i / s_k^k.
   */
  @Test
  void singularValuesOfTheTeacherAreTheSpreadValues() {
    Network teacher = Teachers.make(TeacherKind.RANDOM, 9, 4, 4, Seeds.stream(3, Seeds.TEACHER));
    double[] s = LscAnalysis.singularValues(teacher);
    assertArrayEquals(new double[] {4, 3, 2, 1}, s, 1e-12);
  }

  /**
   * W = diag(1, 1e-9) rotated by 45 degrees in both spaces: singular values 1 and 1e-9, condition
   * number 1e9. W W^T has eigenvalues 1 and 1e-18, below the rounding of its entries (about 0.5
   * with errors of 1e-17), so the Gram route would return garbage or 0 for the small one.
   */
  @Test
  void singularValuesOfAnIllConditionedMatrixKeepTheSmallOne() {
    double small = 1e-9;
    // rows w_i of R diag(1, small) R^T with R the 45-degree rotation
    double[] w = {0.5 * (1 + small), 0.5 * (1 - small), 0.5 * (1 - small), 0.5 * (1 + small)};
    double[] s = LscAnalysis.singularValues(new Network(w, new double[] {1, 1}, 2));
    assertEquals(1, s[0], 1e-15);
    assertEquals(small, s[1], 1e-6 * small);
  }
}
