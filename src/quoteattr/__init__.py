"""quoteattr: every attribution in Arabic news text, typed and offset-exact.

>>> import quoteattr
>>> [a.speaker.name for a in quoteattr.extract("قال الكرملين إن المحادثات بناءة.")]
['الكرملين']
"""

from . import corpus
from .corpus import CorpusError, Document, GoldAttribution
from .corpus_report import CorpusReport, report
from .lexicons import Lexicon
from .model import Attribution, Cue, Gender, Kind, Source, Span, Speaker, SpeakerKind
from .parallel import extract_many
from .pipeline import Extractor, extract
from .rows import RECORD_COLUMNS, RECORD_TYPES, records
from .scoring import EvaluationOptions, Report, evaluate
from .views import render_html, render_html_documents, render_text

__version__ = "0.1.0"

__all__ = [
    "RECORD_COLUMNS",
    "RECORD_TYPES",
    "Attribution",
    "CorpusError",
    "CorpusReport",
    "Cue",
    "Document",
    "EvaluationOptions",
    "Extractor",
    "Gender",
    "GoldAttribution",
    "Kind",
    "Lexicon",
    "Report",
    "Source",
    "Span",
    "Speaker",
    "SpeakerKind",
    "__version__",
    "corpus",
    "evaluate",
    "extract",
    "extract_many",
    "records",
    "render_html",
    "render_html_documents",
    "render_text",
    "report",
]
