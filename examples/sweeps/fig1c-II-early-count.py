#!/usr/bin/env python3
"""Approach II: the count of v_i = +1 is settled in the first iterations (v flips only while
|grad_v| > 1 / eta = 50). For several protocol variants, the fraction of seeds whose count matches
the teacher's after 20 iterations (it does not change later) - the ceiling of the success rate.
Usage: fig1c-II-early-count.py SEEDS"""
import importlib.util
import pathlib
import sys
import numpy as np

# the same seeds, teachers and samples as fig1c-II-numpy.py
_spec = importlib.util.spec_from_file_location(
    "fig1c_ii_numpy", pathlib.Path(__file__).with_name("fig1c-II-numpy.py"))
protocol = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(protocol)

d, k, n, kappa, eta = 10, 5, 10000, 2.0, 0.02
seeds = int(sys.argv[1])


def run(seed, variant):
    rng, X, Ws, vs, y = protocol.teacher_and_data(seed)
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
