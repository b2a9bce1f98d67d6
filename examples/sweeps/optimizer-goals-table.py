# Markdown table of optimizer-goals.yaml (issue 13): python3 optimizer-goals-table.py RUNS.jsonl...
# (several stores may be given, e.g. parts of the sweep run separately; a spec seen twice counts once)
# Cell: successes / runs, median passes over the samples (evaluations), median seconds of the
# optimizer; "div" counts diverged runs, "worse" runs that ended above their starting objective.
import json, statistics, sys, collections
seen, runs = set(), []
for path in sys.argv[1:]:
    for line in open(path):
        if line.strip():
            r = json.loads(line)
            key = json.dumps(r['spec'], sort_keys=True)
            if key not in seen:
                seen.add(key); runs.append(r)
rows = [('squared-relu', 2.0), ('squared-relu', 5.0), ('squared-relu', 10.0), ('relu', 2.0), ('tanh', 2.0)]
cols = ['gd auto', 'gd 0.02', 'nesterov auto', 'line-search', 'lbfgs', 'gauss-newton']
cell = collections.defaultdict(list)
for r in runs:
    cell[(r['spec']['activation'], r['spec']['kappa'], r['coordinates']['label'])].append(r)
print('| activation, kappa | ' + ' | '.join(cols) + ' |')
print('|---' * (len(cols) + 1) + '|')
for act, kappa in rows:
    out = [f'{act}, {kappa:g}']
    for c in cols:
        rs = cell.get((act, kappa, c), [])
        if not rs:
            out.append('not run'); continue
        ok = sum(1 for r in rs if r['final'] and r['final']['success'])
        passes = statistics.median(r['evaluations'] for r in rs)
        secs = statistics.median(r['final']['seconds'] for r in rs if r['final']) if any(r['final'] for r in rs) else float('nan')
        notes = []
        div = sum(1 for r in rs if r['outcome'] == 'diverged')
        worse = sum(1 for r in rs if r.get('worsened'))
        if div: notes.append(f'{div} div')
        if worse: notes.append(f'{worse} worse')
        out.append(f'{ok}/{len(rs)}, {passes:g}, {secs:.1f} s' + (f" ({', '.join(notes)})" if notes else ''))
    print('| ' + ' | '.join(out) + ' |')
