"""The export-facts spaCy components and the attributes they set.

Text → tokens (`normalize`) → entities (`gazetteer`, `periods`, `amounts`) → facts
(`relations`) → warnings (`checks`). Importing this package registers every factory, so
`spacy.load("models/export_facts_tr")` finds them.
"""
from spacy.tokens import Doc, Span, Token

from functools import lru_cache

from ..lang.casing import fold as _fold_text, split_suffix as _split_suffix

_fold = lru_cache(maxsize=65536)(_fold_text)


def _stem(text: str) -> str:
    return _split_suffix(_fold(text))[0]


# Attributes every component may read; declared once here so the order of imports never matters.
# The folded form and the stem are computed when read: writing two attributes on every token
# cost more than all the reading the components do.
for _name, _getter in (("fold", lambda t: _fold(t.text)), ("stem", lambda t: _stem(t.text))):
    if not Token.has_extension(_name):
        Token.set_extension(_name, getter=_getter)
for _name in ("norm", "code", "value", "currency", "unit", "period", "sign"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
for _name, _default in (("pub_date", None), ("body_start", 0), ("facts", None), ("doc_id", None), ("subject", None),
                        ("warnings", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

from . import budget  # noqa: E402,F401  (doc._.deadline, before the components that read it)
from . import normalize, gazetteer, periods, amounts, relations, checks  # noqa: E402,F401  (registers factories)
