"""The documentation site in a real browser: build it, render three pages, check them.

The landing page, the tour of the seed article and the lexicon tables are
rendered twice: as screenshots (decoded with the standard library and checked
for the highlighted seed view, ink where right-to-left text must be, and
Arabic table cells aligned right), and with a small script that measures the
laid-out text (Arabic blocks run right to left; inline Arabic stays between
the English words around it; Arabic strings in code keep their Python order).
displaCy's span view of the seed, which the spaCy page links to, is checked
the same way: right to left, one label per content span at the span's start.
``QUOTEATTR_DOCS_SCREENSHOTS=docs/img`` remakes ``docs/img/seed-displacy.png``.

Skipped when Sphinx, furo or myst-parser is missing, or when no Chromium
binary is installed (``.ci/run`` installs Debian's ``chromium``). Set
``QUOTEATTR_DOCS_SCREENSHOTS=DIR`` to keep the screenshots for a look.
Fonts with Arabic glyphs (``fonts-noto-core``) make the pictures faithful;
the checks hold without them.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from headless import Rows, decode_png, find_chromium, near, run_chromium

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parent.parent / "docs"
WIDTH = 1280

# The seed view's direct-content highlight (quoteattr/views/page.py), seen in
# the landing page's picture of the highlighted seed article.
DIRECT = (0xFF, 0xE9, 0x8A)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the HTML site once, into a temporary folder."""
    for module in ("sphinx", "furo", "myst_parser"):
        pytest.importorskip(module, reason=f"{module} builds the docs: pip install -e '.[docs]'")
    find_chromium()
    out = tmp_path_factory.mktemp("docs")
    paths = (str(DOCS), str(out / "html"))
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(out / "doctrees"), *paths],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out / "html"


def _variant(page: Path, name: str, head: str = "", body: str = "") -> Path:
    """Copy a built page next to itself (so its CSS still loads) with extra markup."""
    text = page.read_text(encoding="utf-8")
    copy = page.with_name(f"_{name}_{page.name}")
    text = text.replace("</head>", head + "</head>").replace("</body>", body + "</body>")
    copy.write_text(text, encoding="utf-8")
    return copy


def screenshot(page: Path, height: int, name: str) -> Rows:
    """Render ``page`` at WIDTH x height and return the screenshot's rows of RGB pixels."""
    png = page.with_suffix(".png")
    size, wait = f"--window-size={WIDTH},{height}", "--virtual-time-budget=3000"
    run_chromium(size, wait, f"--screenshot={png}", page.as_uri())
    assert png.is_file(), "Chromium wrote no screenshot"
    keep = os.environ.get("QUOTEATTR_DOCS_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(keep) / f"{name}.png")
    return decode_png(png.read_bytes())


_PROBE = """
<script>
(function () {
  function box(node, start, end) {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const r = range.getClientRects()[0] || range.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  }
  const found = (%s)(box);
  const pre = document.createElement("pre");
  pre.id = "qa-probe";
  pre.textContent = JSON.stringify(found);
  document.body.appendChild(pre);
})();
</script>
"""


def probe(page: Path, function: str, name: str) -> Any:
    """Lay ``page`` out in Chromium, run a JavaScript ``function(box)`` on it, return its result."""
    copy = _variant(page, name, body=_PROBE % function)
    size, wait = f"--window-size={WIDTH},1800", "--virtual-time-budget=3000"
    result = run_chromium(size, wait, "--dump-dom", copy.as_uri())
    match = re.search(r'<pre id="qa-probe">(.*?)</pre>', result.stdout, re.S)
    assert match, f"the probe did not run: {result.stderr[-2000:]}"
    return json.loads(html.unescape(match.group(1)))


def _ink(pixel: tuple[int, int, int]) -> bool:
    return sum(pixel) < 3 * 140


def _ink_columns(rows: Rows, top: float, bottom: float, left: float, right: float) -> list[int]:
    """The x of every dark pixel inside a box of the screenshot."""
    found = []
    for y in range(max(0, int(top)), min(len(rows), int(bottom))):
        row = rows[y]
        found.extend(x for x in range(max(0, int(left)), min(len(row), int(right))) if _ink(row[x]))
    return found


# -- the landing page ------------------------------------------------------------------------


def test_landing_page_shows_the_highlighted_seed(site: Path) -> None:
    page = site / "index.html"
    layout = probe(
        page,
        """box => {
          const view = document.querySelector("img.seed-screenshot, iframe.seed-view");
          const r = view.getBoundingClientRect();
          return {tag: view.tagName, top: r.top, bottom: r.bottom, left: r.left, right: r.right,
                  link: !!document.querySelector('a[href$="_static/seed-article.html"]')};
        }""",
        "landing",
    )
    assert layout["link"], "no link to the live seed page"
    assert (site / "_static" / "seed-article.html").is_file(), "the live seed page was not written"
    height = int(min(layout["bottom"], 3000)) + 20
    rows = screenshot(page, height, "landing")
    left, right = int(layout["left"]), int(layout["right"])
    view = [row[left:right] for row in rows[int(layout["top"]) : int(layout["bottom"])]]
    yellow = sum(1 for row in view for pixel in row if near(pixel, DIRECT))
    assert yellow > 300, f"the seed view shows almost no direct-content highlight ({yellow} pixels)"
    above = rows[: int(layout["top"])]
    dark = sum(1 for row in above[::2] for pixel in row[::2] if _ink(pixel))
    assert dark > 2000, "almost no text above the seed view"


def test_code_keeps_arabic_strings_in_python_order(site: Path) -> None:
    # ('direct', 'قال', 'ليلى حداد', ...): without isolation the Arabic strings of one
    # line fuse into one right-to-left run and come out in reverse order.
    pairs = probe(
        site / "index.html",
        """box => {
          const pairs = [];
          document.querySelectorAll(".highlight pre").forEach(pre => {
            const strings = [...pre.querySelectorAll("span")].filter(
              s => s.children.length === 0
                   && /^['"].*[\\u0600-\\u06ff].*['"]$/.test(s.textContent));
            for (let i = 1; i < strings.length; i++) {
              const a = box(strings[i - 1].firstChild, 0, strings[i - 1].firstChild.length);
              const b = box(strings[i].firstChild, 0, strings[i].firstChild.length);
              if (Math.abs(a.top - b.top) < 2) {
                pairs.push([strings[i - 1].textContent, a.left, strings[i].textContent, b.left]);
              }
            }
          });
          return pairs;
        }""",
        "code",
    )
    assert pairs, "no line of code with two Arabic strings on the landing page"
    for first, first_left, second, second_left in pairs:
        assert first_left < second_left, f"{second} is drawn before {first}"


# -- the tour ----------------------------------------------------------------------------------


def test_tour_article_reads_right_to_left(site: Path) -> None:
    page = site / "tour.html"
    layout = probe(
        page,
        """box => {
          const block = document.querySelector('div.arabic[dir="rtl"]');
          const paragraphs = [...block.querySelectorAll("p")];
          const headline = paragraphs.find(p => p.classList.contains("headline"));
          const text = headline.firstChild;
          const words = text.textContent.split(" ");
          const r = block.getBoundingClientRect();
          return {
            direction: getComputedStyle(block).direction,
            paragraphs: paragraphs.length,
            block: {left: r.left, right: r.right, top: r.top, bottom: r.bottom},
            line: box(text, 0, text.length),
            first: box(text, 0, words[0].length),
            last: box(text, text.length - words[words.length - 1].length, text.length),
            width: headline.getBoundingClientRect().width,
          };
        }""",
        "tour",
    )
    assert layout["direction"] == "rtl"
    seed = DOCS.parent / "seeds" / "000_2d0d44ca72966377.txt"
    lines = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert layout["paragraphs"] == len(lines), "a line of the seed article is missing"
    # The headline's first word is drawn right of its last, and the line hugs the right edge.
    assert layout["first"]["left"] > layout["last"]["right"] - 1
    assert layout["block"]["right"] - layout["line"]["right"] < 30
    assert layout["line"]["left"] - layout["block"]["left"] > layout["width"] / 3
    # The screenshot agrees: the headline's ink is all in the right part of the block.
    rows = screenshot(page, int(layout["block"]["bottom"]) + 20, "tour")
    line = layout["line"]
    block = layout["block"]
    ink = _ink_columns(rows, line["top"], line["bottom"], block["left"], block["right"])
    assert ink, "the headline drew nothing"
    assert min(ink) > block["left"] + layout["width"] / 3, "headline ink starts on the left"
    everything = _ink_columns(rows, block["top"], block["bottom"], block["left"], block["right"])
    assert len(everything) > 5000, "the article block is (nearly) empty"


def test_inline_arabic_stays_between_its_english_neighbours(site: Path) -> None:
    checked = probe(
        site / "tour.html",
        """box => {
          const found = [];
          document.querySelectorAll("article p bdi.ar").forEach(bdi => {
            const before = bdi.previousSibling, after = bdi.nextSibling;
            if (!before || !after || before.nodeType !== 3 || after.nodeType !== 3) return;
            if (!/[A-Za-z]/.test(before.textContent) || !after.textContent.trim()) return;
            const rects = bdi.getClientRects();
            if (rects.length !== 1) return;  // wrapped over two lines
            const b = box(before, before.length - 1, before.length), a = box(after, 0, 1);
            const r = rects[0];
            if (Math.abs(b.top - r.top) > 6 || Math.abs(a.top - r.top) > 6) return;
            found.push([bdi.textContent, b.right, r.left, r.right, a.left]);
          });
          return found;
        }""",
        "inline",
    )
    assert len(checked) >= 10, "too few inline Arabic runs between English words on the tour"
    for text, before_right, left, right, after_left in checked:
        assert before_right <= left + 1, f"{text!r} is drawn over the words before it"
        assert right <= after_left + 1, f"{text!r} is drawn over the words after it"


# -- the lexicon tables ------------------------------------------------------------------------


def test_lexicon_tables_are_complete_and_aligned_right(site: Path) -> None:
    from quoteattr.lexicons import read_tsv

    page = site / "lexicons.html"
    # Show the Titles section alone, so the screenshot holds a table.
    focused = _variant(
        page,
        "titles",
        head="<style>section#the-lexicons > :not(h1):not(#titles) { display: none; }</style>",
    )
    layout = probe(
        focused,
        """box => {
          const titles = document.getElementById("titles");
          const cells = [...titles.querySelectorAll("table.lexicon td.ar-cell")];
          const cell = cells.find(c => c.textContent.trim().length > 3);
          const first = cell.querySelector("p").firstChild;
          const text = first.firstChild || first;
          const r = cell.getBoundingClientRect();
          const style = getComputedStyle(cell);
          return {
            rows: titles.querySelectorAll("table.lexicon tbody tr").length,
            sections: titles.querySelectorAll("p.rubric").length,
            direction: style.direction,
            cell: {left: r.left + parseFloat(style.paddingLeft),
                   right: r.right - parseFloat(style.paddingRight),
                   top: r.top, bottom: r.bottom},
            text: box(text, 0, text.length),
            verbs: document.querySelectorAll("#speech-verbs dl.lexicon-entries > dt").length,
          };
        }""",
        "lexicons",
    )
    assert layout["rows"] == sum(1 for _ in read_tsv("titles.tsv")), "the titles table misses rows"
    assert layout["sections"] > 5
    verbs = sum(1 for _ in read_tsv("speech_verbs.tsv"))
    assert layout["verbs"] == verbs, "a speech verb is missing"
    assert layout["direction"] == "rtl"
    cell, text = layout["cell"], layout["text"]
    right_gap, left_gap = cell["right"] - text["right"], text["left"] - cell["left"]
    assert right_gap < 8, "an Arabic cell's text does not reach its right edge"
    assert right_gap < left_gap, "an Arabic cell is not aligned right"
    rows = screenshot(focused, int(cell["bottom"]) + 200, "lexicons")
    ink = _ink_columns(rows, cell["top"], cell["bottom"], cell["left"], cell["right"] + 1)
    assert ink, "the Arabic cell drew nothing"
    assert max(ink) > cell["right"] - 12, "the cell's ink does not reach its right edge"
    assert min(ink) > (cell["left"] + cell["right"]) / 2, "the cell's ink starts in its left half"


# -- displaCy's view of the seed, on the spaCy page -------------------------------------------


def test_displacy_view_of_the_seed_reads_right_to_left(site: Path) -> None:
    spacy = pytest.importorskip("spacy", reason="the spaCy page needs it: pip install -e '.[docs]'")
    from quoteattr.spacy import DISPLACY_COLORS

    linked = probe(
        site / "spacy.html",
        """box => {
          const image = document.querySelector("img.seed-displacy, iframe.seed-displacy");
          return {view: !!image,
                  link: !!document.querySelector('a[href$="_static/seed-displacy.html"]')};
        }""",
        "spacy",
    )
    assert linked == {"view": True, "link": True}
    page = site / "_static" / "seed-displacy.html"
    assert page.is_file(), "the displaCy page was not written"
    layout = probe(
        page,
        """box => {
          const block = document.querySelector("div.spans");
          const r = block.getBoundingClientRect();
          const first = [...block.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
          const start = first.textContent.search(/\\S/);
          const words = first.textContent.slice(start).split(" ");
          const labels = [...block.querySelectorAll("span")].filter(
            s => s.children.length === 0 && /^(DIRECT|INDIRECT|MIXED)$/.test(s.textContent.trim()));
          return {
            direction: getComputedStyle(block).direction,
            block: {left: r.left, right: r.right, top: r.top, bottom: r.bottom},
            first: box(first, start, start + words[0].length),
            second: box(first, start + words[0].length + 1,
                        start + words[0].length + 1 + words[1].length),
            labels: labels.map(label => {
              const word = label.parentElement.parentElement.getBoundingClientRect();
              const l = label.getBoundingClientRect();
              return [label.textContent.trim(), l.left, l.right, word.left, word.right];
            }),
            height: document.documentElement.scrollHeight,
          };
        }""",
        "displacy",
    )
    assert layout["direction"] == "rtl"
    # The article's first word is drawn right of its second, against the right edge.
    first, second, block = layout["first"], layout["second"], layout["block"]
    assert first["left"] >= second["right"] - 1
    assert block["right"] - first["right"] < 30
    # One label per content span, each at the start of its span: the right end of its word.
    nlp = spacy.blank("ar")
    nlp.add_pipe("quoteattr")
    seed = (DOCS.parent / "seeds" / "000_2d0d44ca72966377.txt").read_text(encoding="utf-8")
    doc = nlp(seed)
    expected = [span.label_ for span in doc.spans["quoteattr"]]
    assert [label for label, *_ in layout["labels"]] == expected
    for label, _, right, _, word_right in layout["labels"]:
        assert abs(right - word_right) < 3, f"{label} is not at the right end of its first word"
    rows = screenshot(page, min(int(layout["height"]), 3000), "seed-displacy")
    for kind, colour in DISPLACY_COLORS.items():
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        found = sum(1 for row in rows for pixel in row if near(pixel, rgb))
        assert found > 100, f"no {kind} bar in the screenshot ({found} pixels)"
    ink = _ink_columns(rows, first["top"], first["bottom"], block["left"], block["right"])
    assert ink, "the first line drew nothing"
    assert max(ink) > block["right"] - 30, "the first line's ink does not reach the right"


def test_the_committed_displacy_screenshot_shows_the_spans() -> None:
    from quoteattr.spacy import DISPLACY_COLORS

    picture = DOCS / "img" / "seed-displacy.png"
    rows = decode_png(picture.read_bytes())
    assert len(rows[0]) == WIDTH
    pixels = {pixel for row in rows[::2] for pixel in row[::2]}
    for kind, colour in DISPLACY_COLORS.items():
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert any(near(pixel, rgb) for pixel in pixels), f"no {kind} colour: remake the picture"
