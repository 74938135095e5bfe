"""quoteattr: every attribution in Arabic news text, typed and offset-exact.

>>> import quoteattr
>>> [a.speaker.name for a in quoteattr.extract("قال الكرملين إن المحادثات بناءة.")]
['الكرملين']
"""

from .lexicons import Lexicon
from .model import Attribution, Cue, Kind, Source, Span, Speaker, SpeakerKind
from .pipeline import Extractor, extract

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "Cue",
    "Extractor",
    "Kind",
    "Lexicon",
    "Source",
    "Span",
    "Speaker",
    "SpeakerKind",
    "__version__",
    "extract",
]
