"""The code of an earlier commit, loaded beside the working tree's, for before/after benchmarks.

Measured in one process and run alternately, the two sides see the same load on a shared machine
(bench/README.md). Read with `git show`; nothing in the working tree changes.
"""

import importlib
import subprocess
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def source(commit: str, path: str) -> str:
    """The file at `path` as it was at `commit`."""
    return subprocess.run(
        ["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def module(commit: str, path: str, name: str, *, text: str | None = None) -> types.ModuleType:
    """The module at `path` as it was at `commit`, executed under `name` (its imports are today's
    modules); `text` replaces the source, for a caller that rewrites an import first."""
    loaded = types.ModuleType(name)
    code = source(commit, path) if text is None else text
    exec(compile(code, f"{commit}:{path}", "exec"), loaded.__dict__)  # noqa: S102 - the project's own code
    return loaded


def package(commit: str, folder: Path, path: str, name: str) -> str:
    """The package directory `path` (e.g. letters/docx) as it was at `commit`, written under
    `folder` as the package `name`, its imports of itself renamed; returns the name to import from."""
    target = folder / name
    target.mkdir()
    dotted = path.replace("/", ".")
    listed = subprocess.run(
        ["git", "ls-tree", "--name-only", f"{commit}:{path}/"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    for file in listed.stdout.split():
        if file.endswith(".py"):
            (target / file).write_text(source(commit, f"{path}/{file}").replace(dotted, name))
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    importlib.invalidate_caches()
    return name
