"""The code stays small enough to read, and the docs build uses only public names.

Limits from the issue that took the linker apart: no module over 800 lines,
no class over 400, no function over 100 (docstring included).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "quoteattr"
MODULE_LINES = 800
CLASS_LINES = 400
FUNCTION_LINES = 100


def _sources(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _too_long(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    found = []
    lines = len(source.splitlines())
    if lines > MODULE_LINES:
        found.append(f"{path.name}: {lines} lines (limit {MODULE_LINES})")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            limit = CLASS_LINES
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            limit = FUNCTION_LINES
        else:
            continue
        assert node.end_lineno is not None
        size = node.end_lineno - node.lineno + 1
        if size > limit:
            found.append(f"{path.name}:{node.lineno} {node.name}: {size} lines (limit {limit})")
    return found


@pytest.mark.parametrize("path", _sources(PACKAGE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_classes_and_functions_stay_short(path: Path) -> None:
    assert _too_long(path) == []


def test_the_size_check_sees_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(FUNCTION_LINES))
    path = tmp_path / "long.py"
    path.write_text(f"def long():\n{body}\n", encoding="utf-8")
    assert _too_long(path) == [f"long.py:1 long: {FUNCTION_LINES + 1} lines (limit 100)"]


def _private_uses(path: Path) -> list[str]:
    """Private names of quoteattr that a file outside the package reaches for."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: set[str] = set()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("quoteattr"):
            for alias in node.names:
                if alias.name.startswith("_"):
                    found.append(f"{path.name}:{node.lineno} imports {alias.name}")
                modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("quoteattr"):
                    modules.add((alias.asname or alias.name).split(".")[0])
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
        ):
            found.append(f"{path.name}:{node.lineno} reads {node.value.id}.{node.attr}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and len(node.args) >= 2
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id in modules
            and isinstance(node.args[1], ast.Constant)
            and str(node.args[1].value).startswith("_")
        ):
            found.append(f"{path.name}:{node.lineno} reads {node.args[0].id}.{node.args[1].value}")
    return found


@pytest.mark.parametrize("path", _sources(ROOT / "docs" / "_ext"), ids=lambda p: p.name)
def test_the_docs_build_reads_no_private_name(path: Path) -> None:
    assert _private_uses(path) == []


def test_the_private_name_check_sees_one(tmp_path: Path) -> None:
    path = tmp_path / "ext.py"
    path.write_text(
        "from quoteattr import lexicons\n"
        "from quoteattr.drafts import _preference\n"
        "x = lexicons._CONJUNCTIONS\n"
        "y = getattr(lexicons, '_verb_forms', None)\n",
        encoding="utf-8",
    )
    assert _private_uses(path) == [
        "ext.py:2 imports _preference",
        "ext.py:3 reads lexicons._CONJUNCTIONS",
        "ext.py:4 reads lexicons._verb_forms",
    ]
