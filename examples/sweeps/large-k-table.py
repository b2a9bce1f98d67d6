#!/usr/bin/env python3
"""Issue 12 k-sweep table: init unitError and init seconds per k and seed, one column per store.

Usage: large-k-table.py LABEL=DIR [LABEL=DIR ...]   (DIR holds an ablate runs.jsonl)
"""
import json
import statistics
import sys

columns = [arg.split("=", 1) for arg in sys.argv[1:]]
cells = {}
for label, root in columns:
    with open(f"{root}/runs.jsonl") as f:
        for line in f:
            r = json.loads(line)
            k, seed = r["spec"]["k"], r["spec"]["seed"]
            init = r["init"] or {}
            diag = r.get("initializer") or {}
            cells.setdefault(k, {}).setdefault(label, []).append(
                (seed, init.get("unitError"), init.get("seconds"), diag))

print("| k | " + " | ".join(f"{l}: unitError seeds 1, 2, 3 (median) | {l}: init s"
                           for l, _ in columns) + " |")
print("|---|" + "---|---|" * len(columns))
for k in sorted(cells):
    row = [str(k)]
    for label, _ in columns:
        runs = sorted(cells[k].get(label, []), key=lambda t: t[0])
        errors = [e for _, e, _, _ in runs if e is not None]
        if not errors:
            row += ["not run", ""]
            continue
        text = ", ".join(f"{e:.3f}" for e in errors)
        row.append(f"{text} (**{statistics.median(errors):.3f}**)")
        secs = [s for _, _, s, _ in runs if s is not None]
        row.append(f"{min(secs):.0f}-{max(secs):.0f}")
    print("| " + " | ".join(row) + " |")
