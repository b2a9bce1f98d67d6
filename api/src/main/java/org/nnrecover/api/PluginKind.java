package org.nnrecover.api;

/** The kinds of plugin nnrecover discovers, each a {@link java.util.ServiceLoader} service. */
public enum PluginKind {
  /** Activation functions phi, see {@link ActivationProvider}. */
  ACTIVATION("activation", ActivationProvider.class),
  /** Initial-point methods, see {@link InitializerProvider}. */
  INITIALIZER("initializer", InitializerProvider.class),
  /** Local-phase optimizers, see {@link OptimizerProvider}. */
  OPTIMIZER("optimizer", OptimizerProvider.class),
  /** Symmetric third-order tensor decompositions, see {@link TensorDecomposerProvider}. */
  TENSOR_DECOMPOSER("decomposer", TensorDecomposerProvider.class);

  private final String id;
  private final Class<? extends PluginProvider<?>> serviceType;

  PluginKind(String id, Class<? extends PluginProvider<?>> serviceType) {
    this.id = id;
    this.serviceType = serviceType;
  }

  /** The kind's name as users write it (for example in {@code nnrecover plugins}). */
  public String id() {
    return id;
  }

  /** The service interface that providers of this kind implement. */
  public Class<? extends PluginProvider<?>> serviceType() {
    return serviceType;
  }
}
