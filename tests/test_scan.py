"""The verb scan's fast paths, checked against the general forms they stand for on any text.

The scan after a cue and the mention readers skip work where a cheap test
proves it cannot change the answer; each test here runs the general form
beside the fast one and fails if they ever disagree.
"""

from __future__ import annotations

from typing import Any

import pytest
from attrs import evolve
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quoteattr import clauses
from quoteattr.clauses import new_attribution
from quoteattr.cues import AN_WORDS
from quoteattr.drafts import Linking
from quoteattr.lexicons import PhraseTable
from quoteattr.mentions import Mention
from quoteattr.mentions.names import read_unknown_name
from quoteattr.mentions.organizations import read_organization
from quoteattr.mentions.outlets import OUTLET_STARTS, read_outlet
from quoteattr.mentions.titled import SOME_OF, read_titled
from quoteattr.pipeline import link_cues, read_document
from quoteattr.quotes import QUOTE_MARKS
from quoteattr.rules import verbs
from quoteattr.speakers import _name_then_title, mention_at

# Cues, speakers glued to ل, titles, names, groups, أن, colons, commas and
# quotation marks: the words whose handling differs in the scan.
_PIECES = st.sampled_from(
    [
        "وقال",
        "قالت",
        "أكد",
        "مشيرا",
        "علمت",
        "إلى",
        "أن",
        "إن",
        "بأنه",
        "الوزير",
        "وزير",
        "الخارجية",
        "اللواء",
        "لرويترز",
        "لوكالة",
        "رويترز",
        "سالم",
        "أحمد",
        "الحربي",
        "مميش",
        "عدد",
        "من",
        "الأهالي",
        "مصادر",
        "مطلعة",
        "في",
        "بيان",
        "نشرته",
        "الوكالة",
        "الحل",
        "قريب",
        "2015",
        "وعلى",
        "الرغم",
        "وفي",
        "حين",
        "وهو",
        "ما",
        "بينما",
        "رغم",
        ":",
        "،",
        ".",
        "«",
        "»",
        '"',
        "\n",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=30).map(" ".join)


class _Everything:
    """A set that holds every word: the scan then asks every test at every token."""

    def __contains__(self, word: object) -> bool:
        return True


def _drafts(text: str) -> list[tuple[Any, ...]]:
    linking = Linking(read_document(text))
    link_cues(linking)
    return [
        (d.rule, d.content, d.kind, d.cue, d.speaker, d.addressee, d.sources)
        for d in linking.drafts
    ]


@given(_TEXTS)
@example("وقال الوزير في بيان نشرته الوكالة إن الحل قريب.")
@example("وقال سالم مميش: «الحل قريب»")
@settings(deadline=None)
def test_the_scan_asks_an_ordinary_word_only_for_a_mention(text: str) -> None:
    fast = _drafts(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(verbs, "_SCAN_SIGNALS", _Everything())
        assert _drafts(text) == fast


def _mention_at_in_full(document: Any, k: int, want_speaker: bool) -> Mention | None:
    """:func:`quoteattr.speakers.mention_at` written with the reader's own tests."""
    reader = document.reader
    words = document.words
    word = words[k]
    if word.startswith("ل") and len(word) > 2:
        glued = reader.read(k, strip=1)
        if glued is not None and glued.kind in ("outlet", "person", "organization"):
            return glued
    startable = reader.may_start(word)
    if not (want_speaker or startable):
        return None
    if reader.is_stop(k) and not (word in SOME_OF and words[k + 1 : k + 2] == ["من"]):
        return None
    bare = False
    if want_speaker:
        for j in range(k + 1, min(k + 4, len(words))):
            after = words[j]
            if after in AN_WORDS or after in (":", "،") or j in document.quote_at_open:
                bare = True
                break
            if not after[0].isalpha():
                break
    if not (bare or startable):
        return None
    mention = reader.read(k, allow_bare_name=bare)
    if (
        want_speaker
        and mention is not None
        and mention.head_class == "title"
        and mention.end == mention.name_end == k + 1
    ):
        end = read_unknown_name(reader, k + 1, mention.gender)
        if end is not None:
            mention = evolve(mention, end=end, name_start=k + 1, name_end=end)
    return mention


@given(_TEXTS)
@example("قال اللواء مهاب مميش إن الحل قريب")
@example("وقال عدد من الأهالي إن")
@example("وقال مميش، إن الحل قريب")
@example("وقالت الحربي «الحل قريب»")
@settings(deadline=None)
def test_mention_at_agrees_with_the_readers_own_tests(text: str) -> None:
    document = read_document(text)
    for k, word in enumerate(document.words):
        if word[0].isalpha():
            for want_speaker in (False, True):
                expected = _mention_at_in_full(document, k, want_speaker)
                assert mention_at(document, k, want_speaker) == expected
                glued = word.startswith("ل") and len(word) > 2
                if not (want_speaker or glued or document.reader.may_start(word)):
                    assert expected is None  # the scan does not ask mention_at here


@given(_TEXTS)
@example("قال ان الحل قريب بينما الوضع صعب، واضاف ان")
@example("اكد ان الحل قريب على الرغم من ان الوضع صعب")
@example("اكد ان الحل قريب وعلى الرغم من ان الوضع صعب وفي حين ان")
@settings(deadline=None)
def test_clause_end_asks_its_tests_only_where_they_can_stop(text: str) -> None:
    document = read_document(text)
    for k, word in enumerate(document.words):
        if k not in document.cue_at:
            assert not new_attribution(document, k)
            if word not in clauses._REPORT_ENDERS:
                assert not clauses._ends_report(document, k)


_PHRASE_WORDS = st.sampled_from(["وزير", "الخارجية", "الروسي", "في", "بيان", "له"])


@given(
    st.dictionaries(st.lists(_PHRASE_WORDS, min_size=1, max_size=4).map(tuple), st.integers()),
    st.lists(_PHRASE_WORDS, max_size=8),
)
def test_a_phrase_table_matches_the_longest_entry_at_a_word(
    entries: dict[tuple[str, ...], int], words: list[str]
) -> None:
    table = PhraseTable(entries)
    for i in range(len(words)):
        longest = max(
            (n for n in range(1, len(words) - i + 1) if tuple(words[i : i + n]) in entries),
            default=0,
        )
        expected = (longest, entries[tuple(words[i : i + longest])]) if longest else None
        assert table.match(words, i) == expected


_READER_PIECES = st.sampled_from(
    [
        "وزير",
        "الخارجية",
        "المتحدث",
        "باسم",
        "وزارة",
        "شركة",
        "لشركة",
        "وكالة",
        "لوكالة",
        "رويترز",
        "صحيفة",
        "«",
        "»",
        "الوطن",
        "سالم",
        "مصادر",
        "النيابة",
        "العامة",
        "قال",
    ]
)


@given(st.lists(_READER_PIECES, max_size=12).map(" ".join))
@example("قال المتحدث باسم وزارة الخارجية لوكالة رويترز")
def test_a_reader_finds_nothing_at_a_word_its_table_does_not_start(text: str) -> None:
    document = read_document(text)
    reader = document.reader
    lexicon = reader.lexicon
    for k, word in enumerate(document.words):
        for strip in (0, 1) if len(word) > 2 else (0,):
            form = word[strip:]
            reader.stripped = (k, form) if strip else None
            try:
                if form not in lexicon.titles.heads:
                    assert read_titled(reader, k) is None
                if form not in lexicon.organizations.heads:
                    assert read_organization(reader, k) is None
                if form not in lexicon.outlets.heads and form not in OUTLET_STARTS:
                    assert word in QUOTE_MARKS or read_outlet(reader, k) is None
            finally:
                reader.stripped = None


def _name_then_title_read_in_full(document: Any, start: int, end: int) -> bool:
    """Whether "NAME TITLE" from ``start`` ends at ``end``, read without a shortcut."""
    reader = document.reader
    name = reader.read(start, allow_bare_name=True)
    if name is None or name.kind != "person" or not name.named or name.end >= end:
        return False
    title = reader.read(name.end)
    return title is not None and title.kind == "person" and not title.named and title.end == end


@given(st.lists(_READER_PIECES | _PIECES, max_size=14).map(" ".join))
@example("لكن سالم احمد المتحدث باسم وزارة الخارجية قال")
@example("لكن مميش المتحدث باسم الوزارة قال")
@settings(deadline=None)
def test_name_then_title_reads_only_where_a_title_can_start(text: str) -> None:
    document = read_document(text)
    heads = document.lexicon.titles.heads
    n = len(document.words)
    for start in range(n):
        for end in range(start + 1, min(n, start + 9) + 1):
            found = _name_then_title(document, start, end)
            assert (found is not None) == _name_then_title_read_in_full(document, start, end)
            if heads.isdisjoint(document.words[start + 1 : end]):
                assert found is None
