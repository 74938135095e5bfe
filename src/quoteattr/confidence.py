"""Honest confidence: the probability that an attribution is right, content and speaker both.

:attr:`Attribution.confidence <quoteattr.Attribution.confidence>` is read
from a calibration table measured on an annotated development set: the share
of attributions with the same features that the development set's scorer
judged right end to end (content matched and the speaker right). The
features are what the extractor knows when it makes a statement, from the
coarsest to the finest:

- ``speaker``: how the speaker was found: ``overt`` (named at the cue),
  ``dropped-0``, ``dropped-1``, ``dropped-2+`` (a dropped subject whose
  antecedent is in the same sentence, the one before, or further back),
  ``headline``, or ``none``;
- ``speaker_kind``: what the speaker mention is (``person``, ``organization``,
  ``outlet``, ``anonymous``, ``unknown``), ``none`` without one;
- ``tier``: the cue's tier (``safe``, ``risky``, ``weak``), ``phrase`` for an
  attribution phrase, ``none`` without a cue;
- ``outlet``: ``yes`` when an outlet is attached;
- ``rule``: the linking rule (``verb_an``, ``headline``…).

The table (``lexicons/calibration.tsv``, written by
``benchmarks/calibrate.py``) counts right and total for every prefix of the
features in that order; a cell leans on its parent's rate with the weight of
:data:`PRIOR_WEIGHTS` attributions, so a rare combination gets the rate of
the coarser cell it belongs to, not a noisy 0 or 1.

>>> from quoteattr.pipeline import extract
>>> [found] = extract("قال الوزير سالم أحمد: «سنواصل العمل»")
>>> 0 < found.confidence < 1
True
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable

from attrs import frozen

from .drafts import Draft, Linking
from .lexicons import read_tsv

__all__ = [
    "FEATURES",
    "PRIOR_WEIGHTS",
    "Calibration",
    "Features",
    "calibrate_confidence",
    "features_of",
]

FEATURES = ("speaker", "speaker_kind", "tier", "outlet", "rule")
"""The features, coarsest first: each table cell is a prefix of them."""

PRIOR_WEIGHTS = (1.0, 1.0, 256.0, 256.0, 16.0)
"""How many attributions' worth of weight a cell's parent rate gets, level by level.

Light where a feature separates right from wrong on many documents (a
statement without a speaker is almost never right; an organisation as
speaker is wrong more often than a person); heavy where a feature adds
little over its parent (the cue's tier, an outlet), so that the fine cells
do not learn their documents by heart. Chosen by ``benchmarks/calibrate.py
--search``: the grid's lowest Brier score with each document left out.
"""

ANY = "*"
"""A feature left open in a table row (the row counts every value)."""


@frozen
class Features:
    """What the extractor knew of one attribution when it made it.

    >>> Features("overt", "person", "safe", "no", "verb_an").values()
    ('overt', 'person', 'safe', 'no', 'verb_an')
    """

    speaker: str
    speaker_kind: str
    tier: str
    outlet: str
    rule: str

    def values(self) -> tuple[str, str, str, str, str]:
        """Return the features in the order of :data:`FEATURES`."""
        return (self.speaker, self.speaker_kind, self.tier, self.outlet, self.rule)


def features_of(draft: Draft, linking: Linking) -> Features:
    """Read the features of a draft after linking.

    >>> from quoteattr.pipeline import link, read_document
    >>> linking = link(read_document("قال الوزير سالم احمد ان الحل قريب. واضاف ان الاتفاق جاهز."))
    >>> [features_of(d, linking).speaker for d in linking.drafts]
    ['overt', 'dropped-1']
    """
    return Features(*_feature_values(draft, linking))


def _feature_values(draft: Draft, linking: Linking) -> tuple[str, str, str, str, str]:
    """Return the features of a draft as a tuple, in the order of :data:`FEATURES`.

    The tuple itself keys the calibration table, with no :class:`Features` built a draft.
    """
    speaker = draft.speaker
    if draft.rule == "headline":
        how = "headline"
    elif speaker is None:
        how = "none"
    elif not draft.needs_speaker or draft.cue_index < 0:
        how = "overt"
    else:
        sentence_of = linking.document.sentence_of
        distance = sentence_of[draft.cue_index] - sentence_of[speaker.start]
        how = f"dropped-{distance}" if distance < 2 else "dropped-2+"
    if draft.verb is not None:
        tier = draft.verb.tier
    else:
        tier = "phrase" if draft.cue is not None else "none"
    kind = "none" if speaker is None else speaker.kind
    return how, kind, tier, "yes" if draft.sources else "no", draft.rule


class Calibration:
    """Right and total counts for every prefix of the features; :meth:`probability` reads them.

    >>> named = Features("overt", "person", "safe", "no", "verb_an")
    >>> nobody = Features("none", "none", "safe", "no", "verb_an")
    >>> table = Calibration.fit([(named, True)] * 30 + [(nobody, False)] * 10)
    >>> round(table.probability(named), 3), round(table.probability(nobody), 3)
    (1.0, 0.003)
    >>> round(table.probability(Features("headline", "person", "none", "no", "headline")), 2)
    0.74
    """

    def __init__(self, counts: dict[tuple[str, ...], tuple[int, int]]) -> None:
        self.counts = counts

    @classmethod
    def fit(cls, samples: Iterable[tuple[Features, bool]]) -> Calibration:
        """Count right and total for every prefix of every sample's features."""
        right: Counter[tuple[str, ...]] = Counter()
        total: Counter[tuple[str, ...]] = Counter()
        for features, ok in samples:
            values = features.values()
            for depth in range(len(values) + 1):
                total[values[:depth]] += 1
                right[values[:depth]] += ok
        return cls({key: (right[key], total[key]) for key in total})

    @classmethod
    @functools.cache
    def default(cls) -> Calibration:
        """Return the packaged table (``lexicons/calibration.tsv``), read once.

        >>> Calibration.default().counts[()][1] > 100  # measured on hundreds of attributions
        True
        """
        counts: dict[tuple[str, ...], tuple[int, int]] = {}
        for row in read_tsv("calibration.tsv"):
            key = tuple(row[name] for name in FEATURES)
            depth = key.index(ANY) if ANY in key else len(key)
            counts[key[:depth]] = (int(row["right"]), int(row["total"]))
        return cls(counts)

    def without(self, other: Calibration) -> Calibration:
        """Return this table less another one's counts (a table fitted without those samples).

        >>> named = Features("overt", "person", "safe", "no", "verb_an")
        >>> table = Calibration.fit([(named, True), (named, False)])
        >>> table.without(Calibration.fit([(named, False)])).counts[("overt",)]
        (1, 1)
        """
        counts = {}
        for key, (right, total) in self.counts.items():
            less_right, less_total = other.counts.get(key, (0, 0))
            if total > less_total:
                counts[key] = (right - less_right, total - less_total)
        return Calibration(counts)

    def probability(self, features: Features, weights: tuple[float, ...] = PRIOR_WEIGHTS) -> float:
        """Return the smoothed share right for these features, backing off to coarser cells.

        ``weights`` are the parent rate's weight level by level
        (:data:`PRIOR_WEIGHTS` unless a calibration script tries others).
        """
        values = features.values()
        right, total = self.counts.get((), (0, 0))
        estimate = (right + 1.0) / (total + 2.0)  # Laplace for the whole table
        for depth, weight in enumerate(weights, start=1):
            cell = self.counts.get(values[:depth])
            if cell is None:
                break
            right, total = cell
            estimate = (right + weight * estimate) / (total + weight)
        return estimate

    def rows(self) -> list[dict[str, str]]:
        """Return the table as TSV rows (open features as ``*``), coarsest cells first."""
        found = []
        for key in sorted(self.counts, key=lambda k: (len(k), k)):
            right, total = self.counts[key]
            row = {name: key[i] if i < len(key) else ANY for i, name in enumerate(FEATURES)}
            row.update(right=str(right), total=str(total))
            found.append(row)
        return found


def calibrate_confidence(linking: Linking) -> None:
    """Set each draft's ``probability`` from the packaged calibration table.

    >>> from quoteattr.pipeline import link, read_document
    >>> drafts = link(read_document("قالت الوزارة: «سنرد»")).drafts
    >>> 0 < drafts[0].probability < 1
    True
    """
    for draft in linking.drafts:
        draft.probability = _packaged_probability(_feature_values(draft, linking))


@functools.cache
def _packaged_probability(values: tuple[str, ...]) -> float:
    """Return the packaged table's probability, rounded, for one combination of features.

    The table never changes and a few dozen combinations cover the drafts of
    any corpus, so each is computed once, not once a draft.

    >>> 0 < _packaged_probability(("overt", "person", "safe", "no", "verb_an")) < 1
    True
    """
    return round(Calibration.default().probability(Features(*values)), 3)
