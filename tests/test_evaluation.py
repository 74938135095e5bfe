"""The metrics on small hand-made cases with known answers, and the ``evaluate`` command."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest
from attrs import evolve

from quoteattr.brat import dump_brat
from quoteattr.corpus import Document, GoldAttribution, dump
from quoteattr.evaluation import build_parser, main, run
from quoteattr.model import Kind, Span, SpeakerKind
from quoteattr.scoring import (
    EvaluationOptions,
    MismatchKind,
    Score,
    canonical_name,
    evaluate,
    match,
    spans_agree,
    trim,
)

TEXT = "قال الوزير: «سنواصل العمل». وأكدت الوزارة أن الحوار مستمر."


def span(piece: str, text: str = TEXT) -> Span:
    start = text.index(piece)
    return Span.of(text, start, start + len(piece))


QUOTE = GoldAttribution(
    content=span("سنواصل العمل"),
    kind=Kind.DIRECT,
    cue=span("قال"),
    cue_lemma="قال",
    speaker=span("الوزير"),
    speaker_name="الوزير",
    speaker_kind=SpeakerKind.PERSON,
)
CLAUSE = GoldAttribution(
    content=span("الحوار مستمر"),
    kind=Kind.INDIRECT,
    cue=span("وأكدت"),
    cue_lemma="أكد",
    speaker=span("الوزارة"),
    speaker_name="الوزارة",
    speaker_kind=SpeakerKind.ORGANIZATION,
    sources=["Reuters"],
)
GOLD = Document("d1", TEXT, [QUOTE, CLAUSE])


def predicted(*attributions: GoldAttribution) -> list[Document]:
    return [Document("d1", TEXT, attributions)]


# Content precision, recall and F1 -------------------------------------------


def test_perfect() -> None:
    report = evaluate([GOLD], predicted(QUOTE, CLAUSE))
    assert (report.content.precision, report.content.recall, report.content.f1) == (1, 1, 1)
    assert report.end_to_end.f1 == 1
    assert report.outlets.f1 == 1
    for accuracy in (report.exact_boundaries, report.kind, report.speaker, report.cue):
        assert (accuracy.right, accuracy.total) == (2, 2)
    assert report.mismatches == ()


def test_empty_prediction() -> None:
    report = evaluate([GOLD], predicted())
    assert (report.content.precision, report.content.recall, report.content.f1) == (None, 0, 0)
    assert report.speaker.value is None
    assert [m.kind for m in report.mismatches] == [MismatchKind.MISS, MismatchKind.MISS]


def test_nothing_to_find_and_nothing_found() -> None:
    report = evaluate([Document("d1", TEXT)], [Document("d1", TEXT)])
    assert (report.content.precision, report.content.recall, report.content.f1) == (
        None,
        None,
        None,
    )


def test_one_miss() -> None:
    report = evaluate([GOLD], predicted(QUOTE))
    assert (report.content.precision, report.content.recall) == (1, 0.5)
    assert report.content.f1 == pytest.approx(2 / 3)
    [miss] = report.mismatches
    assert (miss.kind, miss.gold, miss.predicted) == (MismatchKind.MISS, CLAUSE, None)
    assert miss.sentence == "وأكدت الوزارة أن الحوار مستمر."
    assert report.outlets.recall == 0


def test_one_false_alarm() -> None:
    alarm = GoldAttribution(span("قال الوزير"), Kind.INDIRECT, sources=["AFP"])
    report = evaluate([GOLD], predicted(QUOTE, CLAUSE, alarm))
    assert (report.content.precision, report.content.recall) == (pytest.approx(2 / 3), 1)
    assert report.content.f1 == pytest.approx(0.8)
    assert (report.outlets.precision, report.outlets.recall) == (0.5, 1)
    [false_alarm] = report.mismatches
    assert (false_alarm.kind, false_alarm.predicted) == (MismatchKind.FALSE_ALARM, alarm)
    assert false_alarm.sentence == "قال الوزير: «سنواصل العمل»."


def test_a_document_without_predictions_counts_as_predicting_nothing() -> None:
    other = Document("d2", "لا شيء هنا.")
    report = evaluate([GOLD, other], predicted(QUOTE, CLAUSE))
    assert report.documents == 2
    assert report.content.f1 == 1


# Overlap, the threshold and one-to-one matching ----------------------------

LETTERS = "ب" * 20


def letters(start: int, end: int) -> GoldAttribution:
    return GoldAttribution(Span.of(LETTERS, start, end), Kind.INDIRECT)


@pytest.mark.parametrize(
    ("gold", "guess", "threshold", "matches"),
    [
        pytest.param((0, 10), (5, 15), 0.5, True, id="exactly-half"),
        pytest.param((0, 10), (6, 16), 0.5, False, id="just-under-half"),
        pytest.param((0, 10), (6, 16), 0.4, True, id="lower-threshold"),
        pytest.param((0, 10), (8, 12), 0.5, True, id="half-of-the-shorter"),
        pytest.param((0, 10), (9, 12), 0.5, False, id="third-of-the-shorter"),
        pytest.param((0, 10), (0, 10), 1.0, True, id="strict-and-equal"),
        pytest.param((0, 10), (0, 9), 1.0, True, id="strict-contains-the-shorter"),
        pytest.param((0, 10), (10, 20), 0.5, False, id="touching"),
    ],
)
def test_overlap_threshold(
    gold: tuple[int, int], guess: tuple[int, int], threshold: float, matches: bool
) -> None:
    report = evaluate(
        [Document("d", LETTERS, [letters(*gold)])],
        [Document("d", LETTERS, [letters(*guess)])],
        EvaluationOptions(threshold=threshold),
    )
    assert report.content.correct_gold == int(matches)


def test_matching_is_one_to_one_and_takes_the_largest_overlap_first() -> None:
    gold = [letters(0, 10), letters(10, 20)]
    # (5, 20) shares 5 with the first gold and 10 with the second: it goes to the second.
    assert match(gold, [letters(5, 20)]) == [(1, 0)]
    # Two guesses on one gold: the closer one is the match, the other a false alarm.
    assert match(gold[:1], [letters(2, 8), letters(0, 10)]) == [(0, 1)]
    report = evaluate(
        [Document("d", LETTERS, gold[:1])],
        [Document("d", LETTERS, [letters(2, 8), letters(0, 10)])],
    )
    assert [m.kind for m in report.mismatches] == [MismatchKind.FALSE_ALARM]


def test_marks_punctuation_and_spaces_are_trimmed_before_comparing() -> None:
    assert trim(span(" «سنواصل العمل».")).text == "سنواصل العمل"
    with_marks = evolve(QUOTE, content=span("«سنواصل العمل»."))
    report = evaluate([GOLD], predicted(with_marks, CLAUSE))
    assert report.exact_boundaries.value == 1
    marks_only = evolve(QUOTE, content=span("». "))
    assert not spans_agree(marks_only.content, span("«سنواصل"))


def test_exact_boundaries_among_matches() -> None:
    longer = evolve(CLAUSE, content=span("أن الحوار مستمر"))
    report = evaluate([GOLD], predicted(QUOTE, longer))
    assert (report.exact_boundaries.right, report.exact_boundaries.total) == (1, 2)
    assert report.content.f1 == 1


def test_thresholds_outside_zero_to_one_are_refused() -> None:
    for bad in (0.0, -0.5, 1.5):
        with pytest.raises(ValueError, match="threshold"):
            EvaluationOptions(threshold=bad)


# Speakers, kinds, outlets and cues among matches ---------------------------

NAMED = "قال وزير الخارجية أيمن الصفدي: «نعم». وأضاف الصفدي: «لا»."


def test_speaker_by_overlap_or_by_folded_name() -> None:
    minister = span("وزير الخارجية أيمن الصفدي", NAMED)
    gold = GoldAttribution(
        span("نعم", NAMED), Kind.DIRECT, speaker=minister, speaker_name="أيمن الصفدي"
    )
    later = NAMED.rindex("الصفدي")
    cases = {
        "same mention": (evolve(gold, speaker_name=None), True),
        "most of the mention": (
            evolve(gold, speaker=span("الخارجية أيمن الصفدي", NAMED), speaker_name=None),
            True,
        ),
        "name inside the mention, same name": (
            evolve(gold, speaker=span("أيمن الصفدي", NAMED)),
            True,
        ),
        # No overlap at all, but the names agree once hamza and harakat are folded.
        "later mention, folded name": (
            evolve(gold, speaker=Span.of(NAMED, later, later + 6), speaker_name="ايمن الصَّفدي"),
            True,
        ),
        "a word of the title": (
            evolve(gold, speaker=span("الخارجية", NAMED), speaker_name="الخارجية"),
            False,
        ),
        "nobody": (evolve(gold, speaker=None, speaker_name=None), False),
    }
    for label, (guess, right) in cases.items():
        report = evaluate([Document("n", NAMED, [gold])], [Document("n", NAMED, [guess])])
        assert report.content.correct_gold == 1, label
        assert report.speaker.right == int(right), label
        assert report.end_to_end.correct_gold == int(right), label
        kinds = [m.kind for m in report.mismatches]
        assert kinds == ([] if right else [MismatchKind.WRONG_SPEAKER]), label


def test_no_speaker_in_gold_wants_none_predicted() -> None:
    unattributed = evolve(CLAUSE, speaker=None, speaker_name=None, speaker_kind=None)
    gold = [Document("d1", TEXT, [unattributed])]
    assert evaluate(gold, predicted(unattributed)).speaker.value == 1
    assert evaluate(gold, predicted(CLAUSE)).speaker.value == 0


def test_canonical_names_fold_arabic_spelling() -> None:
    assert canonical_name("إيمانُ  الأحمد\N{RIGHT-TO-LEFT MARK}") == canonical_name("ايمان الاحمد")
    assert canonical_name("Reuters") == canonical_name("REUTERS")
    assert canonical_name("ايمان") != canonical_name("ايمن")


def test_kind_confusion_is_not_a_miss() -> None:
    as_indirect = evolve(QUOTE, kind=Kind.INDIRECT)
    report = evaluate([Document("d1", TEXT, [QUOTE])], predicted(as_indirect))
    assert report.content.f1 == 1
    assert report.kind.value == 0
    direct, indirect = report.by_kind[Kind.DIRECT], report.by_kind[Kind.INDIRECT]
    assert (direct.recall, direct.precision) == (1, None)
    assert (indirect.recall, indirect.precision) == (None, 1)


def test_by_kind_counts() -> None:
    report = evaluate([GOLD], predicted(QUOTE))
    assert report.by_kind[Kind.DIRECT] == Score(1, 1, 1, 1)
    assert report.by_kind[Kind.INDIRECT] == Score(0, 1, 0, 0)
    assert report.by_kind[Kind.MIXED] == Score(0, 0, 0, 0)


def test_outlet_pairs() -> None:
    two = evolve(CLAUSE, sources=["reuters", "AFP"])
    report = evaluate([GOLD], predicted(QUOTE, two))
    assert report.outlets == Score(predicted=2, gold=1, correct_predicted=1, correct_gold=1)
    assert report.outlets.f1 == pytest.approx(2 / 3)


def test_cue_accuracy() -> None:
    shorter_cue = evolve(CLAUSE, cue=span("أكدت"))
    no_cue = evolve(QUOTE, cue=None)
    report = evaluate([GOLD], predicted(no_cue, shorter_cue))
    assert (report.cue.right, report.cue.total) == (1, 2)


def test_score_arithmetic() -> None:
    score = Score(predicted=4, gold=2, correct_predicted=1, correct_gold=1)
    assert (score.precision, score.recall) == (0.25, 0.5)
    assert score.f1 == pytest.approx(1 / 3)
    assert Score(3, 0, 0, 0).f1 == 0  # false alarms where nothing was to be found


# Pairing documents -----------------------------------------------------------


def test_predictions_must_be_for_gold_documents() -> None:
    with pytest.raises(ValueError, match="'other' is not in the gold"):
        evaluate([GOLD], [Document("other", TEXT)])
    with pytest.raises(ValueError, match="different text"):
        evaluate([GOLD], [Document("d1", TEXT + " ")])
    with pytest.raises(ValueError, match="gold has two documents"):
        evaluate([GOLD, GOLD], [])
    with pytest.raises(ValueError, match="predictions have two documents"):
        evaluate([GOLD], [GOLD, GOLD])


# The report --------------------------------------------------------------------


def test_report_as_data_and_as_text() -> None:
    report = evaluate([GOLD], predicted(QUOTE))
    data = json.loads(json.dumps(report.to_dict(errors=True), ensure_ascii=False))
    assert data["content"]["recall"] == 0.5
    assert data["by_kind"]["indirect"]["gold"] == 1
    assert data["errors"][0]["kind"] == "miss"
    assert data["errors"][0]["gold_content"] == "الحوار مستمر"
    assert "errors" not in report.to_dict()
    rows = {line[:22].strip(): line[22:].split() for line in report.format_table().splitlines()}
    assert rows["content"] == ["1.000", "0.500", "0.667", "2", "1"]
    assert rows["indirect"] == ["-", "0.000", "0.000", "1", "0"]
    assert rows["speaker"] == ["1.000", "1", "1"]
    errors = report.format_errors()
    assert "miss in d1: indirect" in errors
    assert "sentence: وأكدت الوزارة أن الحوار مستمر." in errors


# The command --------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold, guesses = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    dump([GOLD], gold)
    dump(predicted(QUOTE), guesses)
    return gold, guesses


def test_command_prints_the_table(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    gold, guesses = files
    assert main([str(gold), "--pred", str(guesses)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 document: 2 gold and 1 predicted attributions\n")
    assert "miss in" not in out


def test_command_json_and_errors(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    gold, guesses = files
    assert main([str(gold), "--pred", str(guesses), "--json", "--errors"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["content"]["recall"], len(data["errors"])) == (0.5, 1)
    assert main([str(gold), "--pred", str(guesses), "--errors", "--threshold", "0.9"]) == 0
    assert "sentence: وأكدت الوزارة أن الحوار مستمر." in capsys.readouterr().out


def test_command_reads_brat_folders(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, guesses = files
    dump_brat(GOLD, tmp_path / "brat")
    assert main([str(tmp_path / "brat"), "--pred", str(guesses), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["content"]["gold"] == 2


def test_command_reports_bad_input(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold, _ = files
    assert main([str(tmp_path / "missing.jsonl"), "--pred", str(gold)]) == 1
    assert capsys.readouterr().err.startswith("quoteattr evaluate: error: ")
    other_text = tmp_path / "other.jsonl"
    dump([Document("d1", "نص آخر")], other_text)
    assert main([str(gold), "--pred", str(other_text)]) == 1
    assert "different text" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main([str(gold), "--threshold", "0"])
    assert exit_info.value.code == 2


def test_parser_mounts_as_a_subcommand(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    gold, guesses = files
    top = argparse.ArgumentParser(prog="quoteattr")
    build_parser(top.add_subparsers(dest="command").add_parser("evaluate"))
    arguments = top.parse_args(["evaluate", str(gold), "--pred", str(guesses), "--json"])
    assert run(arguments) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 1


def test_python_dash_m(files: tuple[Path, Path]) -> None:
    gold, guesses = files
    done = subprocess.run(
        [sys.executable, "-m", "quoteattr.evaluation", str(gold), "--pred", str(guesses)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "content" in done.stdout


# With the extractor -------------------------------------------------------------


def test_command_runs_the_extractor(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    gold, _ = files
    assert main([str(gold), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["content"]["gold"] == 2
    assert data["content"]["recall"] == 1  # two plain attributions any extractor must find


def test_command_on_the_builtin_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    from quoteattr.corpus import builtin

    assert main(["--json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == len(builtin())
