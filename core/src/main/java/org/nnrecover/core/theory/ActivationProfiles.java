package org.nnrecover.core.theory;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.Params;

/**
 * Builds the numerically derived {@link ActivationProfile} of any activation, and caches it per
 * (plugin name, parameters) so that every run with the same activation shares one profile.
 */
public final class ActivationProfiles {
  private static final ConcurrentHashMap<Params, Profile> CACHE = new ConcurrentHashMap<>();

  private ActivationProfiles() {}

  /**
   * The profile of the activation plugin {@code params.plugin()} made with {@code params}; cached.
   *
   * @param params the validated parameters the activation was made with (they name the plugin)
   * @param activation the working object those parameters made
   */
  public static Profile of(Params params, Activation activation) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(activation, "activation");
    return CACHE.computeIfAbsent(params, p -> new Profile(activation));
  }

  /** The profile of a bare activation (not cached: the caller keeps it). */
  public static Profile of(Activation activation) {
    return new Profile(Objects.requireNonNull(activation, "activation"));
  }

  /**
   * The profile itself: tensor orders are computed once at construction, the moments at a sigma on
   * demand (about 2000 evaluations of phi and phi'), with the most recent sigma remembered because
   * callers usually ask for several quantities at the same sigma.
   */
  public static final class Profile implements ActivationProfile {
    private final Activation activation;
    private final TensorOrders orders;
    private final String nonFinite;
    private volatile GaussianMoments last;

    private Profile(Activation activation) {
      this.activation = activation;
      GaussianMoments[] grid = new GaussianMoments[TensorOrders.SIGMA_GRID.length];
      for (int s = 0; s < grid.length; s++) {
        grid[s] = GaussianMoments.of(activation, TensorOrders.SIGMA_GRID[s]);
      }
      this.orders = TensorOrders.from(grid);
      String firstNonFinite = null;
      for (int s = 0; s < grid.length && firstNonFinite == null; s++) {
        firstNonFinite = grid[s].nonFinite();
      }
      this.nonFinite = firstNonFinite;
      this.last = grid[4];
    }

    /**
     * Where phi or phi' returned a non-finite value on Gaussian inputs of the scales the profile
     * examines ({@code phi(z) = NaN, ...}), or null when every value was finite. A profile with
     * non-finite values has meaningless moments and tensor orders: nothing may be decided from it.
     */
    public String nonFinite() {
      return nonFinite;
    }

    /** Every expectation at {@code sigma}, from one pass over the quadrature nodes. */
    public GaussianMoments moments(double sigma) {
      GaussianMoments m = last;
      if (m.sigma() == sigma) {
        return m;
      }
      m = GaussianMoments.of(activation, sigma);
      last = m;
      return m;
    }

    /** The tensor orders j2, j3, l1, l2 (METHOD.md section 4). */
    public TensorOrders orders() {
      return orders;
    }

    @Override
    public Activation activation() {
      return activation;
    }

    @Override
    public double hermite(int j, double sigma) {
      return moments(sigma).hermite(j);
    }

    @Override
    public double alpha(int q, double sigma) {
      return moments(sigma).alpha(q);
    }

    @Override
    public double beta(int q, double sigma) {
      return moments(sigma).beta(q);
    }

    @Override
    public double rho(double sigma) {
      return moments(sigma).rho();
    }

    @Override
    public OptionalDouble homogeneityDegree() {
      return activation.homogeneityDegree();
    }

    @Override
    public OptionalInt j2() {
      return optional(orders.j2());
    }

    @Override
    public OptionalInt j3() {
      return optional(orders.j3());
    }

    @Override
    public OptionalInt l1() {
      return optional(orders.l1());
    }

    @Override
    public OptionalInt l2() {
      return optional(orders.l2());
    }

    private static OptionalInt optional(Integer order) {
      return order == null ? OptionalInt.empty() : OptionalInt.of(order);
    }
  }
}
