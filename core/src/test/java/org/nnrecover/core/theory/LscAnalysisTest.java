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
}
