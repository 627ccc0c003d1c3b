"""pyproject.toml, environment.yml, constraints.txt, the Makefile and CI agree with each other."""
import re
from pathlib import Path

import tomllib
import yaml

ROOT = Path(__file__).resolve().parent.parent


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[ ;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_environment_yml_matches_pyproject():
    project = _pyproject()["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["dev"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    env_reqs = [r for r in pip if not r.startswith("-e")]
    assert {_name(r): r.replace(" ", "") for r in env_reqs} == {_name(r): r.replace(" ", "") for r in reqs}
    assert "-e ." in pip


def test_every_dependency_says_which_notebooks_need_it():
    text = (ROOT / "pyproject.toml").read_text()
    deps = re.findall(r'^\s+"([^"]+)",(.*)$', text, flags=re.M)
    assert len(deps) >= 15 and all("#" in comment for _, comment in deps)


def test_constraints_pin_every_dependency():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.lower().replace("_", "-")] = version
    project = _pyproject()["project"]
    for req in project["dependencies"] + project["optional-dependencies"]["dev"]:
        assert _name(req) in pins, f"{req} is not pinned in constraints.txt"
    assert pins["torch"] == "2.14.1" and pins["torchvision"] == "0.29.1"
    assert tuple(int(x) for x in pins["matplotlib"].split(".")[:2]) >= (3, 11)


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
