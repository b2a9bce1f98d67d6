package org.nnrecover.core.data;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from one 64-bit seed, one per purpose ("teacher", "samples",
 * "noise", "initializer", "optimizer"...), so that changing one part of a run (say the optimizer)
 * never changes the numbers another part draws.
 */
public final class Seeds {
  /** Stream for the ground-truth network. */
  public static final String TEACHER = "teacher";
  /** Stream for the inputs x. */
  public static final String SAMPLES = "samples";
  /** Stream for the label noise. */
  public static final String NOISE = "noise";
  /** Stream handed to the initializer. */
  public static final String INITIALIZER = "initializer";
  /** Stream for the optimizer's run options (resampling order). */
  public static final String OPTIMIZER = "optimizer";

  private Seeds() {}

  /** The stream for {@code role} under {@code seed}. */
  public static SplittableRandom stream(long seed, String role) {
    return new SplittableRandom(mix(seed, role));
  }

  /**
   * The stream for block {@code block} of {@code role} under {@code seed}: each block of a
   * generated sample set has its own stream, so that any block can be drawn alone (on any thread or
   * machine) with the same numbers as in the whole set.
   */
  public static SplittableRandom blockStream(long seed, String role, int block) {
    return new SplittableRandom(mix(mix(seed, role), "block " + block));
  }

  /** A 64-bit seed derived from {@code seed} and a role name (also used for per-run seeds). */
  public static long mix(long seed, String role) {
    long h = 0xcbf29ce484222325L; // FNV-1a over the role bytes, then SplitMix64 finalization
    for (byte b : role.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    long z = seed * 0x9e3779b97f4a7c15L + h;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
