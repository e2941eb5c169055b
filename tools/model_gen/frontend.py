"""frontend: declarations of the C++ frontend's option structs, enum tags,
torch::nn::functional functions, module classes and torch::nn::utils, read
from libtorch-dev's installed headers (torch/enum.h, torch/nn/options/*.h,
torch/nn/functional/*.h, torch/nn/modules/*.h, torch/nn/utils/*.h).

Module classes keep the real headers' hierarchy: the templated bases
(ConvNdImpl<D, Derived>, NormImplBase, MaxPoolImpl, RNNImplBase, ...) are
declared as templates with their public members, each concrete module
derives from its base as the real header says, and TORCH_MODULE gives its
holder; so inherited constructors, forward overloads and members come from
the same place as in the real headers.

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
FUNC_SCOPES = ("torch::nn::functional", "torch::nn::functional::detail", "torch::fft", "torch::linalg",
               "torch::special", "torch::nn::utils", "torch::nn::utils::rnn")
# Namespaces of module classes (torch/nn/modules/*.h, torch/nn/utils/*.h).
MODULE_SCOPES = ("torch::nn", "torch::nn::detail", "torch::nn::utils::rnn")
# Macros used without a ';' after them: one is added so that each is a statement.
UNTERMINATED = ("TORCH_OPTIONS_CTOR_VARIANT_ARG", "TORCH_ENUM_DECLARE", "FORWARD_HAS_DEFAULT_ARGS")


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


ACCESS = re.compile(r"^((?:(?:public|private|protected)\s*:\s*)+)")
# Methods of Module that a class re-declares only to print or copy itself.
SKIP_METHODS = ("pretty_print", "clone")


def public_statements(body, is_struct):
    """(head, block) of the public statements of a class body, access
    labels removed."""
    public = is_struct
    for head, blk in statements(body):
        m = ACCESS.match(head)
        if m:
            public = re.findall(r"(public|private|protected)", m.group(1))[-1] == "public"
            head = head[m.end():].strip()
        if public and head:
            yield head, blk


def member_decl(name, head, blk):
    """The declaration a class body statement contributes, or None: its
    constructors, using declarations, methods with a written return type,
    data members. Bodies, initializer lists and default member values go."""
    if head.startswith(("friend", "static_assert", "enum", "struct", "class", "template", "operator", "~")):
        return None
    if re.match(r"(?:explicit\s+|constexpr\s+)*%s\s*\(" % re.escape(name), head):
        p = head.index("(")
        return "  %s;" % norm(head[:match_close(head, p, "(", ")")])
    if re.match(r"using\b", head) and blk is None:
        return "  %s;" % norm(head)
    if re.match(r"typedef\b", head) and blk is None:
        return "  %s;" % norm(head)
    m = re.match(r"((?:(?:virtual|static|inline|constexpr)\s+)*)(?!auto\b|decltype)([\w:<>,\s&*]+?)\s*\b(\w+)\s*\(", head)
    if m and "operator" not in head[:m.end()]:
        if m.group(3) in SKIP_METHODS or m.group(3).startswith("_") or m.group(3) == name:
            return None
        p = head.index("(", m.start(3))
        end = match_close(head, p, "(", ")")
        quals = norm(re.sub(r"=\s*(?:0|default|delete)\b", "", head[end:]))
        spec = norm(m.group(1).replace("inline", ""))
        return "  %s%s %s%s%s;" % (spec + " " if spec else "", norm(m.group(2)), m.group(3),
                                   norm(head[p:end]), " " + quals if quals else "")
    if blk is None and "(" not in head:
        d = norm(head.split("=")[0])
        m = re.match(r"(.+?)\s+(\w+)$", d)
        if m and not m.group(2).startswith("_") and not re.match(r"(return|using|typedef)\b", d):
            return "  %s %s;" % (m.group(1), m.group(2))
    return None


HOLDERS = set()    # names given by TORCH_MODULE(Name)
UTIL_FUNCS = []    # (scope, name, parameters) of the torch::nn::utils functions
CLASSES = {}       # class name -> {scope, tpl, bases, ctors, methods, members}: the module-call sample's input


def record(scope, name, bases, tpl, decls):
    """What the module-call sample exercises of one class: constructors,
    methods (name, parameter list, static) and data members."""
    info = {"scope": scope, "tpl": re.findall(r"(?:typename|class|size_t|int)\s+(\w+)", tpl), "ctors": [], "methods": [], "members": [],
            "bases": re.findall(r"(\w+)\s*<", bases)}
    for d in decls:
        d = d.strip().rstrip(";")
        if d.startswith(("using", "typedef")):
            continue
        m = re.match(r"(?:explicit\s+)?%s\s*\((.*)\)$" % re.escape(name), d, re.S)
        if m:
            info["ctors"].append(m.group(1))
            continue
        m = re.match(r"((?:static|virtual)\s+)?.*?\b(\w+)\s*(\(.*\))[^()]*$", d, re.S)
        if m:
            p = d.index("(", m.start(2))
            info["methods"].append((m.group(2), d[p + 1:match_close(d, p, "(", ")") - 1],
                                    (m.group(1) or "").strip() == "static"))
            continue
        info["members"].append(d.split()[-1])
    CLASSES[name] = info


def class_surface(kind, name, bases, tpl, body, scope=""):
    """A class as declared by the real header: template head, bases, and
    the declarations of its public statements."""
    out = [d for d in (member_decl(name, h, b) for h, b in public_statements(body, kind == "struct")) if d]
    record(scope, name, bases, tpl, out)
    return "%s%s %s%s {\n public:\n%s\n};" % (tpl, kind, name, " : " + bases if bases else "", "\n".join(out))


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
            if m and blk is not None and want_module(m.group(1)) and scope in MODULE_SCOPES:
                emit(scope, class_surface(head.split()[0], m.group(1), norm(m.group(2) or "").lstrip(":").strip(), tpl,
                                         blk, scope))
                continue
            m2 = re.match(r"TORCH_MODULE\((\w+)\)$", head)
            if m2 and want_module(m2.group(1) + "Impl") and want_module(m2.group(1)):
                HOLDERS.add(m2.group(1))
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
                # The real headers' bare `string` resolves through a using-directive the model lacks.
                params = re.sub(r"(?<![\w:])string\b", "std::string", norm(m.group(3)))
                emit(scope, "%s %s(%s);" % (norm(m.group(1)), m.group(2), params))
                if scope.startswith("torch::nn::utils"):
                    UTIL_FUNCS.append((scope, m.group(2), params))
                continue
            # Declared, not defined (torch/nn/init.h).
            m = re.match(r"([\w:<>,\s&*]+?)\s+(\w+)\s*\((.*)\)$", head, re.S)
            if m and blk is None and scope == "torch::nn::init" and not tpl:
                emit(scope, "%s %s(%s);" % (norm(m.group(1)), m.group(2), norm(m.group(3))))
    walk(text, "")


def dependency_order(files, deps):
    """`files` sorted so that each comes after the files deps[f] names."""
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


def include_order(folder, files):
    """Files of one folder, each after the folder's files it includes."""
    deps = {}
    for f in files:
        with open(os.path.join(folder, f)) as fh:
            inc = re.findall(r'#include\s*<torch/nn/\w+/(\w+\.h)>', fh.read())
        deps[f] = [d for d in inc if d in files and d != f]
    return dependency_order(files, deps)


def collect(real_include, hand_modules=frozenset()):
    """(scope, decl) pairs in emission order."""
    decls = []

    def emit(scope, d):
        decls.append((scope, d))
    for f in ("enum.h", "nn/init.h", "fft.h", "linalg.h", "special.h"):
        with open(os.path.join(real_include, "torch", f)) as fh:
            scan_file(strip(fh.read()), lambda n: False, lambda n: True, emit)
    for sub, want_struct, want_func in (
            ("options", lambda n: n.endswith(("Options", "OptionsBase")), lambda n: False),
            ("functional", lambda n: n.endswith("Options"), lambda n: True)):
        folder = os.path.join(real_include, "torch", "nn", sub)
        files = [f for f in os.listdir(folder) if f.endswith(".h")]
        for f in include_order(folder, files):
            with open(os.path.join(folder, f)) as fh:
                scan_file(strip(fh.read()), want_struct, want_func, emit)
    return decls


def collect_modules(real_include, hand_modules):
    """Classes of torch/nn/modules/*.h (the module classes, their templated
    bases such as ConvNdImpl<D, Derived> or RNNImplBase<Derived>, and the
    holders) in the real headers' own hierarchy, except the classes the
    hand-written nn.h declares (containers, AnyModule, Functional); before
    them torch/nn/utils/*.h (PackedSequence, which the RNN modules use, and
    the free functions)."""
    decls = []
    emit = lambda s, d: decls.append((s, d))
    want = lambda n: n not in hand_modules
    folder = os.path.join(real_include, "torch", "nn", "utils")
    for f in sorted(os.listdir(folder)):
        if f.endswith(".h"):
            with open(os.path.join(folder, f)) as fh:
                scan_file(strip(fh.read()), lambda n: False, lambda n: not n.startswith("_"), emit,
                          want_module=want)
    folder = os.path.join(real_include, "torch", "nn", "modules")
    files = [f for f in os.listdir(folder) if f.endswith(".h") and not f.startswith("_")]
    for f in include_order(folder, files):
        with open(os.path.join(folder, f)) as fh:
            scan_file(strip(fh.read()), lambda n: False, lambda n: False, emit, want_module=want)
    return decls


def render_spans(decls, head=()):
    """Consecutive declarations of one scope grouped into namespace blocks
    after the lines `head`: the text, and each declaration's first and last
    line (to trace a parse error back to its declaration)."""
    out, spans, cur = list(head), [], None
    for scope, d in decls:
        if scope != cur:
            if cur is not None:
                out.append("}" * len(cur.split("::")))
            out.append(" ".join("namespace %s {" % p for p in scope.split("::")))
            cur = scope
        first = sum(x.count("\n") + 1 for x in out) + 1
        out.append(d)
        spans.append((first, first + d.count("\n")))
    if cur is not None:
        out.append("}" * len(cur.split("::")))
    return "\n".join(out) + "\n", spans


def render(decls):
    """Group consecutive declarations of one scope into namespace blocks."""
    return render_spans(decls)[0]


def write(path, real_include, banner, path_modules=None, hand_modules=frozenset()):
    if path_modules:
        mods = collect_modules(real_include, hand_modules)
        with open(path_modules, "w") as f:
            f.write(banner + "// The module classes of torch/nn/modules (templated bases, modules, holders) but the\n"
                    "// containers the hand-written nn.h declares, and torch/nn/utils, read from libtorch-dev's\n"
                    "// headers (tools/model_gen/frontend.py).\n#pragma once\n\n")
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


def param_types(params):
    """The types of a parameter list, names and default values dropped."""
    out = []
    for a in split_args(params):
        a = norm(a.split("=")[0]) if "=" in a else norm(a)
        m = re.match(r"(.*?[\w>&*\s])\s*\b(\w+)$", a)
        if not m or m.group(1).strip() in ("const", ""):
            return None  # an unnamed parameter: its type is not safely separable
        out.append(m.group(1).strip())
    return out


def inherited(name, key):
    """What name's templated bases give it: data member names, or the
    (method, parameter list) pairs whose parameter types do not name a
    template parameter (those are spelled the same in the derived class)."""
    out = []
    for b in CLASSES[name]["bases"]:
        if b in CLASSES and CLASSES[b]["tpl"]:
            info = CLASSES[b]
            if key == "members":
                out += info["members"]
            else:
                out += [(m, p) for m, p, st in info["methods"] if not st and not any(
                    re.search(r"\b%s\b" % t, p) for t in info["tpl"])]
            out += inherited(b, key)
    return out


def write_module_calls(path, banner):
    """A sample that, for every concrete class of torch/nn/modules and
    torch/nn/utils, constructs it through each of its constructors and its
    holder (also from its options struct), calls each method with
    arguments of the declared parameter types and reads each public data
    member, its templated bases' included, in functions never called, inside
    namespace torch::nn (the headers' own scope for unqualified names)."""
    lines = [banner, "#include <torch/torch.h>", "", "template <class T> T& ref();", ""]
    options = {alias for scope, alias, target in ALIASES if OPTION_ARGS.get(target) is not None}
    n = 0
    for name, info in CLASSES.items():
        if info["tpl"]:
            continue
        body = []
        q = "%s::%s" % (info["scope"], name)
        base = name[:-4] if name.endswith("Impl") else None
        holder = base if base in HOLDERS or "ModuleHolder" in CLASSES.get(base, {}).get("bases", []) else None
        for params in info["ctors"]:
            t = param_types(params)
            if t is not None:
                body.append("(void)(%s(%s));" % (q, ", ".join("ref<%s>()" % x for x in t)))
        if name.endswith("Impl") and name[:-4] + "Options" in options:
            body.append("(void)(%s(ref<%sOptions>()));" % (q, name[:-4]))
            if holder:
                body.append("(void)(%s(ref<%sOptions>()));" % (holder, name[:-4]))
        for meth, params, static in info["methods"]:
            t = param_types(params)
            if t is None:
                continue
            args = ", ".join("ref<%s>()" % x for x in t)
            body.append("(void)(%s%s(%s));" % ("%s::" % q if static else "ref<%s>()." % q, meth, args))
            if holder and meth == "forward":
                body.append("(void)(ref<%s>()(%s));" % (holder, args))
                body.append("(void)(ref<%s>()->%s(%s));" % (holder, meth, args))
        for meth, params in inherited(name, "methods"):
            t = param_types(params)
            if t is not None:
                body.append("(void)(ref<%s>().%s(%s));" % (q, meth, ", ".join("ref<%s>()" % x for x in t)))
        for mem in info["members"] + inherited(name, "members"):
            body.append("(void)(ref<%s>().%s);" % (q, mem))
        if not body:
            continue
        n += len(body)
        lines.append("namespace %s {" % info["scope"].replace("::", " { namespace ") + "\nvoid calls_%s() {" % name)
        lines += ["  " + b for b in body]
        lines.append("}\n" + "}" * len(info["scope"].split("::")))
    for i, (scope, name, params) in enumerate(UTIL_FUNCS):
        t = param_types(params)
        if t is None:
            continue
        n += 1
        lines.append("namespace %s {" % scope.replace("::", " { namespace ") + "\nvoid utils_%d() {" % i)
        lines.append("  (void)(%s::%s(%s));" % (scope, name, ", ".join("ref<%s>()" % x for x in t)))
        lines.append("}\n" + "}" * len(scope.split("::")))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return n
