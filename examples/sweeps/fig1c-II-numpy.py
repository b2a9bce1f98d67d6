#!/usr/bin/env python3
"""Approach II of Figure 1c written from the authors' MATLAB experiment (simultaneous W and v
steps at the old point, v -> sign(v) after each step, eta = 0.02, N(0,1) W0, sign(randn) v0),
in numpy, independent of nnrecover. Prints one line per seed: seed, success at 5000 and at 10000
iterations, whether the count of v_i = +1 is right at the end, iteration of success, final rel obj.
Usage: fig1c-II-numpy.py FIRST LAST [sequential]"""
import itertools
import sys
import numpy as np

d, k, n, kappa, eta, budget = 10, 5, 10000, 2.0, 0.02, 10000
sequential = __name__ == "__main__" and len(sys.argv) > 3 and sys.argv[3] == "sequential"
perms = list(itertools.permutations(range(k)))


def unit_error(ws, w):
    norms = np.linalg.norm(ws, axis=0)
    dist = np.linalg.norm(ws[:, :, None] - w[:, None, :], axis=0) / norms[:, None]  # [true, found]
    best = min(perms, key=lambda p: max(dist[j, p[j]] for j in range(k)))
    return max(dist[j, best[j]] for j in range(k)), best


def teacher_and_data(seed):
    """Seed's generator, samples X (d x n), teacher Ws (d x k), signs vs and labels y."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((d, n))
    U, _ = np.linalg.qr(rng.standard_normal((d, k)))
    Q, _ = np.linalg.qr(rng.standard_normal((k, k)))
    Ws = U @ np.diag(np.linspace(1, kappa, k)) @ Q.T
    vs = np.sign(rng.random(k) - 0.5)
    y = vs @ np.maximum(Ws.T @ X, 0) ** 2
    return rng, X, Ws, vs, y


def main():
    for seed in range(int(sys.argv[1]), int(sys.argv[2]) + 1):
        rng, X, Ws, vs, y = teacher_and_data(seed)
        ref = np.mean(y ** 2) / 2
        v = np.sign(rng.standard_normal(k))
        W = rng.standard_normal((d, k))
        ok5 = ok10 = False
        at = -1
        rel = np.nan
        with np.errstate(all="ignore"):
            for it in range(1, budget + 1):
                Z = W.T @ X
                P = np.maximum(Z, 0)
                phi = P ** 2
                r = v @ phi - y
                grad = X @ ((2 * P) * v[:, None] * r).T / n
                if it == 1:
                    g0 = np.linalg.norm(grad)
                W = W - eta * grad
                if sequential:  # v's gradient at the updated W (not the authors' order)
                    phi = np.maximum(W.T @ X, 0) ** 2
                    r = v @ phi - y
                gv = phi @ r / n
                v = np.sign(v - eta * gv)
                v[v == 0] = 1
                if not (np.all(np.isfinite(W)) and np.all(np.isfinite(v))):
                    break
                if np.linalg.norm(grad) < 1e-10 * g0:  # a stationary point: v can never change again
                    break
                if it % 10 == 0 or it == budget:
                    rel = np.mean((v @ np.maximum(W.T @ X, 0) ** 2 - y) ** 2) / 2 / ref
                    if not np.isfinite(rel):
                        break
                    if rel < 1e-10:
                        at = it
                        break
        err, best = unit_error(Ws, W) if np.all(np.isfinite(W)) else (np.inf, None)
        signs_count = bool(np.all(np.isfinite(v))) and int(np.sum(v)) == int(np.sum(vs))
        success = err <= 0.01 and best is not None and all(v[best[j]] == vs[j] for j in range(k))
        ok10 = success
        ok5 = success and 0 < at <= 5000
        print(seed, int(ok5), int(ok10), int(signs_count), at, f"{rel:.3g}", f"{err:.3f}", flush=True)


if __name__ == "__main__":
    main()
