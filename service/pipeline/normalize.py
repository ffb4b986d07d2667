"""Turkish normalization: casefold, stem before the apostrophe, lemma of common nouns."""
import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..lang.casing import fold, split_suffix

# The archive marker: optional white space, "date YYYY-MM-DD", then the article.
DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})\b\s*")


def read_date_marker(text: str) -> tuple[date | None, int]:
    """Return (publication date, offset where the article starts) of an archive text."""
    m = DATE_MARKER.match(text)
    if not m:
        return None, 0
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.end()
    except ValueError:
        return None, 0


class Normalizer:
    """Sets `token._.fold`, `token._.stem`, `token.norm_` and `token.lemma_` (placeholder)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        marker_date, body_start = read_date_marker(doc.text)
        if doc._.pub_date is None and marker_date is not None:
            doc._.pub_date = marker_date
        doc._.body_start = body_start
        for tok in doc:
            f = fold(tok.text)
            stem, _ = split_suffix(f)
            tok._.fold = f
            tok._.stem = stem
            tok.norm_ = stem
            tok.lemma_ = stem
        return doc


@Language.factory("export_facts_normalize", assigns=["token.norm", "token.lemma", "token._.fold", "token._.stem", "doc._.pub_date"])
def make_normalizer(nlp: Language, name: str):
    return Normalizer(nlp, name)
