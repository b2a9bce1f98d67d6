#!/usr/bin/env python3
"""Approach II of Figure 1c over many seeds (fig1c-II-200.yaml): success within 5000 and within
10000 iterations, how the failures end, Clopper-Pearson intervals and Fisher tests against the
counts quoted in issue 12 (35/200 for nnrecover's reproduction, 55/200 for an independent one).

Usage: fig1c-II-table.py DIR   (DIR holds the sweep's runs.jsonl)
"""
import collections
import json
import sys

from scipy.stats import beta, fisher_exact

runs = [json.loads(line) for line in open(f"{sys.argv[1]}/runs.jsonl")]
n = len(runs)


def succeeded_by(r, limit):
    if not r["final"]["success"]:
        return False
    return any(row["iteration"] <= limit and row.get("unitError") is not None
               and row["unitError"] <= 0.01 for row in r["trace"])


def interval(x, total):
    lo = beta.ppf(0.025, x, total - x + 1) if x > 0 else 0.0
    hi = beta.ppf(0.975, x + 1, total - x) if x < total else 1.0
    return f"[{100 * lo:.1f} %, {100 * hi:.1f} %]"


for limit in (5000, 10000):
    x = sum(succeeded_by(r, limit) for r in runs)
    line = f"within {limit} iterations: {x}/{n} = {100 * x / n:.1f} % {interval(x, n)}"
    for label, (a, b) in (("35/200", (35, 200)), ("55/200", (55, 200))):
        p = fisher_exact([[x, n - x], [a, b - a]])[1]
        line += f"; Fisher p vs {label} {p:.3f}"
    print(line)
iters = sorted(r["iterations"] for r in runs if r["final"]["success"])
print("iterations of the successes:", iters)
ends = collections.Counter(
    (r["stopReason"] or r["outcome"], "count of v_i = +1 right" if r["final"]["signsCorrect"]
     else "count of v_i = +1 wrong") for r in runs if not r["final"]["success"])
for (reason, signs), c in sorted(ends.items(), key=lambda t: -t[1]):
    print(f"failures: {c:3d} {reason}, {signs}")
right = sum(1 for r in runs if r["final"]["signsCorrect"])
print(f"count of v_i = +1 right at the end: {right}/{n}; of those recovered: "
      f"{sum(1 for r in runs if r['final']['success'])}")
