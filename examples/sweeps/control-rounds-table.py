#!/usr/bin/env python3
"""Control-variate rounds: init unitError median [min, max] (seeds in order), v right, init seconds
and the rounds kept, per (activation, k, tensor.control-rounds); the default when not set is 2.

Usage: control-rounds-table.py DIR [DIR ...]   (each DIR holds an ablate runs.jsonl)
"""
import collections
import json
import statistics
import sys

cells = collections.defaultdict(list)
for root in sys.argv[1:]:
    with open(f"{root}/runs.jsonl") as f:
        for line in f:
            r = json.loads(line)
            spec = r["spec"]
            rounds = spec["settings"].get("tensor", {}).get("control-rounds", "2 (default)")
            diag = r.get("initializer") or {}
            init = r["init"] or {}
            cells[(spec["activation"], spec["k"], rounds)].append(
                (spec["seed"], init.get("unitError"), init.get("signsCorrect"),
                 init.get("seconds"), diag.get("control.rounds-kept")))

print("| activation | k | control-rounds | unitError per seed | median [min, max] | v right |"
      " init s | rounds kept |")
print("|---|---|---|---|---|---|---|---|")
for key in sorted(cells):
    runs = sorted(cells[key])
    errors = [e for _, e, _, _, _ in runs if e is not None]
    if not errors:
        continue
    seconds = [s for _, _, _, s, _ in runs if s is not None]
    kept = [k for _, _, _, _, k in runs]
    print(f"| {key[0]} | {key[1]} | {key[2]} | {', '.join(f'{e:.3f}' for e in errors)} | "
          f"**{statistics.median(errors):.3f}** [{min(errors):.3f}, {max(errors):.3f}] | "
          f"{sum(1 for _, _, v, _, _ in runs if v)}/{len(runs)} | "
          f"{min(seconds):.1f}-{max(seconds):.1f} | {', '.join('-' if k is None else str(k) for k in kept)} |")
