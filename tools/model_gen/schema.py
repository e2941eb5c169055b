"""schema: parse PyTorch function schema strings (native_functions.yaml,
derivatives.yaml) into names, overloads, arguments and returns.

Only what the model generator needs: argument types, names, defaults and
whether they are keyword-only or out= arguments, and the return types."""
import re
from dataclasses import dataclass, field


@dataclass
class Arg:
    type: str            # schema type with alias annotation removed: Tensor, Tensor?, int[], Scalar, ...
    name: str
    default: str = None
    kwarg_only: bool = False
    mutable: bool = False  # Tensor(a!)

    @property
    def is_tensor(self):
        return self.type in ("Tensor", "Tensor?")

    @property
    def is_tensor_list(self):
        return self.type in ("Tensor[]", "Tensor?[]")


@dataclass
class Schema:
    name: str
    overload: str
    args: list = field(default_factory=list)
    returns: list = field(default_factory=list)  # list of (type, name)

    @property
    def full_name(self):
        return self.name + ("." + self.overload if self.overload else "")

    @property
    def is_out(self):
        return any(a.mutable and a.kwarg_only for a in self.args)

    @property
    def is_inplace(self):
        return self.name.endswith("_") and not self.name.endswith("__")


def split_top(s, sep=","):
    """Split at `sep` outside brackets and quotes."""
    out, depth, cur, quote = [], 0, [], None
    for ch in s:
        if quote:
            cur.append(ch)
            if ch == quote:
                quote = None
            continue
        if ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == sep and depth == 0:
            out.append("".join(cur).strip())
            cur = []
            continue
        cur.append(ch)
    if "".join(cur).strip():
        out.append("".join(cur).strip())
    return out


_ALIAS = re.compile(r"\((\w|\||!|\*|\s|->)*\)")


def _strip_alias(t):
    mutable = "!" in t
    return _ALIAS.sub("", t).strip(), mutable


def parse_arg(text, kwarg_only):
    default = None
    if "=" in text:
        text, default = text.split("=", 1)
        default = default.strip()
    parts = text.strip().rsplit(" ", 1)
    typ, mutable = _strip_alias(parts[0])
    return Arg(typ, parts[1] if len(parts) > 1 else "", default, kwarg_only, mutable)


def parse(func):
    # The arguments end at the parenthesis matching the first one.
    i = func.index("(")
    depth = 0
    for j in range(i, len(func)):
        if func[j] == "(":
            depth += 1
        elif func[j] == ")":
            depth -= 1
            if depth == 0:
                break
    name = func[:i].strip()
    argtext = func[i + 1:j]
    rettext = func[j + 1:].strip()
    if rettext.startswith("->"):
        rettext = rettext[2:].strip()
    base, _, overload = name.partition(".")
    s = Schema(base, overload)
    kwarg_only = False
    for a in split_top(argtext):
        if a == "*":
            kwarg_only = True
            continue
        s.args.append(parse_arg(a, kwarg_only))
    if rettext.startswith("(") and rettext.endswith(")"):
        rets = split_top(rettext[1:-1])
    else:
        rets = [rettext] if rettext else []
    for r in rets:
        parts = r.rsplit(" ", 1)
        typ, _ = _strip_alias(parts[0] if len(parts) > 1 and not parts[1].startswith("(") else r)
        s.returns.append((typ, parts[1] if len(parts) > 1 and typ != r.strip() else ""))
    return s
