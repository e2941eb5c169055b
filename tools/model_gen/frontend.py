"""frontend: declarations of the C++ frontend's option structs, enum tags and
torch::nn::functional functions, read from libtorch-dev's installed headers
(torch/enum.h, torch/nn/options/*.h, torch/nn/functional/*.h).

The headers are regular: every option is a TORCH_ARG(T, name), enum tags
are TORCH_ENUM_DECLARE(Name), functional ops are inline functions in
namespace torch::nn::functional. A small brace-aware scanner reads them and
writes declarations in the model's own shape (accessor pairs, constructors,
typedefs, function prototypes); bodies, private members and comments are
dropped. What it cannot type safely (methods with deduced return types that
are not an option setter) is left out, so an unknown call stays unresolved
instead of resolving wrongly."""
import os
import re

SCOPES = ("torch::nn", "torch::nn::detail", "torch::nn::functional", "torch::nn::init", "torch::enumtype", "torch")
# Namespaces whose inline functions are public ops (torch/fft.h, linalg.h, special.h).
FUNC_SCOPES = ("torch::nn::functional", "torch::fft", "torch::linalg", "torch::special")
# Macros used without a ';' after them: one is added so that each is a statement.
UNTERMINATED = ("TORCH_OPTIONS_CTOR_VARIANT_ARG", "TORCH_ENUM_DECLARE")


def strip(text):
    # Literals first: their brackets and slashes are not code.
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"'(?:\\.|[^'\\\n])'", "' '", text)
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"^\s*#(?:[^\n]*\\\n)*[^\n]*", "", text, flags=re.M)
    text = re.sub(r"\b(TORCH_API|C10_API|TORCH_PYTHON_API)\b", "", text)
    for macro in UNTERMINATED:
        out, i = [], 0
        for m in re.finditer(r"\b%s\w*\s*\(" % macro, text):
            if m.start() < i:
                continue
            end = match_close(text, m.end() - 1, "(", ")")
            out.append(text[i:end] + ";")
            i = end
        text = "".join(out) + text[i:]
    return text


def match_close(text, i, open_c, close_c):
    """Index just past the bracket that closes text[i] (an open_c)."""
    depth = 0
    for j in range(i, len(text)):
        c = text[j]
        if c == open_c:
            depth += 1
        elif c == close_c:
            depth -= 1
            if depth == 0:
                return j + 1
    return len(text)


def statements(text):
    """Split a namespace or class body into top-level statements: (head,
    body) where body is the text of a trailing {...} block or None."""
    out = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i] in " \t\n;":
            i += 1
        if i >= n:
            break
        j, paren = i, 0
        while j < n:
            c = text[j]
            if c in "([":
                paren += 1
            elif c in ")]":
                paren -= 1
            elif c == ";" and paren == 0:
                out.append((text[i:j].strip(), None))
                i = j + 1
                break
            elif c == "{" and paren == 0:
                end = match_close(text, j, "{", "}")
                out.append((text[i:j].strip(), text[j + 1:end - 1]))
                i = end
                break
            elif c == "}" and paren == 0:  # a stray close (unbalanced input)
                i = j + 1
                break
            j += 1
        else:
            if text[i:].strip():
                out.append((text[i:].strip(), None))
            break
    return out


def split_args(s):
    """Top-level comma split of a macro or call argument list."""
    parts, depth, cur = [], 0, ""
    for c in s:
        if c in "(<[{":
            depth += 1
        elif c in ")>]}":
            depth -= 1
        if c == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += c
    if cur.strip():
        parts.append(cur.strip())
    return parts


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def drop_access(head):
    return re.sub(r"^(?:(?:public|private|protected)\s*:\s*)+", "", head).strip()


OPTION_ARGS = {}   # struct name -> its TORCH_ARG names, filled while scanning
ALIASES = []       # (scope, alias, target) of the option structs


def struct_members(name, body):
    """Declarations of an options struct's public surface."""
    out, types, args = [], [], {}
    OPTION_ARGS[name] = args
    stmts = statements(body)
    for head, blk in stmts:
        head = drop_access(head)
        if head.startswith("TORCH_ARG("):
            p = head.index("(")
            parts = split_args(head[p + 1:match_close(head, p, "(", ")") - 1])
            t, arg = norm(", ".join(parts[:-1])), parts[-1]
            args[arg] = t
            out.append("  %s& %s(const %s& new_%s);" % (name, arg, t, arg))
            out.append("  const %s& %s() const noexcept;" % (t, arg))
            out.append("  %s& %s() noexcept;" % (t, arg))
    for head, blk in stmts:
        head = drop_access(head)
        if head.startswith("TORCH_ARG("):
            continue
        m = re.match(r"TORCH_OPTIONS_CTOR_VARIANT_ARG\d\((.*)\)$", head, re.S)
        if m:
            parts = split_args(m.group(1))
            out.append("  %s();" % name)
            for k in parts[2:]:
                out.append("  %s(torch::enumtype::%s %s);" % (name, k, parts[1]))
            continue
        if re.match(r"(typedef|using)\b", head) and blk is None:
            types.append("  %s;" % norm(head))
            continue
        ctor = re.match(r"(?:explicit\s+|constexpr\s+)*%s\s*\(" % re.escape(name), head)
        if ctor:
            p = head.index("(", ctor.start())
            sig = head[:match_close(head, p, "(", ")")]
            out.append("  %s;" % norm(sig))
            continue
        m = re.match(r"(?:inline\s+)?(decltype\(auto\)|auto)\s+(\w+)\s*\((.*)\)\s*$", head, re.S)
        if m and blk is not None:
            # A deduced return: kept only when the body forwards to an option setter.
            call = re.match(r"\s*return\s+(\w+)\s*\(", blk)
            if call and call.group(1) in args:
                out.append("  %s& %s(%s);" % (name, m.group(2), norm(m.group(3))))
            continue
    # Member types first: a member declaration sees only the names above it.
    return types + out


def module_class(name, body):
    """A module (XImpl) as a Cloneable with its constructors, forward
    overloads and public members (options, parameters, buffers)."""
    out = []
    for head, blk in statements(body):
        head = drop_access(head)
        if re.match(r"(?:explicit\s+)?%s\s*\(" % name, head):
            p = head.index("(")
            out.append("  %s;" % norm(head[:match_close(head, p, "(", ")")]))
            continue
        m = re.match(r"(?:virtual\s+)?(?!auto\b|decltype|template)([\w:<>,\s&*]+?)\s+(forward)\s*\(", head)
        # Only forward overloads returning what the model knows (tensors and tuples of them).
        if m and re.fullmatch(r"(?:torch::|at::)?Tensor|std::tuple<[\w:<>,\s]*>", norm(m.group(1))):
            p = head.index("(", m.start(2))
            out.append("  %s;" % norm(head[:match_close(head, p, "(", ")")]))
            continue
        m = re.match(r"([\w:<>]+)\s+(\w+)$", head)
        if m and blk is None and not head.startswith(("return", "using", "typedef", "friend")):
            out.append("  %s %s;" % (m.group(1), m.group(2)))
    return "class %s : public Cloneable<%s> {\n public:\n  void reset() override;\n%s\n};" % (
        name, name, "\n".join(out))


def scan_file(text, want_struct, want_func, emit, want_module=lambda n: False):
    """Walk namespaces of one stripped header and emit (scope, decl)."""
    def walk(body, scope):
        for head, blk in statements(body):
            head = drop_access(head)
            m = re.match(r"namespace\s+([\w:]+)$", head)
            if m and blk is not None:
                walk(blk, scope + "::" + m.group(1) if scope else m.group(1))
                continue
            tpl = ""
            m = re.match(r"(template\s*<.*?>)\s*(.*)$", head, re.S)
            if m and m.group(2):
                tpl, head = norm(m.group(1)) + " ", m.group(2)
            m = re.match(r"(?:struct|class)\s+(\w+)\s*(?:final\s*)?(:\s*.*)?$", head, re.S)
            if m and blk is not None and want_module(m.group(1)) and scope == "torch::nn" and not tpl:
                emit(scope, module_class(m.group(1), blk))
                continue
            m2 = re.match(r"TORCH_MODULE\((\w+)\)$", head)
            if m2 and want_module(m2.group(1) + "Impl"):
                emit(scope, "TORCH_MODULE(%s);" % m2.group(1))
                continue
            if m and blk is not None:
                if scope in SCOPES and want_struct(m.group(1)):
                    if not tpl:
                        ALIASES.append((scope, m.group(1), m.group(1)))
                    bases = " " + norm(m.group(2)) if m.group(2) else ""
                    emit(scope, "%sstruct %s%s {\n%s\n};" % (tpl, m.group(1), bases,
                                                            "\n".join(struct_members(m.group(1), blk))))
                continue
            if re.match(r"(typedef|using)\b", head) and blk is None and scope in SCOPES and "namespace" not in head:
                emit(scope, tpl + norm(head) + ";")
                m = re.match(r"using\s+(\w+Options)\s*=\s*([\w:]+)", norm(head))
                if m and not tpl:
                    ALIASES.append((scope, m.group(1), m.group(2).split("::")[-1]))
                continue
            m = re.match(r"TORCH_NN_FUNCTIONAL_USE_MODULE_OPTIONS\((\w+),\s*(\w+)\)", head)
            if m:
                emit(scope + "::functional", "using %s = %s;" % (m.group(2), m.group(1)))
                ALIASES.append((scope + "::functional", m.group(2), m.group(1)))
                continue
            m = re.match(r"TORCH_ENUM_DECLARE\((\w+)\)$", head)
            if m:
                emit("torch::enumtype", "struct k%s { k%s(); };" % (m.group(1), m.group(1)))
                emit("torch", "extern const enumtype::k%s k%s;" % (m.group(1), m.group(1)))
                continue
            m = re.match(r"inline\s+(?!auto\b|decltype)([\w:<>,\s&*]+?)\s+(\w+)\s*\((.*)\)\s*$", head, re.S)
            if m and blk is not None and scope in FUNC_SCOPES and want_func(m.group(2)) and not tpl:
                emit(scope, "%s %s(%s);" % (norm(m.group(1)), m.group(2), norm(m.group(3))))
                continue
            # Declared, not defined (torch/nn/init.h).
            m = re.match(r"([\w:<>,\s&*]+?)\s+(\w+)\s*\((.*)\)$", head, re.S)
            if m and blk is None and scope == "torch::nn::init" and not tpl:
                emit(scope, "%s %s(%s);" % (norm(m.group(1)), m.group(2), norm(m.group(3))))
    walk(text, "")


def include_order(folder, files):
    """Files of one folder, each after the folder's files it includes."""
    deps = {}
    for f in files:
        with open(os.path.join(folder, f)) as fh:
            inc = re.findall(r'#include\s*<torch/nn/\w+/(\w+\.h)>', fh.read())
        deps[f] = [d for d in inc if d in files and d != f]
    out, seen = [], set()

    def visit(f):
        if f in seen:
            return
        seen.add(f)
        for d in deps[f]:
            visit(d)
        out.append(f)
    for f in sorted(files):
        visit(f)
    return out


def collect(real_include, hand_modules=frozenset()):
    """(scope, decl) pairs in emission order."""
    decls = []

    def emit(scope, d):
        decls.append((scope, d))
    for f in ("enum.h", "nn/init.h", "fft.h", "linalg.h", "special.h"):
        with open(os.path.join(real_include, "torch", f)) as fh:
            scan_file(strip(fh.read()), lambda n: False, lambda n: True, emit)
    for sub, want_struct, want_func in (
            ("options", lambda n: n.endswith("Options"), lambda n: False),
            ("functional", lambda n: n.endswith("Options"), lambda n: True)):
        folder = os.path.join(real_include, "torch", "nn", sub)
        files = [f for f in os.listdir(folder) if f.endswith(".h")]
        for f in include_order(folder, files):
            with open(os.path.join(folder, f)) as fh:
                scan_file(strip(fh.read()), want_struct, want_func, emit)
    return decls


def collect_modules(real_include, hand_modules):
    """Module classes of torch/nn/modules/*.h the hand-written nn.h lacks:
    plain Cloneable modules only (templated bases and containers stay hand-written)."""
    decls = []
    folder = os.path.join(real_include, "torch", "nn", "modules")
    want = lambda n: n.endswith("Impl") and n not in hand_modules
    for f in sorted(os.listdir(folder)):
        if not f.endswith(".h"):
            continue
        with open(os.path.join(folder, f)) as fh:
            text = strip(fh.read())
        # Only classes whose base is Cloneable<Self>: their shape is known.
        plain = set(re.findall(r"(?:class|struct)\s+(\w+Impl)\s*:\s*(?:public\s+)?(?:torch::nn::)?Cloneable<\1>",
                               text))
        scan_file(text, lambda n: False, lambda n: False, lambda s, d: decls.append((s, d)),
                  want_module=lambda n: want(n) and n in plain)
    return decls


def render(decls):
    """Group consecutive declarations of one scope into namespace blocks."""
    out, cur = [], None
    for scope, d in decls:
        if scope != cur:
            if cur is not None:
                out.append("}" * len(cur.split("::")))
            out.append(" ".join("namespace %s {" % p for p in scope.split("::")))
            cur = scope
        out.append(d)
    if cur is not None:
        out.append("}" * len(cur.split("::")))
    return "\n".join(out) + "\n"


def write(path, real_include, banner, path_modules=None, hand_modules=frozenset()):
    if path_modules:
        mods = collect_modules(real_include, hand_modules)
        with open(path_modules, "w") as f:
            f.write(banner + "// Module classes of torch/nn/modules the hand-written nn.h does not declare,\n"
                    "// read from libtorch-dev's headers (tools/model_gen/frontend.py).\n#pragma once\n\n")
            f.write(render(mods))
    decls = collect(real_include)
    seen, uniq = set(), []
    for s, d in decls:
        if (s, d) not in seen:
            seen.add((s, d))
            uniq.append((s, d))
    with open(path, "w") as f:
        f.write(banner + "// The C++ frontend's option structs, enum tags and torch::nn::functional functions,\n"
                "// read from libtorch-dev's headers (tools/model_gen/frontend.py).\n#pragma once\n\n")
        f.write(render(uniq))
    return sum(1 for s, d in uniq if d.startswith(("struct", "template")))


def write_calls(path, banner):
    """A sample that sets every option of every option struct (and alias)
    from its own getter, in unevaluated context: valid with the real
    headers, and the model headers must accept it too."""
    lines = [banner, "#include <torch/torch.h>", "", "template <class T> T& ref();", ""]
    n = 0
    for i, (scope, alias, target) in enumerate(ALIASES):
        args = OPTION_ARGS.get(target)
        if not args:
            continue
        t = "%s::%s" % (scope, alias)
        lines.append("void options_%d() {" % i)
        for a in args:
            lines.append("  (void)sizeof(ref<%s>().%s(ref<%s>().%s()));" % (t, a, t, a))
            n += 1
        lines.append("}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return n
