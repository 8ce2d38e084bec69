"""The shape of generator/, read from its own imports: no import loops, and the stages only
import forward (read -> checks -> metrics -> site -> render -> search).

Every ``import`` counts, at module level or inside a function: an import moved into a
function to dodge a loop is still a loop. Modules outside the stage packages are either the
shared vocabulary below every stage (model, config, links, ids, content, file_hashes,
privacy, unpickle, pickle_layout, json_text) or the commands above them all (build, serve, cli).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "generator"
STAGES = ("read", "checks", "metrics", "site", "render", "search")
BASE = {
    "model",
    "model_json",
    "config",
    "config_limits",
    "config_publish",
    "links",
    "ids",
    "content",
    "file_hashes",
    "code_version",
    "privacy",
    "path_hints",
    "safe_output",
    "unpickle",
    "pickle_layout",
    "json_text",
}
TOP = {
    "build",
    "build_readers",
    "build_inputs",
    "build_cache",
    "build_dask",
    "build_guard",
    "build_clock",
    "build_index",
    "build_store",
    "build_render",
    "build_uptodate",
    "build_result",
    "build_command",
    "build_fork",
    "build_report",
    "shard",
    "shard_publish",
    "site_size",
    "clean",
    "inventory",
    "serve",
    "cli",
    "__main__",
    "__init__",
}

# No loop is known: the reader's PDF modules share their line types through pdf_lines.py.
KNOWN_LOOPS: list[set[str]] = []


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The module of ours an import names (``generator.site`` + ``pages`` -> the submodule)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                # ``from package import submodule`` names the submodule, anything else the module
                targets = [
                    f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base
                    for a in node.names
                ]
            for target in targets:
                if target.split(".")[0] != "generator":
                    continue
                found = _resolve(target, modules)
                if found and found != name:
                    graph[name].add(found)
    return graph


def loops(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def floor(module: str) -> int | None:
    """0 for the shared vocabulary, 1.. for the stages in order, None for the commands."""
    part = module.split(".")[1] if "." in module else "__init__"
    if part in BASE:
        return 0
    if part in STAGES:
        return STAGES.index(part) + 1
    assert part in TOP, f"{module}: not a stage, not the shared base, not a command"
    return None


def test_no_import_loops():
    unexpected = [sorted(c) for c in loops(import_graph()) if c not in KNOWN_LOOPS]
    assert unexpected == []


def back_edges(graph: dict[str, set[str]]) -> list[str]:
    """Imports from a stage (or the shared base) up to a later stage or to a command."""
    back = []
    for src, targets in sorted(graph.items()):
        for dst in sorted(targets):
            a, b = floor(src), floor(dst)
            if a is None:
                continue
            if b is None or b > a:
                back.append(f"{src} -> {dst}")
    return back


def test_stages_only_import_forward():
    assert back_edges(import_graph()) == []


def test_the_checks_see_what_they_look_for():
    """A test that cannot fail is a defect: the walk must see real arrows, and the checks
    must catch a back-edge and a loop when there is one."""
    graph = import_graph()
    assert "generator.site.model" in graph["generator.site.deps"]
    assert "generator.checks.model" in graph["generator.site.model"]
    assert "generator.metrics" in graph["generator.build"]
    assert back_edges({"generator.site.pages": {"generator.render"}})
    assert back_edges({"generator.model": {"generator.read.pdf"}})
    assert back_edges({"generator.checks.model": {"generator.build"}})
    assert loops({"generator.a": {"generator.b"}, "generator.b": {"generator.a"}})
