"""DATE entities with resolved periods.

The words and the grammar live in `service.lang.periods` (over the data file
`service/lang/tr/periods.json`); this component feeds it the folded tokens of the
article body, resolves each expression against `doc._.pub_date` and adds DATE spans
around the entities the gazetteer already placed, never over them.

On each DATE span: `_.period` (the period string, or None when it depends on the
article's current period or the date is unknown), `_.code` ("explicit", "inferred",
"relative", "day"), `_.norm` (the anaphoric kind the relation step resolves with
`service.lang.periods.resolve_relative`: "same", "same_prev_year",
"same_period_of_year", "same_year", "prev_year", "prev_month", "trailing:N"), and
`_.value` (the year of "2022'nin aynı dönemi"). Where `_.norm` is set, the current
period decides: `resolve_relative(norm, current, pub, year=_.value)`, falling back to
`_.period`, which holds a default from the publication date only where the words give
one ("bir önceki yıl", "son 12 ay", "yıllıklandırılmış", "bu sezon").
"""
import json
from pathlib import Path

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang import load_table
from ..lang.casing import fold
from ..lang.periods import PeriodParser, resolve
from .user_data import set_span_value

TABLE_FILE = "periods.json"
_FOLD_CACHE_MAX = 200_000  # distinct token forms kept between documents


class _Texts:
    """Token texts on demand: the parser looks at a handful of them, not all."""
    __slots__ = ("doc", "offset")

    def __init__(self, doc: Doc, offset: int):
        self.doc, self.offset = doc, offset

    def __getitem__(self, i: int) -> str:
        return self.doc[i + self.offset].text


class PeriodTagger:
    """Adds DATE entities for Turkish period expressions (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, table: str = "periods"):
        self.name = name
        self.table = table
        self._fold_cache: dict[int, str] = {}
        self._use(load_table(table))

    def _use(self, data: dict) -> None:
        self.data = data
        self.parser = PeriodParser(data)

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Take the period words from `service/lang/tr/<table>.json` (saved with the pipeline)."""
        self._use(load_table(self.table))

    def __call__(self, doc: Doc) -> Doc:
        first = 0
        body = doc._.body_start or 0
        if body:
            # The archive marker "date YYYY-MM-DD" is no part of the article.
            while first < len(doc) and doc[first].idx < body:
                first += 1
        folds = self._folds(doc, first)
        matches = self.parser.parse(folds, _Texts(doc, first))
        if not matches:
            return doc
        taken = bytearray(len(doc))
        for ent in doc.ents:
            taken[ent.start:ent.end] = b"\x01" * (ent.end - ent.start)
        pub = doc._.pub_date
        user_data = doc.user_data
        new = []
        for m in matches:
            start, end = m.start + first, m.end + first
            if any(taken[start:end]):
                continue
            span = Span(doc, start, end, label="DATE")
            period, code = resolve(m.expr, pub)
            # (Written in doc.user_data as `span._` would, without its Underscore object.)
            set_span_value(user_data, span, "period", period)
            set_span_value(user_data, span, "code", code)
            set_span_value(user_data, span, "norm", m.expr.kind)
            set_span_value(user_data, span, "value", m.expr.of_year)
            new.append(span)
        if new:
            doc.ents = sorted(list(doc.ents) + new, key=lambda s: s.start)
        return doc

    def _folds(self, doc: Doc, first: int) -> list[str]:
        # The same string as `token._.fold` (`casing.fold` of the token), read by the
        # token's ORTH hash through a cache: `token._.fold` one token at a time costs
        # more than all the parsing (Underscore and Token objects per token).
        cache, strings = self._fold_cache, doc.vocab.strings
        if len(cache) > _FOLD_CACHE_MAX:
            cache.clear()
        out = []
        for h in doc.to_array(ORTH)[first:].tolist():
            f = cache.get(h)
            if f is None:
                f = cache[h] = fold(strings[h])
            out.append(f)
        return out

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with open(path / TABLE_FILE, "w", encoding="utf-8") as fh:
            json.dump(self.data, fh, ensure_ascii=False, indent=1)

    def from_disk(self, path, *, exclude=tuple()) -> "PeriodTagger":
        with open(Path(path) / TABLE_FILE, encoding="utf-8") as fh:
            self._use(json.load(fh))
        return self


@Language.factory(
    "export_facts_periods",
    assigns=["doc.ents", "span._.period", "span._.code", "span._.norm", "span._.value"],
    default_config={"table": "periods"},
)
def make_periods(nlp: Language, name: str, table: str):
    return PeriodTagger(nlp, name, table)
