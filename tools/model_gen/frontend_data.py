"""frontend_data: declarations of the C++ frontend's torch::optim,
torch::data and torch::serialize surface, read from libtorch-dev's installed
headers (torch/optim/*.h, torch/data/**/*.h, torch/serialize*.h).

Unlike the option structs (frontend.py), these headers are class templates
with bodies: datasets, transforms, samplers, the data loader and its
iterator, optimizers and their options. The scanner (frontend.py's
brace-aware helpers) keeps every class with its public members as
declarations: member types, constructors, methods (bodies and initializer
lists dropped), data members (initializers dropped), TORCH_ARG accessors,
nested enums. Protected members are kept for non-template classes (a user
optimizer reads param_groups_ and defaults_); private ones are dropped.
Inline and template functions become prototypes.

Each written file is then parsed with clang against the model headers it is
included from; a top-level declaration or member that does not parse there
(it names something the model lacks) is left out and listed in the file's
header, so the model never declares more than it can type."""
import os
import re
import subprocess
import tempfile

import frontend
from frontend import match_close, split_args, statements

def norm(s):
    return re.sub(r"([(<])\s+", r"\1", frontend.norm(s))


ROOTS = ("torch/optim", "torch/data", "torch/serialize")
# Internals of the loader's threads: their names never appear in user code.
SKIP_FILES = ("torch/data/detail/data_shuttle.h", "torch/data/detail/queue.h",
              "torch/data/detail/sequencers.h")
# Where the newest release changed a member so that code written for it does
# not parse against 1.13's: the model declares the newest form (LibTorch 2.x
# made Optimizer::zero_grad virtual, with set_to_none defaulting to true).
NEWEST = {("Optimizer", "void zero_grad();"): "virtual void zero_grad(bool set_to_none = true);"}
ACCESS = re.compile(r"^\s*((?:(?:public|private|protected)\s*:\s*)+)")


def header_files(real_include, roots):
    """The headers under roots in include order (each after the ones it includes)."""
    files = []
    for root in roots:
        base = os.path.join(real_include, root)
        if os.path.isfile(base + ".h"):
            files.append(root + ".h")
        for dirpath, _, names in os.walk(base):
            for n in names:
                if n.endswith(".h"):
                    files.append(os.path.relpath(os.path.join(dirpath, n), real_include))
    files = [f for f in files if f not in SKIP_FILES]
    deps = {}
    for f in files:
        with open(os.path.join(real_include, f)) as fh:
            deps[f] = [d for d in re.findall(r"#include\s*<([\w/.-]+)>", fh.read()) if d in files and d != f]
    return frontend.dependency_order(files, deps)


def template_head(head):
    """(template prefix, rest) with balanced angle brackets."""
    m = re.match(r"template\s*<", head)
    if not m:
        return "", head
    end = match_close(head, m.end() - 1, "<", ">")
    return norm(head[:end]) + " ", head[end:].strip()


def signature(head, name_end):
    """A function head up to its trailing qualifiers, without a ctor's
    initializer list; name_end is the index of the '(' opening its parameters."""
    close = match_close(head, name_end, "(", ")")
    tail = head[close:]
    m = re.match(r"((?:\s*(?:const|noexcept(?:\([^)]*\))?|override|final|&&|&|volatile))*)"
                 r"(\s*->\s*[^:{]+?)?(\s*=\s*(?:0|default|delete))?\s*(?::.*)?$", tail, re.S)
    if not m:
        return None
    pure = m.group(3) or ""
    # A destructor `= default` is a definition: every file that destroys an
    # optimizer or a dataset would instantiate its members' destructors
    # (std::vector<OptimizerParamGroup>, std::unique_ptr<OptimizerOptions>),
    # about 7 ms of each parse. Declared, it is only called.
    if "default" in pure and re.search(r"~\w+\s*$", head[:name_end]):
        pure = ""
    return norm(head[:close] + (m.group(1) or "") + (m.group(2) or "") + pure)


SCOPE = [""]  # the namespace being scanned
ARGS = {}    # class name -> its TORCH_ARG names, for the usage sample
BASES = {}   # class name -> its base-clause text


def torch_arg(owner, head):
    p = head.index("(")
    parts = split_args(head[p + 1:match_close(head, p, "(", ")") - 1])
    t, arg = norm(", ".join(parts[:-1])), parts[-1]
    ARGS.setdefault(owner, []).append(arg)
    return ["%s& %s(const %s& new_%s);" % (owner, arg, t, arg),
            "const %s& %s() const noexcept;" % (t, arg),
            "%s& %s() noexcept;" % (t, arg)]


def member(owner, head, blk):
    """Declarations for one member statement (a list; empty to drop it)."""
    tpl, rest = template_head(head)
    rest = re.sub(r"^(?:TORCH_API\s+)", "", rest)
    if re.match(r"(static_assert|friend\s+(?:class|struct))\b", rest):
        return []
    if rest.startswith("TORCH_ARG("):
        return torch_arg(owner, rest)
    if re.match(r"(enum(?:\s+class)?)\s+\w+", rest) and blk is not None:
        return ["%s { %s };" % (norm(rest), norm(blk))]
    m = re.match(r"(?:struct|class)\s+(\w+)\b", rest)
    if m and blk is not None:
        return [klass(tpl, rest, blk)]
    if re.match(r"(typedef|using)\b", rest) and blk is None:
        return [tpl + norm(rest) + ";"]
    if re.match(r"(?:static\s+)?constexpr\s+static|static\s+constexpr|constexpr\s+static", rest) and "(" not in rest:
        return [norm(rest) + ";"]
    # Functions: the first top-level '(' after a name.
    m = re.match(r"(.*?\b(?:operator\s*(?:\(\)|[^\s(]+)|~?\w+))\s*\(", rest, re.S)
    if m:
        name_end = rest.index("(", m.end(1))
        pre = m.group(1)
        if re.search(r"\b(?:auto|decltype\s*\(\s*auto)\b", pre) and "->" not in rest[name_end:]:
            return []  # a deduced return type cannot be declared without the body
        sig = signature(rest, name_end)
        if sig is None:
            return []
        sig = re.sub(r"^(?:inline\s+|/\*.*?\*/\s*)+", "", sig)
        return [tpl + sig + ";"]
    if blk is None and not tpl and re.match(r"[\w:<>,\s&*]+\s+\w+(\s*=.*)?$", rest, re.S):
        decl = re.sub(r"\s*=.*$", "", rest, flags=re.S)
        if re.match(r"(return|throw|delete)\b", decl):
            return []
        return [norm(decl) + ";"]
    return []


def klass(tpl, head, body):
    """A class or struct with its public (and, for plain classes, protected)
    members, and the overrides among the others (a pure virtual left
    unimplemented would make the class abstract)."""
    m = re.match(r"(struct|class)\s+(?:TORCH_API\s+)?(\w+)", head)
    kind, name = m.group(1), m.group(2)
    BASES[name] = head[m.end():]
    if SCOPE[0].startswith("torch::optim"):
        OPTIM_NAMES.add(name)
    access = "public" if kind == "struct" else "private"
    keep_protected = not tpl.strip()
    out = []
    for h, b in statements(body):
        a = ACCESS.match(h)
        if a:
            access = re.findall(r"(public|private|protected)", a.group(1))[-1]
            h = h[a.end():].strip()
        if not h:
            continue
        hidden = access == "private" or (access == "protected" and not keep_protected)
        for d in member(name, h, b):
            # Hidden virtuals still decide whether a class is abstract: kept, private.
            if hidden and not (re.search(r"\)[^()]*\boverride\b", d) or re.match(r"(template\s*<.*>\s*)?virtual\b", d)):
                continue
            out.append(("private" if hidden else access, NEWEST.get((name, d), d)))
    lines, cur = [], None
    for acc, d in out:
        if acc != cur:
            lines.append(" %s:" % acc)
            cur = acc
        lines.append("  " + d)
    head = re.sub(r"\bTORCH_API\s+", "", norm(head))
    head = re.sub(r"\s+final\b", "", head)  # final classes stay final in spirit; the model needs no keyword
    return "%s%s {\n%s};" % (tpl, head, "".join(x + "\n" for x in lines))


def scan(text, emit):
    """Walk the namespaces of one stripped header, emitting (scope, decl)."""
    def walk(body, scope):
        SCOPE[0] = scope
        for head, blk in statements(body):
            head = frontend.drop_access(head)
            m = re.match(r"namespace\s+([\w:]+)$", head)
            if m and blk is not None:
                walk(blk, scope + "::" + m.group(1) if scope else m.group(1))
                SCOPE[0] = scope
                continue
            if not scope.startswith("torch"):
                continue
            tpl, rest = template_head(head)
            if re.match(r"(?:struct|class)\s", rest):
                if blk is not None:
                    emit(scope, klass(tpl, rest, blk))
                elif "(" not in rest:
                    emit(scope, tpl + norm(rest) + ";")
                continue
            if re.match(r"(typedef|using)\b", rest) and blk is None and "namespace" not in rest:
                emit(scope, tpl + norm(rest) + ";")
                continue
            if re.match(r"enum\b", rest) and blk is not None:
                emit(scope, "%s { %s };" % (norm(rest), norm(blk)))
                continue
            decls = member("", head, blk) if "(" in rest else []
            for d in decls:
                if "(" in d and not d.startswith(("typedef", "using")):
                    emit(scope, d)
    walk(text, "")


def collect(real_include, roots):
    decls, seen = [], set()

    def emit(scope, d):
        if (scope, d) not in seen:
            seen.add((scope, d))
            decls.append((scope, d))
    files = header_files(real_include, roots)
    for f in files:
        with open(os.path.join(real_include, f)) as fh:
            scan(frontend.strip(fh.read()), emit)
    return decls, files


def clang_errors(path, include_dir, entry, std="c++17"):
    """Error lines of `path` when `entry` (a model header) is parsed."""
    with tempfile.NamedTemporaryFile("w", suffix=".cpp", delete=False) as tu:
        tu.write('#include "%s"\n' % entry)
    try:
        r = subprocess.run(["clang++", "-x", "c++", "-std=" + std, "-fsyntax-only", "-ferror-limit=0",
                            "-I", include_dir, tu.name], capture_output=True, text=True)
    finally:
        os.unlink(tu.name)
    lines = set()
    real = os.path.realpath(path)
    for m in re.finditer(r"^(.*?):(\d+):\d+: error:", r.stderr, re.M):
        if os.path.realpath(m.group(1)) == real:
            lines.add(int(m.group(2)))
    return lines, r.stderr


def render(decls, dropped, banner, intro):
    """The file text and, per declaration, its first and last line."""
    head = [banner + intro]
    if dropped:
        head.append("// Left out (they name what the model headers lack):")
        head.extend("//   " + d for d in sorted(dropped))
    head.append("#pragma once\n")
    return frontend.render_spans(decls, head)


def label(scope, d):
    m = re.search(r"(?:struct|class)\s+(\w+(?:<[^{]*?>)?)", d.split("{")[0]) or \
        re.search(r"([\w~]+(?:\s*[^\w\s(]+)?)\s*\(", d)
    return "%s::%s" % (scope, norm(m.group(1)) if m else norm(d)[:40])


def write(path, real_include, roots, banner, intro, include_dir, entry, max_rounds=12):
    """Write the declarations of roots to path, leaving out each one that
    does not parse when `entry` (which includes path) is parsed."""
    decls, files = collect(real_include, roots)
    dropped = set()
    for _ in range(max_rounds):
        text, spans = render(decls, dropped, banner, intro)
        with open(path, "w") as f:
            f.write(text)
        bad, err = clang_errors(path, include_dir, entry)
        if not bad:
            if " error:" in err:  # elsewhere: the check itself is broken, or a clash in a hand-written header
                raise SystemExit("%s: parsing %s fails outside it:\n%s" % (path, entry, err))
            break
        keep = []
        for (scope, d), (a, b) in zip(decls, spans):
            hit = [ln - a for ln in bad if a <= ln <= b]
            if not hit:
                keep.append((scope, d))
                continue
            if a == b or hit == [0]:
                dropped.add(label(scope, d))
                continue
            # A class: drop the members on the error lines only.
            lines = d.split("\n")
            for i in hit:
                if 0 < i < len(lines) - 1:
                    dropped.add("%s member %s" % (label(scope, d), norm(lines[i])))
                    lines[i] = None
            keep.append((scope, "\n".join(x for x in lines if x is not None)))
        decls = keep
    else:
        raise SystemExit("%s: still does not parse after %d rounds:\n%s" % (path, max_rounds,
                                                                           clang_errors(path, include_dir, entry)[1]))
    return len(decls), len(dropped), files


def write_all(inc, real_include, date, version, calls_out):
    """Write generated/optim_gen.h (torch::optim, torch::serialize) and
    generated/data_gen.h (torch::data), each checked by parsing the model's
    torch/torch.h; then the usage sample. Returns lines to print."""
    banner = ("// GENERATED by tools/model_gen (make model-gen) on %s from the C++ frontend headers of\n"
              "// libtorch-dev %s (%s); do not edit. Declarations only (tfgradlint API model,\n"
              "// see rules/README.md).\n" % (date, version, real_include))
    inc = os.path.abspath(inc)
    gen = os.path.join(inc, "generated")
    include_dir = os.path.dirname(inc)
    entry = os.path.join(include_dir, "torch", "torch.h")
    data_path = os.path.join(gen, "data_gen.h")
    # data_gen.h is included after optim_gen.h: an empty one while optim_gen.h is checked.
    with open(data_path, "w") as f:
        f.write("#pragma once\n")
    out = []
    for path, roots, what in (
            (os.path.join(gen, "optim_gen.h"), ("torch/optim", "torch/serialize"),
             "torch::optim (optimizers, options, parameter groups and state, LR schedulers) and\n"
             "// torch::serialize (archives, torch::save/load, pickle_save/load)"),
            (data_path, ("torch/data",),
             "torch::data (Example, datasets, transforms, samplers, data loaders and their iterator)")):
        n, nd, files = write(path, real_include, roots, banner,
                             "// %s, read from %d\n// headers by tools/model_gen/frontend_data.py.\n"
                             % (what, len(header_files(real_include, roots))),
                             include_dir, entry)
        out.append("wrote %s: %d declarations from %d headers, %d left out" % (os.path.relpath(path), n, len(files), nd))
    if calls_out:
        nc = write_calls(calls_out, "// GENERATED by tools/model_gen (make model-gen): the torch::optim, torch::data and\n"
                                    "// torch::serialize surface in use (tools/model_gen/frontend_data.py); valid with the\n"
                                    "// real LibTorch headers. The model headers must parse it too (tests/model_headers;\n"
                                    "// make check-real-headers).")
        out.append("wrote %s: %d generated uses besides the fixed part" % (calls_out, nc))
    return out


SAMPLE = r'''
template <class T> T& ref();

// A user dataset, transform, options struct and optimizer, as real code writes them.
class Points : public torch::data::datasets::Dataset<Points> {
 public:
  explicit Points(int64_t n) : x_(torch::randn({n, 4})), y_(torch::randn({n, 1})) {}
  torch::data::Example<> get(size_t index) override { return {x_[index], y_[index]}; }
  torch::optional<size_t> size() const override { return x_.size(0); }

 private:
  torch::Tensor x_, y_;
};

struct Twice : public torch::data::transforms::TensorTransform<> {
  torch::Tensor operator()(torch::Tensor input) override { return input * 2; }
};

struct DecayOptions : public torch::optim::OptimizerCloneableOptions<DecayOptions> {
  DecayOptions(double lr = 0.1) : lr_(lr) {}
  TORCH_ARG(double, lr);
  TORCH_ARG(double, decay) = 0.0;
  void serialize(torch::serialize::InputArchive& archive) override {
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, decay);
  }
  void serialize(torch::serialize::OutputArchive& archive) const override {
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(decay);
  }
  double get_lr() const override { return lr(); }
  void set_lr(const double lr) override { this->lr(lr); }
};

class Decay : public torch::optim::Optimizer {
 public:
  explicit Decay(std::vector<torch::Tensor> params, DecayOptions defaults = {})
      : torch::optim::Optimizer({torch::optim::OptimizerParamGroup(params)}, std::make_unique<DecayOptions>(defaults)) {}
  torch::Tensor step(LossClosure closure = nullptr) override {
    torch::NoGradGuard no_grad;
    for (auto& group : param_groups_) {
      auto& options = static_cast<DecayOptions&>(group.options());
      for (auto& p : group.params()) {
        if (p.grad().defined()) p.sub_(p.grad() * options.lr() + p * options.decay());
      }
    }
    return {};
  }
};

void optimizer_api(torch::optim::Optimizer& optimizer, torch::nn::Linear& model) {
  optimizer.zero_grad();
  optimizer.add_param_group(torch::optim::OptimizerParamGroup(model->parameters()));
  optimizer.add_parameters(model->parameters());
  size_t n = optimizer.size();
  std::vector<torch::Tensor>& all = optimizer.parameters();
  for (auto& group : optimizer.param_groups()) {
    if (group.has_options()) group.options().set_lr(group.options().get_lr() * 0.5);
    std::vector<torch::Tensor>& params = group.params();
    (void)params;
  }
  torch::optim::OptimizerOptions& defaults = optimizer.defaults();
  std::unique_ptr<torch::optim::OptimizerOptions> copy = defaults.clone();
  torch::optim::OptimizerParamGroup group(model->parameters(), std::move(copy));
  group.set_options(std::make_unique<torch::optim::SGDOptions>(0.1));
  torch::optim::StepLR scheduler(optimizer, 10, 0.5);
  scheduler.step();
  Decay decay(model->parameters(), DecayOptions(0.01).decay(1e-4));
  decay.step();
  (void)n;
  (void)all;
}

void data_pipeline(torch::nn::Linear& model, torch::optim::Optimizer& optimizer) {
  auto dataset = Points(64)
                     .map(torch::data::transforms::Normalize<>(0.5, 0.25))
                     .map(Twice())
                     .map(torch::data::transforms::Lambda<torch::data::Example<>>(
                         [](torch::data::Example<> e) { return e; }))
                     .map(torch::data::transforms::TensorLambda<>([](torch::Tensor t) { return t + 1; }))
                     .map(torch::data::transforms::Stack<>());
  const size_t n = dataset.size().value();
  auto options = torch::data::DataLoaderOptions().batch_size(16).workers(0).drop_last(true).enforce_ordering(true);
  auto loader = torch::data::make_data_loader(std::move(dataset), options);
  for (auto& batch : *loader) {
    optimizer.zero_grad();
    torch::Tensor loss = torch::mse_loss(model->forward(batch.data), batch.target);
    loss.backward();
    optimizer.step();
  }
  for (auto it = loader->begin(); it != loader->end(); ++it) {
    torch::Tensor data = it->data;
    torch::Tensor target = (*it).target;
  }
  auto unstacked = torch::data::make_data_loader(Points(8), 4);
  for (std::vector<torch::data::Example<>>& batch : *unstacked) {
    for (auto& example : batch) torch::Tensor x = example.data + example.target.sum();
  }
  auto explicit_sampler = torch::data::make_data_loader(Points(8).map(torch::data::transforms::Stack<>()),
                                                        torch::data::samplers::RandomSampler(8),
                                                        torch::data::DataLoaderOptions(4));
  auto tensors = torch::data::datasets::TensorDataset(torch::randn({8, 2}))
                     .map(torch::data::transforms::Stack<torch::data::TensorExample>());
  for (auto& batch : *torch::data::make_data_loader(std::move(tensors), 2)) torch::Tensor x = batch.data;
  auto shared = torch::data::datasets::make_shared_dataset<Points>(8);
  torch::optional<size_t> shared_size = shared->size();
  auto mnist = torch::data::datasets::MNIST("./data", torch::data::datasets::MNIST::Mode::kTest)
                   .map(torch::data::transforms::Normalize<>(0.1307, 0.3081))
                   .map(torch::data::transforms::Stack<>());
  std::vector<size_t> indices{0, 1};
  torch::data::Example<> first = mnist.get_batch(indices);
  torch::data::Example<> stacked =
      torch::data::transforms::Stack<>().apply_batch(std::vector<torch::data::Example<>>{first});
  (void)n;
  (void)explicit_sampler;
  (void)shared_size;
  (void)stacked;
}

void serialization(torch::nn::Linear& model, torch::optim::Adam& optimizer) {
  torch::save(model, "model.pt");
  torch::load(model, "model.pt");
  torch::save(optimizer, "optimizer.pt");
  torch::load(optimizer, "optimizer.pt");
  std::vector<torch::Tensor> tensors{torch::ones({2})};
  torch::save(tensors, "tensors.pt");
  torch::load(tensors, "tensors.pt");
  std::stringstream stream;
  torch::save(model, stream);
  torch::serialize::OutputArchive out;
  model->save(out);
  optimizer.save(out);
  out.write("step", torch::ones({1}));
  out.save_to("archive.pt");
  torch::serialize::InputArchive in;
  in.load_from("archive.pt");
  model->load(in);
  torch::Tensor step;
  in.read("step", step);
  std::vector<char> bytes = torch::pickle_save(torch::IValue(torch::ones({2})));
  torch::IValue back = torch::pickle_load(bytes);
}
'''


def write_calls(path, banner):
    """The usage sample: SAMPLE, then every option of every options struct
    set from its own getter, every optimizer built from parameters and from
    parameter groups with its options and stepped with a closure, and every
    size-constructed sampler given to make_data_loader. Valid with the real
    headers; the model headers must accept it too."""
    lines = [banner, "#include <torch/torch.h>", "#include <sstream>", SAMPLE]
    scope = {}
    for name, args in sorted(ARGS.items()):
        scope[name] = "torch::optim::" if name in OPTIM_NAMES else "torch::data::datasets::" \
            if name.startswith("Chunk") else "torch::data::"
    n = 0
    for i, (name, args) in enumerate(sorted(ARGS.items())):
        t = scope[name] + name
        lines.append("void options_%d() {" % i)
        for a in args:
            lines.append("  (void)sizeof(ref<%s>().%s(ref<%s>().%s()));" % (t, a, t, a))
            n += 1
        lines.append("}")
    optimizers = sorted(c for c, b in BASES.items() if re.search(r"public\s+Optimizer\b", b))
    lines.append("void optimizers(torch::nn::Linear& model) {")
    lines.append("  auto loss = [&] { return model->forward(torch::ones({1, 4})).sum(); };")
    for i, c in enumerate(optimizers):
        lines.append("  torch::optim::%s o%d(model->parameters(), torch::optim::%sOptions(0.01));" % (c, i, c))
        lines.append("  torch::optim::%s g%d({torch::optim::OptimizerParamGroup(model->parameters())}, "
                     "torch::optim::%sOptions(0.01));" % (c, i, c))
        lines.append("  o%d.step(loss);" % i)
        n += 3
    lines.append("}")
    samplers = sorted(c for c, b in BASES.items() if re.search(r"public\s+(?:Distributed)?Sampler<>", b))
    lines.append("void samplers() {")
    for c in samplers:
        lines.append("  for (auto& batch : *torch::data::make_data_loader<torch::data::samplers::%s>("
                     "Points(8).map(torch::data::transforms::Stack<>()), 4)) torch::Tensor x = batch.data;" % c)
        n += 1
    lines.append("}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return n


OPTIM_NAMES = set()
