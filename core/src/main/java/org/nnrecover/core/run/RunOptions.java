package org.nnrecover.core.run;

import java.util.List;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;

/**
 * Run-level options, set like plugin parameters under the {@code run} namespace (for example
 * {@code --set run.train-v=true}).
 *
 * @param trainV whether the optimizer trains v as well as W (the paper's approach II)
 * @param signV whether trained v is projected back to {-1, +1} after every step
 * @param resampleBatches number of disjoint batches; each iteration uses a fresh one (1 = off)
 * @param traceEvery keep every this-many iterations in the stored trace (the first and last are
 *     always kept)
 */
public record RunOptions(boolean trainV, boolean signV, int resampleBatches, int traceEvery) {
  /** The namespace of these options in specs and {@code --set}. */
  public static final String NAMESPACE = "run";

  /** The declared options. */
  public static final List<ParamSpec> PARAMETERS = List.of(
      ParamSpec.ofBoolean("train-v", false, "train the output weights v together with W"),
      ParamSpec.ofChoice("v-domain", "signs", List.of("signs", "real"),
          "when v is trained: signs projects v back to {-1, +1} after each step; real leaves it"),
      ParamSpec.ofInt("resample-batches", 1, 1, Integer.MAX_VALUE,
          "split the samples into this many disjoint batches, a fresh one per iteration (1 = off)"),
      ParamSpec.ofInt("trace-every", 1, 1, Integer.MAX_VALUE,
          "keep every this-many iterations in the run record's trace"));

  /** Reads the options from resolved parameters. */
  public static RunOptions from(Params params) {
    return new RunOptions(params.getBoolean("train-v"),
        params.getString("v-domain").equals("signs"), params.getInt("resample-batches"),
        params.getInt("trace-every"));
  }
}
