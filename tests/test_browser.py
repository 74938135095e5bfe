"""The HTML view in a real browser: headless Chromium renders it and the screenshot is checked.

Skipped when no Chromium binary is installed (``.ci/run`` installs Debian's
``chromium``). The PNG is decoded with the standard library only.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from headless import decode_png, near, run_chromium
from quoteattr.model import Attribution, Cue, Kind, Span, Speaker, SpeakerKind
from quoteattr.views import render_html

pytestmark = pytest.mark.browser

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_2d0d44ca72966377.txt"
WIDTH, HEIGHT = 1280, 1600

# The page's highlight colours (see quoteattr/views/page.py).
DIRECT = (0xFF, 0xE9, 0x8A)
INDIRECT = (0xCD, 0xEE, 0xCB)
CUE = (0xC0, 0x18, 0x2A)
SPEAKER = (0x17, 0x47, 0xA6)


def screenshot(page: str, folder: Path) -> list[list[tuple[int, int, int]]]:
    """Render ``page`` in headless Chromium and return the screenshot's rows of RGB pixels."""
    html = folder / "page.html"
    html.write_text(page, encoding="utf-8")
    png = folder / "page.png"
    run_chromium(
        f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}", html.as_uri(), timeout=60
    )
    assert png.is_file(), "Chromium wrote no screenshot"
    return decode_png(png.read_bytes())


def test_seed_page_renders_highlighted_and_not_blank(tmp_path: Path) -> None:
    from quoteattr.pipeline import extract

    text = SEED.read_text(encoding="utf-8")
    found = extract(text)
    assert found, "the seed article quotes several people"
    rows = screenshot(render_html(text, found, title=SEED.name), tmp_path)
    assert (len(rows[0]), len(rows)) == (WIDTH, HEIGHT)
    pixels = Counter(pixel for row in rows[::4] for pixel in row[::4])
    _, share = pixels.most_common(1)[0]
    assert share < 0.9 * sum(pixels.values()), "the page is (nearly) one colour"
    assert len(pixels) > 200, "too few colours for a page of text"
    dark = sum(n for pixel, n in pixels.items() if sum(pixel) < 200)
    assert dark > 500, "almost no text drawn"
    # The legend alone shows every highlight colour; the article shows the content ones.
    for colour in (DIRECT, INDIRECT, CUE, SPEAKER):
        assert any(near(pixel, colour) for pixel in pixels), f"no pixel of colour {colour}"


def test_arabic_lines_start_at_the_right(tmp_path: Path) -> None:
    # Short lines, each its own paragraph: in a right-to-left page their ink hugs the right edge.
    text = "\n".join(["قال الوزير: نعم"] * 12)
    content = Span.of(text, 12, 15)
    found = [
        Attribution(
            content,
            Kind.DIRECT,
            Cue(Span.of(text, 0, 3), "قال"),
            Speaker(Span.of(text, 4, 10), "الوزير", SpeakerKind.PERSON),
        )
    ]
    rows = screenshot(render_html(text, found), tmp_path)
    third = WIDTH // 3
    left = right = 0
    for row in rows[HEIGHT // 4 : HEIGHT // 2]:
        left += sum(1 for pixel in row[:third] if sum(pixel) < 300)
        right += sum(1 for pixel in row[-third:] if sum(pixel) < 300)
    assert right > 10 * max(left, 1)


# The corpus report's bar colours (see quoteattr/views/report.py).
FEMALE_BAR = (0xB0, 0x35, 0x7A)
MALE_BAR = (0x2D, 0x6E, 0x8E)
OUTLET_BAR = (0x7B, 0x2C, 0xBF)


def test_report_page_draws_its_bars_from_the_right(tmp_path: Path) -> None:
    from quoteattr import report
    from quoteattr.views.report import render_report_html

    texts = [
        "قالت وزيرة الصحة هالة منصور إن المستشفيات جاهزة، بحسب رويترز.",
        "أكدت الوزيرة هالة منصور أن اللقاحات وصلت.",
        "وقال المتحدث باسم الشرطة سامي نادر إن الطرق آمنة، وفقا لوكالة الأنباء الفرنسية.",
    ]
    rows = screenshot(render_report_html(report(texts)), tmp_path)
    xs: dict[tuple[int, int, int], list[int]] = {FEMALE_BAR: [], MALE_BAR: [], OUTLET_BAR: []}
    for row in rows[::2]:
        for x, pixel in enumerate(row):
            for colour, found in xs.items():
                if near(pixel, colour):
                    found.append(x)
    for colour, found in xs.items():
        assert len(found) > 200, f"no bar of colour {colour}"
    # Right to left: a bar grows from the right end of its track, and the longest
    # speaker bar (two statements) reaches further left than the shorter one.
    assert max(xs[FEMALE_BAR]) > WIDTH // 2
    assert min(xs[FEMALE_BAR]) < min(xs[MALE_BAR])
