#!/usr/bin/env bash
# Reruns every command of docs/results.md sections 1, 2, 3a-3d and 4c, in the order written there,
# then prints the tables of those sections from the new result stores.
#   examples/sweeps/rerun-results-1-3.sh [R]            run everything into R, then print the tables
#   examples/sweeps/rerun-results-1-3.sh --tables [R]   only print the tables of an earlier run
# Use a fresh R (default /tmp/rerun-results) for a new rerun: a store already in R is resumed
# (ablate --resume keeps its runs), so that an interrupted rerun can be restarted.
# Each command's wall time and the load average are printed (on a shared machine: under load).
# Records are the same to the bit on any rerun of the same code, whatever the load or threads.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
tables_only=false
if [ "${1:-}" = "--tables" ]; then tables_only=true; shift; fi
R="${1:-/tmp/rerun-results}"
mkdir -p "$R"
nn=./nnrecover
sweeps=(init-table-1e4 init-table-1e5 tensor-gd-1e4 tensor-gd-1e5 fig1a-mid optimizers kappa
        kappa-line-search fig1c-relu fig1b-relu fig1a-relu)
if ! $tables_only; then
  for s in "${sweeps[@]}"; do
    resume=()
    [ -f "$R/$s/runs.jsonl" ] && resume=(--resume)
    start=$(date +%s)
    $nn ablate "examples/sweeps/$s.yaml" --out "$R/$s" --threads 2 "${resume[@]}" >"$R/$s.log" 2>&1
    echo "$s: $(wc -l <"$R/$s/runs.jsonl") runs, $(( $(date +%s) - start )) s wall (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  done
  # Section 4c: the tensor initializer alone for the odd/sigmoid activations, seeds 1..10.
  mkdir -p "$R/init-4c"
  start=$(date +%s)
  for a in tanh erf sigmoid; do
    for s in 1 2 3 4 5 6 7 8 9 10; do
      $nn run --activation "$a" --initializer tensor --optimizer gd --set gd.max-iterations=1 \
        -d 10 -k 5 -n 10000 --seed "$s" --format json >"$R/init-4c/$a-$s.json"
    done
  done
  echo "init-4c: 30 runs, $(( $(date +%s) - start )) s wall"
  # Summaries and charts (R/<sweep>/charts, R/<sweep>.report.txt).
  for s in fig1a-mid optimizers fig1c-relu fig1b-relu fig1a-relu; do
    $nn report "$R/$s" >"$R/$s.report.txt" 2>&1
  done
fi
echo "charts of docs/results.md: docs/img/results-fig1a-mid-success.png <- $R/fig1a-mid/charts/heatmap-success.png,"
echo "  results-optimizers-objective.png <- $R/optimizers/charts/convergence-objective.png,"
echo "  results-fig1c-relu-objective.png <- $R/fig1c-relu/charts/convergence-objective.png,"
echo "  results-fig1b-relu-init-error.png <- $R/fig1b-relu/charts/heatmap-init-error-activation-relu.png"

python3 examples/sweeps/init-table.py "$R"
python3 examples/sweeps/results-1-3-tables.py "$R"
