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
    // d = 5: 4-column tiles and a last column; kp = 20, 16, 8, 4: 3 + 2 vectors, 2 + 2, 2, 1;
    // 5 rows: 4-row tiles and a last row
    int d = 5;
    int rows = 5;
    int[] widths = {20, 16, 8, 4};
    double[] x = new double[rows * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.sin(i + 1);
    }
    double[] w = new double[d * 20];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.cos(i);
    }
    double[] z = new double[rows * 20];
    double[] g = new double[d * 20];
    for (int round = 0; round < ROUNDS; round++) {
      int kp = widths[round % widths.length];
      tiles.forward(x, 0, rows, d, kp, w, z);
      tiles.backward(x, 0, rows, d, kp, z, g);
    }
  }
}
