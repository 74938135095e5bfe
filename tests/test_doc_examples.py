"""The integration pages' examples run, and a broken one fails the build.

Any page whose code uses pandas, spaCy, Dask or Spark is an integration page:
its Python must sit in blocks that Sphinx's doctest builder runs (``doctest``,
``testcode``…), never in plain ``python`` blocks that nothing runs. And the
doctest build, run exactly as ``.ci/run`` runs it, must fail on an example
whose output no longer matches, with the documentation's own configuration.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

# A fence opens with three or more backticks (or colons) and a language or {directive}.
FENCE = re.compile(r"^(`{3,}|:{3,})\s*(\{[\w-]+\}|[\w+-]*)", re.MULTILINE)
ENGINES = re.compile(r"\b(import pandas|import spacy|from spacy|import dask|from dask|pyspark)\b")
RUN = {"{doctest}", "{testcode}", "{testsetup}", "{testcleanup}", "{testoutput}"}
PYTHON = {"python", "python3", "py", "pycon", "ipython", "ipython3"}


def blocks(page: Path) -> list[tuple[str, str]]:
    """Each fenced block of a MyST page: its language or directive, and its text."""
    text = page.read_text(encoding="utf-8")
    found = []
    position = 0
    while match := FENCE.search(text, position):
        fence, kind = match.group(1), match.group(2)
        close = re.compile(rf"^{re.escape(fence)}\s*$", re.MULTILINE)
        end = close.search(text, match.end())
        if end is None:
            break
        found.append((kind, text[match.end() : end.start()]))
        position = end.end()
    return found


def integration_pages() -> list[Path]:
    return [
        page
        for page in sorted(DOCS.glob("**/*.md"))
        if "_build" not in page.parts and any(ENGINES.search(body) for _, body in blocks(page))
    ]


def test_the_integration_pages_are_found() -> None:
    names = {page.name for page in integration_pages()}
    assert {"integrations.md", "spacy.md", "scaling.md"} <= names


@pytest.mark.parametrize("page", integration_pages(), ids=lambda page: page.name)
def test_integration_pages_hold_only_code_that_runs(page: Path) -> None:
    unrun = [
        f"a {kind or 'plain'} block: {body.strip().splitlines()[0][:60]!r}"
        for kind, body in blocks(page)
        if kind not in RUN and (kind in PYTHON or ENGINES.search(body))
    ]
    assert unrun == [], f"{page.name}: turn these into {{doctest}} or {{testcode}} blocks"


def test_the_block_reader_sees_plain_python(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# T\n\n```python\nimport pandas\n```\n\n```{doctest}\n>>> 1\n1\n```\n", encoding="utf-8"
    )
    assert blocks(page) == [("python", "\nimport pandas\n"), ("{doctest}", "\n>>> 1\n1\n")]


def ci_doctest_command(docs: Path, out: Path) -> list[str]:
    """The doctest build line of .ci/run, pointed at another source folder."""
    for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines():
        if "-b doctest" in line and not line.lstrip().startswith("#"):
            words = shlex.split(line)
            assert words[:3] == ["python", "-m", "sphinx"], line
            assert words[-2:] == ["docs", "docs/_build/doctest"], line
            return [sys.executable, *words[1:-2], str(docs), str(out)]
    raise AssertionError(".ci/run does not run the doctest build")


def build_page(tmp_path: Path, example: str) -> subprocess.CompletedProcess[str]:
    """Run the CI doctest build on one page, with the documentation's conf.py and extensions."""
    pytest.importorskip("sphinx", reason="builds the docs: pip install -e '.[test]'")
    pytest.importorskip("myst_parser", reason="builds the docs: pip install -e '.[test]'")
    docs = tmp_path / "docs"
    docs.mkdir(parents=True)
    shutil.copy(DOCS / "conf.py", docs / "conf.py")
    shutil.copytree(DOCS / "_ext", docs / "_ext")
    shutil.copytree(DOCS / "_static", docs / "_static")
    page = f"# Example\n\n```{{doctest}}\n{example}\n```\n"
    (docs / "index.md").write_text(page, encoding="utf-8")
    return subprocess.run(
        ci_doctest_command(docs, tmp_path / "out"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def test_a_broken_example_fails_the_ci_doctest_build(tmp_path: Path) -> None:
    example = (
        ">>> import quoteattr\n>>> [a.speaker.name for a in quoteattr.extract({text!r})]\n{out}"
    )
    text = "قالت الوزارة إن المدارس ستفتح غدا."
    working = build_page(tmp_path / "good", example.format(text=text, out="['الوزارة']"))
    assert working.returncode == 0, working.stdout[-2000:] + working.stderr[-2000:]
    broken = build_page(tmp_path / "bad", example.format(text=text, out="['المدارس']"))
    assert broken.returncode != 0
    report = (tmp_path / "bad" / "out" / "output.txt").read_text(encoding="utf-8")
    assert "1 failure in tests" in report
