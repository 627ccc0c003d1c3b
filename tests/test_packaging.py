"""pyproject.toml, environment.yml, constraints.txt, the Makefile and CI agree with each other; CPU-only PyTorch."""
import os
import re
from pathlib import Path

import pytest
import tomllib
import yaml

ROOT = Path(__file__).resolve().parent.parent


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[ ;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_every_dependency_says_which_notebooks_need_it():
    text = (ROOT / "pyproject.toml").read_text()
    deps = re.findall(r'^\s+"([^"]+)",(.*)$', text, flags=re.M)
    assert len(deps) >= 15 and all("#" in comment for _, comment in deps)


def _requirements(pyproject: dict) -> list[str]:
    """Every dependency of the course: the notebooks' and every extra (the course tools, dev)."""
    project = pyproject["project"]
    return project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]


def consistency_problems(pyproject_text: str, constraints_text: str, environment_text: str) -> list[str]:
    """What makes pyproject.toml (ranges), constraints.txt (exact pins) and environment.yml disagree."""
    from packaging.requirements import Requirement

    problems, pins = [], {}
    for line in constraints_text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.strip().split("==")
            pins[_name(name)] = version
    reqs = _requirements(tomllib.loads(pyproject_text))
    for req in reqs:
        name, spec = _name(req), Requirement(req).specifier
        if name not in pins:
            problems.append(f"{req}: not pinned in constraints.txt")
        elif not spec.contains(pins[name], prereleases=True):
            problems.append(f"{req}: the pin {name}=={pins[name]} is outside its range")
        if "torch" in name and not spec:
            problems.append(f"{req}: give a range, so that an installed PyTorch is kept")
        elif not any(s.operator in (">=", "~=", ">") for s in spec):
            problems.append(f"{req}: no lower bound")
        if any(s.operator in ("==", "===") for s in spec):
            problems.append(f"{req}: an exact version belongs in constraints.txt, not pyproject.toml")
    env = yaml.safe_load(environment_text)
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = {_name(r): r.replace(" ", "") for r in pip if not r.startswith("-")}
    wanted = {_name(r): f"{_name(r)}=={pins.get(_name(r), '?')}" for r in reqs}
    for name in sorted(set(listed) | set(wanted)):
        if listed.get(name) != wanted.get(name):
            problems.append(f"environment.yml: {listed.get(name)} instead of {wanted.get(name)}")
    if "-e .[course,dev]" not in pip:
        problems.append("environment.yml does not install the course itself (-e .[course,dev])")
    return problems


def _texts():
    return [(ROOT / f).read_text(encoding="utf-8") for f in ("pyproject.toml", "constraints.txt", "environment.yml")]


def test_pyproject_constraints_and_environment_agree():
    assert consistency_problems(*_texts()) == []
    pins = dict(line.split("==") for line in _texts()[1].splitlines() if line and not line.startswith("#"))
    assert pins["torch"] == "2.14.1" and pins["torchvision"] == "0.29.1"
    assert tuple(int(x) for x in pins["matplotlib"].split(".")[:2]) >= (3, 11)


@pytest.mark.parametrize("broken, expected", [
    (lambda p, c, e: (p.replace('"torch>=2.3"', '"torch>=2.15"'), c, e), "torch>=2.15: the pin torch==2.14.1 is outside"),
    (lambda p, c, e: (p.replace('"torch>=2.3"', '"torch==2.14.1"'), c, e), "an exact version belongs in constraints"),
    (lambda p, c, e: (p, c.replace("\ntqdm==", "\n#tqdm=="), e), "tqdm>=4.66: not pinned"),
    (lambda p, c, e: (p, c.replace("\nnbval==0.11.0", "\nnbval==0.10.0"), e), "the pin nbval==0.10.0 is outside"),
    (lambda p, c, e: (p, c, e.replace("pandas==", "pandas>=")), "environment.yml: pandas>="),
    (lambda p, c, e: (p, c, e.replace("      - ruff==", "      # ruff==")), "environment.yml: None instead of ruff=="),
    (lambda p, c, e: (p.replace('"pyyaml>=6",', '"pyyaml>=6",\n    "rich>=13",  # x'), c, e), "rich>=13: not pinned"),
])
def test_a_disagreement_is_caught(broken, expected):
    """A bad example of each kind: a pin outside its range, an exact pin in pyproject.toml, a missing pin, a
    dependency missing from environment.yml or listed there as a range."""
    problems = consistency_problems(*broken(*_texts()))
    assert any(expected in p for p in problems), problems


def test_dependencies_are_ranges_that_keep_an_installed_pytorch():
    """coursekit installs into Colab, Kaggle or conda without replacing their PyTorch; the course tools (Jupyter,
    papermill, nbconvert) are an extra that only `make setup` installs."""
    project = _pyproject()["project"]
    deps = {_name(r): r for r in project["dependencies"]}
    assert deps["torch"].startswith("torch>=2.") and deps["torchvision"].startswith("torchvision>=0.")
    assert not {"jupyterlab", "ipykernel", "papermill", "nbconvert", "jupyterlab-rise"} & set(deps)
    assert {"jupyterlab", "ipykernel", "papermill", "nbconvert"} <= {_name(r) for r in project["optional-dependencies"]["course"]}


def test_makefile_wraps_python_commands_and_ci_runs_make_test():
    make = (ROOT / "Makefile").read_text()
    for target, command in [("course", "coursekit course"), ("test", "coursekit test"), ("lab", "coursekit lab"),
                            ("solutions", "coursekit exercises")]:
        assert re.search(rf"^{target}:.*\n\t\$\(PYTHON\) -m {command}", make, flags=re.M), target
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_readme_gives_the_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in ("make course", "make test", "python -m coursekit course", "python -m coursekit test",
                 "environment.yml", "Binder"):
        assert text in readme


# ------------------------------------------------------------------ CPU-only PyTorch (make setup CPU=1)

def test_cpu_setup_installs_torch_from_the_cpu_index_first():
    from coursekit.tooling.envsetup import CPU_INDEX, install_commands

    assert CPU_INDEX == "https://download.pytorch.org/whl/cpu"
    [plain] = install_commands("py")
    assert plain[:4] == ["py", "-m", "pip", "install"] and plain[-2:] == ["-e", ".[course,dev]"]
    assert "--index-url" not in plain and "--extra-index-url" not in plain and "-c" in plain
    first, second = install_commands("py", cpu=True)
    assert first[first.index("--index-url") + 1] == CPU_INDEX and first[-2:] == ["torch", "torchvision"]
    assert first[first.index("-c") + 1] == "constraints.txt"          # the pinned versions, as CPU builds
    assert second == plain                                            # then the rest; torch is already there


def test_setup_remembers_the_cpu_choice(tmp_path, monkeypatch):
    from coursekit.tooling import envsetup

    runs = []
    monkeypatch.setattr(envsetup.subprocess, "run", lambda cmd, **kw: runs.append(cmd))
    monkeypatch.setattr(envsetup.os, "name", "posix")
    for name, cpu in (("a", False), ("b", True)):
        venv = tmp_path / name / ".venv"
        (venv / "bin").mkdir(parents=True)
        (venv / "bin" / "python").write_text("")
        monkeypatch.setattr(envsetup, "VENV", venv)
        runs.clear()
        envsetup.setup(cpu=cpu)
        assert any(envsetup.CPU_INDEX in cmd for cmd in runs) == cpu and any(".[course,dev]" in cmd for cmd in runs)
        assert (venv / ".coursekit-installed").read_text() == ("cpu" if cpu else "default")
        runs.clear()
        envsetup.setup()                               # `make test` after `make setup [CPU=1]`: nothing to do
        assert runs == []
    monkeypatch.setattr(envsetup, "ROOT", tmp_path)    # pyproject.toml / constraints.txt changed: install again, still CPU
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "constraints.txt").write_text("")
    os.utime(venv / ".coursekit-installed", (0, 0))
    envsetup.setup()
    assert any(envsetup.CPU_INDEX in cmd for cmd in runs)


def test_make_setup_cpu_passes_the_option(monkeypatch):
    from coursekit.tooling import cli

    make = (ROOT / "Makefile").read_text()
    assert re.search(r"^setup:\n\t\$\(PYTHON\) -m coursekit setup \$\(if \$\(filter 1,\$\(CPU\)\),--cpu,\)", make, re.M)
    calls = []
    monkeypatch.setattr(cli, "setup", lambda **kw: calls.append(kw))
    assert cli.main(["setup", "--cpu"]) == 0 and cli.main(["setup"]) == 0
    assert calls == [{"force": False, "cpu": True}, {"force": False, "cpu": False}]


def test_readme_explains_the_cpu_install_and_colab_in_both_languages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in ("https://download.pytorch.org/whl/cpu", "make setup CPU=1", "python -m coursekit setup --cpu",
                 "## Colab and Kaggle / Colab और Kaggle", "coursekit-0.1.0-py3-none-any.whl", "python -m coursekit setup-cell"):
        assert text in readme
    section = readme.split("## Colab and Kaggle")[1].split("\n## ")[0]
    assert "**हिंदी:**" in section and "**English:**" in section and "upload" in section
