"""Short quotations inside reported content: the speaker's own words, or a name?

A reported clause that carries a quoted stretch of the speaker's words is
*mixed* (أكد أن الاتفاق «تاريخي»); quotation marks around a name, a title or
a term leave it *indirect* (دول «الناتو»، صواريخ «باتريوت»). Four words or more
in marks are speech wherever they stand; a shorter stretch is read here:

- a naming noun before it (``naming_nouns.tsv``: حزب، صحيفة، صواريخ، بعنوان)
  or as its own first word («قمة القدس») makes it a name;
- a known outlet, organisation or given name inside it, Latin letters or
  digits make it a name;
- glued to لـ (لـ«عكاظ») it is the outlet spoken to;
- one word without the article is a name unless it reads as an adverb or an
  adjective in the accusative (``…ا``: «شخصيا»، «مصدوما»); every other short
  stretch is speech.

>>> from quoteattr.normalize import normalize
>>> from quoteattr.pipeline import read_document
>>> document = read_document(normalize("أكد أن دول «الناتو» اتخذت خطوات «غير مسبوقة»").text)
>>> [is_speech_fragment(document, quote) for quote in document.quotes]
[False, True]
"""

from __future__ import annotations

from .context import SPEECH_QUOTE_WORDS, Context
from .lexicons import ARTICLE
from .quotes import Quote

__all__ = ["is_name_quote", "is_speech_fragment"]

_PROCLITICS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")


def _bare(word: str) -> str:
    """Strip و/ف, ب/ل/ك and the article: "وبالصواريخ" → "صواريخ"."""
    if word.startswith(_PROCLITICS) and len(word) > 3:
        word = word[1:]
    if word.startswith("لل") and len(word) > 4:
        return word[2:]
    if word.startswith(_PREPOSITIONS) and len(word) > 3:
        word = word[1:]
    if word.startswith(ARTICLE) and len(word) > 4:
        word = word[2:]
    return word


def _naming(document: Context, word: str) -> bool:
    naming = document.lexicon.naming_nouns
    return word in naming or _bare(word) in naming


def is_name_quote(document: Context, quote: Quote) -> bool:
    """Tell whether a short quotation names something rather than reports words.

    >>> from quoteattr.normalize import normalize
    >>> from quoteattr.pipeline import read_document
    >>> document = read_document(normalize("نشرت صحيفة «الوطن» تقريرا عن حزب «الأمة»").text)
    >>> [is_name_quote(document, quote) for quote in document.quotes]
    [True, True]
    """
    words = document.words
    k = document.token_at[quote.open]
    before = words[k - 1] if k > 0 else ""
    if before in ("ل", "لـ"):
        return True  # لـ«عكاظ»: the outlet spoken to
    glued = before in ("ب", "بـ")
    if glued:
        # "المعروف إعلاميا بـ«…»": a naming word up to three words back.
        if any(_naming(document, w) for w in words[max(0, k - 4) : k - 1] if w[0].isalpha()):
            return True
    elif before and before[0].isalpha() and _naming(document, before):
        return True
    inside = document.text[quote.start : quote.end]
    if any(c.isascii() and c.isalnum() for c in inside) or any(c.isdigit() for c in inside):
        return True
    first = k + 1
    if first >= len(words) or not words[first][0].isalpha():
        return False
    if _naming(document, words[first]):
        return True  # «قمة القدس»، «حركة الشباب»
    reader = document.reader
    if reader.read_outlet(k) is not None or reader.read_outlet(first) is not None:
        return True
    mention = reader.read(first)
    if mention is not None and mention.named:
        return True
    if document.lexicon.organizations.match(words, first) is not None:
        return True
    if quote.words == 1:
        word = words[first]
        if word.endswith("ا") and len(word) > 3:
            return False  # «شخصيا»، «مصدوما»: an adverb or an accusative adjective
        # A definite word after a preposition, a particle or a verb is the
        # speaker's («الإرهاب»، أشبه بـ«الأسطورة»); after a noun it is that
        # noun's name (العقال «المقصب»); a bare «نيوم» is a name.
        lexicon = document.lexicon
        after_noun = (
            before[:1].isalpha()
            and not glued
            and before not in lexicon.function_words
            and before not in lexicon.verb_forms
        )
        return after_noun or not word.startswith(ARTICLE)
    return False


def is_speech_fragment(document: Context, quote: Quote) -> bool:
    """Tell whether a quotation inside reported content carries the speaker's words.

    >>> from quoteattr.normalize import normalize
    >>> from quoteattr.pipeline import read_document
    >>> document = read_document(normalize("قال إنه كان «متوترا وحزينا» أمس").text)
    >>> is_speech_fragment(document, document.quotes[0])
    True
    """
    if quote.words >= SPEECH_QUOTE_WORDS:
        return True
    return quote.words >= 1 and not is_name_quote(document, quote)
