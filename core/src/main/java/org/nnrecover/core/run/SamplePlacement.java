package org.nnrecover.core.run;

import java.io.IOException;
import java.nio.file.Path;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Network;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;
import org.nnrecover.core.data.SampleFiles;
import org.nnrecover.core.data.SampleGenerator;
import org.nnrecover.core.objective.BlockLosses;
import org.nnrecover.core.parallel.BlockExecutor;

/**
 * Where a run's generated samples live and where the objective's block sums are computed. The
 * {@link #LOCAL} placement keeps them in this JVM; the Spark module's keeps them on its executors.
 * Everything else in a run (initializer, optimizer, metrics, record) is the same code either way.
 * {@link #LOCAL} holds no state; a placement that holds one run's samples (the Spark one) makes its
 * runner serve one spec at a time.
 */
public interface SamplePlacement {
  /** Samples generated in this JVM, block sums on the runner's threads. */
  SamplePlacement LOCAL = new SamplePlacement() {
    @Override
    public Samples generate(Network teacher, Activation activation, RunSpec spec,
        BlockExecutor executor) {
      return SampleGenerator.generate(teacher, activation, spec.n(), spec.noise(), spec.seed(),
          executor);
    }

    @Override
    public Samples read(Path file, int expectedD) throws IOException {
      return SampleFiles.read(file, expectedD);
    }

    @Override
    public BlockLosses losses(Samples samples, Activation activation, int k,
        BlockExecutor executor) {
      return BlockLosses.local(samples, activation, k, executor);
    }
  };

  /**
   * Makes the samples of {@code spec} (n, noise, seed) under {@code teacher}: the same numbers as
   * {@link SampleGenerator#generate}. What is returned is what this JVM sees of them (the
   * initializer reads it).
   */
  Samples generate(Network teacher, Activation activation, RunSpec spec, BlockExecutor executor);

  /**
   * Reads the samples of a data file or folder, {@link SampleFiles#read}: what is returned is what
   * this JVM sees of them.
   *
   * @throws IOException when the file cannot be read (malformed: {@code DataFileException})
   */
  Samples read(Path file, int expectedD) throws IOException;

  /** Where the objective's block sums over {@code samples} (generated or read) are computed. */
  BlockLosses losses(Samples samples, Activation activation, int k, BlockExecutor executor);

  /**
   * The block sums the initializer's passes over {@code samples} go through. Here: the runner's
   * threads. A placement that holds the blocks elsewhere runs {@link SampleReducer.PortableTask}s
   * there, with the same bits.
   */
  default SampleReducer reducer(Samples samples, BlockExecutor executor) {
    return executor;
  }
}
