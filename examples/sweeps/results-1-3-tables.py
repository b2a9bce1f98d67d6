# The tables and quoted numbers of docs/results.md sections 1 (beyond init-table.py), 2, 3a-3d and
# 4c, from the result stores that rerun-results-1-3.sh writes:
#   python3 results-1-3-tables.py ROOT
# ROOT/<sweep>/runs.jsonl for every sweep, ROOT/init-4c/<activation>-<seed>.json for section 4c.
# Missing stores are skipped. Success = the run record's final.success (unitError <= 0.01, v right).
import collections, glob, json, math, os, statistics, sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/rerun-results'


def load(name):
    path = f'{ROOT}/{name}/runs.jsonl'
    if not os.path.exists(path):
        return []
    return [json.loads(l) for l in open(path) if l.strip()]


def med(xs, fmt='{:.3f}'):
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return '-'
    return f"{fmt.format(statistics.median(xs))} [{fmt.format(xs[0])}, {fmt.format(xs[-1])}]"


def ok(r):
    return bool(r.get('final') and r['final'].get('success'))


def rel_trace(r):
    """(iteration, relative objective) of the trace: objective over the zero network's loss."""
    init = r.get('init')
    if not init or not init.get('relativeObjective'):
        return []
    zero = init['objective'] / init['relativeObjective']
    return [(t['iteration'], t['objective'] / zero) for t in r.get('trace', [])]


def first_at(r, level):
    for it, rel in rel_trace(r):
        if rel <= level:
            return it
    return None


def factor_last(r, span=1000):
    """Per-iteration factor of the objective over the last `span` iterations of the trace."""
    tr = rel_trace(r)
    if len(tr) < 2:
        return None
    it1, o1 = tr[-1]
    base = [(it, o) for it, o in tr if it <= it1 - span]
    if not base:
        return None
    it0, o0 = base[-1]
    return (o1 / o0) ** (1.0 / (it1 - it0)) if o0 > 0 and o1 > 0 else None


def key(r, *names):
    s = r['spec']
    out = []
    for n in names:
        if n in s:
            out.append(s[n])
        else:  # a dotted setting or a sweep label
            v = r.get('coordinates', {}).get(n)
            if v is None:
                group, _, p = n.partition('.')
                v = s.get('settings', {}).get(group, {}).get(p)
            out.append(v)
    return tuple(out)


def wall(rs):
    return f"sum of run seconds {sum(r['seconds'] for r in rs):.0f} s"


def section(t):
    print(f'\n==================== {t}')


def sweep_section(title, name):
    """Prints the section header and the store's run count; returns its records (empty if absent)."""
    section(title)
    rs = load(name)
    if rs:
        print(f"{len(rs)} runs, {wall(rs)}")
    return rs


# ---------------------------------------------------------------------------- section 1 extras
section('1. tensor + gd details (init-table.py prints the main table)')
for tag in ['1e4', '1e5']:
    gd = load(f'tensor-gd-{tag}')
    init = load(f'init-table-{tag}')
    by = collections.defaultdict(list)
    for r in gd:
        by[r['spec']['activation']].append(r)
    for a, rs in by.items():
        rs.sort(key=lambda r: r['spec']['seed'])
        outs = collections.Counter(r['outcome'] for r in rs)
        caps = collections.Counter(r['stopReason'] for r in rs)
        print(f"n={tag} {a}: success {sum(map(ok, rs))}/{len(rs)}, outcomes {dict(outs)}, stops {dict(caps)}, "
              f"iterations {med([r['iterations'] for r in rs], '{:.0f}')}, "
              f"final unitError {med([r['final']['unitError'] for r in rs if r['final']], '{:.2g}')}, "
              f"init relObj median {statistics.median(r['init']['relativeObjective'] for r in rs):.3g}, "
              f"final relObj median {statistics.median(r['final']['relativeObjective'] for r in rs):.3g}, "
              f"run seconds {med([r['seconds'] for r in rs], '{:.0f}')}")
        fails = [r for r in rs if not ok(r)]
        for r in fails:
            print(f"    fail seed {r['spec']['seed']}: {r['outcome']} after {r['iterations']}, final unitError "
                  f"{r['final']['unitError'] if r['final'] else None:.3g}, v right {r['final']['signsCorrect'] if r['final'] else None}")
    tens = [r for r in init if r['spec']['initializer'] == 'tensor']
    byi = collections.defaultdict(list)
    for r in tens:
        byi[r['spec']['activation']].append(r)
    for a, rs in byi.items():
        rs.sort(key=lambda r: r['spec']['seed'])
        fall = [(r['spec']['seed'], sum(1 for m in r['initializer'].get('magnitudes.per-unit', []) if m != 'ratio'))
                for r in rs]
        fall = [f for f in fall if f[1]]
        worst = max(rs, key=lambda r: r['init']['unitError'] if r.get('init') else -1)
        print(f"n={tag} tensor init {a}: init relObj median {statistics.median(r['init']['relativeObjective'] for r in rs if r.get('init')):.3g}; "
              "per seed " + ' '.join(f"{r['init']['unitError']:.3f}" for r in rs if r.get('init')) + "; "
              f"worst seed {worst['spec']['seed']} (directionError {worst['init']['directionError']:.3f}); "
              f"runs with non-ratio magnitudes (seed, units): {fall}")
    for ini in ['spectral', 'random']:
        print(f"n={tag} {ini}: init relObj median by activation: " + ', '.join(
            f"{a} {statistics.median(r['init']['relativeObjective'] for r in init if r['spec']['initializer'] == ini and r['spec']['activation'] == a):.3g}"
            for a in byi))
    print(f"n={tag}: {wall(init)} (init), {wall(gd)} (gd)")

# ---------------------------------------------------------------------------- section 2
section('2. fig1a-mid')
rs = load('fig1a-mid')
if rs:
    ds = sorted({r['spec']['d'] for r in rs})
    ns = sorted({r['spec']['n'] for r in rs})
    cell = collections.defaultdict(list)
    for r in rs:
        cell[(r['spec']['d'], r['spec']['n'])].append(r)
    print(f"{len(rs)} runs, outcomes {dict(collections.Counter(r['outcome'] for r in rs))}, "
          f"failed in the initializer {sum(1 for r in rs if not r.get('init'))}; {wall(rs)}")
    for r in rs:
        if r['outcome'] not in ('converged', 'budget-exhausted'):
            print(f"  {r['outcome']}: d={r['spec']['d']} n={r['spec']['n']} seed={r['spec']['seed']} "
                  f"init unitError {r['init']['unitError'] if r.get('init') else None}")
    print('\n| d \\ n | ' + ' | '.join(map(str, ns)) + ' |')
    print('|---|' + '---|' * len(ns))
    for d in ds:
        print(f'| {d} | ' + ' | '.join(str(sum(map(ok, cell[(d, n)]))) for n in ns) + ' |')
    print('\nmedian init unitError:')
    for d in ds:
        print(f'  d={d}: ' + ' '.join(f"{statistics.median(r['init']['unitError'] for r in cell[(d, n)]):.2f}" for n in ns))
    for level, need in [('80%', 4), ('100%', 5)]:
        th = {}
        for d in ds:
            t = None
            for n in reversed(ns):
                if sum(map(ok, cell[(d, n)])) >= need:
                    t = n
                else:
                    break
            th[d] = t
        pts = [(d, n) for d, n in th.items() if n]
        fit = ''
        if len(pts) >= 2:
            xs = [math.log(d) for d, _ in pts]
            ys = [math.log(n) for _, n in pts]
            mx, my = statistics.mean(xs), statistics.mean(ys)
            slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
            per = sum(d * n for d, n in pts) / sum(d * d for d, _ in pts)
            fit = f"log-log slope {slope:.2f} over d = {[d for d, _ in pts]}; {per:.0f} samples per dimension (least squares through 0)"
        print(f"threshold {level}: " + ', '.join(f"d={d}: {th[d] or 'not reached'}" for d in ds) + f"; {fit}")
    fails = [r for r in rs if not ok(r)]
    vwrong = [r for r in fails if r.get('init') and not r['init']['signsCorrect']]
    small = [r for r in fails if r['spec']['n'] <= 500]
    print(f"failures {len(fails)}: v wrong at the start {len(vwrong)}; at n <= 500: {len(small)} "
          f"(v wrong {sum(1 for r in small if r.get('init') and not r['init']['signsCorrect'])}); at n > 500: {len(fails) - len(small)}")
    for r in sorted(fails, key=lambda r: (r['spec']['n'], r['spec']['d'])):
        if r['spec']['n'] > 500:
            print(f"  n>500 fail d={r['spec']['d']} n={r['spec']['n']} seed={r['spec']['seed']} {r['outcome']} "
                  f"init unitError {r['init']['unitError']:.2f} v right {r['init']['signsCorrect']} final unitError {r['final']['unitError']:.3g}")

# ---------------------------------------------------------------------------- section 3a
rs = sweep_section('3a. optimizers', 'optimizers')
if rs:
    cell = collections.defaultdict(list)
    for r in rs:
        cell[(r['spec']['activation'], r['spec']['optimizer'])].append(r)
    for a in ['squared-relu', 'relu']:
        ini = [r['init']['unitError'] for r in rs if r['spec']['activation'] == a and r['spec']['optimizer'] == 'gd']
        print(f"{a}: init unitError median {statistics.median(ini):.3f}; init seconds "
              f"{med([r['init']['seconds'] for r in rs if r['spec']['activation'] == a], '{:.2f}')}")
    print('\n| activation | optimizer | success | iterations | evaluations | seconds | final unitError |')
    print('|---|---|---|---|---|---|---|')
    meds = {}
    for a in ['squared-relu', 'relu']:
        for o in ['gd', 'nesterov', 'line-search']:
            c = cell[(a, o)]
            meds[(a, o)] = [statistics.median(r[x] for r in c) for x in ('iterations', 'evaluations', 'seconds')]
            print(f"| {a} | {o} | {sum(map(ok, c))}/{len(c)} | {med([r['iterations'] for r in c], '{:.0f}')} | "
                  f"{statistics.median(r['evaluations'] for r in c):.0f} | {med([r['seconds'] for r in c], '{:.1f}')} | "
                  f"{statistics.median(r['final']['unitError'] for r in c):.1e} |")
    for a in ['squared-relu', 'relu']:
        g = meds[(a, 'gd')]
        for o in ['nesterov', 'line-search']:
            m = meds[(a, o)]
            print(f"{a} gd / {o}: iterations {g[0] / m[0]:.1f}x, evaluations {g[1] / m[1]:.1f}x, seconds {g[2] / m[2]:.1f}x")

# ---------------------------------------------------------------------------- section 3b
section('3b. kappa')
gd, ls = load('kappa'), load('kappa-line-search')
if gd and ls:
    print(f"gd {len(gd)} runs ({wall(gd)}), line-search {len(ls)} runs ({wall(ls)})")
    cg, cl = collections.defaultdict(list), collections.defaultdict(list)
    for r in gd:
        cg[(r['spec']['kappa'], r['spec']['initializer'])].append(r)
    for r in ls:
        cl[(r['spec']['kappa'], r['spec']['initializer'])].append(r)
    same = all(abs(a['init']['unitError'] - b['init']['unitError']) == 0
               for k in cg for a, b in zip(sorted(cg[k], key=lambda r: r['spec']['seed']),
                                           sorted(cl[k], key=lambda r: r['spec']['seed'])))
    print(f"initial unitErrors of the two sweeps identical: {same}")
    inits = ['tensor', 'spectral', 'random']
    print('\n| kappa | tensor | v right | spectral | v right | random | v right | success, gd (T / S / R) | success, line-search (T / S / R) |')
    print('|---|---|---|---|---|---|---|---|---|')
    for kp in sorted({k for k, _ in cg}):
        row = [f'{kp:g}']
        for i in inits:
            c = cg[(kp, i)]
            row.append(med([r['init']['unitError'] for r in c], '{:.3g}'))
            row.append(f"{sum(1 for r in c if r['init']['signsCorrect'])}/{len(c)}")
        row.append(' / '.join(str(sum(map(ok, cg[(kp, i)]))) for i in inits))
        row.append(' / '.join(str(sum(map(ok, cl[(kp, i)]))) for i in inits))
        print('| ' + ' | '.join(row) + ' |')
    for name, c in [('gd', cg), ('line-search', cl)]:
        for kp in sorted({k for k, _ in c}):
            for i in inits:
                rs_ = c[(kp, i)]
                okits = [r['iterations'] for r in rs_ if ok(r)]
                outs = collections.Counter(r['outcome'] for r in rs_)
                div = [r['iterations'] for r in rs_ if r['outcome'] == 'diverged']
                fails = [(r['spec']['seed'], r['outcome'], r['init']['signsCorrect'], round(r['final']['unitError'], 3) if r['final'] else None)
                         for r in rs_ if not ok(r)]
                print(f"  {name} kappa={kp:g} {i}: success iterations median {statistics.median(okits) if okits else '-'}; "
                      f"outcomes {dict(outs)}; diverged after {div}; failures (seed, outcome, v right at start, final unitError) {fails}")

# ---------------------------------------------------------------------------- section 3c
rs = sweep_section('3c. fig1c-relu', 'fig1c-relu')
if rs:
    print('\n| activation | approach | recovered | final relative objective | final unitError | reached 1e-6 / 1e-8 |')
    print('|---|---|---|---|---|---|')
    for a in ['relu', 'leaky-relu']:
        for lab in ['I', 'II', 'III']:
            c = sorted([r for r in rs if r['spec']['activation'] == a and r['coordinates'].get('label') == lab],
                       key=lambda r: r['spec']['seed'])
            r6 = [first_at(r, 1e-6) for r in c]
            r8 = [first_at(r, 1e-8) for r in c]
            n6 = [x for x in r6 if x is not None]
            print(f"| {a} | {lab} | {sum(map(ok, c))}/{len(c)} | {med([r['final']['relativeObjective'] for r in c], '{:.2g}')} | "
                  f"{med([r['final']['unitError'] for r in c], '{:.2g}')} | {len(n6)}/{len(c)}"
                  f"{f' (median {statistics.median(n6):.0f} it.)' if n6 else ''} / {sum(x is not None for x in r8)}/{len(c)} |")
            for r in c:
                f = factor_last(r)
                print(f"    seed {r['spec']['seed']}: {r['outcome']} it {r['iterations']}, factor over last 1000 it "
                      f"{f:.5f}, final relObj {r['final']['relativeObjective']:.3g}, unitError {r['final']['unitError']:.3g}, "
                      f"v right at end {r['final']['signsCorrect']}")
rs = sweep_section('3c. fig1b-relu', 'fig1b-relu')
if rs:
    ds = sorted({r['spec']['d'] for r in rs})
    print('\n| activation | n | ' + ' | '.join(f'd = {d}' for d in ds) + ' |')
    print('|---|---|' + '---|' * len(ds))
    for a in ['relu', 'leaky-relu']:
        for n in sorted({r['spec']['n'] for r in rs}):
            vals = []
            for d in ds:
                c = [r['init']['unitError'] for r in rs if key(r, 'activation', 'n', 'd') == (a, n, d)]
                vals.append(f'{statistics.median(c):.3g}')
            print(f"| {a} | {n} | " + ' | '.join(vals) + ' |')
    print(f"v wrong at the start: {sum(1 for r in rs if not r['init']['signsCorrect'])} of {len(rs)}; "
          f"inertia cross-check flipped a sign in {sum(1 for r in rs if r['initializer'].get('inertia.flipped'))}")

# ---------------------------------------------------------------------------- section 3d
rs = sweep_section('3d. fig1a-relu', 'fig1a-relu')
if rs:
    ns = sorted({r['spec']['n'] for r in rs})
    print('\n| activation | d \\ n | ' + ' | '.join(map(str, ns)) + ' |')
    print('|---|---|' + '---|' * len(ns))
    for a in ['relu', 'leaky-relu']:
        for d in sorted({r['spec']['d'] for r in rs}):
            print(f'| {a} | {d} | ' + ' | '.join(
                str(sum(1 for r in rs if key(r, 'activation', 'd', 'n') == (a, d, n) and ok(r))) for n in ns) + ' |')
    for a in ['relu', 'leaky-relu']:
        for d in sorted({r['spec']['d'] for r in rs}):
            print(f'  median init unitError {a} d={d}: ' + ' '.join(
                f"{statistics.median(r['init']['unitError'] for r in rs if key(r, 'activation', 'd', 'n') == (a, d, n)):.2f}" for n in ns))
    for r in rs:
        if not ok(r):
            print(f"  fail {r['spec']['activation']} d={r['spec']['d']} n={r['spec']['n']} seed={r['spec']['seed']}: "
                  f"{r['outcome']} ({r['stopReason']}) after {r['iterations']}, init v right {r['init']['signsCorrect']}, "
                  f"init unitError {r['init']['unitError']:.2f}, final unitError {r['final']['unitError']:.3g}")

# ---------------------------------------------------------------------------- section 4c
section('4c. tanh, erf, sigmoid at n = 10^4 (tensor initializer, seeds 1..10)')
files = glob.glob(f'{ROOT}/init-4c/*.json')
if files:
    recs = collections.defaultdict(dict)
    for f in files:
        r = json.load(open(f))
        recs[r['spec']['activation']][r['spec']['seed']] = r
    for a in ['tanh', 'erf', 'sigmoid']:
        seeds = sorted(recs[a])
        errs = [recs[a][s]['init']['unitError'] for s in seeds]
        print(f"| {a} | {med(errs)} |  (seeds {seeds[0]}..{seeds[-1]}, v right "
              f"{sum(1 for s in seeds if recs[a][s]['init']['signsCorrect'])}/{len(seeds)})")
        print(f"   per seed: {' '.join(f'{e:.3f}' for e in errs)}")
        print("   directionError per seed: " + ' '.join(f"{recs[a][s]['init']['directionError']:.2f}" for s in seeds))
        print("   combined gap ratio per seed: " + ' '.join(f"{recs[a][s]['initializer'].get('subspace.gap-ratio', float('nan')):.2f}" for s in seeds))
