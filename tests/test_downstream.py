"""A separate little project uses the pytest plugin and the strategies from the installed quoteattr.

The project in ``tests/downstream_project`` is copied to a temporary folder
and its tests run there in a fresh ``python -m pytest``, so our source tree
is not on its path: the fixtures must arrive through the ``pytest11`` entry
point of the installed distribution, exactly as a user gets them.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr import corpus
from quoteattr.brat import dump_brat
from quoteattr.corpus import Document, builtin, builtin_names, dump, load
from quoteattr.testing import plugin

PROJECT = Path(__file__).parent / "downstream_project"
PROJECT_FILES = ("pytest.ini", "newsdesk.py", "test_newsdesk.py", "our_articles.jsonl")
PLAIN_TESTS = 6  # tests in test_newsdesk.py that are not run once per gold document


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        distribution = importlib.metadata.distribution("quoteattr")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("quoteattr is not installed: run `pip install -e .` first")
    if not any(entry.group == "pytest11" for entry in distribution.entry_points):
        pytest.skip("the installed quoteattr predates its pytest plugin: reinstall it")
    folder = tmp_path_factory.mktemp("newsdesk")
    for name in PROJECT_FILES:
        shutil.copy(PROJECT / name, folder / name)
    return folder


def run_pytest(folder: Path, *arguments: str) -> tuple[int, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in ("PYTHONPATH", "PYTEST_ADDOPTS", "PYTEST_PLUGINS", "PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *arguments],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def passed(output: str) -> int:
    found = re.search(r"(\d+) passed", output)
    return int(found.group(1)) if found else 0


def test_the_project_runs_on_the_builtin_corpus(project: Path) -> None:
    status, output = run_pytest(project)
    assert status == 0, output
    per_document = len(builtin(*(n for n in builtin_names() if n != "known_failures")))
    assert passed(output) == PLAIN_TESTS + per_document, output


def test_the_project_runs_on_its_own_corpus(project: Path) -> None:
    status, output = run_pytest(project, "--quoteattr-gold", "our_articles.jsonl")
    assert status == 0, output
    assert passed(output) == PLAIN_TESTS + len(load(PROJECT / "our_articles.jsonl")), output


def test_the_plugin_can_be_turned_off(project: Path) -> None:
    status, output = run_pytest(
        project, "-p", "no:quoteattr", "test_newsdesk.py::test_the_extractor_fixture"
    )
    assert status != 0
    assert "fixture 'quoteattr_extract' not found" in output


# The plugin's choice of documents, without a subprocess ------------------------


class FakeConfig:
    """Just enough of ``pytest.Config`` for the plugin to read ``--quoteattr-gold``."""

    def __init__(self, gold: Path | None) -> None:
        self.gold = gold

    def getoption(self, name: str) -> object:
        assert name == "quoteattr_gold"
        return None if self.gold is None else str(self.gold)


def test_per_document_runs_leave_out_known_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "golden"
    folder.mkdir()
    dump([Document("syn-1", "نص")], folder / "synthetic.jsonl")
    dump([Document("kf-1", "نص")], folder / "known_failures.jsonl")
    monkeypatch.setattr(corpus, "_golden_folder", lambda: folder)
    config = FakeConfig(None)
    every = plugin._documents(config, per_document=False)  # type: ignore[arg-type]
    assert [doc.id for doc in every] == ["kf-1", "syn-1"]
    each = plugin._documents(config, per_document=True)  # type: ignore[arg-type]
    assert [doc.id for doc in each] == ["syn-1"]


def test_the_gold_option_takes_a_file_or_a_brat_folder(tmp_path: Path) -> None:
    documents = [Document("ours-1", "قال: نعم"), Document("ours-2", "لا")]
    dump(documents, tmp_path / "ours.jsonl")
    for document in documents:
        dump_brat(document, tmp_path / "brat")
    for gold in (tmp_path / "ours.jsonl", tmp_path / "brat"):
        for per_document in (False, True):
            chosen = plugin._documents(FakeConfig(gold), per_document=per_document)  # type: ignore[arg-type]
            assert list(chosen) == documents
