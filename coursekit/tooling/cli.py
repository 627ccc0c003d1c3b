"""Command line of the course: ``python -m coursekit COMMAND``.

The Makefile targets are thin wrappers over these commands, so they work on
Windows (where there is no ``make``) too:

    python -m coursekit setup [--cpu]  create .venv, install pinned packages, register the kernel (--cpu: CPU-only PyTorch)
    python -m coursekit course       run every notebook, write build/ (--fast: the fast parameters; --store:
                                     authors, also store the outputs in the notebooks)
    python -m coursekit test         the whole test suite (ruff, pytest, notebooks, coverage)
    python -m coursekit lab          JupyterLab at the course root
    python -m coursekit edition --lang hi|en NOTEBOOK...   single-language editions
    python -m coursekit validate [NOTEBOOK...]             check the notebook format (every file; exit 1 on problems)
    python -m coursekit exercises [NAME...]  solutions editions into build/solutions/ (nothing else)
    python -m coursekit exercises --write-student [NAME...]  authors: also the student editions in exercises/
    python -m coursekit gradebook FILES_OR_FOLDER... [--out DIR]  learners' progress files -> build/gradebook/
    python -m coursekit submit [--name NAME] [--out DIR]   a learner's progress, with their name -> submissions/NAME.json
    python -m coursekit class-package --out DIR            instructors: a student copy without solutions (class mode)
    python -m coursekit release-solutions NN... --class DIR  instructors: release the solutions of practice sets
    python -m coursekit export-nbgrader [NN...] [--out DIR]  instructors: practice sets as nbgrader source notebooks
    python -m coursekit refresh NOTEBOOK...                re-run a notebook and store its outputs
    python -m coursekit slides [--annotate] [NOTEBOOK...]  reveal.js slides in build/slides/ (--annotate: metadata)
    python -m coursekit site [NOTEBOOK...]   the website from the committed notebooks (no re-run)
    python -m coursekit test-browser         install Chromium, a Devanagari font, reveal.js/MathJax; browser tests
    python -m coursekit setup-cell [NOTEBOOK...]  the Colab/Kaggle set-up cell and links (pyproject.toml [project.urls])

``setup`` uses only the standard library; every other command runs inside .venv.
A command-line error is one line in Hindi and one in English on stderr, with exit code 2, never a traceback.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from .envsetup import (
    HERE,
    KERNEL,
    LIGHT,
    ROOT,
    agree_to_install,
    importable,
    rerun_in_venv,
    running_in_venv,
    setup,
    venv_python,
)
from .testrun import run_browser_tests, run_tests

PASS_THROUGH = ("test", "test-browser", "gradebook")   # their own options follow the command unparsed


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors are raised as a one-line bilingual CourseError (exit code 2)."""

    def error(self, message):
        from ..i18n import CourseError

        hi = f"command पूरा या सही नहीं है: {message}"
        for pattern, text in _ARGPARSE_HI:
            match = re.fullmatch(pattern, message)
            if match:
                hi = text.format(*match.groups())
                break
        raise CourseError(f"{hi}। सही रूप के लिए `{self.prog} --help` चलाइए।",
                          f"{message}. Run `{self.prog} --help` for the usage.")


_ARGPARSE_HI = [
    (r"the following arguments are required: (.+)", "ये ज़रूरी arguments नहीं दिए गए: {}"),
    (r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)", "argument {} में {} मान्य नहीं है; इनमें से चुनिए: {}"),
    (r"unrecognized arguments: (.+)", "ये arguments पहचाने नहीं गए: {}"),
    (r"argument (.+?): expected .+", "argument {} के साथ उसका मान (value) दीजिए"),
]


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m coursekit", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("setup", help="create .venv and install everything")
    p.add_argument("--force", action="store_true")
    p.add_argument("--cpu", action="store_true",
                   help="CPU-only PyTorch from PyTorch's CPU wheel index (for machines without an NVIDIA GPU)")
    p = sub.add_parser("course", help="run every notebook and build the HTML editions")
    p.add_argument("--fast", action="store_true", help="use the fast parameters (FAST=True)")
    p.add_argument("--store", action="store_true",
                   help="authors: also write each notebook's outputs back into it (full settings only)")
    p.add_argument("notebooks", nargs="*")
    sub.add_parser("test", help="run the test suite (pytest options may follow)", add_help=False)
    sub.add_parser("lab", help="open JupyterLab at the course root")
    p = sub.add_parser("edition", help="write single-language editions of notebooks")
    p.add_argument("--lang", choices=["hi", "en", "both"], required=True)
    p.add_argument("--out", default=None, help="output folder (default build/editions/LANG; never notebooks/)")
    p.add_argument("--with-notes", action="store_true", help="keep the instructor's speaker notes (for instructors)")
    p.add_argument("notebooks", nargs="+")
    p = sub.add_parser("validate", help="check notebooks against the course format (exit 1 when a file has problems)")
    p.add_argument("notebooks", nargs="*")
    p = sub.add_parser("exercises", help="write the solutions editions into build/solutions/")
    p.add_argument("names", nargs="*", help="only these banks, e.g. 09_sequence_and_time_series (default: all)")
    p.add_argument("--write-student", action="store_true",
                   help="authors: also regenerate exercises/NN_slug.ipynb; refused for a notebook holding someone's work")
    p = sub.add_parser("refresh", help="re-run notebooks at full settings and store their outputs")
    p.add_argument("notebooks", nargs="+")
    p = sub.add_parser("slides", help="export reveal.js slides (hi, en) into build/slides/")
    p.add_argument("--annotate", action="store_true", help="write slide metadata into the notebooks instead")
    p.add_argument("notebooks", nargs="*")
    p = sub.add_parser("site", help="build the website from the committed notebooks (no re-run)")
    p.add_argument("notebooks", nargs="*")
    sub.add_parser("test-browser", help="install what the browser tests need, then run them", add_help=False)
    p = sub.add_parser("setup-cell", help="write the Colab/Kaggle set-up cell and links into notebooks and README")
    p.add_argument("notebooks", nargs="*", help="default: every notebook in notebooks/")
    sub.add_parser("gradebook", add_help=False,
                   help="learners' .coursekit_progress.json files -> build/gradebook/ (see its --help)")
    p = sub.add_parser("submit", help="write your progress with your name into submissions/NAME.json")
    p.add_argument("--name", default=None, help="your name (kept in your progress file for next time)")
    p.add_argument("--out", default="submissions", help="folder to write into (default submissions/)")
    p = sub.add_parser("class-package", help="instructors: a student copy of the course without solutions")
    p.add_argument("--out", required=True, help="a new folder, e.g. build/class")
    p.add_argument("--class-name", default="", help="the class's name, written into its class file")
    p = sub.add_parser("release-solutions", help="instructors: release the solutions of practice sets to a class")
    p.add_argument("names", nargs="+", help="practice sets, e.g. 03 or 03_vanishing_exploding_gradients")
    p.add_argument("--class", dest="class_dir", required=True, help="the class folder (holds coursekit-class.json)")
    p = sub.add_parser("export-nbgrader", help="instructors: practice sets as nbgrader source notebooks")
    p.add_argument("names", nargs="*", help="practice sets (default: all)")
    p.add_argument("--out", default="build/nbgrader", help="nbgrader course folder (default build/nbgrader)")
    p.add_argument("--lang", choices=["hi", "en", "both"], default="both")
    return parser


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _main(argv)
    except Exception as error:     # only the expected kinds are reported; anything else is a bug: re-raised
        if not _report(error):
            raise
        return 2


def _report(error) -> bool:
    """Print an expected command-line error as one Hindi and one English line on stderr; False for other errors."""
    message = _error_text(error)
    for line in message or ():
        print(" ".join(line.split()), file=sys.stderr)
    return message is not None


def _error_text(error) -> tuple[str, str] | None:
    """The one-line (Hindi, English) report of an expected command-line error, or None."""
    from ..i18n import CourseError

    if isinstance(error, CourseError):
        return f"ग़लती: {error.hi}", f"error: {error.en}"
    where = error.filename if isinstance(error, OSError) and error.filename else None
    if isinstance(error, FileNotFoundError) and where:
        return f"ग़लती: file या folder नहीं मिला: {where}", f"error: file or folder not found: {where}"
    if isinstance(error, IsADirectoryError) and where:
        return f"ग़लती: {where} एक folder है; यहाँ file चाहिए।", f"error: {where} is a folder; a file is needed here."
    if isinstance(error, PermissionError) and where:
        return f"ग़लती: {where} को पढ़ने या लिखने की अनुमति (permission) नहीं है।", f"error: no permission to read or write {where}."
    if isinstance(error, OSError) and where:
        return f"ग़लती: {where} पर file system की ग़लती: {error.strerror}", f"error: file system error on {where}: {error.strerror}"
    return None


def _main(argv) -> int:
    passed_on = argv[1:] if argv and argv[0] in PASS_THROUGH else []
    args = _parser().parse_args(argv[:1] if argv and argv[0] in PASS_THROUGH else argv)
    if args.cmd == "setup":
        setup(force=args.force, cpu=args.cpu)
        print(f"ready: {venv_python()}")
        return 0
    if not running_in_venv() and os.environ.get("COURSEKIT_NO_VENV") != "1":
        if args.cmd in HERE or (args.cmd in LIGHT and importable("nbformat")):
            pass                               # runs here: needs only nbformat, not the 5.5 GB environment
        elif not venv_python().exists() and not agree_to_install(args.cmd):
            return 2
        else:
            return rerun_in_venv(argv)
    if args.cmd != "validate":                 # validate reports every unreadable file as a problem instead
        _check_readable(getattr(args, "notebooks", None) or [])   # before anything is run or written

    if args.cmd == "course":
        from .course import run_course

        run_course(fast=args.fast or os.environ.get("FAST") == "1", notebooks=args.notebooks or None,
                   store=args.store)
        return 0
    if args.cmd == "test":
        return run_tests(passed_on)
    if args.cmd == "lab":
        return subprocess.call([sys.executable, "-m", "jupyter", "lab", f"--notebook-dir={ROOT}",
                                f"--MappingKernelManager.default_kernel_name={KERNEL}"], cwd=ROOT)
    if args.cmd == "edition":
        return edition_cmd(args.notebooks, args.lang, args.out, args.with_notes)
    if args.cmd == "validate":
        return validate_cmd(args.notebooks)
    if args.cmd == "exercises":
        return exercises_cmd(args.names, args.write_student)
    if args.cmd == "gradebook":
        from ..exercises import gradebook

        return gradebook.main(passed_on)
    if args.cmd == "slides":
        return slides_cmd(args.notebooks, args.annotate)
    if args.cmd in ("submit", "class-package", "release-solutions", "export-nbgrader"):
        return class_cmd(args)
    if args.cmd == "site":
        from .site import build_from_committed

        build_from_committed(args.notebooks or None)
        return 0
    if args.cmd == "test-browser":
        return run_browser_tests(passed_on)
    if args.cmd == "setup-cell":
        from .colab import repository_url, write_setup_cells

        url = repository_url(ROOT)
        for path in write_setup_cells(args.notebooks or None, root=ROOT):
            print(path)
        print(f"repository: {url}" if url else "pyproject.toml [project.urls] has no Repository: no Colab/Kaggle links "
              "were written / Repository का पता नहीं है, इसलिए कोई link नहीं लिखा गया")
        return 0
    if args.cmd == "refresh":
        from .course import refresh_outputs

        for nb in args.notebooks:
            print(refresh_outputs(nb))
        return validate_cmd(args.notebooks)
    return 2  # pragma: no cover


def _check_readable(paths) -> None:
    """A one-line bilingual CourseError for the first path that is missing, a folder or not a notebook."""
    from .nbfiles import read_notebook

    for path in paths:
        read_notebook(path)


def edition_cmd(paths, lang: str, out, notes: bool = False) -> int:
    """Single-language editions; refused (nothing written) for notebooks/ or exercises/, or over any input."""
    from .nbfiles import edition_targets, write_edition

    out = Path(out or ROOT / "build" / "editions" / lang)
    edition_targets(paths, out, protected=[ROOT / "notebooks", ROOT / "exercises"])
    for nb in paths:
        print(write_edition(nb, lang, out, notes=notes))
    return 0


def exercises_cmd(names, write_student: bool) -> int:
    from ..exercises.build import write_solutions, write_student_editions

    names = [Path(n).name.removesuffix(".ipynb") for n in names] or None
    for path in (write_student_editions if write_student else write_solutions)(ROOT, names):
        print(path.relative_to(ROOT))
    return 0


def class_cmd(args) -> int:
    """Class mode: submit (learners), class-package, release-solutions and export-nbgrader (instructors)."""
    from ..exercises import classmode

    if args.cmd == "submit":
        path = classmode.submit(args.name, args.out)
        print(f"जमा हुआ / submitted: {path}")
    elif args.cmd == "class-package":
        done = classmode.class_package(args.out, args.class_name)
        print(f"student package: {done['out']} ({done['removed']} हल हटाए गए / solutions removed from "
              f"{done['banks']} files)")
        if done["leaks"]:
            print(f"⚠️ इनके हल package में अब भी पढ़े जा सकते हैं (starter हल से बनता है): {', '.join(done['leaks'])}\n"
                  f"⚠️ still readable in the package (the starter is built from the solution): "
                  f"{', '.join(done['leaks'])}", file=sys.stderr)
    elif args.cmd == "release-solutions":
        for path in classmode.release_solutions(args.names, args.class_dir):
            print(path)
    else:
        for path in classmode.export_nbgrader(args.names, args.out, args.lang):
            print(path)
    return 0


def validate_cmd(paths) -> int:
    """Check every notebook (unreadable ones are reported as problems too); 1 when any has a problem."""
    from .validator import validate, validate_library

    everything = not paths
    if not paths:
        paths = sorted(ROOT.glob("notebooks/*.ipynb")) + sorted(ROOT.glob("exercises/*.ipynb"))
    bad, pending = 0, 0
    for path in map(Path, paths):
        warnings: list[str] = []
        problems = validate(path, require_outputs=path.parent.name == "notebooks", warnings=warnings)
        print(f"{'OK  ' if not problems else 'FAIL'} {path}")
        for problem in problems:
            print(f"     - {problem}")
        for warning in warnings:          # the Hindi lint / prose-number audit of a file still being fixed
            print(f"     ~ pending: {warning}")
        bad, pending = bad + bool(problems), pending + len(warnings)
    if everything:                        # the exercise banks and the library: the Hindi lint of their messages
        warnings = []
        for file, problems in validate_library(warnings=warnings).items():
            print(f"FAIL {file}")
            for problem in problems:
                print(f"     - {problem}")
            bad += 1
        for warning in warnings:
            print(f"     ~ pending: {warning}")
        pending += len(warnings)
    if pending:
        print(f"{pending} findings अभी बाक़ी हैं (हिंदी lint और prose में लिखी संख्याएँ; COURSEKIT_STRICT=1 इन्हें error बनाता है) / "
              f"{pending} pending findings (Hindi lint, prose numbers; COURSEKIT_STRICT=1 makes them errors)")
    if bad:
        print(f"{bad} notebook(s) में समस्याएँ हैं / {bad} notebook(s) have problems")
    return 1 if bad else 0


def slides_cmd(paths, annotate: bool) -> int:
    from ..i18n import CourseError
    from .slides import annotate_file, export_all

    paths = [Path(p) for p in paths] or [p for p in sorted(ROOT.glob("notebooks/[0-9][0-9]_*.ipynb"))
                                         if not p.name.endswith(".run.ipynb")]   # refresh's temporary copies
    if annotate:
        for path in paths:
            print(f"{annotate_file(path):4d} cells changed  {path}")
        return 0
    try:
        for out in export_all(paths):
            print(out.relative_to(ROOT))
    except CourseError as error:      # reveal.js / MathJax missing: exit code 1 (the command was right)
        _report(error)
        return 1
    return 0


