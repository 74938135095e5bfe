"""The corpus report: who is quoted across documents, women's share, outlets, cues; its command.

Every sentence here is made up in the style of news copy.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

import quoteattr
from quoteattr import CorpusReport, Gender, SpeakerKind
from quoteattr.batch import DocumentResult
from quoteattr.corpus_report import ReportBuilder, WomenShare
from quoteattr.inputs import InputDocument
from quoteattr.views.report import render_report_html, render_report_json, render_report_text

SOURCE_ROOT = Path(quoteattr.__file__).resolve().parent.parent

MINISTER = "قالت وزيرة الصحة هالة منصور إن المستشفيات جاهزة، بحسب رويترز."
MINISTER_AGAIN = "أكدت الوزيرة هالة منصور أن اللقاحات وصلت."
POLICE = "وقال المتحدث باسم الشرطة سامي نادر إن الطرق آمنة، وفقا لوكالة الأنباء الفرنسية."
UNNAMED = "قيل إن الجسر سيفتح الأسبوع المقبل."


def speakers(found: CorpusReport) -> dict[str, tuple[int, int]]:
    return {s.name: (s.attributions, s.documents) for s in found.speakers}


def test_the_same_name_in_two_articles_is_one_speaker() -> None:
    found = quoteattr.report([MINISTER, MINISTER_AGAIN, POLICE])
    assert speakers(found) == {"هالة منصور": (2, 2), "سامي نادر": (1, 1)}
    minister = found.speakers[0]
    assert (minister.kind, minister.gender) == (SpeakerKind.PERSON, Gender.FEMALE)
    assert minister.by_kind == {"direct": 0, "indirect": 2, "mixed": 0}
    assert [(c.name, c.count) for c in minister.outlets] == [("Reuters", 1)]


def test_a_surname_alone_joins_the_full_name_of_its_own_article() -> None:
    text = "قال الوزير خالد العمري إن العجز سينخفض. وقال العمري إن الضرائب لن ترتفع."
    found = quoteattr.report([text])
    assert speakers(found) == {"خالد العمري": (2, 1)}


def test_a_shorter_form_of_a_name_joins_the_one_longer_name_it_fits() -> None:
    found = quoteattr.report(
        [
            "قال وزير الخارجية عادل بن سالم الحربي إن الحوار مستمر.",
            "وقال عادل الحربي إن الوفد سيصل غدا.",
            "وقال ماجد كمال يوسف إن السوق مستقرة.",
            "وقال كمال يوسف إن الأسعار ثابتة.",
        ]
    )
    assert speakers(found) == {
        "عادل بن سالم الحربي": (2, 2),
        "ماجد كمال يوسف": (2, 2),
    }
    assert found.people == 2


def test_a_name_that_fits_two_longer_ones_stays_apart() -> None:
    found = quoteattr.report(
        [
            "قال سالم فهد العلي إن الحوار مستمر.",
            "قال سالم ناصر العلي إن الوفد سيصل.",
            "وقال سالم العلي إن السوق مستقرة.",
        ]
    )
    assert speakers(found)["سالم العلي"] == (1, 1)


def test_a_bare_title_in_two_articles_is_two_speakers() -> None:
    found = quoteattr.report(["قال الوزير إن العجز سينخفض.", "قال الوزير إن الضرائب لن ترتفع."])
    assert [(s.name, s.attributions) for s in found.speakers] == [("الوزير", 1), ("الوزير", 1)]
    assert found.people == 2


def test_women_are_counted_by_statement_and_by_person() -> None:
    found = quoteattr.report([MINISTER, MINISTER_AGAIN, POLICE])
    assert found.women == WomenShare(None, 2, 3, 1, 2)
    assert (found.women.by_attribution, found.women.by_person) == (2 / 3, 1 / 2)


def test_bodies_and_unnamed_sources_do_not_count_as_people_of_either_gender() -> None:
    found = quoteattr.report(["وقالت وزارة الصحة إن اللقاحات وصلت.", UNNAMED])
    assert found.women.gendered_attributions == 0
    assert found.women.by_person is None
    assert found.without_speaker == 1


def test_publishers_group_the_shares_and_cite_the_outlets() -> None:
    documents = [
        InputDocument("1", MINISTER, publisher="okaz"),
        InputDocument("2", POLICE, publisher="alyaum"),
        InputDocument("3", MINISTER_AGAIN, publisher="okaz"),
    ]
    found = quoteattr.report(documents)
    shares = {share.publisher: share for share in found.women_by_publisher}
    assert shares["okaz"] == WomenShare("okaz", 2, 2, 1, 1)
    assert shares["alyaum"] == WomenShare("alyaum", 0, 1, 0, 1)
    cited = {
        outlet.name: [(c.name, c.count) for c in outlet.publishers] for outlet in found.outlets
    }
    assert cited == {"Reuters": [("okaz", 1)], "AFP": [("alyaum", 1)]}
    assert [(c.name, c.count) for c in found.publishers] == [("okaz", 2), ("alyaum", 1)]


def test_cue_verbs_are_counted_by_lemma() -> None:
    found = quoteattr.report([MINISTER, MINISTER_AGAIN, POLICE])
    assert [(c.name, c.count) for c in found.cues] == [("قال", 2), ("أكد", 1)]


def test_failed_documents_are_counted_not_fatal() -> None:
    failed = DocumentResult("x.pdf", None, error="x.pdf: not a text file")
    found = quoteattr.report([failed, InputDocument("y", None, error="bad bytes"), MINISTER])
    assert (found.documents, found.failed, found.attributions) == (3, 2, 1)


def test_top_keeps_the_most_quoted() -> None:
    found = quoteattr.report([MINISTER, MINISTER_AGAIN, POLICE], top=1)
    assert [s.name for s in found.speakers] == ["هالة منصور"]
    assert found.people == 2


@pytest.mark.parametrize("bad", ["قال الوزير", b"bytes"])
def test_one_text_instead_of_many_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="wrap a single text in a list"):
        quoteattr.report(bad)  # type: ignore[arg-type]


def test_other_values_are_a_type_error() -> None:
    with pytest.raises(TypeError, match="not int"):
        quoteattr.report([3])  # type: ignore[list-item]


def test_the_builder_sums_attributions_it_is_given() -> None:
    builder = ReportBuilder()
    builder.add(quoteattr.extract(MINISTER), publisher="okaz")
    builder.add([], publisher="okaz")
    assert builder.build().publishers[0].count == 2


def test_json_holds_every_figure() -> None:
    found = quoteattr.report([MINISTER, POLICE])
    data = json.loads(render_report_json(found))
    assert data == json.loads(json.dumps(found.to_dict(), ensure_ascii=False))
    assert {s["name"]: s["gender"] for s in data["speakers"]} == {
        "هالة منصور": "female",
        "سامي نادر": "male",
    }


def test_text_lines_up_numbers_and_isolates_arabic() -> None:
    text = render_report_text(quoteattr.report([MINISTER, MINISTER_AGAIN, POLICE]))
    [row] = [line for line in text.splitlines() if "هالة منصور" in line]
    assert "\N{FIRST STRONG ISOLATE}هالة منصور\N{POP DIRECTIONAL ISOLATE}" in row
    assert row.split()[:6] == ["1", "2", "2", "0", "2", "0"]
    visual = render_report_text(quoteattr.report([MINISTER]), bidi="visual")
    assert "هالة" not in visual  # shaped into presentation forms and reversed


def test_html_is_one_right_to_left_page_with_bars() -> None:
    page = render_report_html(quoteattr.report([MINISTER, POLICE]), title="<أرشيف>")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="ar" dir="rtl">' in page
    assert "&lt;أرشيف&gt;" in page
    assert page.count('class="fill g-female"') >= 3  # the speaker and the two shares
    assert "http" not in page  # self-contained


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quoteattr", "report", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PYTHONPATH": str(SOURCE_ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_the_command_groups_json_lines_by_outlet(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl.gz"
    records = [
        {"id": 1, "outlet": "okaz", "text": MINISTER},
        {"id": 2, "publisher": "alyaum", "text": POLICE},
        {"id": 3, "outlet": "okaz", "text": MINISTER_AGAIN},
    ]
    with gzip.open(news, "wt", encoding="utf-8") as stream:
        stream.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    done = run(news, "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [s["publisher"] for s in data["women_by_publisher"]] == ["okaz", "alyaum"]
    assert data["speakers"][0]["name"] == "هالة منصور"
    page = tmp_path / "report.html"
    assert run(news, "--format", "html", "--output", page).returncode == 0
    assert "هالة منصور" in page.read_text(encoding="utf-8")


def test_the_command_reads_folders_and_reports_failures(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MINISTER, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00bad")
    done = run(tmp_path)
    assert done.returncode == 1
    assert "b.txt" in done.stderr
    assert done.stdout.startswith("2 documents, 1 attribution")


def test_the_command_counts_only_confident_attributions(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MINISTER + " وأضاف أن المفاوضات ستستمر.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("وأضاف أن المفاوضات ستستمر.", encoding="utf-8")
    every = json.loads(run(tmp_path, "--format", "json").stdout)
    sure = json.loads(run(tmp_path, "--format", "json", "--min-confidence", "0.5").stdout)
    assert (every["attributions"], sure["attributions"]) == (3, 1)
    assert every["without_speaker"] == 2
    assert sure["without_speaker"] == 0


def test_the_command_refuses_bad_usage() -> None:
    done = run("--top", "0")
    assert done.returncode == 2
    assert "at least 1" in done.stderr
