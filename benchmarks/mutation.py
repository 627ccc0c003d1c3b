"""Mutation testing of coursekit's lesson modules: do the unit tests notice a realistic bug? (on demand, not CI)

    python benchmarks/mutation.py                                   # 120 mutants over every lesson module
    python benchmarks/mutation.py --modules rnn gates --max-mutants 30 --seed 1
    python benchmarks/mutation.py --list                            # show the mutants, run nothing

Each mutant is one small change to one module, made by an operator below (``+``/``-``, ``<``/``<=``, an
integer one off, ``dim=0``/``dim=1``, ``True``/``False`` in a default, ``train()``/``eval()``, a dropped
``.detach()`` …). It goes into a copy of the project in a temporary folder (coursekit/, tests/ and the top-level
files as they are at the start of the run; the working tree is never written to), and the fast unit-test files of
that module run there with ``pytest -x -q``. A failing test, an import error or a time-out *kills* the
mutant; when every test passes it *survives*: a bug the tests would let through (or an equivalent mutant, which
changes nothing observable: list those in EQUIVALENT). The mutants are sampled evenly over modules and operators
(``--seed``). The report goes to build/mutation/report.md (and results.json).
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# module -> its unit-test files, the most direct first (pytest -x stops at the first failure)
TESTS = {
    "conv": ["test_cnn.py"], "batchnorm": ["test_batchnorm.py"], "init": ["test_init.py", "test_deepnets.py"],
    "rnn": ["test_rnn.py", "test_gates.py", "test_stacked.py"], "nextword": ["test_rnn.py"],
    "rnnplots": ["test_rnn.py"], "gates": ["test_gates.py", "test_stacked.py"], "gatediagrams": ["test_gates.py"],
    "stacked": ["test_stacked.py", "test_gates.py"],
    "classifiers": ["test_classifiers.py", "test_sentiment.py", "test_stacked.py", "test_gates.py"],
    "bptt": ["test_bptt.py"], "metrics": ["test_cnn.py"], "deepnets": ["test_deepnets.py"],
    "text": ["test_text.py", "test_rnn.py", "test_sentiment.py", "test_langmodel.py"],
    "timeseries": ["test_timeseries.py", "test_forecast.py"], "seriesplots": ["test_timeseries.py"],
    "forecast": ["test_forecast.py"], "lmdata": ["test_langmodel.py"], "ngram": ["test_langmodel.py"],
    "langmodel": ["test_langmodel.py"], "sentiment": ["test_sentiment.py"],
    "rnntypes": ["test_rnntypes.py"], "rnntypeplots": ["test_rnntypes.py"],
    "models": ["test_core.py", "test_diagnostics_plotting.py", "test_cnn.py"],
    "training": ["test_core.py", "test_forecast.py", "test_sentiment.py", "test_langmodel.py"],
    "architectures": ["test_cnn.py"], "vision": ["test_cnn.py"], "data": ["test_core.py", "test_cnn.py"],
    # not lesson modules, but available with --modules
    "notebook": ["test_validator.py", "test_slides_site.py"],
    "plotting": ["test_diagnostics_plotting.py", "test_cnn.py"],
}
LESSON_MODULES = [m for m in TESTS if m not in ("notebook", "plotting")]
# files that test many modules: only their tests that import the mutated module run (all, if imported at the top)
SHARED_TESTS = ["test_mutation_survivors.py", "test_edge_defects.py", "test_properties.py", "test_bad_inputs.py"]
# keyword arguments and defaults whose value changes nothing a test can check: looks, progress bars, seeds, and
# layer sizes or training lengths (any value works)
COSMETIC = {"figsize", "fontsize", "dpi", "alpha", "lw", "linewidth", "ms", "markersize", "zorder", "rotation", "pad",
            "color", "s", "width", "height", "progress", "verbose", "leave", "disable", "seed", "title", "ncols",
            "emb_dim", "embed_dim", "hidden", "hidden_size", "batch_size", "epochs"}
# mutants checked by hand to change nothing a test could observe: (module, function, original line, mutated line) -> why
EQUIVALENT: dict[tuple[str, str, str, str], str] = {
    ("ngram", "top_k_accuracy", 'check_positive_int(k, "k")', "pass"):
        "top_guesses checks k itself; only an all-padding Y with k = 0 would report the other error first",
    ("langmodel", "next_word_probs", "return torch.softmax(model(x)[0, -1].double(), dim=-1).cpu() # (V,)",
     "return torch.softmax(model(x)[0, -1].double(), dim=0).cpu() # (V,)"):
        "the tensor has one axis, so dim=0 is dim=-1",
    ("training", "", "def _forward(model: nn.Module, x: torch.Tensor, watch: bool = True) -> torch.Tensor:",
     "def _forward(model: nn.Module, x: torch.Tensor, watch: bool = False) -> torch.Tensor:"):
        "both callers pass watch= themselves",
    ("nextword", "walk_through", "@torch.no_grad()", "@torch.enable_grad()"):
        "H comes from hidden_states (itself under no_grad) and the guesses are plain floats",
    ("nextword", "next_word_accuracy", "@torch.no_grad()", "@torch.enable_grad()"):
        "it returns a plain float",
    ("forecast", "holt_winters_forecast", 'warnings.simplefilter("ignore") # statsmodels\' convergence chatter',
     'pass # statsmodels\' convergence chatter'):
        "it only hides statsmodels' warnings; the forecasts are the same",
    ("data", "split_indices", "if not (0 <= val < 1 and 0 < test < 1 and val + test < 1):",
     "if not (0 <= val < 1 and 0 < test <= 1 and val + test < 1):"):
        "test = 1 with val ≥ 0 already fails val + test < 1",
    ("forecast", "recursive_forecast", "model_or_fn.eval()", "model_or_fn.train()"):
        "predict_windows, which makes every step, switches the model to eval mode itself",
    ("forecast", "recursive_forecast", "@torch.no_grad()", "@torch.enable_grad()"):
        "both paths already leave the graph: predict_windows runs under no_grad and _as_tensor detaches",
    ("forecast", "RecurrentForecaster.forward", "pred = pred + last[:, 0, self.target:self.target + 1] # change → level: y_t + Δ",
     "pred = pred + last[:, -1, self.target:self.target + 1] # change → level: y_t + Δ"):
        "last is x[:, -1:, :], one step long: index 0 and index -1 are the same step",
    ("sentiment", "NgramLogReg.fit", "self.vectorizer = CountVectorizer(tokenizer=_tokens, lowercase=False, token_pattern=None,",
     "self.vectorizer = CountVectorizer(tokenizer=_tokens, lowercase=True, token_pattern=None,"):
        "the course's tokenizer already lowercases every token",
    ("architectures", "layer_shapes", "with torch.no_grad():", "with torch.enable_grad():"):
        "only the output shapes are recorded; autograd costs memory, nothing else",
    ("gates", "gradient_through_time", "e = x.detach().clone().requires_grad_() # (B, T, I)",
     "e = x.clone().requires_grad_() # (B, T, I)"): "autograd.grad(loss, e) is the same for a non-leaf e",
    ("init", "init_weights", "@torch.no_grad()", "@torch.enable_grad()"):
        "every nn.init function and reset_parameters already run under no_grad",
    ("training", "fit", "bar.close()", "pass"): "the progress bar only (tqdm closes it when it is collected)",
    ("training", "_epoch", "total_loss += loss.detach() * bs", "total_loss += loss * bs"):
        "the same numbers; only the graphs of an epoch's batches stay in memory until it ends",
    ("training", "targets_of", "@torch.no_grad()", "@torch.enable_grad()"): "labels never carry a graph",
    ("training", "evaluate", "@torch.no_grad()", "@torch.enable_grad()"):
        "_epoch switches gradients off itself (set_grad_enabled(False)) and only floats come back",
    ("text", "Vocab.pad_index", "return self.stoi.get(PAD, 0)", "return self.stoi.get(PAD, 1)"):
        "an arbitrary fallback for a vocabulary without <pad>, which the course never builds",
    ("gates", "gradient_through_time", "e = model.embedding(x).detach().requires_grad_() # (B, T, E)",
     "e = model.embedding(x).requires_grad_() # (B, T, E)"):
        "autograd.grad(loss, e) gives the same gradient for a non-leaf e; no parameter's .grad is touched either way",
    ("rnntypes", "Decoder.generate", "@torch.no_grad()", "@torch.enable_grad()"):
        "it returns token ids and lengths (long tensors), which never carry a graph; only memory is spent",
    ("init", "distinct_rows", "return torch.unique(weight.detach().flatten(1), dim=0).shape[0]",
     "return torch.unique(weight.flatten(1), dim=0).shape[0]"): "torch.unique gives the same count; no gradient flows",
    ("training", "_epoch", "grads = [p.grad.detach().norm() for p in model.parameters() if p.grad is not None]",
     "grads = [p.grad.norm() for p in model.parameters() if p.grad is not None]"):
        "a .grad never requires grad itself (no create_graph), so detach() changes nothing",
    ("forecast", "holt_winters_forecast",
     'smoothing_seasonal=p["smoothing_seasonal"] if seasonal else None, optimized=False)',
     'smoothing_seasonal=p["smoothing_seasonal"] if seasonal else None, optimized=True)'):
        "every smoothing parameter is given and the initial states are 'known': nothing is left to optimise "
        "(test_holt_winters_rerun_reproduces_the_training_fit passes on both)",
    ("init", "max_row_difference", "w = weight.detach().flatten(1) # (out, in): one row per neuron",
     "w = weight.flatten(1) # (out, in): one row per neuron"):
        "only a float comes back (.item()); the graph built on the way is thrown away",
}
RUNNING: set = set()            # the pytest processes running now (stopped on Ctrl-C)
STOP = threading.Event()        # set on Ctrl-C / SIGTERM: no further mutant starts
SWAP = {ast.Add: ("+", "-"), ast.Sub: ("-", "+"), ast.Mult: ("*", "/"), ast.Div: ("/", "*")}
CMP = {ast.Lt: ("<", "<="), ast.LtE: ("<=", "<"), ast.Gt: (">", ">="), ast.GtE: (">=", ">"), ast.Eq: ("==", "!="),
       ast.NotEq: ("!=", "==")}
CALL_SWAP = {"min": "max", "max": "min", "any": "all", "all": "any", "argmax": "argmin", "argmin": "argmax",
             "amax": "amin", "amin": "amax"}
ACTIVATIONS = {"tanh", "relu", "sigmoid"}


@dataclass
class Mutant:
    module: str
    op: str
    start: int          # byte offsets into the module's UTF-8 source
    end: int
    new: str
    line: int
    where: str = ""     # the enclosing class/function, e.g. "Vocab.decode"
    before: str = ""    # the changed line(s), stripped, before and after
    after: str = ""
    status: str = ""    # killed / survived / timeout / error / equivalent
    killer: str = ""
    seconds: float = 0.0


class Finder(ast.NodeVisitor):
    """Collects (op, start, end, replacement) for every place an operator applies in one module."""

    def __init__(self, src: bytes, include_plots: bool):
        self.src, self.include_plots, self.found, self.where = src, include_plots, [], []
        self.starts = [0]
        for line in src.split(b"\n"):
            self.starts.append(self.starts[-1] + len(line) + 1)

    def off(self, lineno, col):
        return self.starts[lineno - 1] + col

    def span(self, node):
        return self.off(node.lineno, node.col_offset), self.off(node.end_lineno, node.end_col_offset)

    def text(self, node):
        a, b = self.span(node)
        return self.src[a:b].decode()

    def add(self, op, a, b, new):
        self.found.append((op, a, b, new, ".".join(self.where)))

    def token_between(self, left, right, pattern):
        """The operator token between two nodes (skipping parentheses and comments): (start, end, token)."""
        a, b = self.off(left.end_lineno, left.end_col_offset), self.off(right.lineno, right.col_offset)
        gap = re.sub(rb"#[^\n]*", lambda m: b" " * len(m.group()), self.src[a:b])
        m = re.search(pattern, gap)
        return (a + m.start(), a + m.end(), m.group().decode()) if m else None

    # -- nodes never mutated: error messages, f-strings, plots, __all__
    def visit_Raise(self, node):
        pass

    def visit_JoinedStr(self, node):
        pass

    def visit_FunctionDef(self, node):
        a = node.args
        if node.name in ("__repr__", "__str__", "extra_repr") or not self.include_plots and (
                re.search(r"plot|draw|diagram|axis|axes|[xy]label", node.name)
                or any(x.arg == "ax" for x in a.args + a.kwonlyargs)):
            return
        pairs = list(zip(a.args[len(a.args) - len(a.defaults):], a.defaults)) + list(zip(a.kwonlyargs, a.kw_defaults))
        for arg, default in pairs:
            if default is not None and arg.arg not in COSMETIC:
                self.default(default)
                self.visit(default)
        self.where.append(node.name)
        for stmt in node.body + node.decorator_list:
            self.visit(stmt)
        self.where.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self.where.append(node.name)
        self.generic_visit(node)
        self.where.pop()

    def visit_AnnAssign(self, node):                 # dataclass fields: defaults too
        if node.value is not None and isinstance(node.target, ast.Name) and node.target.id not in COSMETIC:
            self.default(node.value)
        self.generic_visit(node)

    def default(self, node):
        if isinstance(node, ast.Constant) and isinstance(node.value, bool):
            self.add("bool-default", *self.span(node), str(not node.value))
        elif isinstance(node, ast.Constant) and isinstance(node.value, float) and node.value != 0:
            new = node.value * 10 if abs(node.value) < 1 else node.value / 10
            self.add("float-default", *self.span(node), repr(new))

    def visit_Assign(self, node):
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return
        self.generic_visit(node)

    # -- arithmetic, comparisons, logic
    def visit_BinOp(self, node):
        if type(node.op) in SWAP:
            old, new = SWAP[type(node.op)]
            hit = self.token_between(node.left, node.right, re.escape(old).encode() + rb"(?![*/=])")
            if hit:
                self.add("arith", hit[0], hit[1], new)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        if type(node.op) in SWAP:
            old, new = SWAP[type(node.op)]
            hit = self.token_between(node.target, node.value, re.escape(old + "=").encode())
            if hit:
                self.add("arith", hit[0], hit[1], new + "=")
        self.generic_visit(node)

    def visit_Compare(self, node):
        left = node.left
        for op, right in zip(node.ops, node.comparators):
            if type(op) in CMP:
                old, new = CMP[type(op)]
                hit = self.token_between(left, right, rb"<=|>=|==|!=|<|>")
                if hit and hit[2] == old:
                    self.add("compare", hit[0], hit[1], new)
            left = right
        self.generic_visit(node)

    def visit_BoolOp(self, node):
        word = "and" if isinstance(node.op, ast.And) else "or"
        for left, right in zip(node.values, node.values[1:]):
            hit = self.token_between(left, right, rb"\b" + word.encode() + rb"\b")
            if hit:
                self.add("logic", hit[0], hit[1], "or" if word == "and" else "and")
        self.generic_visit(node)

    def visit_UnaryOp(self, node):
        if isinstance(node.op, ast.Not):
            self.add("logic", *self.span(node), f"({self.text(node.operand)})")
        elif isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) \
                and type(node.operand.value) is int:
            self.integer(node, -node.operand.value)
            return
        self.generic_visit(node)

    def visit_Constant(self, node):
        if type(node.value) is int:
            self.integer(node, node.value)

    def integer(self, node, value):
        for new in (value + 1, value - 1):
            self.add("int", *self.span(node), str(new))

    def visit_Subscript(self, node):
        s = node.slice
        if isinstance(s, ast.Slice) and s.step is None:
            neg1 = isinstance(s.upper, ast.UnaryOp) and self.text(s.upper) == "-1"
            if s.lower is None and neg1:
                self.add("slice", *self.span(s), "1:")
            elif s.upper is None and isinstance(s.lower, ast.Constant) and s.lower.value == 1:
                self.add("slice", *self.span(s), ":-1")
        self.generic_visit(node)

    # -- calls: keywords, train/eval, detach, no_grad, activations, min/max, dropped statements
    def visit_Call(self, node):
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        recv = self.text(f.value) if isinstance(f, ast.Attribute) else ""
        whole = self.span(node)
        if name in ("train", "eval") and isinstance(f, ast.Attribute):
            if node.args or node.keywords:
                self.add("train-eval", *whole, f"{recv}.train()")
            self.add("train-eval", *whole, f"{recv}.{'eval' if name == 'train' else 'train'}()")
        elif name == "detach" and not node.args and isinstance(f, ast.Attribute):
            self.add("detach", *whole, recv)
        elif name == "deepcopy" and len(node.args) == 1:
            self.add("copy", *whole, self.text(node.args[0]))
        elif name == "no_grad" and recv == "torch":
            self.add("no-grad", *whole, "torch.enable_grad()")
        elif name in ACTIVATIONS and len(node.args) == 1 and not node.keywords:
            self.add("activation", *whole, self.text(node.args[0]))
        elif name in CALL_SWAP:
            b = self.off(f.end_lineno, f.end_col_offset)               # the name is the end of node.func
            self.add("call-swap", b - len(name), b, CALL_SWAP[name])
        for kw in node.keywords:
            v = kw.value
            if kw.arg in COSMETIC:
                continue
            if kw.arg in ("dim", "axis") and isinstance(v, (ast.Constant, ast.UnaryOp)):
                self.add("dim", *self.span(v), {"0": "1", "1": "0", "-1": "-2", "-2": "-1"}.get(self.text(v), "0"))
            if isinstance(v, ast.Constant) and isinstance(v.value, bool):
                self.add("bool-kwarg", *self.span(v), str(not v.value))
        self.visit(f)
        for arg in node.args:
            self.visit(arg)
        for kw in node.keywords:
            if kw.arg not in COSMETIC:
                self.visit(kw.value)

    def visit_Expr(self, node):
        call = node.value
        if isinstance(call, ast.Call):
            name = getattr(call.func, "attr", getattr(call.func, "id", ""))
            if name not in ("print", "warn", "set_title", "set_xlabel", "set_ylabel", "legend", "tight_layout"):
                self.add("drop-call", *self.span(node), "pass")
        self.generic_visit(node)


def find_mutants(module: str, source: str, include_plots: bool = False) -> list[Mutant]:
    """Every valid mutant of one module's source: it parses, and it differs from the original."""
    src = source.encode()
    finder = Finder(src, include_plots)
    finder.visit(ast.parse(source))
    original, seen, out = ast.dump(ast.parse(source)), set(), []
    for op, a, b, new, where in finder.found:
        if (a, b, new) in seen or src[a:b].decode() == new:
            continue
        seen.add((a, b, new))
        mutated = (src[:a] + new.encode() + src[b:]).decode()
        try:
            if ast.dump(ast.parse(mutated)) == original:
                continue
        except SyntaxError:
            continue
        line = src.count(b"\n", 0, a) + 1
        lo, hi = src.rfind(b"\n", 0, a) + 1, src.find(b"\n", b)
        before = src[lo:hi].decode().strip()
        after = (src[lo:a] + new.encode() + src[b:hi]).decode().strip()
        out.append(Mutant(module, op, a, b, new, line, where, " ".join(before.split()), " ".join(after.split())))
    return out


def sample(mutants: list[Mutant], n: int, seed: int) -> list[Mutant]:
    """n mutants spread evenly: round-robin over modules, and inside a module over operators."""
    rng = random.Random(seed)
    queues = {}
    for module in sorted({m.module for m in mutants}):
        by_op = defaultdict(list)
        for m in mutants:
            if m.module == module:
                by_op[m.op].append(m)
        ops = sorted(by_op)
        rng.shuffle(ops)
        for lst in by_op.values():
            rng.shuffle(lst)
        order = []
        while any(by_op.values()):
            order += [by_op[op].pop() for op in ops if by_op[op]]
        queues[module] = order
    chosen = []
    while len(chosen) < n and any(queues.values()):
        chosen += [q.pop(0) for q in queues.values() if q][: n - len(chosen)]
    return chosen


def _bound_names(node, module: str) -> set[str]:
    """Names that ``node``'s imports bind to coursekit.<module> or to things defined in it."""
    target, names = f"coursekit.{module}", set()
    for n in ast.walk(node):
        if isinstance(n, ast.ImportFrom) and n.module in (target, "coursekit"):
            names |= {a.asname or a.name for a in n.names if n.module == target or a.name == module}
        elif isinstance(n, ast.Import):
            names |= {a.asname for a in n.names if a.name == target and a.asname}
    return names


def _lazy_names(module: str) -> set[str]:
    """The names that ``import coursekit`` offers for ``module``: ``coursekit.<module>`` and the re-exports of
    ``coursekit._LAZY`` (``coursekit.fit`` is training's)."""
    tree = ast.parse((ROOT / "coursekit" / "__init__.py").read_text(encoding="utf-8"))
    lazy = next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.AnnAssign | ast.Assign)
                and "_LAZY" in [t.id for t in (n.targets if isinstance(n, ast.Assign) else [n.target])])
    return {module} | {name for name, owner in lazy.items() if owner == module}


def _uses(node, names: set[str], attrs: set[str] = frozenset()) -> bool:
    """Whether ``node`` names one of ``names``, or reads ``coursekit.<attr>`` for one of ``attrs``."""
    return any((isinstance(n, ast.Name) and n.id in names)
               or (isinstance(n, ast.Attribute) and n.attr in attrs and isinstance(n.value, ast.Name)
                   and n.value.id == "coursekit") for n in ast.walk(node))


def test_selection(module: str, tests_dir: Path) -> list[str]:
    """The pytest arguments that cover ``module``: first the tests that use it directly (so that pytest -x stops
    early), then its whole test files; from SHARED_TESTS only the tests that import it."""
    first, files, shared = [], [], []
    attrs = _lazy_names(module)
    for f in TESTS[module]:
        if (tests_dir / f).exists():
            tree = ast.parse((tests_dir / f).read_text(encoding="utf-8"))
            names = _bound_names(ast.Module([n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))], []),
                                 module)
            first += [f"tests/{f}::{n.name}" for n in tree.body if isinstance(n, ast.FunctionDef)
                      and n.name.startswith("test") and names and _uses(n, names)]
            files.append(f"tests/{f}")
    for f in SHARED_TESTS:
        path = tests_dir / f
        if not path.exists() or f in TESTS[module]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = _bound_names(ast.Module([n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))], []), module)
        for n in tree.body:
            if isinstance(n, ast.FunctionDef) and n.name.startswith("test"):
                names = top | _bound_names(n, module)
                if _uses(n, names, attrs):
                    first.append(f"tests/{f}::{n.name}")
        # the module is used at the top (lists of cases, helpers such as coursekit.fit …): the whole file too
        if top or any(_uses(n, set(), attrs) for n in tree.body if not isinstance(n, ast.Import | ast.ImportFrom)):
            shared.append(f"tests/{f}")
    return list(dict.fromkeys(first + files + shared))


def make_copy(dest: Path) -> Path:
    """coursekit/, tests/ and the top-level files (conftest.py, pyproject.toml, DATA.md …) of the working tree,
    copied without bytecode."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "browser")
    shutil.copytree(ROOT / "coursekit", dest / "coursekit", ignore=ignore)
    shutil.copytree(ROOT / "tests", dest / "tests", ignore=ignore)
    for path in ROOT.iterdir():
        if path.is_file() and not path.name.startswith("."):
            shutil.copy2(path, dest / path.name)
    return dest


def run_tests(copy: Path, selection: list[str], timeout: float, *extra: str) -> tuple[str, str, float]:
    """Run pytest in ``copy``; returns (status, first failing test, seconds)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(copy), os.environ.get("PYTHONPATH")) if p),
           "PYTHONDONTWRITEBYTECODE": "1"}
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:nbval", "-p", "no:cov",
           "--no-header", "-rfE", *extra, *selection]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=copy, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    RUNNING.add(proc)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        proc.communicate()
        return "timeout", "", time.perf_counter() - t0
    finally:
        RUNNING.discard(proc)
    if STOP.is_set():                     # interrupted (Ctrl-C): this mutant was not tested to the end
        return "", "", time.perf_counter() - t0
    seconds = time.perf_counter() - t0
    if proc.returncode == 0:
        return "survived", "", seconds
    failed = re.findall(r"^(?:FAILED|ERROR) (.+?)(?: - .*)?$", out, re.M)
    last = out.strip().splitlines()[-1][:160] if out.strip() else f"pytest exit code {proc.returncode}"
    status = "killed" if proc.returncode == 1 else "error"        # 2-4: collection or import error
    return status, ", ".join(failed) if failed else last, seconds


def clean_run(copy: Path, selections: dict[str, list[str]]) -> tuple[dict[str, float], list[str]]:
    """One pytest run of every selected test on the unmutated copy. Returns the seconds per module, and the tests
    that fail already (someone is editing them, say): those are deselected from then on, and listed."""
    union = list(dict.fromkeys(s for sel in selections.values() for s in sel))
    xml = copy / "clean-run.xml"
    status, failed, secs = run_tests(copy, union, 3600, f"--junitxml={xml}")
    print(f"clean run: {'passed' if status == 'survived' else status} in {secs:.0f} s", flush=True)
    broken = failed.split(", ") if status == "killed" and failed else []
    if status not in ("survived", "killed") or (status == "killed" and not broken):
        sys.exit(f"the unit tests cannot run without any mutation ({status}: {failed}): fix them first")
    if broken:
        print(f"WARNING: {len(broken)} tests fail without any mutation; they are left out: {', '.join(broken)}")
    per_file, per_test = defaultdict(float), defaultdict(float)
    for case in ET.parse(xml).iter("testcase"):
        file = "tests/" + case.get("classname", "").split(".")[-1] + ".py"
        per_file[file] += float(case.get("time", 0))
        per_test[file + "::" + case.get("name", "").split("[")[0]] += float(case.get("time", 0))
    seconds = {module: sum(per_test[s] if "::" in s else per_file[s] for s in sel) for module, sel in selections.items()}
    return seconds, broken


def check_copy(copy: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(copy)}
    where = subprocess.run([sys.executable, "-c", "import coursekit; print(coursekit.__file__)"], cwd=copy, env=env,
                           capture_output=True, text=True, check=True).stdout.strip()
    if not Path(where).resolve().is_relative_to(copy.resolve()):
        sys.exit(f"coursekit resolves to {where}, not into the copy {copy}: stopping")


def report(results: list[Mutant], selections: dict, args, seconds: float, broken: list[str], note: str = "") -> str:
    scored = [m for m in results if m.status != "equivalent"]
    dead = [m for m in scored if m.status != "survived"]
    pct = 100 * len(dead) / max(len(scored), 1)
    lines = [f"# Mutation run of coursekit ({time.strftime('%Y-%m-%d %H:%M')})", "",
             f"**Mutation score: {len(dead)}/{len(scored)} = {pct:.0f}% killed** "
             + (f"(the survivors of {args.again} tested again" if args.again else f"(seed {args.seed}")
             + f", {seconds / 60:.1f} min). Equivalent mutants are not counted." + note
             + (f" Test files left out: {', '.join(args.skip_tests)}." if args.skip_tests else "")
             + (f" Left out because they failed without any mutation: {', '.join(broken)}." if broken else ""), "",
             "| module | killed / total | survived | timeouts | tests run |", "|---|---|---|---|---|"]
    for module in sorted({m.module for m in results}):
        ms = [m for m in scored if m.module == module]
        k = sum(m.status != "survived" for m in ms)
        files = dict.fromkeys(s.split("::")[0].removeprefix("tests/") for s in selections.get(module, []))
        lines.append(f"| {module}.py | {k}/{len(ms)} | {len(ms) - k} | {sum(m.status == 'timeout' for m in ms)} | "
                     f"{', '.join(files) or '(the earlier run)'} |")
    for title, keep in (("Survivors", "survived"), ("Known equivalent mutants of these modules (not counted)",
                                                    "equivalent")):
        picked = [m for m in results if m.status == keep]
        lines += ["", f"## {title} ({len(picked)})", ""]
        lines += [f"- `{m.module}.py:{m.line}` ({m.op}): `{m.before}` → `{m.after}`"
                  + (f" — {EQUIVALENT.get((m.module, m.where, m.before, m.after), '')}" if keep == "equivalent" else "")
                  for m in picked]
    lines += ["", "## Every mutant", "", "| module:line | op | change | result | first failing test | s |",
              "|---|---|---|---|---|---|"]
    lines += [f"| {m.module}:{m.line} | {m.op} | `{m.before}` → `{m.after}` | {m.status} | {m.killer} | "
              f"{m.seconds:.0f} |".replace("|`", "| `") for m in results]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--modules", nargs="+", default=LESSON_MODULES, choices=sorted(TESTS), metavar="MODULE")
    ap.add_argument("--max-mutants", type=int, default=120)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds per mutant (default: 3 × its clean run + 120)")
    ap.add_argument("--jobs", type=int, default=1, help="mutants tested at the same time (one copy each)")
    ap.add_argument("--include-plots", action="store_true",
                    help="also mutate plotting code (plot_*, draw*, functions taking ax)")
    ap.add_argument("--skip-tests", nargs="+", default=[], metavar="FILE",
                    help="leave these test files out (e.g. to see what a new test file adds)")
    ap.add_argument("--again", type=Path, metavar="RESULTS_JSON",
                    help="re-test only the survivors of an earlier run (after adding tests); its kills are kept")
    ap.add_argument("--list", action="store_true", help="print the sampled mutants and stop")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "mutation")
    args = ap.parse_args(argv)

    previous = json.loads(args.again.read_text(encoding="utf-8")) if args.again else []
    if previous:
        args.modules = sorted({e["module"] for e in previous})
    candidates, equivalent = [], []
    for module in args.modules:
        source = (ROOT / "coursekit" / f"{module}.py").read_text(encoding="utf-8")
        for m in find_mutants(module, source, args.include_plots):
            if (module, m.where, m.before, m.after) in EQUIVALENT:
                m.status = "equivalent"
                equivalent.append(m)
            else:
                candidates.append(m)
    chosen, carried = sample(candidates, args.max_mutants, args.seed), []
    if previous:          # the killed mutants of an earlier run stay killed; its survivors run again
        now = defaultdict(list)
        for m in candidates:
            now[m.module, m.op, m.where, m.before, m.after].append(m)
        carried = [Mutant(**e) for e in previous if e["status"] in ("killed", "timeout", "error")]
        again = [e for e in previous if e["status"] == "survived"]
        chosen = [min(now[key], key=lambda m: abs(m.line - e["line"])) for e in again        # the nearest same edit
                  if (key := (e["module"], e["op"], e["where"], e["before"], e["after"])) in now]
        print(f"{args.again}: {len(carried)} killed, {len(again)} survivors; {len(chosen)} of them run again "
              f"(the others are gone from the code or listed as equivalent)")
    print(f"{len(candidates)} candidate mutants in {len(args.modules)} modules ({len(equivalent)} known equivalent); "
          f"running {len(chosen)}")
    if args.list:
        for m in chosen:
            print(f"{m.module}.py:{m.line} ({m.where}) {m.op}: {m.before}  →  {m.after}")
        return 0

    t_start = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)

    def save(results: list[Mutant]) -> None:
        (args.out / "results.json").write_text(json.dumps([asdict(m) for m in results], indent=1,
                                                          ensure_ascii=False), encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="coursekit-mutation-") as tmp:
        copies = [make_copy(Path(tmp) / f"copy{j}") for j in range(max(args.jobs, 1))]
        check_copy(copies[0])
        modules = dict.fromkeys(m.module for m in chosen)
        selections = {module: [s for s in test_selection(module, copies[0] / "tests")
                               if Path(s.split("::")[0]).name not in args.skip_tests] for module in modules}
        for module, sel in selections.items():
            files = dict.fromkeys(x.split("::")[0].removeprefix("tests/") for x in sel)
            print(f"{module}: {', '.join(files)} ({sum('::' in x for x in sel)} tests that use it run first)")
        baselines, broken = clean_run(copies[0], selections)
        deselect = [arg for test in broken for arg in ("--deselect", test)]
        todo, lock, done = list(reversed(chosen)), threading.Lock(), []

        def worker(copy: Path) -> None:
            while True:
                with lock:
                    if not todo:
                        return
                    m = todo.pop()
                path = copy / "coursekit" / f"{m.module}.py"
                original = path.read_bytes()
                try:
                    path.write_bytes(original[:m.start] + m.new.encode() + original[m.end:])
                    timeout = args.timeout or 3 * baselines[m.module] + 120      # + start-up on a busy machine
                    m.status, m.killer, m.seconds = run_tests(copy, selections[m.module], timeout, "-x", *deselect)
                finally:
                    path.write_bytes(original)
                if not m.status:                                  # stopped half-way: not counted
                    return
                with lock:
                    done.append(m)
                    save(carried + done + equivalent)                 # a usable results.json after every mutant
                    print(f"[{len(done)}/{len(chosen)}] {m.module}.py:{m.line} {m.op}: {m.before} → {m.after}  "
                          f"{m.status.upper()} {m.killer} ({m.seconds:.0f} s)", flush=True)

        threads = [threading.Thread(target=worker, args=(c,), daemon=True) for c in copies]
        signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
        for t in threads:
            t.start()
        try:
            while any(t.is_alive() for t in threads):
                time.sleep(0.5)
        except KeyboardInterrupt:         # stop now: the mutants tested so far make the report
            STOP.set()
            with lock:
                todo.clear()
            for proc in list(RUNNING):
                os.killpg(proc.pid, 9)
            for t in threads:
                t.join()
            print(f"interrupted after {len(done)} of {len(chosen)} mutants", flush=True)
    results = carried + done + equivalent
    note = f" Interrupted: {len(done)} of the {len(chosen)} sampled mutants were run." if STOP.is_set() else ""
    text = report(results, selections, args, time.perf_counter() - t_start, broken, note)
    save(results)
    (args.out / "report.md").write_text(text, encoding="utf-8")
    print("\n".join(line for line in text.split("\n## ")[0].splitlines()[2:] if line))
    print(f"report: {args.out / 'report.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
