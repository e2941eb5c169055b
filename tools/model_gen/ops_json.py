"""ops_json: merge the per-overload derivative facts into one entry per C++
name (at::X, at::Tensor::X, the tensor operators) and write the generated
model file rules/generated/torch_ops.json.

The analyzer matches calls by name, not by overload, so the facts of all
overloads of a name are merged on the side of silence: a name is
non-differentiable only when no overload is differentiable, an argument or
output is off the gradient path only when it is in every overload that has
it, and a backward saves nothing only when no overload may save."""
import json

import derivs

# C++ operators of at::Tensor and the ATen op each one calls.
OPERATORS = {
    "at::operator+": "add", "at::operator-": "sub", "at::operator*": "mul", "at::operator/": "div",
    "at::operator%": "remainder", "at::operator&": "bitwise_and", "at::operator|": "bitwise_or",
    "at::operator^": "bitwise_xor", "at::operator==": "eq", "at::operator!=": "ne", "at::operator<": "lt",
    "at::operator<=": "le", "at::operator>": "gt", "at::operator>=": "ge",
    "at::Tensor::operator-": "neg", "at::Tensor::operator~": "bitwise_not",
}

WHY = {
    "nondifferentiable": "has no gradient",
    "zero-gradient": "has a gradient of zero (its derivative formula is zeros)",
}


def public(s):
    return not s.name.startswith("_") and not s.is_inplace and not s.is_out and not s.name.endswith("_out")


def cpp_names(s, native):
    variants = [v.strip() for v in str(native.get("variants", "function")).split(",")]
    names = []
    if "function" in variants:
        names.append(("at::" + s.name, 0))
    if "method" in variants and s.args and s.args[0].name == "self":
        names.append(("at::Tensor::" + s.name, 1))
    return names


def merge(overloads):
    """[(Schema, Facts, first positional index)] -> dict of JSON keys."""
    classes = {f.cls for _, f, _ in overloads}
    if classes & {derivs.DIFF, derivs.COMPOSITE}:
        cls = "differentiable"
    elif derivs.ZERO in classes:
        cls = "zero-gradient"
    else:
        cls = "nondifferentiable"
    entry = {"class": cls}
    if cls != "differentiable":
        entry["why"] = WHY[cls]
        return entry
    live = [(s, f, k) for s, f, k in overloads if f.cls in (derivs.DIFF, derivs.COMPOSITE)]
    nondiff, diff = set(), set()
    for s, f, k in live:
        for pos, a in enumerate(s.args[k:]):
            if not (a.is_tensor or a.is_tensor_list):
                continue
            if f.cls == derivs.DIFF and a.name in f.nondiff_args:
                nondiff.add(pos)
            else:
                diff.add(pos)
    args = sorted(p for p in nondiff - diff if p < 32)
    if args:
        entry["nondiff_args"] = args
    multi = [f for s, f, _ in live if len(s.returns) > 1]
    if multi:
        width = max(len(s.returns) for s, _, _ in live)
        outs = [i for i in range(width)
                if all(i in f.nondiff_outputs for s, f, _ in live if len(s.returns) > i and len(s.returns) > 1)]
        if outs:
            entry["nondiff_outputs"] = outs
    if any(f.cls == derivs.DIFF and f.saves for _, f, _ in live):
        entry["saves_tensors"] = True
    elif all(f.cls == derivs.DIFF for _, f, _ in live):
        entry["saves_tensors"] = False
    return entry


def facts_by_name(classified):
    by_name = {}
    for full, (s, native, facts) in classified.items():
        if not public(s):
            continue
        for name, k in cpp_names(s, native):
            by_name.setdefault(name, []).append((s, facts, k))
    # Overloads taking a dimension name are left out when the name has others:
    # user code selects them rarely, and their facts go through the decomposition.
    for name, over in by_name.items():
        plain = [o for o in over if not any("Dimname" in a.type for a in o[0].args)]
        if plain:
            over[:] = plain
    for op, aten in OPERATORS.items():
        unary = op == "at::Tensor::operator-" or op.endswith("~")
        over = [(s, f, 0) for full, (s, n, f) in classified.items()
                if s.name == aten and not s.is_out and len([a for a in s.args if not a.kwarg_only]) == (1 if unary else 2)]
        if over:
            by_name[op] = over
    return {name: merge(over) for name, over in by_name.items()}


def build(newest, oldest, newest_label, oldest_label):
    """The calls[] entries: newest facts, with the names whose class differs
    in the oldest release (or that only it has) noted in their doc."""
    groups, singles = {}, []
    for name in sorted(set(newest) | set(oldest)):
        e = newest.get(name)
        note = None
        if e is None:
            e, note = oldest[name], "only in %s" % oldest_label
        elif name in oldest and oldest[name]["class"] != e["class"]:
            note = "%s: %s" % (oldest_label, oldest[name]["class"])
        if note:
            singles.append(dict({"names": [name]}, **e, doc=note))
            continue
        key = json.dumps(e, sort_keys=True)
        groups.setdefault(key, []).append(name)
    calls = []
    for key in sorted(groups, key=lambda k: (json.loads(k)["class"], k)):
        calls.append(dict({"names": groups[key]}, **json.loads(key)))
    return calls + singles
