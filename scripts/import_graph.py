"""Import circles of the claimgraph package and its files over 600 lines.

    python3 scripts/import_graph.py [src]

Counts every import statement, including those inside functions; a unit is a top-level
subpackage or module of claimgraph (claimgraph.attribution, claimgraph.pipeline, ...).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def modules(src: Path) -> dict[str, Path]:
    out = {}
    for f in src.rglob("*.py"):
        parts = list(f.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


def edges(mods: dict[str, Path]) -> dict[str, set[str]]:
    def resolve(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    out: dict[str, set[str]] = {m: set() for m in mods}
    for m, f in mods.items():
        pkg = m if f.name == "__init__.py" else m.rpartition(".")[0]
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                names = [f"{base}.{a.name}" for a in node.names] + [base]
            for n in names:
                t = resolve(n) if n.startswith("claimgraph") else None
                if t and t != m and not m.startswith(t + "."):
                    out[m].add(t)
    return out


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in graph:
        if v not in index:
            visit(v)
    return found


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "src")
    mods = modules(src)
    graph = edges(mods)
    units: dict[str, set[str]] = {}
    for m, targets in graph.items():
        for t in targets:
            a, b = ".".join(m.split(".")[:2]), ".".join(t.split(".")[:2])
            if a != b:
                units.setdefault(a, set()).add(b)
    print("package circles:", circles(units) or "none")
    print("module circles:", circles(graph) or "none")
    big = sorted(((sum(1 for _ in f.open(encoding="utf-8")), str(f)) for f in mods.values()), reverse=True)
    print("files over 600 lines:", [(p, n) for n, p in big if n > 600] or "none")


if __name__ == "__main__":
    main()
