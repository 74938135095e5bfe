"""Shape checks for the TSV lexicons in src/quoteattr/lexicons (no quoteattr import needed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

LEXICONS = Path(__file__).parents[1] / "src/quoteattr/lexicons"

HEADERS = {
    "speech_verbs.tsv": [
        "lemma",
        "past",
        "present",
        "participle",
        "forms",
        "tier",
        "type",
        "complements",
        "object_suffix",
        "note",
    ],
    "phrases.tsv": ["phrase", "lemma", "role", "note"],
    "titles.tsv": ["title", "gender", "class", "note"],
    "organizations.tsv": ["name", "kind", "class", "note"],
    "outlets.tsv": ["name", "kind", "mode", "spellings", "note"],
    "first_names.tsv": ["name", "gender", "note"],
    "function_words.tsv": ["word", "class", "note"],
    "naming_nouns.tsv": ["word", "class", "note"],
    "honorifics.tsv": ["pronoun", "stands_for"],
}

# Primary key columns: a folded key may occur only once per file.
KEYS = {
    "speech_verbs.tsv": ("lemma",),
    "phrases.tsv": ("phrase",),
    "titles.tsv": ("title",),
    "organizations.tsv": ("name",),
    "outlets.tsv": ("name", "mode"),
    "first_names.tsv": ("name",),
    "function_words.tsv": ("word",),
    "naming_nouns.tsv": ("word",),
    "honorifics.tsv": ("pronoun",),
}

MIN_ROWS = {
    "speech_verbs.tsv": 100,
    "phrases.tsv": 60,
    "titles.tsv": 220,
    "organizations.tsv": 150,
    "outlets.tsv": 170,
    "first_names.tsv": 400,
    "function_words.tsv": 200,
    "naming_nouns.tsv": 150,
    "honorifics.tsv": 8,
}

# Most words a key cell may hold: entries are words and short phrases, never sentences.
MAX_WORDS = {
    "speech_verbs.tsv": ("lemma", 1),
    "phrases.tsv": ("phrase", 5),
    "titles.tsv": ("title", 3),
    "organizations.tsv": ("name", 4),
    "first_names.tsv": ("name", 2),
    "function_words.tsv": ("word", 1),
    "naming_nouns.tsv": ("word", 1),
    "honorifics.tsv": ("pronoun", 1),
}

ENUMS = {
    "speech_verbs.tsv": {
        "tier": {"safe", "risky", "weak"},
        "type": {"speech", "opinion", "finding", "document", "decision", "impersonal", "naming"},
        "object_suffix": {"yes", "no"},
    },
    "phrases.tsv": {"role": {"according_to", "speaker_ref", "noun_cue", "impersonal"}},
    "titles.tsv": {
        "gender": {"m", "f", "p"},
        "class": {"role", "title", "pronoun", "anonymous", "generic", "document"},
    },
    "organizations.tsv": {
        "kind": {"organization", "country"},
        "class": {"head", "name", "country"},
    },
    "outlets.tsv": {
        "kind": {"agency", "newspaper", "channel", "website", "magazine", "radio", "platform"},
        "mode": {"bare", "ctx", "trig"},
    },
    "first_names.tsv": {"gender": {"m", "f"}},
    "function_words.tsv": {
        "class": {
            "preposition",
            "conjunction",
            "particle",
            "pronoun",
            "demonstrative",
            "relative",
            "adverb",
            "verb",
            "noun",
            "time",
        }
    },
    "naming_nouns.tsv": {
        "class": {"naming", "organization", "outlet", "work", "thing", "place", "group", "person"}
    },
    "honorifics.tsv": {},
}

COMPLEMENTS = {"إلى", "على", "ب", "ل", "عن", "من", "object"}

# Spellings deliberately shared by two outlets (disambiguated by the type noun before them).
SHARED_OUTLET_SPELLINGS = {"الجزيرة"}

HARAKAT = re.compile("[\u064b-\u065f\u0670]")
TATWEEL = "\u0640"
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "ء", "ئ": "ء"})


def fold(text: str) -> str:
    """Fold a cell the way the loader folds running text (alef/hamza seats, marks, case)."""
    return HARAKAT.sub("", text).replace(TATWEEL, "").translate(FOLD).lower()


def read(name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Return the header and the (line number, cells) of every data line."""
    raw = (LEXICONS / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{name} starts with a BOM"
    assert b"\r" not in raw, f"{name} has CR line endings"
    lines = raw.decode("utf-8").split("\n")
    rows = [
        (number, line.split("\t"))
        for number, line in enumerate(lines[1:], start=2)
        if line and not line.startswith("#")
    ]
    return lines[0].split("\t"), rows


def records(name: str) -> list[tuple[int, dict[str, str]]]:
    header, rows = read(name)
    return [(number, dict(zip(header, cells, strict=True))) for number, cells in rows]


FILES = sorted(HEADERS)


def test_every_data_file_is_present() -> None:
    present = {path.name for path in LEXICONS.iterdir() if path.suffix == ".tsv"}
    assert set(HEADERS) <= present


@pytest.mark.parametrize("name", FILES)
def test_header_and_column_count(name: str) -> None:
    header, rows = read(name)
    assert header == HEADERS[name]
    wrong = [number for number, cells in rows if len(cells) != len(header)]
    assert not wrong, f"{name}: wrong column count on lines {wrong}"


@pytest.mark.parametrize("name", FILES)
def test_row_count(name: str) -> None:
    assert len(read(name)[1]) >= MIN_ROWS[name]


@pytest.mark.parametrize("name", FILES)
def test_cells_are_clean(name: str) -> None:
    _, rows = read(name)
    for number, cells in rows:
        for cell in cells:
            assert cell == cell.strip(), f"{name}:{number}: padded cell {cell!r}"
            assert "  " not in cell, f"{name}:{number}: double space in {cell!r}"
            assert not HARAKAT.search(cell), f"{name}:{number}: harakat in {cell!r}"
        key = cells[0]
        assert key, f"{name}:{number}: empty key"
        if name == "phrases.tsv":
            assert TATWEEL not in key.removesuffix("لـ").removesuffix("بـ"), (
                f"{name}:{number}: tatweel allowed only in a final لـ/بـ"
            )
        else:
            assert TATWEEL not in key, f"{name}:{number}: tatweel in {key!r}"


@pytest.mark.parametrize("name", FILES)
def test_no_duplicate_keys(name: str) -> None:
    seen: dict[tuple[str, ...], int] = {}
    for number, record in records(name):
        key = tuple(fold(record[column]) for column in KEYS[name])
        assert key not in seen, f"{name}:{number}: {key} repeats line {seen[key]}"
        seen[key] = number


@pytest.mark.parametrize("name", FILES)
def test_enumerated_columns(name: str) -> None:
    for number, record in records(name):
        for column, allowed in ENUMS[name].items():
            assert record[column] in allowed, f"{name}:{number}: {column}={record[column]!r}"


@pytest.mark.parametrize("name", sorted(MAX_WORDS))
def test_entries_are_short(name: str) -> None:
    column, limit = MAX_WORDS[name]
    for number, record in records(name):
        assert len(record[column].split()) <= limit, f"{name}:{number}: {record[column]!r}"


def test_speech_verbs_have_forms_and_known_complements() -> None:
    for number, record in records("speech_verbs.tsv"):
        stems = [record[c] for c in ("past", "present", "participle", "forms")]
        assert any(stems), f"speech_verbs.tsv:{number}: no form at all"
        for column in ("past", "present", "participle", "forms", "complements"):
            values = record[column].split("|") if record[column] else []
            assert all(values), f"speech_verbs.tsv:{number}: empty item in {column}"
            assert all(" " not in value for value in values), f"{number}: space in {column}"
        complements = set(record["complements"].split("|")) - {""}
        assert complements <= COMPLEMENTS, f"speech_verbs.tsv:{number}: {complements}"
        if record["tier"] in ("risky", "weak"):
            assert record["note"], f"speech_verbs.tsv:{number}: risky row needs a note"


def test_phrase_lemmas_are_given() -> None:
    for number, record in records("phrases.tsv"):
        assert record["lemma"], f"phrases.tsv:{number}: no lemma"


def test_outlets() -> None:
    owners: dict[str, set[str]] = {}
    for number, record in records("outlets.tsv"):
        spellings = record["spellings"].split("|")
        assert all(spellings), f"outlets.tsv:{number}: empty spelling"
        for spelling in spellings:
            assert len(spelling.split()) <= 6, f"outlets.tsv:{number}: {spelling!r}"
            if re.search("[A-Za-z]", spelling):
                assert spelling == spelling.lower(), f"outlets.tsv:{number}: {spelling!r}"
            owners.setdefault(fold(spelling), set()).add(record["name"])
    shared = {spelling for spelling, names in owners.items() if len(names) > 1}
    assert shared == {fold(s) for s in SHARED_OUTLET_SPELLINGS}
    names = {record["name"] for _, record in records("outlets.tsv")}
    assert len(names) >= 170


def test_every_honorific_pronoun_is_read_as_a_pronoun_title() -> None:
    titles = records("titles.tsv")
    pronouns = {record["title"] for _, record in titles if record["class"] == "pronoun"}
    assert {record["pronoun"] for _, record in records("honorifics.tsv")} == pronouns
