"""Faster, exactly equivalent versions of spaCy's lexeme attribute getters.

Every extraction runs in a memory zone, so each word outside the common forms becomes a new
lexeme on every request, and spaCy computes its ~20 lexical attributes (`lower`, `shape`,
`is_punct`, `like_url`, …) by calling one Python function each. That was about 40% of the
pipeline's tokenizing time. Here each getter spaCy ships is swapped for one that gives the
same value: a C-level `str` method where one exists (`str.isalpha` for `is_alpha`), or a test
that settles the common case with a C-level check before falling back to spaCy's own code
(a word that starts with a letter is no punctuation). A getter we do not recognise (another
language's, a user's) is kept as it is. tests/pipeline/test_lexeme_attrs.py compares every
replacement with spaCy's on many strings.

The replacements are module-level functions, `str` methods, `operator.itemgetter`s and
`functools.partial`s, so a vocabulary still pickles.
"""
import functools
import operator

from spacy import attrs
from spacy.lang import lex_attrs as spacy_attrs
from spacy.lang.tr import lex_attrs as tr_attrs
from spacy.util import _get_attr_unless_lookup

_MISSING = object()
_BRACKETS = frozenset(("(", ")", "[", "]", "{", "}", "<", ">"))
_QUOTES = frozenset(('"', "'", "`", "«", "»", "‘", "’", "‚", "‛", "“", "”", "„", "‟", "‹", "›", "❮", "❯", "''", "``"))
_LEFT_PUNCT = frozenset(("(", "[", "{", "<", '"', "'", "«", "‘", "‚", "‛", "“", "„", "‟", "‹", "❮", "``"))
_RIGHT_PUNCT = frozenset((")", "]", "}", ">", '"', "'", "»", "’", "”", "›", "❯", "''"))


def is_punct(text: str) -> bool:
    # A letter or digit is in no punctuation category (P*): most words end here.
    if text[:1].isalnum():
        return False
    return spacy_attrs.is_punct(text)


def is_currency(text: str) -> bool:
    # A letter or digit is no currency symbol (Sc).
    if text[:1].isalnum():
        return False
    return spacy_attrs.is_currency(text)


def like_email(text: str) -> bool:
    # The pattern needs an "@".
    return "@" in text and spacy_attrs.like_email(text)


def like_url(text: str) -> bool:
    # Without a "." only the "http(s)://" prefixes make a URL (see spaCy's `like_url`).
    if "." not in text and not text.startswith(("http://", "https://")):
        return False
    return spacy_attrs.like_url(text)


def word_shape(text: str) -> str:
    """spaCy's `word_shape`, with lower-case, capitalised and all-digit words done at once.

    A run of one shape character is kept up to 4 long, so "ihracat" is "xxxx" and "Almanya"
    is "Xxxxx"; any other word goes through spaCy's loop."""
    n = len(text)
    if n < 100 and text.isalpha():
        # Every character is a letter: "x" unless it is upper case. `islower` allows uncased
        # letters, which are "x" too; a title-case letter (U+01C5) is cased, not lower: slow path.
        if text.islower():
            return "xxxx"[:n]
        if n > 1 and text[0].isupper() and text[1:].islower():
            return "X" + "xxxx"[:n - 1]
    elif n < 100 and text.isdigit():
        return "dddd"[:n]
    return spacy_attrs.word_shape(text)


_TR_NUMBER_WORDS = frozenset(tr_attrs._num_words) | frozenset(tr_attrs._ordinal_words)


def tr_like_num(text: str) -> bool:
    """spaCy's Turkish `like_num`, with digits and plain words settled at once."""
    if text.isdigit():
        return True
    # A word of letters has no sign, separator or digit: only the number words are left
    # ("İki".lower() ends with a combining dot, which is no digit either).
    if text.isalpha():
        return text.lower() in _TR_NUMBER_WORDS
    return tr_attrs.like_num(text)


def _is_stop(stops, text: str) -> bool:
    return text.lower() in stops


def _norm_with_exceptions(exceptions: dict, text: str):
    value = exceptions.get(text, _MISSING)
    return text.lower() if value is _MISSING else value


def _fast_norm(getter):
    """spaCy's NORM getter (the lower case unless a table says otherwise) with one dict lookup."""
    if (isinstance(getter, functools.partial) and getter.func is _get_attr_unless_lookup
            and not getter.keywords and len(getter.args) == 2 and getter.args[0] is spacy_attrs.lower):
        tables = getter.args[1]
        # Only plain dicts keyed by the string: a spaCy `Table` is keyed by the string's hash.
        if len(tables) == 1 and type(tables[0]) is dict:
            return functools.partial(_norm_with_exceptions, tables[0])
        if not tables:
            return str.lower
    if getter is spacy_attrs.lower:
        return str.lower
    return getter


_SAME_AS = {
    spacy_attrs.lower: str.lower,
    spacy_attrs.prefix: operator.itemgetter(0),
    spacy_attrs.suffix: operator.itemgetter(slice(-3, None)),
    spacy_attrs.is_alpha: str.isalpha,
    spacy_attrs.is_digit: str.isdigit,
    spacy_attrs.is_lower: str.islower,
    spacy_attrs.is_space: str.isspace,
    spacy_attrs.is_title: str.istitle,
    spacy_attrs.is_upper: str.isupper,
    spacy_attrs.is_ascii: str.isascii,
    spacy_attrs.is_punct: is_punct,
    spacy_attrs.is_currency: is_currency,
    spacy_attrs.like_email: like_email,
    spacy_attrs.like_url: like_url,
    spacy_attrs.word_shape: word_shape,
    tr_attrs.like_num: tr_like_num,
    spacy_attrs.is_bracket: _BRACKETS.__contains__,
    spacy_attrs.is_quote: _QUOTES.__contains__,
    spacy_attrs.is_left_punct: _LEFT_PUNCT.__contains__,
    spacy_attrs.is_right_punct: _RIGHT_PUNCT.__contains__,
}


def _fast_partial(getter):
    """The `is_stop` and `get_lang` partials spaCy builds per language, without keyword arguments."""
    if not isinstance(getter, functools.partial) or getter.args or len(getter.keywords) != 1:
        return getter
    if getter.func is spacy_attrs.is_stop and "stops" in getter.keywords:
        return functools.partial(_is_stop, getter.keywords["stops"])
    lang = getter.keywords.get("lang")
    if getter.func is spacy_attrs.get_lang and isinstance(lang, str) and "{" not in lang and "}" not in lang:
        # `str.format` ignores arguments its string does not use: "tr".format(word) is "tr".
        return lang.format
    return getter


def fast_getters(getters: dict) -> dict:
    """`getters` (a vocabulary's `lex_attr_getters`) with each getter we know replaced by its fast twin."""
    out = {}
    for attr, getter in getters.items():
        if attr == attrs.NORM:
            out[attr] = _fast_norm(getter)
        elif isinstance(getter, functools.partial):
            out[attr] = _fast_partial(getter)
        else:
            out[attr] = _SAME_AS.get(getter, getter) if _hashable(getter) else getter
    return out


def _hashable(obj) -> bool:
    try:
        hash(obj)
    except TypeError:
        return False
    return True


def speed_up(vocab) -> None:
    """Swap `vocab`'s lexeme attribute getters for their fast twins (same values; idempotent)."""
    if vocab.lex_attr_getters:
        vocab.lex_attr_getters = fast_getters(vocab.lex_attr_getters)
