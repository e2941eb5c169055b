"""headers: declarations of the ATen functions and Tensor methods that the
hand-written model headers do not declare, from native_functions.yaml
signatures, in the C++ API's shape (TensorOptions for factories, IntArrayRef
for int[], optional<T> for T?). Declarations only; default arguments are
`{}`, since only the parse matters. Names the hand headers declare are left
to them, so the generated overloads never compete with hand-written ones."""
import re

import schema
import tensorbase

SCALAR_TYPES = {
    "Tensor": "const Tensor&", "Tensor?": "const c10::optional<Tensor>&", "Tensor[]": "ArrayRef<Tensor>",
    "int": "int64_t", "SymInt": "int64_t", "int?": "c10::optional<int64_t>", "SymInt?": "c10::optional<int64_t>",
    "float": "double", "float?": "c10::optional<double>", "bool": "bool", "bool?": "c10::optional<bool>",
    "Scalar": "const Scalar&", "Scalar?": "const c10::optional<Scalar>&",
    "ScalarType": "ScalarType", "ScalarType?": "c10::optional<ScalarType>",
    "MemoryFormat?": "c10::optional<MemoryFormat>", "MemoryFormat": "MemoryFormat",
    "Generator?": "c10::optional<Generator>", "str": "c10::string_view", "str?": "c10::optional<c10::string_view>",
    "Layout": "Layout", "Device": "Device", "Layout?": "c10::optional<Layout>", "Device?": "c10::optional<Device>", "float[]": "ArrayRef<double>", "float[]?": "c10::optional<ArrayRef<double>>",
    "Scalar[]": "ArrayRef<Scalar>", "int[]?": "OptionalIntArrayRef", "SymInt[]?": "OptionalIntArrayRef",
}
RETURNS = {"Tensor": "Tensor", "Tensor[]": "std::vector<Tensor>", "int": "int64_t", "SymInt": "int64_t",
           "bool": "bool", "float": "double", "Scalar": "Scalar", "ScalarType": "ScalarType"}
OPTIONS = ["dtype", "layout", "device", "pin_memory"]


def cpp_type(t):
    if t in SCALAR_TYPES:
        return SCALAR_TYPES[t]
    if re.fullmatch(r"(int|SymInt)(\[\d*\])", t):
        return "IntArrayRef"
    if re.fullmatch(r"(int|SymInt)(\[\d*\])\?", t):
        return "OptionalIntArrayRef"
    return None


def cpp_return(returns):
    if not returns:
        return "void"
    types = [RETURNS.get(t) for t, _ in returns]
    if None in types:
        return None
    return types[0] if len(types) == 1 else "std::tuple<%s>" % ", ".join(types)


def params(s, skip_self):
    """C++ parameter list, or None when a type has no model."""
    args = list(s.args[1:] if skip_self else s.args)
    names = [a.name for a in args]
    out = []
    options = all(n in names for n in OPTIONS)
    for a in args:
        if options and a.name in OPTIONS:
            if a.name == "dtype":
                out.append("TensorOptions options = {}")
            continue
        t = cpp_type(a.type)
        if t is None:
            return None
        out.append("%s %s%s" % (t, "arg_" + a.name, " = {}" if a.default is not None else ""))
    # C++ needs every parameter after a defaulted one to have a default.
    seen_default = False
    for i, p in enumerate(out):
        if "=" in p:
            seen_default = True
        elif seen_default:
            out[i] = p + " = {}"
    return out


def public(s):
    """Whether an op is declared in at:: (ATen/Functions.h) or on Tensor:
    every op but the out= forms (declared as NAME_out) and the dunder
    operators (the hand-written tensor.h has them). The underscore ops
    (_unique2, _cast_Float, _amp_update_scale_, Tensor::_values) and the
    in-place function forms (at::relu_) are public C++ API too: code calls
    them, so they are declared: the in-place forms like the others, the
    underscore ops (rarely called, 500 of them) by one forwarding template
    each."""
    return not (s.name.startswith("__") or s.is_out or s.name.endswith("_out"))


def fallback(classified_list, declared_functions, declared_methods, funcs, methods):
    """Names no overload of which the type map covers (Tensor?[] indices,
    Dimname only, Storage, Stream) still get one declaration, a forwarding
    template, so that a call parses and resolves to the op's name."""
    for classified in classified_list:
        for full, (s, native, facts) in sorted(classified.items()):
            if not public(s):
                continue
            ret = cpp_return(s.returns) or "Tensor"
            variants = [v.strip() for v in str(native.get("variants", "function")).split(",")]
            if "function" in variants and s.name not in declared_functions and s.name not in funcs:
                funcs[s.name] = {"template <typename... Args> %s %s(Args&&... args);" % (ret, s.name)}
            if "method" in variants and s.args and s.args[0].name == "self" and s.name not in declared_methods \
                    and s.name not in methods:
                ret = "Tensor&" if s.is_inplace and ret == "Tensor" else ret
                methods[s.name] = {"template <typename... Args> %s %s(Args&&... args) const;" % (ret, s.name)}


def out_declaration(s):
    """at::NAME_out(out..., inputs...): the out= overload in the C++ API's
    order (outputs first, as Tensor&), or None when a type has no model."""
    outs = [a for a in s.args if a.mutable and a.kwarg_only]
    if any(a.type != "Tensor" for a in outs):
        return None
    ins = [a for a in s.args if not (a.mutable and a.kwarg_only)]
    if any("Dimname" in a.type or a.mutable for a in ins):
        return None
    p = ["Tensor& arg_" + a.name for a in outs]
    seen_default = False
    for a in ins:
        t = cpp_type(a.type)
        if t is None:
            return None
        seen_default = seen_default or a.default is not None
        p.append("%s arg_%s%s" % (t, a.name, " = {}" if seen_default else ""))
    ret = "Tensor&" if len(outs) == 1 else "std::tuple<%s>" % ", ".join(["Tensor&"] * len(outs))
    return "%s %s_out(%s);" % (ret, s.name, ", ".join(p))


def declarations(classified, declared_functions, declared_methods):
    funcs, methods = {}, {}
    for full, (s, native, facts) in sorted(classified.items()):
        if s.is_out and not s.name.startswith("_") and not s.name.endswith("_out") \
                and s.name + "_out" not in declared_functions:
            d = out_declaration(s)
            if d is not None:
                funcs.setdefault(s.name + "_out", set()).add(d)
        if not public(s) or s.name.startswith("operator") or s.name.startswith("_"):
            continue  # underscore ops: one forwarding template each (fallback), to keep the PCH lean
        if any("Dimname" in a.type for a in s.args):
            continue
        ret = cpp_return(s.returns)
        if ret is None:
            continue
        if s.is_inplace:
            ret = "Tensor&" if ret == "Tensor" else ret
        variants = [v.strip() for v in str(native.get("variants", "function")).split(",")]
        if "function" in variants and s.name not in declared_functions:
            p = params(s, False)
            if p is not None:
                funcs.setdefault(s.name, set()).add("%s %s(%s);" % (ret, s.name, ", ".join(p)))
        if "method" in variants and s.name not in declared_methods and s.args and s.args[0].name == "self":
            p = params(s, True)
            if p is not None:
                methods.setdefault(s.name, set()).add("%s %s(%s) const;" % (ret, s.name, ", ".join(p)))
    return funcs, methods


def _required(d):
    sig = re.sub(r"\barg_\w+", "", d.split("(", 1)[1])
    return tuple(p.strip() for p in sig.rstrip(";").rstrip(" const").rstrip(")").split(",")
                 if p.strip() and "=" not in p)


def _drop_clashes(decls):
    """Overloads whose required parameters are the same would make a call
    with only those arguments ambiguous: the longest keeps its defaults, the
    others lose theirs (clip(t) and clip(t, 0, 1) both parse)."""
    out = []
    for name, ds in sorted(decls.items()):
        keep = {}
        for d in sorted(ds, key=lambda d: (-len(d), d)):
            if _required(d) in keep:
                d = d.replace(" = {}", "")
                if _required(d) in keep:
                    continue
            keep[_required(d)] = d
        out.extend(sorted(keep.values()))
    return out


def declared_names(text):
    return set(re.findall(r"\b([A-Za-z_]\w*)\s*\(", text))


def class_body(text, head):
    i = text.find(head)
    if i < 0:
        return ""
    depth = 0
    for j in range(text.index("{", i), len(text)):
        depth += {"{": 1, "}": -1}.get(text[j], 0)
        if depth == 0:
            return text[i:j]
    return text[i:]


def write(path_funcs, path_methods, classified, ops_h, tensor_h, banner, older=(), tensorbase_h=None):
    """tensorbase_h: the installed ATen/core/TensorBase.h, whose hand-written
    methods (is_cpu, is_sparse, unsafeGetTensorImpl, ...) the yaml lacks."""
    declared_f = declared_names(ops_h.split("namespace torch {")[0])
    declared_m = declared_names(class_body(tensor_h, "class Tensor {")) | {"Tensor", "operator"}
    funcs, methods = declarations(classified, declared_f, declared_m)
    fallback([classified] + list(older), declared_f, declared_m, funcs, methods)
    if tensorbase_h:
        for name, ds in tensorbase.methods(tensorbase_h, declared_m | set(methods)).items():
            methods[name] = set(ds)
    with open(path_funcs, "w") as f:
        f.write(banner + "// ATen free functions the hand-written ops.h does not declare.\n#pragma once\n\nnamespace at {\n")
        f.write("\n".join(_drop_clashes(funcs)))
        f.write("\n}  // namespace at\n")
    with open(path_methods, "w") as f:
        f.write(banner + "// Tensor methods the hand-written tensor.h does not declare; included in class Tensor.\n")
        f.write("\n".join(_drop_clashes(methods)))
        f.write("\n")
    return len(funcs), len(methods)
