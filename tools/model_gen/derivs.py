"""derivs: the derivative facts of every ATen op overload, read from
derivatives.yaml and native_functions.yaml.

For each overload of a public op: its class (differentiable, composite,
zero-gradient, no gradient), which outputs carry no gradient, which tensor
arguments are not on the differentiable path, and whether its backward node
saves tensors (so a second backward through it throws once they are freed)."""
import re
import yaml

import schema

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # python3-yaml without libyaml
    _Loader = yaml.SafeLoader

# Output names that PyTorch uses only for integer tensors.
INTEGER_OUTPUT_NAMES = {"indices", "inverse", "counts", "info", "pivots", "LU_pivots", "infos"}

DIFF, COMPOSITE, ZERO, NOGRAD = "differentiable", "composite", "zero-gradient", "no-gradient"

# Tensor reads in a formula that the autograd code generator replaces by
# saved metadata (sizes, strides, dtype, options): they keep no tensor alive.
_METADATA = re.compile(
    r"\b(\w+)\s*\.\s*(sym_sizes|sizes|sym_strides|strides|options|scalar_type|dim|sym_numel|numel|"
    r"layout|sym_storage_offset|storage_offset|is_conj|is_neg|device)\s*\(\s*\)")
_METADATA_FN = re.compile(r"\b(TensorGeometry|to_args_sizes_symint|to_args_sizes|to_args_scalartypes)\s*\(\s*\w+\s*\)")
_ZERO = re.compile(r"^(at::)?(zeros_like|zeros|zeros_symint)\s*\(")


def _is_zero(t):
    """A formula that is one call of a zeros constructor (zeros_like(grad),
    at::zeros_symint(mean.sym_sizes(), grad.options()))."""
    m = _ZERO.match(t)
    if not m:
        return False
    depth = 0
    for i in range(m.end() - 1, len(t)):
        depth += {"(": 1, ")": -1}.get(t[i], 0)
        if depth == 0:
            return i == len(t) - 1
    return False


def load(path):
    with open(path) as f:
        return yaml.load(f, Loader=_Loader)


def formula_kind(text):
    t = str(text).strip()
    if t == "non_differentiable":
        return "nondiff"
    if t.startswith("not_implemented"):
        return "notimpl"
    if _is_zero(t):
        return "zero"
    return "real"


def saves_tensors(formula, tensor_names, output_names=()):
    """Does this backward formula read a tensor input or the result itself
    (not only its metadata)?"""
    f = _METADATA.sub("", str(formula))
    f = _METADATA_FN.sub("", f)
    for name in list(tensor_names) + list(output_names) + ["result"]:
        if re.search(r"\b%s\d*\b" % re.escape(name), f):
            return True
    return False


def is_composite_implicit(entry):
    d = entry.get("dispatch")
    if not d:
        return "structured_delegate" not in entry
    return any("CompositeImplicitAutograd" in [k.strip() for k in key.split(",")] for key in d)


class Facts:
    """One overload: class, nondiff argument names, nondiff output indexes,
    saves tensors (True/False)."""

    def __init__(self, cls, nondiff_args=(), nondiff_outputs=(), saves=False, formula=False):
        self.cls = cls
        self.nondiff_args = set(nondiff_args)
        self.nondiff_outputs = set(nondiff_outputs)
        self.saves = saves
        self.formula = formula


def _formulas(entry, argnames):
    """Backward formulas of a derivatives.yaml entry: {input name: formula}."""
    body = entry
    if isinstance(entry.get("dispatch"), dict):
        body = dict(entry)
        body.update(entry["dispatch"].get("Default", {}))
    out = {}
    for key, val in body.items():
        names = [k.strip() for k in str(key).split(",")]
        if all(n in argnames for n in names):
            for n in names:
                out[n] = val
    return out


def classify(native_path, derivatives_path):
    """{overload full name: (Schema, native entry, Facts)} for every native function."""
    natives = load(native_path)
    derivs = {}
    for e in load(derivatives_path):
        s = schema.parse(e["name"])
        derivs[s.full_name] = (s, e)
    result = {}
    for n in natives:
        s = schema.parse(n["func"])
        result[s.full_name] = (s, n, _facts(s, n, derivs))
    return result


def _derivative_entry(s, derivs):
    if s.full_name in derivs:
        return derivs[s.full_name]
    if s.is_inplace:
        return derivs.get(s.name[:-1] + ("." + s.overload if s.overload else ""))
    return None


def _facts(s, native, derivs):
    outputs = len(s.returns)
    # Outputs that are not tensors, or that PyTorch names as integer tensors
    # (the indices of max/sort/topk, unique's inverse and counts, info codes).
    non_tensor_outputs = {i for i, (t, n) in enumerate(s.returns)
                          if not t.startswith("Tensor") or n in INTEGER_OUTPUT_NAMES}
    hit = _derivative_entry(s, derivs)
    # A composite op's formula, when it has one, is for other dispatch keys
    # (nested tensors): the default goes through the decomposition.
    if is_composite_implicit(native) and (hit is None or "dispatch" in hit[1]):
        return Facts(COMPOSITE, nondiff_outputs=non_tensor_outputs)
    if hit is None:
        # A functional op whose in-place twin has a formula gets its autograd
        # from that twin (copy from copy_): differentiable, facts unknown.
        if not s.is_inplace and (s.name + "_" + ("." + s.overload if s.overload else "")) in derivs:
            return Facts(COMPOSITE, nondiff_outputs=non_tensor_outputs)
        return Facts(NOGRAD, nondiff_outputs=range(outputs))
    ds, entry = hit
    tensor_args = [a.name for a in ds.args if a.is_tensor or a.is_tensor_list]
    formulas = _formulas(entry, {a.name for a in ds.args})
    diff_out = entry.get("output_differentiability")
    nondiff_outputs = set(non_tensor_outputs)
    if isinstance(diff_out, list):
        nondiff_outputs |= {i for i, d in enumerate(diff_out) if d is False}
    elif outputs > 1 and not any(re.search(r"\bgrads\b", str(f)) for f in formulas.values()):
        # Formulas that use `grad`, not `grads[i]`: only the first output is
        # differentiable (the index output of max.dim, kthvalue, mode).
        nondiff_outputs |= set(range(1, outputs))
    kinds = {a: formula_kind(formulas[a]) if a in formulas else "nondiff" for a in tensor_args}
    out_names = [n for _, n in ds.returns if n]
    saves = any(saves_tensors(f, tensor_args, out_names) for a, f in formulas.items() if kinds.get(a) == "real")
    nondiff_args = {a for a, k in kinds.items() if k in ("nondiff", "notimpl")}
    if outputs and len(nondiff_outputs) == outputs:
        cls = NOGRAD
    elif "real" in kinds.values():
        cls = DIFF
    elif "zero" in kinds.values():
        cls = ZERO
    elif not tensor_args:
        cls = DIFF if formulas else NOGRAD
    else:
        cls = NOGRAD
    return Facts(cls, nondiff_args, nondiff_outputs, saves, True)
