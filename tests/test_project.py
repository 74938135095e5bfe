"""The project's promises about itself: the README quick start is what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```console\n(.*?)```", section, re.DOTALL)
    assert block is not None, "the quick start has no console block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_the_quick_start_is_two_commands() -> None:
    commands = _quick_start()
    assert len(commands) == 2
    assert "quoteattr seeds/000_2d0d44ca72966377.txt" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _quick_start()[1] in ci


def test_the_seed_in_the_project_is_the_users_seed() -> None:
    shared = ROOT.parent / "shared" / "seeds" / "000_2d0d44ca72966377.txt"
    ours = ROOT / "seeds" / "000_2d0d44ca72966377.txt"
    assert ours.exists()
    if shared.exists():
        assert ours.read_bytes() == shared.read_bytes()
