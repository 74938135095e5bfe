"""The HTML view in a real browser: headless Chromium renders it and the screenshot is checked.

Skipped when no Chromium binary is installed (``.ci/run`` installs Debian's
``chromium``). The PNG is decoded with the standard library only.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import zlib
from collections import Counter
from pathlib import Path

import pytest

from quoteattr.model import Attribution, Cue, Kind, Span, Speaker, SpeakerKind
from quoteattr.views import render_html

pytestmark = pytest.mark.browser

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_2d0d44ca72966377.txt"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
WIDTH, HEIGHT = 1280, 1600

# The page's highlight colours (see quoteattr/views/page.py).
DIRECT = (0xFF, 0xE9, 0x8A)
INDIRECT = (0xCD, 0xEE, 0xCB)
CUE = (0xC0, 0x18, 0x2A)
SPEAKER = (0x17, 0x47, 0xA6)


def _browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium binary found (apt-get install chromium)")


def screenshot(page: str, folder: Path) -> list[list[tuple[int, int, int]]]:
    """Render ``page`` in headless Chromium and return the screenshot's rows of RGB pixels."""
    html = folder / "page.html"
    html.write_text(page, encoding="utf-8")
    png = folder / "page.png"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                _browser(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                f"--screenshot={png}",
                f"--window-size={WIDTH},{HEIGHT}",
                html.as_uri(),
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )
    assert png.is_file(), "Chromium wrote no screenshot"
    return decode_png(png.read_bytes())


def decode_png(data: bytes) -> list[list[tuple[int, int, int]]]:
    """Decode an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes) into RGB rows."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, interlace) == (8, 0), "unexpected PNG layout"
    assert colour in (2, 6), "unexpected PNG colour type"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                corner = previous[x - channels] if x >= channels else 0
                guess = left + up - corner
                near = min(
                    (abs(guess - left), 0, left),
                    (abs(guess - up), 1, up),
                    (abs(guess - corner), 2, corner),
                )
                line[x] = (line[x] + near[2]) & 0xFF
        rows.append([tuple(line[x : x + 3]) for x in range(0, stride, channels)])
        previous = line
    return rows


def _near(pixel: tuple[int, ...], colour: tuple[int, int, int], slack: int = 6) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(pixel, colour, strict=True))


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
        assert any(_near(pixel, colour) for pixel in pixels), f"no pixel of colour {colour}"


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
