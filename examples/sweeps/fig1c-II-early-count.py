#!/usr/bin/env python3
"""Approach II: the count of v_i = +1 is settled in the first iterations (v flips only while
|grad_v| > 1 / eta = 50). For several protocol variants, the fraction of seeds whose count matches
the teacher's after 20 iterations (it does not change later) - the ceiling of the success rate.
Usage: early-count.py SEEDS"""
import sys
import numpy as np

d, k, n, kappa, eta = 10, 5, 10000, 2.0, 0.02
seeds = int(sys.argv[1])


def run(seed, variant):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((d, n))
    U, _ = np.linalg.qr(rng.standard_normal((d, k)))
    Q, _ = np.linalg.qr(rng.standard_normal((k, k)))
    Ws = U @ np.diag(np.linspace(1, kappa, k)) @ Q.T
    vs = np.sign(rng.random(k) - 0.5)
    y = vs @ np.maximum(Ws.T @ X, 0) ** 2
    v = np.sign(rng.standard_normal(k))
    W = rng.standard_normal((d, k)) * (1 / np.sqrt(d) if variant == "W0 ~ N(0, 1/d)" else 1)
    v0 = v.copy()
    scale = 2 if variant == "loss without the 1/2" else 1
    with np.errstate(all="ignore"):
        for it in range(20):
            P = np.maximum(W.T @ X, 0)
            phi = P ** 2
            r = v @ phi - y
            grad = scale * X @ ((2 * P) * v[:, None] * r).T / n
            W = W - eta * grad
            if variant == "v's gradient at the updated W":
                phi = np.maximum(W.T @ X, 0) ** 2
                r = v @ phi - y
            if variant != "v never updated":
                v = np.sign(v - eta * scale * (phi @ r / n))
            if not np.all(np.isfinite(v)):
                return False, False
    return int(v.sum()) == int(vs.sum()), int(v0.sum()) == int(vs.sum())


for variant in ["authors' code (simultaneous steps)", "v's gradient at the updated W",
                "loss without the 1/2", "W0 ~ N(0, 1/d)", "v never updated"]:
    right = initial = 0
    for seed in range(1, seeds + 1):
        a, b = run(seed, variant)
        right += a
        initial += b
    print(f"{variant}: count right after 20 iterations {right}/{seeds}"
          f" (right at the start {initial}/{seeds})", flush=True)
