"""Headless Chromium for the tests that look at pages: find it, run it, read its PNGs.

Shared by ``test_browser.py`` (the HTML view) and ``test_docs.py`` (the
documentation site). A test that needs a browser skips cleanly when none is
installed (``.ci/run`` installs Debian's ``chromium``).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import zlib

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

Rows = list[list[tuple[int, int, int]]]

# Flags that keep Chromium off a closed network and out of the user's profile.
_QUIET = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--allow-file-access-from-files",
)


def find_chromium() -> str:
    """Return the path of a Chromium binary, or skip the calling test."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium binary found (apt-get install chromium)")


def run_chromium(*arguments: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with a fresh profile and the given arguments."""
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [find_chromium(), *_QUIET, f"--user-data-dir={profile}", *arguments],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def decode_png(data: bytes) -> Rows:
    """Decode an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes) into RGB rows."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        if kind == b"IHDR":
            header = data[position + 8 : position + 8 + length]
        elif kind == b"IDAT":
            chunks.append(data[position + 8 : position + 8 + length])
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, interlace) == (8, 0), "unexpected PNG layout"
    assert colour in (2, 6), "unexpected PNG colour type"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytes(stride)
    rows: Rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind in (1, 3, 4):
            for x in range(stride):
                left = line[x - channels] if x >= channels else 0
                up = previous[x]
                if kind == 1:
                    line[x] = (line[x] + left) & 0xFF
                elif kind == 3:
                    line[x] = (line[x] + (left + up) // 2) & 0xFF
                else:
                    corner = previous[x - channels] if x >= channels else 0
                    guess = left + up - corner
                    near = min(
                        (abs(guess - left), 0, left),
                        (abs(guess - up), 1, up),
                        (abs(guess - corner), 2, corner),
                    )
                    line[x] = (line[x] + near[2]) & 0xFF
        rows.append([(line[x], line[x + 1], line[x + 2]) for x in range(0, stride, channels)])
        previous = bytes(line)
    return rows


def near(pixel: tuple[int, ...], colour: tuple[int, int, int], slack: int = 6) -> bool:
    """Tell whether a pixel is within ``slack`` of a colour on every channel."""
    return all(abs(a - b) <= slack for a, b in zip(pixel, colour, strict=True))
