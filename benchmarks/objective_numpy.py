#!/usr/bin/env python3
"""Times one loss + gradient evaluation of nnrecover's objective with numpy, for comparison.

The same computation as ObjectiveKernelBenchmark (examples module, JMH): squared ReLU, fixed v,
f = 1/(2n) sum_j (sum_i v_i phi(w_i . x_j) - y_j)^2 with its gradient in W, at 1.01 times a random
teacher's W. numpy is optional for nnrecover's users and never needed by its tests.

Usage (one line; run it alternately with the Java benchmark, see BENCHMARKS.md):
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=2 python3 benchmarks/objective_numpy.py
Prints one line per shape: n, d, k, median and min milliseconds over the repetitions.
"""
import sys
import time

import numpy as np

SHAPES = [(200000, 100, 10), (100000, 100, 10), (50000, 500, 20), (1000000, 50, 5),
          (20000, 1000, 50), (10000, 10, 5)]


def loss_and_gradient(x, y, w, v):
    """Loss and gradient in W: Z = X W^T, r = phi(Z) v - y, grad = (1/n) (r v^T o phi'(Z))^T X."""
    n = x.shape[0]
    z = x @ w.T
    p = np.maximum(z, 0.0)
    r = (p * p) @ v - y
    coef = (2.0 * p) * (r[:, None] * v[None, :])
    return (r @ r) / (2.0 * n), (coef.T @ x) / n


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    rng = np.random.default_rng(1)
    for n, d, k in SHAPES:
        x = rng.standard_normal((n, d))
        w_true = np.linalg.qr(rng.standard_normal((d, k)))[0].T * np.linspace(1, 2, k)[:, None]
        v = rng.choice([-1.0, 1.0], size=k)
        y = (np.maximum(x @ w_true.T, 0.0) ** 2) @ v
        w = 1.01 * w_true
        for _ in range(3):
            loss_and_gradient(x, y, w, v)
        times = []
        for _ in range(repetitions):
            start = time.perf_counter()
            loss_and_gradient(x, y, w, v)
            times.append((time.perf_counter() - start) * 1e3)
        times.sort()
        print(f"n={n} d={d} k={k}  median {times[len(times) // 2]:.3f} ms  min {times[0]:.3f} ms",
              flush=True)
        del x, y


if __name__ == "__main__":
    main()
