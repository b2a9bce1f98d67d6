# Markdown table of the issue-4 sweeps: python3 init-table.py [ROOT] (reads ROOT/<sweep>/runs.jsonl, ROOT defaults to /tmp/tables)
import json, statistics, sys, collections
ROOT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/tables'
def load(name):
    try: return [json.loads(l) for l in open(f'{ROOT}/{name}/runs.jsonl') if l.strip()]
    except FileNotFoundError: return []
acts=['squared-relu','relu','leaky-relu','sigmoid','tanh','erf']
def med(xs):
    xs=sorted(xs); return f"{statistics.median(xs):.3f} [{xs[0]:.3f}, {xs[-1]:.3f}]" if xs else '-'
for n,tag in [(10000,'1e4'),(100000,'1e5')]:
    init=load(f'init-table-{tag}'); gd=load(f'tensor-gd-{tag}')
    cell=collections.defaultdict(list)
    for r in init:
        cell[(r['spec']['activation'],r['spec']['initializer'])].append(r)
    g=collections.defaultdict(list)
    for r in gd: g[r['spec']['activation']].append(r)
    print(f"\n| n = {n} | tensor init unitError | v right | spectral init unitError | v right | random init unitError | v right | tensor + gd success |")
    print("|---|---|---|---|---|---|---|---|")
    for a in acts:
        row=[a]
        for ini in ['tensor','spectral','random']:
            rs=cell[(a,ini)]
            ok=[r for r in rs if r.get('init')]
            row.append(med([r['init']['unitError'] for r in ok]))
            row.append(f"{sum(1 for r in ok if r['init']['signsCorrect'])}/{len(ok)}" if ok else '-')
        rs=g[a]
        outs=collections.Counter(r['outcome'] for r in rs)
        its=sorted(r['iterations'] for r in rs)
        row.append(f"{sum(1 for r in rs if r['final'] and r['final']['success'])}/{len(rs)} ({', '.join(f'{k} {v}' for k,v in outs.items())}; median {statistics.median(its):.0f} iterations)" if rs else '-')
        print('| '+' | '.join(row)+' |')
