"""The hypothesis strategies: what they promise, and the extractor checked by them as an oracle."""

from __future__ import annotations

import itertools
import re

from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from quoteattr.corpus import Document
from quoteattr.model import Kind, SpeakerKind
from quoteattr.normalize import fold
from quoteattr.scoring import evaluate, predict, trim
from quoteattr.testing import strategies
from quoteattr.testing.strategies import (
    CueForm,
    Layout,
    QuoteStyle,
    attributed_sentences,
    decorated,
    decorated_documents,
    paragraphs,
    speakers,
)

FAST = settings(max_examples=60, deadline=None)
ORACLE = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words that would make a second attribution appear where none was put.
SPEECH_WORDS = {
    fold(form) for verb in strategies._VERBS for form in (*verb.past, *verb.present)
} | {"بحسب", "وفقا", "ان", "بان", "انه", "انها"}


# What the strategies promise -------------------------------------------------


@FAST
@given(paragraphs(max_attributions=4))
def test_contents_are_clean_separate_and_free_of_speech_words(document: Document) -> None:
    contents = sorted(gold.content for gold in document.attributions)
    for first, second in itertools.pairwise(contents):
        assert first.end <= second.start
    for gold in document.attributions:
        assert gold.content.text
        assert trim(gold.content) == gold.content
        words = set(re.findall(r"[^\W\d_]+", fold(gold.content.text)))  # runs of letters
        assert not words & SPEECH_WORDS, gold.content.text


@FAST
@given(attributed_sentences())
def test_a_sentence_holds_its_parts_in_order(document: Document) -> None:
    [gold] = document.attributions
    text = document.text
    assert gold.cue is not None
    assert gold.speaker is not None
    assert text.endswith(".")
    if gold.kind is Kind.DIRECT:
        marks = {style.marks for style in QuoteStyle}
        assert (text[gold.content.start - 1], text[gold.content.end]) in marks
    if gold.speaker_kind is SpeakerKind.PERSON:
        assert gold.speaker.text.endswith(" " + (gold.speaker_name or "?"))
    assert len(gold.sources) == len(gold.source_spans)
    for span in gold.source_spans:
        assert span is not None
        assert span.start >= gold.speaker.start


@FAST
@given(
    attributed_sentences(
        kinds=[Kind.INDIRECT],
        layouts=[Layout.CUE_THEN_CLAUSE],
        cue_forms=[CueForm.PRESENT_WITH_WA],
        with_outlet=False,
    )
)
def test_parts_can_be_chosen(document: Document) -> None:
    [gold] = document.attributions
    assert gold.kind is Kind.INDIRECT
    assert gold.sources == ()
    assert gold.cue is not None
    assert gold.cue.text[:2] in ("وي", "وت")
    before = document.text[: gold.content.start]
    assert before.endswith(("إن ", "أن ", "بأن "))


@FAST
@given(attributed_sentences(layouts=[Layout.ACCORDING_TO_FIRST, Layout.ACCORDING_TO_LAST]))
def test_according_to_cites_the_outlet_as_speaker(document: Document) -> None:
    [gold] = document.attributions
    assert gold.speaker_kind is SpeakerKind.OUTLET
    assert gold.source_spans == (gold.speaker,)
    assert gold.cue_lemma in ("بحسب", "وفقا")


def _is_follow_up(document: Document, index: int) -> bool:
    gold = document.attributions[index]
    assert gold.cue is not None
    assert gold.speaker is not None
    return gold.speaker.end <= gold.cue.start  # the speaker was named before the cue


@FAST
@given(paragraphs(min_attributions=2, max_attributions=4))
def test_a_follow_up_names_the_earlier_speaker(document: Document) -> None:
    pairs = itertools.pairwise(document.attributions)
    for index, (earlier, gold) in enumerate(pairs, start=1):
        if _is_follow_up(document, index):
            assert (gold.speaker, gold.speaker_name) == (earlier.speaker, earlier.speaker_name)
            assert gold.cue is not None
            assert gold.cue.text in ("وأضاف", "وأضافت")


def test_every_part_shows_up() -> None:
    # Each choice the strategies offer is reachable, not just declared.
    quiet = settings(database=None, max_examples=500, phases=[Phase.generate])
    for layout in Layout:
        find(attributed_sentences(layouts=[layout]), lambda d: True, settings=quiet)
    for style in QuoteStyle:
        open_mark = style.marks[0]
        find(
            attributed_sentences(kinds=[Kind.DIRECT], quote_styles=[style]),
            lambda d, m=open_mark: m in d.text,
            settings=quiet,
        )
    find(
        paragraphs(),
        lambda d: any(_is_follow_up(d, i) for i in range(len(d.attributions))),
        settings=quiet,
    )
    find(speakers([SpeakerKind.PERSON]), lambda s: s.feminine, settings=quiet)


@FAST
@given(paragraphs())
def test_a_document_scores_perfectly_against_itself(document: Document) -> None:
    report = evaluate([document], [document])
    assert report.content.f1 == 1
    assert report.speaker.value == 1
    assert report.cue.value == 1
    assert report.outlets.f1 in (1, None)


@FAST
@given(st.data(), paragraphs())
def test_decoration_changes_nothing_folding_removes(
    data: st.DataObject, document: Document
) -> None:
    text = data.draw(decorated(document.text))
    assert fold(text) == fold(document.text)


@FAST
@given(st.data(), paragraphs())
def test_decorated_documents_move_their_spans(data: st.DataObject, document: Document) -> None:
    moved = data.draw(decorated_documents(document))
    assert fold(moved.text) == fold(document.text)
    for old, new in zip(document.attributions, moved.attributions, strict=True):
        for before, after in zip(old.spans(), new.spans(), strict=True):
            assert fold(after.text) == fold(before.text)


def test_each_decoration_happens() -> None:
    quiet = settings(database=None, max_examples=2000, phases=[Phase.generate])
    text = "قال الوزير إن المحادثات ستستأنف"
    for mark in ("\N{ARABIC TATWEEL}", "\N{NO-BREAK SPACE}", "\N{ARABIC FATHA}"):
        find(decorated(text), lambda t, m=mark: m in t, settings=quiet)
    find(
        decorated(text),
        lambda t: re.search(r"[\u200e\u200f\u061c]", t) is not None,
        settings=quiet,
    )


# The extractor as the oracle's subject -----------------------------------------


def _recovered(document: Document) -> None:
    report = evaluate([document], predict([document]))
    problems = report.format_errors()
    assert report.content.f1 == 1, problems
    assert report.speaker.value == 1, problems
    assert report.kind.value == 1, f"kinds differ in {document.text}"
    assert report.outlets.f1 in (1, None), f"outlets differ in {document.text}"
    assert report.gender.value in (1, None), f"speaker genders differ in {document.text}"


@ORACLE
@given(paragraphs())
def test_extract_recovers_what_the_generator_put_in(document: Document) -> None:
    _recovered(document)


@ORACLE
@given(st.data(), paragraphs(max_attributions=2))
def test_extract_sees_through_decoration(data: st.DataObject, document: Document) -> None:
    _recovered(data.draw(decorated_documents(document)))
