package org.nnrecover.core.objective;

/**
 * Gets the JIT to compile {@link VectorTiles} before a run's first pass needs them. Until C2 has
 * compiled it, Vector API code runs as plain Java objects, hundreds of times slower than compiled:
 * in a fresh JVM the first calls on a 2048 x 100 block took 0.6 s each, and the first d = 100,
 * n = 10^5 initializer pass 1.8 s instead of about 0.05 s. {@link #start} runs the tiles on small
 * arrays, through every register-tile path, on a daemon thread, so that this happens while the
 * run makes its samples. Only the time changes, never a result.
 */
final class SimdWarmUp {
  /**
   * Calls: measured, the tiles on these shapes ran at compiled speed after about 8000 (1.2 s of
   * one thread under heavy load).
   */
  private static final int ROUNDS = 12000;

  private static boolean started;

  private SimdWarmUp() {}

  /** Starts the warm-up once per JVM (nothing to do without the Vector API). */
  static synchronized void start() {
    if (started || !(Tiles.BEST instanceof VectorTiles)) {
      return;
    }
    started = true;
    Thread thread = new Thread(() -> run(Tiles.BEST), "nnrecover-simd-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run(Tiles tiles) {
    // d = 13 and 21 rows: 16-sample tiles (one vector of units) and 8-sample ones, 8-column
    // (at most 2 vectors) and 4-column tiles, each with an overlapping last tile; kp = 5, 4, 2 and
    // 1 vectors: 3 + 2 vectors, 2 + 2, 2 and 1
    int d = 13;
    int rows = 21;
    int lanes = tiles.lanes();
    int[] widths = {5 * lanes, 4 * lanes, 2 * lanes, lanes};
    double[] x = new double[rows * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.sin(i + 1);
    }
    double[] w = new double[d * widths[0]];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.cos(i);
    }
    double[] z = new double[rows * widths[0]];
    double[] g = new double[d * widths[0]];
    for (int round = 0; round < ROUNDS; round++) {
      int kp = widths[round % widths.length];
      tiles.forward(x, 0, rows, d, kp, w, z);
      tiles.backward(x, 0, rows, d, kp, z, g);
    }
  }
}
