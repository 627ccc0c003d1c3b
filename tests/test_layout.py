"""The layout of coursekit: lesson modules at the top, the course's machinery in coursekit.tooling, no import cycle.

Every module is parsed with ``ast`` (not imported), so imports inside functions count as much as those at the top.
"""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "coursekit"
MAX_LINES = 420
EXERCISES = "coursekit.exercises"
LONG_MODULES_ALLOWED: set[str] = set()   # none; the question banks are data, allowed anyway


def _name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def course_modules() -> dict[str, Path]:
    return {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _absolute(module: str | None, level: int, here: str, is_package: bool) -> str:
    """The absolute name of ``from <level dots><module> import ...`` written in module ``here``."""
    if not level:
        return module or ""
    base = here.split(".")
    base = base[:len(base) - level + (1 if is_package else 0)]
    return ".".join(base + ([module] if module else []))


def _imported_names(node, here: str, is_package: bool, modules) -> list[str] | None:
    """The absolute names an import statement imports (a submodule where ``from x import y`` names one); None when
    ``node`` is no import."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        base = _absolute(node.module, node.level, here, is_package)
        return [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
    return None


def _module_of(name: str, modules) -> str:
    """The coursekit module that holds ``name`` (``coursekit.x.f`` -> ``coursekit.x``), or '' outside coursekit."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name


def imports_of(path: Path, here: str, modules) -> set[str]:
    """The coursekit modules that ``path`` imports anywhere in it (top level, functions, relative or absolute)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        for name in _imported_names(node, here, path.name == "__init__.py", modules) or ():
            target = _module_of(name, modules)
            if target and target != here:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = course_modules()
    return {name: imports_of(path, name, modules) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as [a, b, ..., a], or None (depth-first search, colouring the nodes)."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = visit(start)
            if cycle:
                return cycle
    return None


def test_the_graph_sees_every_kind_of_import(tmp_path):
    pkg = tmp_path / "coursekit"
    (pkg / "tooling").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from .tooling import b\n")
    (pkg / "tooling" / "__init__.py").write_text("")
    (pkg / "tooling" / "b.py").write_text("import coursekit.tooling.c\n")
    (pkg / "tooling" / "c.py").write_text("from ..a import f\nfrom . import b\n")
    modules = {_name(p, tmp_path): p for p in pkg.rglob("*.py")}
    graph = {name: imports_of(path, name, modules) for name, path in modules.items()}
    assert graph["coursekit.a"] == {"coursekit.tooling.b"}
    assert graph["coursekit.tooling.b"] == {"coursekit.tooling.c"}
    assert graph["coursekit.tooling.c"] == {"coursekit.a", "coursekit.tooling.b"}
    assert find_cycle(graph) == ["coursekit.a", "coursekit.tooling.b", "coursekit.tooling.c", "coursekit.a"]
    del graph["coursekit.tooling.c"]
    assert find_cycle(graph) is None


def test_coursekit_has_no_import_cycle():
    """Every import between two modules counts, inside coursekit.exercises too, wherever it is written."""
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_lesson_modules_do_not_import_the_tooling():
    graph = import_graph()
    lessons = [name for name in graph if name.count(".") == 1
               and name not in ("coursekit.tooling", EXERCISES, "coursekit.__main__")]   # __main__: the command line
    assert len(lessons) >= 20
    wrong = {name: sorted(t for t in graph[name] if t.startswith("coursekit.tooling")) for name in lessons}
    assert not {name: targets for name, targets in wrong.items() if targets}


def test_the_machinery_lives_in_tooling():
    names = set(course_modules())
    for module in ("notebook", "course", "site", "slides", "slidefit", "netblock", "colab", "hindilint"):
        assert f"coursekit.{module}" not in names
    assert {"coursekit.tooling.cli", "coursekit.tooling.validator", "coursekit.tooling.site"} <= names
    assert (PACKAGE / "tooling" / "templates").is_dir() and not (PACKAGE / "templates").exists()


def test_no_module_is_too_long():
    long = {}
    for path in course_modules().values():
        rel = path.relative_to(ROOT).as_posix()
        if rel in LONG_MODULES_ALLOWED or rel.startswith("coursekit/exercises/banks/"):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            long[rel] = lines
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def _imported_at_load(path: Path, here: str, modules) -> tuple[set[str], set[str]]:
    """What loading ``path`` imports (not inside a function): (coursekit modules, other top-level package names)."""
    ours, others = set(), set()
    todo = list(ast.parse(path.read_text(encoding="utf-8")).body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        names = _imported_names(node, here, path.name == "__init__.py", modules)
        if names is None:
            todo.extend(ast.iter_child_nodes(node))
        for name in names or ():
            if name.split(".")[0] == "coursekit":
                ours.add(_module_of(name, modules))
            else:
                others.add(name.split(".")[0])
    return ours, others


def test_python_m_coursekit_setup_needs_only_the_standard_library():
    """`python -m coursekit setup` runs before .venv exists: what it loads imports nothing outside the stdlib."""
    import sys

    modules = course_modules()
    seen, todo, outside = set(), ["coursekit", "coursekit.__main__"], {}
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        parents = [".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)]   # their __init__ runs too
        ours, others = _imported_at_load(modules[name], name, modules)
        todo += [m for m in [*ours, *parents] if m not in seen]
        outside.update({pkg: name for pkg in others if pkg != "__future__" and pkg not in sys.stdlib_module_names})
    assert {"coursekit.tooling.cli", "coursekit.tooling.envsetup", "coursekit.i18n"} <= seen
    assert outside == {}


def module_map(markdown: str) -> set[str]:
    """The files named by the tree of coursekit/ in a Markdown file (two spaces of indent per folder level)."""
    lines = markdown.split("\n```\ncoursekit/\n", 1)[1].split("\n```", 1)[0].splitlines()
    listed, folders = set(), ["coursekit"]
    for line in lines:
        depth = (len(line) - len(line.lstrip(" "))) // 2
        name = line.split()[0].rstrip(",")
        del folders[depth:]
        if name.endswith("/"):
            folders.append(name.rstrip("/").split(",")[0])
        listed.add("/".join([*folders, name]) if not name.endswith("/") else "/".join(folders) + "/")
    return listed


def test_readme_and_contributing_map_every_module():
    modules = {p.relative_to(ROOT).as_posix() for p in PACKAGE.rglob("*.py") if "banks" not in p.parts}
    for doc in ("README.md", "CONTRIBUTING.md"):
        listed = module_map((ROOT / doc).read_text(encoding="utf-8"))
        assert {m for m in listed if m.endswith(".py")} == modules, doc
        assert {"coursekit/tooling/", "coursekit/exercises/", "coursekit/exercises/banks/"} <= listed, doc
