"""Brat standoff: the documented mapping, read and written, and errors that say where."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from quoteattr.brat import dump_brat, format_ann, load_brat, load_brat_folder, parse_ann
from quoteattr.corpus import CorpusError, Document, GoldAttribution
from quoteattr.model import Kind, Span, SpeakerKind
from quoteattr.testing.strategies import paragraphs

TEXT = "وقالت وزيرة الصحة ليلى حداد لوكالة رويترز: «الوضع مستقر».\nوأضافت أن المساعدات وصلت."
QUOTE = Span.of(TEXT, 44, 55)
CUE = Span.of(TEXT, 0, 5)
MINISTER = Span.of(TEXT, 6, 27)
REUTERS = Span.of(TEXT, 29, 41)
CLAUSE = Span.of(TEXT, TEXT.index("المساعدات"), len(TEXT) - 1)
ADDED = Span.of(TEXT, TEXT.index("وأضافت"), TEXT.index("وأضافت") + 6)


def minister_document() -> Document:
    direct = GoldAttribution(
        content=QUOTE,
        kind=Kind.DIRECT,
        cue=CUE,
        cue_lemma="قال",
        speaker=MINISTER,
        speaker_name="ليلى حداد",
        speaker_kind=SpeakerKind.PERSON,
        addressee=REUTERS,
        sources=["Reuters", "AFP"],
        source_spans=[REUTERS, None],  # AFP has no mention: it goes to the Content's note
    )
    indirect = GoldAttribution(
        content=CLAUSE,
        kind=Kind.INDIRECT,
        cue=ADDED,
        cue_lemma="أضاف",
        speaker=MINISTER,
        speaker_name="ليلى حداد",
        speaker_kind=SpeakerKind.PERSON,
    )
    return Document("minister", TEXT, [direct, indirect])


def test_spans_and_offsets_are_what_the_tests_think() -> None:
    assert (QUOTE.text, CUE.text, MINISTER.text, REUTERS.text) == (
        "الوضع مستقر",
        "وقالت",
        "وزيرة الصحة ليلى حداد",
        "وكالة رويترز",
    )
    assert (CLAUSE.text, ADDED.text) == ("المساعدات وصلت", "وأضافت")


def test_format_then_parse_gives_the_document_back() -> None:
    document = minister_document()
    read = parse_ann(document.id, document.text, format_ann(document))
    assert read == document
    assert read.attributions[0].source_spans == (REUTERS, None)


def test_the_written_ann_follows_the_documented_mapping() -> None:
    lines = format_ann(minister_document()).splitlines()
    assert "T1\tContent 44 55\tالوضع مستقر" in lines
    assert "A1\tKind T1 direct" in lines
    assert "T3\tSpeaker 6 27\tوزيرة الصحة ليلى حداد" in lines
    assert "A2\tSpeakerKind T3 person" in lines
    assert "#2\tAnnotatorNotes T3\tليلى حداد" in lines
    assert "R2\tHasSpeaker Arg1:T1 Arg2:T3" in lines
    assert "#4\tAnnotatorNotes T1\tsources: AFP" in lines
    # The second attribution shares the speaker entity instead of repeating it.
    assert sum(line.split("\t")[1].startswith("Speaker ") for line in lines if line[0] == "T") == 1


def test_files_round_trip_with_windows_line_ends(tmp_path: Path) -> None:
    text = "قال الوزير:\r\n«الوضع مستقر»"
    content = Span.of(text, text.index("الوضع"), text.index("»"))
    document = Document("crlf", text, [GoldAttribution(content, Kind.DIRECT)])
    text_path, ann_path = dump_brat(document, tmp_path / "out")
    assert text_path.read_bytes().count(b"\r\n") == 1
    assert load_brat(ann_path) == document
    assert load_brat(tmp_path / "out" / "crlf") == document
    assert load_brat_folder(tmp_path / "out") == [document]


def test_a_span_across_lines_is_written_as_fragments_and_read_whole() -> None:
    text = "قال: «السطر الأول\nوالسطر الثاني»"
    content = Span.of(text, 6, len(text) - 1)
    document = Document("lines", text, [GoldAttribution(content, Kind.DIRECT)])
    ann = format_ann(document)
    assert "T1\tContent 6 17;18 31\tالسطر الأول والسطر الثاني" in ann.splitlines()
    assert parse_ann("lines", text, ann) == document


def test_events_read_like_relations() -> None:
    text = "أكد الوزير أن الحوار مستمر"
    ann = (
        "T1\tAttribution 0 3\tأكد\n"
        "T2\tSpeaker 4 10\tالوزير\n"
        "T3\tContent 14 26\tالحوار مستمر\n"
        "E1\tAttribution:T1 Content:T3 Speaker:T2\n"
        "A1\tKind E1 indirect\n"
        "#1\tAnnotatorNotes T1\tأكد\n"
    )
    [gold] = parse_ann("event", text, ann).attributions
    assert (gold.cue.text, gold.cue_lemma, gold.speaker.text, gold.kind) == (
        "أكد",
        "أكد",
        "الوزير",
        Kind.INDIRECT,
    )


def test_other_layers_and_comment_notes_are_ignored() -> None:
    text = "أكد الوزير أن الحوار مستمر"
    ann = (
        "T1\tContent 14 26\tالحوار مستمر\n"
        "A1\tKind T1 indirect\n"
        "T2\tPerson 4 10\tالوزير\n"
        "R1\tMentions Arg1:T1 Arg2:T2\n"
        "#1\tAnnotatorNotes T1\tcheck this one again\n"
        "N1\tReference T2 Wikidata:Q1\tminister\n"
    )
    [gold] = parse_ann("layers", text, ann).attributions
    assert (gold.speaker, gold.sources, gold.speaker_name) == (None, (), None)


def test_a_source_without_note_is_named_by_its_mention() -> None:
    text = "وبحسب رويترز، فإن الحوار مستمر"
    ann = (
        "T1\tContent 18 30\tالحوار مستمر\nA1\tKind T1 indirect\n"
        "T2\tSource 6 12\tرويترز\nR1\tHasSource Arg1:T1 Arg2:T2\n"
    )
    assert parse_ann("s", text, ann).attributions[0].sources == ("رويترز",)


@pytest.mark.parametrize(
    ("ann", "line", "field", "words"),
    [
        pytest.param("T1\tContent 14 26\tالحوار مستمر", 1, "T1", "no Kind attribute", id="no-kind"),
        pytest.param(
            "T1\tContent 14 26\tالحوار مستمر\nA1\tKind T1 quoted",
            1,
            "T1",
            "not 'quoted'",
            id="bad-kind",
        ),
        pytest.param(
            "\nT1\tContent 14 25\tالحوار مستمر", 2, "T1", "is 'الحوار مستم'", id="text-mismatch"
        ),
        pytest.param("T1\tContent 14 99\tالحوار", 1, "T1", "outside the text", id="past-end"),
        pytest.param(
            "T1\tContent 0 3;14 26\tأكد الحوار مستمر", 1, "T1", "discontinuous", id="discontinuous"
        ),
        pytest.param("T1\tContent fourteen\tx", 1, "T1", "'start end' pairs", id="bad-offsets"),
        pytest.param("R1\tHasCue Arg1:T1", 1, "R1", "malformed line", id="one-argument"),
        pytest.param(
            "T1\tContent 14 26\tالحوار مستمر\nA1\tKind T1 direct\nR1\tHasCue Arg1:T1 Arg2:T9",
            3,
            None,
            "T9, which is not an entity",
            id="dangling-relation",
        ),
        pytest.param(
            "T1\tContent 14 26\tالحوار مستمر\nA1\tKind T1 direct\nT2\tSpeaker 4 10\tالوزير\n"
            "T3\tSpeaker 0 3\tأكد\nR1\tHasSpeaker Arg1:T1 Arg2:T2\nR2\tHasSpeaker Arg1:T1 Arg2:T3",
            1,
            "T1",
            "two Speaker entities",
            id="two-speakers",
        ),
        pytest.param(
            "T1\tContent 14 26\tالحوار مستمر\nA1\tKind T1 direct\nT2\tSpeaker 4 10\tالوزير\n"
            "A2\tSpeakerKind T2 minister\nR1\tHasSpeaker Arg1:T1 Arg2:T2",
            1,
            "T1",
            "SpeakerKind must be one of",
            id="bad-speaker-kind",
        ),
    ],
)
def test_errors_name_the_file_line_and_annotation(
    ann: str, line: int, field: str | None, words: str
) -> None:
    with pytest.raises(CorpusError) as caught:
        parse_ann("d1", "أكد الوزير أن الحوار مستمر", ann, source="d1.ann")
    error = caught.value
    assert (error.source, error.line, error.document, error.field) == ("d1.ann", line, "d1", field)
    assert words in error.problem


def test_a_missing_half_is_reported(tmp_path: Path) -> None:
    (tmp_path / "alone.ann").write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"alone\.txt: document 'alone': file not found"):
        load_brat_folder(tmp_path)


def test_ids_that_are_not_file_names_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot be a file name"):
        dump_brat(Document("../escape", "نص"), tmp_path)


@settings(max_examples=40, deadline=None)
@given(paragraphs())
def test_generated_documents_round_trip(document: Document) -> None:
    read = parse_ann(document.id, document.text, format_ann(document))
    assert read == document
    assert [a.source_spans for a in read.attributions] == [
        a.source_spans for a in document.attributions
    ]
