"""The export-facts spaCy components and the attributes they set.

Text → tokens (`normalize`) → entities (`gazetteer`, `periods`, `amounts`) → facts
(`relations`). Importing this package registers every factory, so
`spacy.load("models/export_facts_tr")` finds them.
"""
from spacy.tokens import Doc, Span, Token

# Attributes every component may read; set once here so the order of imports never matters.
for _name in ("fold", "stem"):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=None)
for _name in ("norm", "code", "value", "currency", "unit", "period", "sign"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
for _name, _default in (("pub_date", None), ("body_start", 0), ("facts", None), ("doc_id", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

from . import normalize, gazetteer, periods, amounts, relations  # noqa: E402,F401  (registers factories)
