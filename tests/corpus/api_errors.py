#!/usr/bin/env python3
"""tests/corpus/api_errors.py: classify the parse errors of a zero-config run
(TFGRADLINT_DUMP_PARSE_ERRORS lines on stdin; see api_errors.sh) and count the
ones about the LibTorch API, by name and by repository.

An error is about the LibTorch API when it names a LibTorch scope (`torch::`,
`at::`, `c10::`, `Tensor`, a module holder or its Impl/Options) or is located
in the model headers; an undeclared identifier counts when the real headers
of libtorch-dev declare that word (a name used after `using namespace torch`).
Such an error is "missing" when the real headers have the name (the model
lacks an API LibTorch 1.13 has), "absent" when they do not (a newer API, or
an error in the project). Everything else is "other" (OpenCV, Boost, project
headers that are not there), counted per repository only.

  api_errors.py --real-include DIR... --main-prefix /work/corpus/ < dump"""
import argparse
import collections
import os
import re
import sys

LINE = re.compile(r"^tfgradlint: parse error: (?P<main>[^:]+): (?P<loc>[^:]*):\d+:\d+: (?:fatal )?error: (?P<msg>.*)$")
KINDS = [
    ("no member", re.compile(r"no member named '([^']+)' in (?:namespace )?'([^']+)'")),
    ("no type", re.compile(r"no type named '([^']+)' in (?:namespace )?'([^']+)'")),
    ("no template", re.compile(r"no template named '([^']+)' in (?:namespace )?'([^']+)'")),
    ("no matching function", re.compile(r"no matching (?:member )?function for call to '([^']+)'()")),
    ("no matching constructor", re.compile(r"no matching constructor for initialization of '([^']+)'()")),
    ("undeclared identifier", re.compile(r"use of undeclared identifier '([^']+)'()")),
    ("unknown type", re.compile(r"unknown type name '([^']+)'()")),
    ("unknown template", re.compile(r"unknown template name '([^']+)'()")),
    ("not a template", re.compile(r"'([^']+)' does not name a template()")),
]
TORCH_SCOPE = re.compile(r"^(?:const )?(torch|at|c10|caffe2)::|^(?:const )?Tensor\b")


# Declarations of names a file may use unqualified (types, namespaces,
# aliases, macros, k-constants) ...
STRONG = [re.compile(r) for r in (
    r"\b(?:class|struct|union|namespace|enum(?:\s+class)?)\s+(?:[A-Z0-9_]+_API\s+)?(\w+)",
    r"\busing\s+(\w+)\s*=", r"\btypedef\b[^;{}]*?(\w+)\s*;", r"#\s*define\s+(\w+)",
    r"\b(k[A-Z]\w*)\b", r"TORCH_MODULE\((\w+)\)")]
# ... and of members (functions, option accessors).
MEMBER = [re.compile(r) for r in (r"[\w>*&]\s+(\w+)\s*\(", r"TORCH_ARG\([^;]*?,\s*(\w+)\)",
                                  r"\b(?:constexpr|const)\s+[\w:<>]+\s+(\w+)\s*[={;]")]


def real_words(dirs):
    """(strong, all): names the real headers declare as types, namespaces,
    aliases, macros or k-constants; and those plus functions and option
    accessors. Comments and strings are left out."""
    words, strong = set(), set()
    for d in dirs:
        for root, _, files in os.walk(d):
            for f in files:
                if not f.endswith((".h", ".hpp", ".inc", ".cuh")):
                    continue
                try:
                    with open(os.path.join(root, f), errors="replace") as fh:
                        text = fh.read()
                except OSError:
                    continue
                text = re.sub(r"/\*.*?\*/|//[^\n]*|\"(?:\\.|[^\"\\\n])*\"", " ", text, flags=re.S)
                for rx in STRONG:
                    strong.update(rx.findall(text))
                for rx in MEMBER:
                    words.update(rx.findall(text))
                strong.update("k" + n for n in re.findall(r"TORCH_ENUM_DECLARE\((\w+)\)", text))
    return strong, words | strong


def classify(msg, loc, strong, members):
    """(kind, name, scope) of an API error, or None."""
    for kind, rx in KINDS:
        m = rx.search(msg)
        if not m:
            continue
        name, scope = m.group(1), m.group(2)
        in_model = "/tfgradlint_model/" in loc or "/rules/include/" in loc
        if scope and TORCH_SCOPE.search(scope + "::"):
            return kind, name, scope
        if kind in ("no matching function", "no matching constructor") and (TORCH_SCOPE.search(name) or in_model):
            return kind, name, scope
        if kind in ("undeclared identifier", "unknown type", "unknown template") and name in strong:
            return kind, name, scope
        if kind == "not a template" and name in members:
            return kind, name, scope
        if in_model:
            return kind, name, scope
        return None
    if "/tfgradlint_model/" in loc or "/rules/include/" in loc:
        return "in model header", msg[:80], ""
    return None


def short(name, scope):
    return "%s::%s" % (scope, name) if scope else name


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--real-include", nargs="+", required=True)
    p.add_argument("--main-prefix", default="/work/corpus/")
    p.add_argument("--top", type=int, default=60)
    a = p.parse_args()
    strong, words = real_words(a.real_include)
    per_repo = collections.defaultdict(collections.Counter)
    names = collections.Counter()
    name_files = collections.defaultdict(set)
    seen = set()
    for line in sys.stdin:
        m = LINE.match(line.rstrip("\n"))
        if not m:
            continue
        main_file, loc, msg = m.group("main"), m.group("loc"), m.group("msg")
        rel = main_file[len(a.main_prefix):] if main_file.startswith(a.main_prefix) else main_file
        repo = rel.split("/", 1)[0]
        per_repo[repo]["errors"] += 1
        c = classify(msg, loc, strong, words)
        if not c:
            per_repo[repo]["other"] += 1
            continue
        kind, name, scope = c
        base = name.split("::")[-1].split("<")[0]
        status = "missing" if base in words else "absent"
        per_repo[repo]["api " + status] += 1
        # A header error repeats in every file that includes it: count it once per location.
        key = (loc, msg)
        if key in seen:
            continue
        seen.add(key)
        label = "%-8s %-24s %s" % (status, kind, short(name, scope))
        names[label] += 1
        name_files[label].add(main_file)
    print("| repository | parse errors | LibTorch API, real 1.13 has the name | LibTorch API, name not in 1.13 | other |")
    print("|---|---|---|---|---|")
    tot = collections.Counter()
    for repo in sorted(per_repo):
        c = per_repo[repo]
        tot.update(c)
        print("| %s | %d | %d | %d | %d |" % (repo, c["errors"], c["api missing"], c["api absent"], c["other"]))
    print("| total | %d | %d | %d | %d |" % (tot["errors"], tot["api missing"], tot["api absent"], tot["other"]))
    print()
    print("distinct API errors (by location), most frequent first: count, files, status, kind, name")
    for label, n in names.most_common(a.top):
        print("%4d %4d  %s" % (n, len(name_files[label]), label))


if __name__ == "__main__":
    main()
