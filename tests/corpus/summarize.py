#!/usr/bin/env python3
"""Summarises one tfgradlint JSON run over a repository (tests/corpus/run.sh).

  summarize.py DIR RUN.json START END   one repository's block, plus a data line
  summarize.py --total                  passes blocks through, adds the totals

Which files reach a framework header is decided here, independently of the
tool: #include lines are followed transitively (quoted includes relative to
the including file, then any header of the repository whose path ends with
the include), and a file reaches a framework when the closure names a
LibTorch or TensorFlow header."""
import json, os, re, sys
from collections import Counter

SOURCE = ('.c', '.cc', '.cpp', '.cxx')
HEADER = ('.h', '.hh', '.hpp', '.hxx')
FRAMEWORK = re.compile(r'^(torch/|ATen/|c10/|tensorflow/)')
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def index_headers(root):
    by_name = {}
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if not x.startswith('.')]
        for f in files:
            if f.endswith(HEADER):
                by_name.setdefault(f, []).append(os.path.join(d, f))
    return by_name


def includes_of(path, cache):
    if path not in cache:
        try:
            with open(path, errors='replace') as fh:
                cache[path] = INCLUDE.findall(fh.read())
        except OSError:
            cache[path] = []
    return cache[path]


def resolve(inc, frm, by_name):
    local = os.path.normpath(os.path.join(os.path.dirname(frm), inc))
    if os.path.isfile(local):
        return local
    cands = [p for p in by_name.get(os.path.basename(inc), []) if p.endswith('/' + inc) or p.endswith(inc)]
    return min(cands, key=lambda p: len(os.path.relpath(p, os.path.dirname(frm)))) if cands else None


def reaches_framework(path, by_name, cache, memo):
    seen, todo = set(), [path]
    while todo and len(seen) < 2000:
        cur = todo.pop()
        if cur in seen:
            continue
        seen.add(cur)
        if memo.get(cur):
            return True
        for inc in includes_of(cur, cache):
            if FRAMEWORK.match(inc):
                memo[path] = True
                return True
            hit = resolve(inc, cur, by_name)
            if hit:
                todo.append(hit)
    return False


def cause(error):
    m = re.search(r"'([^']+)' file not found", error)
    if m:
        return "missing header %s" % m.group(1).split('/')[0]
    for key in ("crashed", "timed out", "binary file", "cannot open", "libclang could not parse"):
        if key in error:
            return key
    m = re.search(r"error: (.*)", error)
    text = m.group(1) if m else error
    return re.sub(r"'[^']*'", "'X'", text)[:70]


def one_repo(root, run_json, start, end):
    try:
        with open(run_json) as fh:
            run = json.load(fh)
    except (OSError, ValueError) as e:
        print("%s: no JSON output (%s)" % (root, e))
        return
    by_name, cache, memo = index_headers(root), {}, {}
    files = run.get('files', [])
    st = Counter()
    causes = Counter()
    for f in files:
        path = f['path']
        fw = reaches_framework(path, by_name, cache, memo)
        st['files'] += 1
        st['framework'] += fw
        if f.get('status') == 'analyzed':
            kind = 'partial' if f.get('partial') or f.get('parse_errors') else 'full'
        else:
            kind = 'failed'
            causes[cause(f.get('error', ''))] += 1
        st[kind] += 1
        if fw:
            st['fw_' + kind] += 1
    rules = Counter(d['rule'] + ('w' if d['severity'] == 'warning' else '') for d in run.get('diagnostics', []))
    secs = float(end) - float(start)
    name = os.path.basename(os.path.normpath(root))
    print("== %s" % name)
    print("   files %d, reach a framework header %d; analysed fully %d, partially %d, failed %d "
          "(framework files: %d / %d / %d)" % (st['files'], st['framework'], st['full'], st['partial'],
                                                 st['failed'], st['fw_full'], st['fw_partial'], st['fw_failed']))
    if causes:
        print("   failures: " + "; ".join("%s x%d" % kv for kv in causes.most_common(6)))
    print("   findings: " + (", ".join("%s %d" % kv for kv in sorted(rules.items())) or "none"))
    print("   %.1f s, %.2f files/s" % (secs, st['files'] / secs if secs > 0 else 0))
    data = dict(st)
    data.update(name=name, seconds=secs, rules=dict(rules))
    print("DATA " + json.dumps(data))


def markdown_row(d):
    g = lambda k: d.get(k, 0)
    rules = ", ".join("%s %d" % kv for kv in sorted(d['rules'].items())) or "none"
    return "| %s | %d | %d | %d | %d | %d | %s | %.1f |" % (
        d['name'].replace('+', '/'), g('files'), g('framework'), g('fw_full'), g('fw_partial'), g('fw_failed'),
        rules, d['seconds'])


def total():
    tot, rules, n, table = Counter(), Counter(), 0, []
    for line in sys.stdin:
        if line.startswith("DATA "):
            d = json.loads(line[5:])
            n += 1
            table.append(markdown_row(d))
            rules.update(d.pop('rules'))
            d.pop('name')
            tot.update(d)
        else:
            sys.stdout.write(line)
    print("== per repository (markdown; framework files: fully / partially / failed)")
    print("| repository | files | reach a framework header | fully | partially | failed | findings | seconds |")
    print("|---|---:|---:|---:|---:|---:|---|---:|")
    print("\n".join(table))
    fw = tot['framework']
    ok = tot['fw_full'] + tot['fw_partial']
    print("== total over %d repositories" % n)
    print("   files %d, reach a framework header %d, of those analysed %d (%.1f%%): fully %d, partially %d, failed %d"
          % (tot['files'], fw, ok, 100.0 * ok / fw if fw else 0, tot['fw_full'], tot['fw_partial'], tot['fw_failed']))
    print("   findings: " + (", ".join("%s %d" % kv for kv in sorted(rules.items())) or "none"))
    secs = tot['seconds']
    print("   %.1f s, %.2f files/s" % (secs, tot['files'] / secs if secs else 0))


if __name__ == '__main__':
    if sys.argv[1:] == ['--total']:
        total()
    else:
        one_repo(*sys.argv[1:5])
