"""The indexes the linking steps keep answer exactly as the walks they replace.

Each fast path here exists to keep a long document linear; each test checks
it against the plain definition (a walk over every cue, draft or token) on
texts built from news words, so the output of the pipeline cannot drift.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quoteattr import context, outlets, speakers
from quoteattr.drafts import Draft, Linking
from quoteattr.mentions import head_noun
from quoteattr.model import Kind
from quoteattr.pipeline import link, read_document
from quoteattr.rules import continued

_NEWS_WORDS = st.sampled_from(
    [
        *("وقال", "قال", "قالت", "واضاف", "واضافت", "قائلا", "مشيرا", "مضيفة", "اكد", "ويعلق"),
        *("الوزير", "وزير", "الخارجية", "الوزارة", "وزارة", "الصحة", "المتحدث", "باسم"),
        *(
            "سالم",
            "احمد",
            "العلي",
            "ليلى",
            "حداد",
            "رويترز",
            "الشركة",
            "الرئيس",
            "رئيس",
            "عبد",
            "الله",
        ),
        *("على", "حد", "قوله", "وفق", "قولها", "في", "بيان", "له", "ان", "انه", "الحل", "الى"),
        *("قريب", "جاهز", "«", "»", ":", "،", ".", "\n"),
    ]
)
_TEXTS = st.lists(_NEWS_WORDS, min_size=1, max_size=40).map(" ".join)


@given(_TEXTS)
@example("قال الوزير انه اكد ان الحل قريب")
def test_the_cues_before_a_token_are_the_earlier_cues_latest_first(text: str) -> None:
    document = read_document(text)
    for index in range(len(document.words) + 1):
        walked = [cue for cue in reversed(document.cues) if cue.index < index]
        assert list(document.cues_before(index)) == walked


_DRAFTS = st.lists(
    st.builds(
        lambda start, cue_index: Draft(
            (start, start + 5), Kind.INDIRECT, "verb_an", cue_index=cue_index
        ),
        st.integers(0, 50),
        st.integers(-1, 12),
    ),
    max_size=8,
)


@given(st.lists(st.tuples(_DRAFTS, st.booleans()), min_size=1, max_size=4), st.data())
def test_content_after_answers_as_a_walk_over_the_drafts(
    batches: list[tuple[list[Draft], bool]], data: st.DataObject
) -> None:
    linking = Linking(read_document("قال الوزير ان الحل قريب."))
    for more, new_list in batches:
        if new_list:
            linking.drafts = list(linking.drafts)  # a rule that drops drafts makes a new list
        linking.drafts.extend(more)
        for _ in range(3):
            offset = data.draw(st.integers(0, 60))
            cue_index = data.draw(st.integers(-1, 13))
            drafts = linking.drafts
            assert linking.content_after(offset, cue_index) == any(
                d.cue_index <= cue_index and d.content[0] > offset for d in drafts
            )
            assert linking.content_after(offset, cue_index, strict=True) == any(
                d.cue_index < cue_index and d.content[0] > offset for d in drafts
            )


@given(_TEXTS)
@example("الوزير ووزير والوزير الوزيرة الرئيس رئيس الشركة")
def test_words_with_a_head_are_the_tokens_of_that_head(text: str) -> None:
    document = read_document(text)
    # More heads than are searched for in the text: the last ones come from the word index.
    heads = sorted({head_noun(word) for word in document.words} | {"", "وزير", "رئيس"})
    for head in heads * 2:
        spellings = {head, "ال" + head, "وال" + head, "فال" + head}
        wanted = {form for form in spellings if head_noun(form) == head} if head else set()
        expected = [k for k, word in enumerate(document.words) if word in wanted]
        assert document.words_with_head(head) == expected


@given(_TEXTS)
@example("قال الوزير سالم احمد ان الحل قريب. واضاف قائلا ان الاتفاق جاهز.")
@example("قال الوزير ان الحل قريب، مشيرا الى ان الاتفاق جاهز.")
@example("ويعلق الوزير على ذلك، قائلا: «الحل قريب»")
def test_the_first_cue_of_a_sentence_answers_as_a_walk_over_known_statements(
    text: str,
) -> None:
    asked = []
    original = speakers._antecedent

    def checked(document: Any, draft: Draft, known: list[Draft], first_cue: dict[int, int]) -> Any:
        walked = any(c.sentence == draft.sentence and c.cue_index < draft.cue_index for c in known)
        indexed = first_cue.get(draft.sentence, draft.cue_index) < draft.cue_index
        asked.append(walked == indexed)
        return original(document, draft, known, first_cue)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(speakers, "_antecedent", checked)
        link(read_document(text))
    assert all(asked)


@given(_TEXTS, st.integers(-2, 45), st.integers(-2, 45), st.integers(0, 6))
@example("قال عبد الله احمد ان الحل قريب. وقال احمد ان الله كريم", 13, 0, 6)
def test_known_names_near_a_token_are_those_of_the_whole_document(
    text: str, index: int, first: int, limit: int
) -> None:
    document = read_document(text)
    known = document.known_names  # the definition: every name word of the document
    expected = [k for k in known if first <= k < index][::-1][:limit]
    for near in (0, 5, context._NEAR_TOKENS):  # a stretch read by itself, or from known_names
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(context, "_NEAR_TOKENS", near)
            assert document.known_names_before(index, first, limit) == expected


_OUTLET_WORDS = st.sampled_from(
    [
        *("في", "مع", "امس", "اليوم", "تلقت", "وتلقت", "فتلقت", "بثها", "اجرته", "مقابلة"),
        *("اتصال", "هاتفي", "حوار", "رويترز", "وكالة", "الجزيرة", "بي", "سي", "«", "»"),
        *("عكاظ", "نسخة", "منه", "قال", "قائلا", "ان", "لرويترز", "،", "."),
    ]
)


@given(st.lists(_OUTLET_WORDS, min_size=1, max_size=30).map(" ".join))
@example("وقال في اتصال هاتفي مع بي بي سي ان")
@example("وتلقت امس وكالة رويترز نسخة منه")
@example("في مقابلة بثها امس التلفزيون")
def test_an_outlet_is_reached_only_after_a_word_that_can_reach_it(text: str) -> None:
    document = read_document(text)
    for k in range(1, len(document.words)):
        if outlets.reached_outlet(document, k):
            assert document.words[k - 1] in outlets._BEFORE_REACHED


_CONTENTS = st.lists(
    st.tuples(st.integers(0, 40), st.integers(-5, 30), st.booleans()).map(
        lambda t: Draft((t[0], t[0] + t[1]), Kind.DIRECT, "headline" if t[2] else "verb_quote")
    ),
    max_size=10,
)


@given(_CONTENTS, st.integers(0, 75))
def test_the_last_draft_ending_by_an_offset_is_the_walk_s_last(
    drafts: list[Draft], offset: int
) -> None:
    ordered = [d for d in sorted(drafts, key=lambda d: d.content[0]) if d.rule != "headline"]
    previous = [d for d in ordered if d.content[1] <= offset]
    assert continued.Earlier(drafts).last_ending_by(offset) is (previous[-1] if previous else None)
