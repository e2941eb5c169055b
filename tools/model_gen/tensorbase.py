"""tensorbase: the methods of at::TensorBase (ATen/core/TensorBase.h of the
installed libtorch-dev) that native_functions.yaml does not list, as method
declarations of the model's Tensor: the device and layout predicates
(is_cpu, is_sparse, is_mps, ...), unsafeGetTensorImpl, nbytes, use_count.
They are written by hand in PyTorch (not generated from the yaml), so the
installed header is their declarative source.

Only plain members are kept: not static, not templates, no operators or
constructors, and every type in the signature from a small vocabulary the
model declares (TensorBase becomes Tensor). Bodies and default values are
dropped (a default becomes `{}`: only the parse matters)."""
import os
import re

# Words a kept signature may use (types, qualifiers, namespaces).
VOCAB = {
    "bool", "int64_t", "uint64_t", "size_t", "void", "const", "Tensor", "TensorBase", "IntArrayRef", "ScalarType",
    "Device", "DeviceType", "Layout", "TensorOptions", "MemoryFormat", "at", "c10", "TensorImpl", "DimnameList",
    "caffe2", "TypeMeta", "noexcept", "inline", "std", "string",
}


def _strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def class_members(text, head):
    """The member declarations at the top level of the class named by
    `head` (its public parts only), each as one string without its body."""
    text = _strip_comments(text)
    m = re.search(head, text)
    if not m:
        return []
    i = m.end() - 1  # the class's opening brace
    out, cur, depth, public = [], [], 0, False
    j = i + 1
    while j < len(text):
        ch = text[j]
        if ch == "{":
            if depth == 0:
                out.append(("".join(cur).strip(), public))
                cur = []
            depth += 1
        elif ch == "}":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            if ch == ";":
                out.append(("".join(cur).strip(), public))
                cur = []
            elif ch == ":" and re.search(r"\b(public|private|protected)\s*$", "".join(cur)):
                public = "".join(cur).strip().endswith("public")
                cur = []
            else:
                cur.append(ch)
        j += 1
    return [d for d, pub in out if pub and d]


_DECL = re.compile(r"^(?P<ret>[\w:\s\*&<>]+?)\s*\b(?P<name>[a-z_]\w*)\s*\((?P<params>[^()]*)\)\s*(?P<quals>[\w\s&]*)$")


def _ok(text, vocab=VOCAB):
    return all(w in vocab for w in re.findall(r"[A-Za-z_]\w*", text))


def declaration(member, vocab=VOCAB):
    """The model's declaration of one member, or None when it is not kept."""
    member = re.sub(r"\s+", " ", member.split(":", 1)[0] if re.search(r"\)\s*:", member) else member).strip()
    if member.startswith(("template", "static", "friend", "using", "typedef", "explicit", "virtual")) \
            or "operator" in member:
        return None
    m = _DECL.match(member)
    if not m or not m.group("ret").strip():
        return None
    ret = re.sub(r"\binline\b", "", m.group("ret")).strip()
    params = []
    for p in [p.strip() for p in m.group("params").split(",") if p.strip()]:
        p, _, default = p.partition("=")
        if not _ok(re.sub(r"\w+\s*$", "", p.strip()), vocab):  # the type, without the parameter's name
            return None
        params.append(p.strip() + (" = {}" if default else ""))
    quals = m.group("quals").strip()
    if not _ok(ret, vocab) or not _ok(quals, vocab) or "&&" in quals:
        return None
    sub = lambda s: re.sub(r"\bTensorBase\b", "Tensor", s)  # noqa: E731
    return m.group("name"), "%s %s(%s)%s;" % (sub(ret), m.group("name"), sub(", ".join(params)),
                                               " " + quals if quals else "")


def methods(path, declared):
    """{name: [declarations]} for TensorBase's members the model lacks."""
    with open(path) as f:
        text = f.read()
    out = {}
    for member in class_members(text, r"class\s+(TORCH_API\s+)?TensorBase\s*\{"):
        d = declaration(member)
        if d and d[0] not in declared:
            out.setdefault(d[0], [])
            if d[1] not in out[d[0]]:
                out[d[0]].append(d[1])
    return out


def free_functions(path, extra_vocab):
    """The exported free functions of an installed header (`TORCH_API`
    declarations without a body: ATen/TensorUtils.h's checks,
    ATen/autocast_mode.h's switches), in the header's order, whose types are
    in the vocabulary plus `extra_vocab`."""
    with open(path) as f:
        text = _strip_comments(f.read())
    vocab = VOCAB | set(extra_vocab)
    out = []
    for m in re.finditer(r"\bTORCH_API\s+([^;{}]+?\))\s*;", text):
        d = declaration(re.sub(r"\s+", " ", m.group(1)), vocab)
        if d and d[1] not in out:
            out.append(d[1])
    return out


# Installed headers whose exported free functions the model declares: the
# header, its namespace inside `at`, and the words their signatures add.
UTILS = [
    ("ATen/TensorUtils.h", "", ["CheckedFrom", "TensorArg", "TensorGeometryArg", "ArrayRef", "Backend", "int",
                                "char"]),
    ("ATen/autocast_mode.h", "autocast", ["int"]),
]


def write_utils(path, include, banner):
    """generated/aten_utils_gen.h: the free functions of UTILS (the
    hand-written lowlevel.h declares the types they use first)."""
    n = 0
    with open(path, "w") as f:
        f.write(banner + "// Exported free functions of ATen's utility headers; included by lowlevel.h.\n"
                "#pragma once\n\nnamespace at {\n")
        for header, ns, vocab in UTILS:
            full = os.path.join(include, header)
            decls = free_functions(full, vocab) if os.path.exists(full) else []
            n += len(decls)
            f.write("// %s\n%s%s\n%s" % (header, "namespace %s {\n" % ns if ns else "", "\n".join(decls),
                                           "}  // namespace %s\n" % ns if ns else ""))
        f.write("}  // namespace at\n")
    return n
