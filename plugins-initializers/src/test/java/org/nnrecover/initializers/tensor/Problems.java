package org.nnrecover.initializers.tensor;

import org.nnrecover.api.Activation;
import org.nnrecover.api.InitContext;
import org.nnrecover.api.Network;
import org.nnrecover.api.Params;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;
import org.nnrecover.core.data.SampleGenerator;
import org.nnrecover.core.data.Seeds;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.data.Teachers;
import org.nnrecover.core.theory.ActivationProfiles;
import org.nnrecover.initializers.SpectralInitializerProvider;
import org.nnrecover.initializers.TensorInitializerProvider;

/** A teacher, its samples and a context, made from one seed as the core would. */
record Problems(Network teacher, Samples samples, TestContext context) {

  static Problems make(TeacherKind kind, Activation activation, int d, int k, double kappa, int n,
      long seed, SampleReducer reducer) {
    Network teacher = Teachers.make(kind, d, k, kappa, Seeds.stream(seed, Seeds.TEACHER));
    Samples samples = SampleGenerator.generate(teacher, activation, n, 0, seed);
    TestContext context = new TestContext(samples, k, ActivationProfiles.of(activation),
        Seeds.mix(seed, Seeds.INITIALIZER), reducer);
    return new Problems(teacher, samples, context);
  }

  static Network tensor(InitContext context, java.util.Map<String, String> params) {
    TensorInitializerProvider provider = new TensorInitializerProvider();
    return provider.create(Params.resolve("tensor", provider.parameters(), params))
        .initialize(context);
  }

  static Network spectral(InitContext context) {
    SpectralInitializerProvider provider = new SpectralInitializerProvider();
    return provider.create(Params.defaults("spectral", provider.parameters()))
        .initialize(context);
  }
}
