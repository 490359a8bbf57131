"""The layout as the imports show it: no cycle between the packages, none between modules, and the
website takes nothing from the command line.

The graph is read from the source (every `import`, also those inside functions, which is where a
cycle hides), not from what happens to be imported at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("search_index", "backoffice", "directory", "bot", "signpost")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, name: str, known: set[str]) -> set[str]:
    """The project's modules that `path` (module `name`) imports, anywhere in its code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            # `from pkg import mod` imports the module pkg.mod; `from mod import name` imports mod
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # `import a.b.c` names a.b.c; a name inside a module
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    files = {
        module_name(path): path
        for package in PACKAGES
        if (ROOT / package / "__init__.py").is_file()
        for path in sorted((ROOT / package).rglob("*.py"))
    }
    known = set(files)
    return {name: imported_modules(path, name, known) for name, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of nodes that reach each other (Tarjan's strongly connected components of size > 1)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for module, targets in graph.items():
        top = module.split(".")[0]
        out.setdefault(top, set()).update(t.split(".")[0] for t in targets if t.split(".")[0] != top)
    return out


def who_imports(graph: dict[str, set[str]], group: list[str], level) -> list[str]:
    return sorted(
        f"{module} -> {target}"
        for module, targets in graph.items()
        for target in targets
        if level(module) in group and level(target) in group and level(module) != level(target)
    )


@pytest.fixture(scope="module")
def graph():
    return import_graph()


def test_the_graph_is_read(graph):
    """Guards the reader itself: known edges are found, relative and inside functions alike."""
    assert "signpost.cli" in graph and "directory" in graph and "search_index" in graph
    assert "signpost.cmd_content" in graph["signpost.cli"]  # from . import cmd_content
    assert "directory" in graph["signpost.cmd_serve"]  # from directory import create_app, in the command
    assert "directory.api" in graph["directory"]  # from . import api
    assert "search_index.entries" in graph["search_index"]  # from .entries import Category


def test_no_cycle_between_packages(graph):
    packages = package_graph(graph)
    found = cycles(packages)
    assert found == [], [who_imports(graph, group, lambda m: m.split(".")[0]) for group in found]


def test_no_cycle_between_modules(graph):
    """Every module of the five packages; the CLI's modules were held together by imports inside
    functions until the commands were added to the group in one place (`signpost/cli.py`)."""
    found = cycles(graph)
    assert found == [], [who_imports(graph, group, lambda m: m) for group in found]


def top_level_imports(path: Path) -> set[str]:
    """The first part of every absolute import in `path` (`flask` for `from flask.json import x`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_the_core_imports_no_web_framework_bot_library_or_back_office():
    """The search core stands alone: the website, the bot and the back office build on it."""
    leaks = sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / "search_index").rglob("*.py"))
        for name in top_level_imports(path) & {"flask", "werkzeug", "telegram", "backoffice"}
    )
    assert leaks == []


def test_the_back_office_imports_no_web_framework_or_bot_library():
    leaks = sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / "backoffice").rglob("*.py"))
        for name in top_level_imports(path)
        & {"flask", "werkzeug", "telegram", "directory", "bot", "signpost"}
    )
    assert leaks == []


def test_top_level_imports_are_read(tmp_path):
    """Guards the reader: absolute imports count, also inside functions; relative ones do not."""
    module = tmp_path / "m.py"
    module.write_text("import flask.json\nfrom . import x\ndef f():\n    from werkzeug import y\n")
    assert top_level_imports(module) == {"flask", "werkzeug"}


def test_the_front_ends_use_the_core_through_its_one_door(graph):
    """The website, the bot and the CLI import `search_index` itself, never a module inside it."""
    deeper = sorted(
        f"{m} -> {t}"
        for m, targets in graph.items()
        if m.split(".")[0] in ("directory", "bot", "signpost")
        for t in targets
        if t.startswith("search_index.")
    )
    assert deeper == []
    assert "search_index" in graph["directory.core"]  # the reader sees `from search_index import ...`


def test_the_website_imports_nothing_from_the_command_line(graph):
    leaks = sorted(
        f"{m} -> {t}"
        for m, targets in graph.items()
        if m.split(".")[0] == "directory"
        for t in targets
        if t.split(".")[0] == "signpost"
    )
    assert leaks == []


# The CLI's commands that run or export the website; every other command (staff, prune, report, ask,
# check, index, bot...) must not load it: Flask and the site's blueprints cost time and memory, and a
# staff command has nothing to do with them.
CLI_WEBSITE_COMMANDS = ("signpost.cmd_serve", "signpost.cmd_oruk")


def test_the_command_line_loads_the_website_only_in_the_commands_that_need_it(graph):
    leaks = sorted(
        f"{m} -> {t}"
        for m, targets in graph.items()
        if m.split(".")[0] == "signpost" and m not in CLI_WEBSITE_COMMANDS
        for t in targets
        if t.split(".")[0] == "directory"
    )
    assert leaks == []
    assert "directory" in graph["signpost.cmd_serve"]  # the rule reads the commands that do


@pytest.mark.parametrize(
    "edges, expected",
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"a"}}, []),
    ],
)
def test_cycles_finds_what_reaches_itself(edges, expected):
    assert cycles(edges) == expected


def test_a_cycle_through_an_import_inside_a_function_is_found(tmp_path):
    """As `signpost.cli` once imported the commands inside main() while they imported the group."""
    pkg = tmp_path / "demo"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "cli.py").write_text("def main():\n    from . import commands\n")
    (pkg / "commands.py").write_text("from .cli import main\n")
    known = {"demo", "demo.cli", "demo.commands"}
    graph = {
        name: imported_modules(pkg / f"{name.split('.')[-1]}.py", name, known) for name in known - {"demo"}
    }
    assert cycles(graph) == [["demo.cli", "demo.commands"]]


@pytest.mark.parametrize(
    "path",
    sorted(str(p.relative_to(ROOT)) for package in PACKAGES for p in (ROOT / package).rglob("*.py")),
)
def test_no_module_level_name_is_defined_twice(path):
    """A word list defined twice under one name is silently the second one everywhere: crisis
    detection's "_PARENTS" and "_OCCASIONS" once each read another rule's list, and "_ASKING" a
    request's words."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    names = [
        t.id
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(t, ast.Name)
    ]
    names += [
        n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    ]
    assert sorted({n for n in names if names.count(n) > 1}) == []
