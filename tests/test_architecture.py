"""The architecture contracts ([tool.importlinter] in pyproject.toml, run by `make lint`).

The real tree keeps every contract; a copy of the tree with one forbidden import added breaks
exactly the contracts that should catch it, naming the import; and the whole module graph has no
cycle but the allowed task <-> service pairs. No database: these tests read source files only.
"""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("tkdossiers", "kamer", "letters", "commitments")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

LAYERS = "Apps layered: alerts > commitments > letters > kamer > tkdossiers"
ENTRY_POINTS = "Nothing imports the project's entry points"
LETTERS = "letters layered: entry points > web > importing > topics, docx > models"
PURE = "Pure modules import no Django"
ACYCLIC = "No import cycles inside any package"
CONTRACTS = {LAYERS, ENTRY_POINTS, LETTERS, PURE, ACYCLIC}

# The only cycles allowed: a Celery task module and the service it adapts, in one package. The
# service queues the task through an import inside a function (commented in the code there);
# that lazy import is the edge left out. The same list is the cycle contract's ignore_imports.
ALLOWED_CYCLE_EDGES = {
    ("letters.topics.tagging", "letters.topics.tasks"),
    ("letters.topics.recount", "letters.topics.tasks"),
    ("letters.importing.fetching", "letters.importing.tasks"),
}


def importlinter_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def lint_imports(tree: Path) -> tuple[int, dict[str, str], str]:
    """Run lint-imports on `tree` (its own pyproject.toml and packages): exit code,
    {contract name: "KEPT" or "BROKEN"}, and the whole output."""
    env = os.environ | {"PYTHONPATH": str(tree), "COLUMNS": "250", "NO_COLOR": "1", "TERM": "dumb"}
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(tree / "pyproject.toml")],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    statuses = {}
    for line in result.stdout.splitlines():
        for status in ("KEPT", "BROKEN"):
            name, sep, _ = line.partition(f" {status}")
            if sep and name in CONTRACTS:
                statuses[name] = status
    return result.returncode, statuses, output


def test_contract_names_are_the_ones_asserted_here():
    contracts = importlinter_config()["contracts"]
    assert [c["name"] for c in contracts] == [LAYERS, ENTRY_POINTS, LETTERS, PURE, ACYCLIC]


def test_real_tree_keeps_every_contract():
    code, statuses, output = lint_imports(ROOT)
    assert statuses == dict.fromkeys(CONTRACTS, "KEPT"), output
    assert code == 0, output
    assert "Contracts: 5 kept, 0 broken." in output


@pytest.fixture
def tree(tmp_path):
    """A copy of the project's packages and pyproject.toml, to add a forbidden import to."""
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def inject(tree: Path, path: str, statement: str, *, in_function: bool = False) -> int:
    """Append `statement` to the module at `path`, at module level or inside a function; return
    its line number."""
    file = tree / path
    text = file.read_text()
    if not text.endswith("\n"):
        text += "\n"
    if in_function:
        text += "\n\ndef _injected():\n"
        statement = f"    {statement}"
    file.write_text(f"{text}{statement}  # injected\n")
    return len(file.read_text().splitlines())


# (file, import added, inside a function?, contracts it must break, text lint-imports must print)
VIOLATIONS = {
    "django in letters.docx": (
        "letters/docx/reader.py",
        "import django",
        False,
        {PURE},
        "letters.docx.reader -> django (l.{line})",
    ),
    "Django through another module, in a function": (
        "letters/topics/matching.py",
        "from letters.topics.tagging import matcher_from_db",
        True,
        {PURE, ACYCLIC},
        "letters.topics.matching -> letters.topics.tagging (l.{line})",
    ),
    "a model in kamer.tk": (
        "kamer/tk/client.py",
        "from kamer.models import Document",
        False,
        {PURE},
        "kamer.tk.client -> kamer.models (l.{line})",
    ),
    "a model in commitments.extraction": (
        "commitments/extraction.py",
        "from commitments.models import Commitment",
        False,
        {PURE},
        "commitments.extraction -> commitments.models (l.{line})",
    ),
    "kamer importing letters": (
        "kamer/sync.py",
        "from letters.models import Letter",
        False,
        {LAYERS},
        "kamer.sync -> letters.models (l.{line})",
    ),
    "the core importing an app, in a function": (
        "tkdossiers/services.py",
        "from commitments.models import Commitment",
        True,
        {LAYERS},
        "tkdossiers.services -> commitments.models (l.{line})",
    ),
    "letters importing commitments": (
        "letters/web/views.py",
        "from commitments import services",
        False,
        {LAYERS},
        "letters.web.views -> commitments.services (l.{line})",
    ),
    "an app importing tkdossiers.urls": (
        "letters/web/views.py",
        "from tkdossiers.urls import urlpatterns",
        False,
        {ENTRY_POINTS},
        "letters.web.views -> tkdossiers.urls (l.{line})",
    ),
    "an app importing the settings module": (
        "kamer/views.py",
        "from tkdossiers import settings",
        False,
        {ENTRY_POINTS},
        "kamer.views -> tkdossiers.settings (l.{line})",
    ),
    "the core importing tkdossiers.urls, in a function": (
        "tkdossiers/services.py",
        "from tkdossiers import urls",
        True,
        {ENTRY_POINTS},
        "tkdossiers.services -> tkdossiers.urls (l.{line})",
    ),
    "docx importing topics": (
        "letters/docx/sections.py",
        "from letters.topics.matching import Rule",
        False,
        {LETTERS},
        "letters.docx.sections -> letters.topics.matching (l.{line})",
    ),
    "topics importing importing, `from package import module` in a function": (
        "letters/topics/recount.py",
        "from letters.importing import counts",
        True,
        {LETTERS, ACYCLIC},
        "letters.topics.recount -> letters.importing.counts (l.{line})",
    ),
    "importing importing web": (
        "letters/importing/store.py",
        "from letters.web.access import reader_required",
        False,
        {LETTERS, ACYCLIC},
        "letters.importing.store -> letters.web.access (l.{line})",
    ),
    "the models importing web": (
        "letters/models/core.py",
        "from letters.web import rows",
        True,
        {LETTERS, ACYCLIC},
        "letters.models.core -> letters.web.rows (l.{line})",
    ),
    "a cycle inside kamer, in a function": (
        "kamer/models/base.py",
        "from kamer import sync",
        True,
        {ACYCLIC},
        "No cycles are allowed in kamer.",
    ),
    "a lazy-import cycle that is no allowed pair": (
        "commitments/services.py",
        "from commitments import views",
        True,
        {ACYCLIC},
        "No cycles are allowed in commitments.",
    ),
}


@pytest.mark.parametrize("case", VIOLATIONS)
def test_a_forbidden_import_breaks_its_contract(tree, case):
    path, statement, in_function, broken, expected_text = VIOLATIONS[case]
    line = inject(tree, path, statement, in_function=in_function)

    code, statuses, output = lint_imports(tree)

    assert code == 1, output
    assert {name for name, status in statuses.items() if status == "BROKEN"} == broken, output
    assert {name for name, status in statuses.items() if status == "KEPT"} == CONTRACTS - broken, output
    assert expected_text.format(line=line) in output


def test_a_new_child_of_letters_must_be_placed_in_its_layers(tree):
    (tree / "letters" / "alerts_hook.py").write_text('"""Not yet placed in the letters layers."""\n')

    code, statuses, output = lint_imports(tree)

    assert code == 1, output
    assert statuses == dict.fromkeys(CONTRACTS, "KEPT") | {LETTERS: "BROKEN"}, output
    assert "- letters.alerts_hook" in output


def test_tkdossiers_urls_may_import_every_app(tree):
    """The project's top: the one module of tkdossiers allowed to import upwards."""
    inject(tree, "tkdossiers/urls.py", "from letters import urls as letters_urls")
    inject(tree, "tkdossiers/urls.py", "from commitments import views as commitment_views")
    inject(tree, "tkdossiers/urls.py", "from kamer import urls as kamer_urls")

    code, statuses, output = lint_imports(tree)

    assert statuses == dict.fromkeys(CONTRACTS, "KEPT"), output
    assert code == 0, output


# The whole module graph, across packages and between a package and its own modules (which the
# acyclic_siblings contract does not look at).


def find_cycles(graph: grimp.ImportGraph, modules: set[str], allowed: set[tuple[str, str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), without the allowed edges."""
    successors = {
        module: sorted((graph.find_modules_directly_imported_by(module) & modules) - {module}) for module in modules
    }
    for importer, imported in allowed:
        successors[importer] = [m for m in successors[importer] if m != imported]

    index: dict[str, int] = {}
    lowlink: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(start: str) -> None:
        # Iterative, so that a deep chain of imports cannot hit the recursion limit.
        work = [(start, iter(successors[start]))]
        index[start] = lowlink[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    lowlink[parent] = min(lowlink[parent], lowlink[module])
                if lowlink[module] == index[module]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == module:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
            elif child not in index:
                index[child] = lowlink[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(successors[child])))
            elif child in on_stack:
                lowlink[module] = min(lowlink[module], index[child])

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return sorted(groups)


def project_graph() -> tuple[grimp.ImportGraph, set[str]]:
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    modules = {m for m in graph.modules if m.split(".")[0] in PACKAGES}
    return graph, modules


def test_allowed_cycle_edges_are_the_cycle_contracts_ignores():
    (contract,) = [c for c in importlinter_config()["contracts"] if c["name"] == ACYCLIC]
    assert {tuple(part.strip() for part in i.split("->")) for i in contract["ignore_imports"]} == ALLOWED_CYCLE_EDGES


def test_allowed_cycle_edges_exist_and_are_imports_inside_functions():
    graph, _ = project_graph()
    for importer, imported in sorted(ALLOWED_CYCLE_EDGES):
        details = graph.get_import_details(importer=importer, imported=imported)
        assert details, f"{importer} -> {imported} no longer exists: remove it from the allowed cycles"
        source = (ROOT / f"{importer.replace('.', '/')}.py").read_text().splitlines()
        for detail in details:
            line = source[detail["line_number"] - 1]
            assert line.startswith(" "), f"{importer} -> {imported} must be an import inside a function: {line}"
        assert importer.rpartition(".")[0] == imported.rpartition(".")[0], "an allowed pair is in one package"
        assert imported.endswith(".tasks"), "an allowed pair is a service queueing its Celery task"


def test_no_import_cycles_between_any_modules():
    graph, modules = project_graph()
    assert find_cycles(graph, modules, ALLOWED_CYCLE_EDGES) == []


def test_find_cycles_sees_cycles_through_packages_and_function_level_imports():
    graph = grimp.ImportGraph()
    for module in ("a", "a.x", "a.y", "b", "b.z", "c"):
        graph.add_module(module)
    graph.add_import(importer="a", imported="a.x", line_number=1, line_contents="from a import x")
    graph.add_import(importer="a.x", imported="a", line_number=1, line_contents="import a")
    graph.add_import(importer="a.y", imported="b.z", line_number=1, line_contents="from b import z")
    graph.add_import(importer="b.z", imported="c", line_number=5, line_contents="import c")
    graph.add_import(importer="c", imported="a.y", line_number=9, line_contents="    from a import y")
    modules = set(graph.modules)

    assert find_cycles(graph, modules, set()) == [["a", "a.x"], ["a.y", "b.z", "c"]]
    assert find_cycles(graph, modules, {("c", "a.y")}) == [["a", "a.x"]]
