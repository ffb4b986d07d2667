"""MONEY, PERCENT and QUANTITY entities with normalized values.

Reads figures with the number grammar of `service.lang.numbers` (its words live in
`service/lang/tr/numbers.json`) and adds them to `doc.ents` next to what `gazetteer`
and `periods` found, never over them.

Span boundaries: a span covers the number, its marker and its measure word, whole
tokens with their suffixes: "yüzde 8,3’ünü", "%14", "22 milyar 928 milyon 716 bin
dolara", "$2,5 milyar", "250 bin tonluk". Approximators stay outside ("yaklaşık" before
"3,6 milyar dolar"): the value is the figure as written. Values keep the sign written
("yüzde -3,5" → -3.5); the sign of a change is decided later by `relations`.

A bare number becomes MONEY or QUANTITY only by sharing the measure of an amount it is
coordinated with ("1,3 milyar ve 1,2 milyar dolarla"); one with a scale word and no
measure anywhere in its coordination ("130 milyarlık yatırım") is not an entity, nor
are counts ("170 ülke"), years or ordinals.
"""
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang.numbers import NumberGrammar, default_grammar

# Longest run of tokens one number may span ("20 milyar 156 milyon 213 bin 500").
MAX_NUMBER_TOKENS = 16


@dataclass
class _Figure:
    start: int             # first token of the span (a marker or symbol included)
    end: int               # one past the last token of the span
    value: int | float
    kind: str | None = None
    currency: str | None = None
    unit: str | None = None
    shares: bool = False   # bare, but may take the measure of a coordinated amount


class AmountRecognizer:
    """Adds MONEY (`_.value`, `_.currency`), PERCENT (`_.value`) and QUANTITY
    (`_.value`, `_.unit`) spans to `doc.ents`."""

    def __init__(self, nlp: Language, name: str, coordination_gap: int,
                 grammar: NumberGrammar | None = None):
        self.name = name
        self.coordination_gap = coordination_gap
        self.grammar = grammar or default_grammar()

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        blocked = bytearray(n)   # tokens already in an entity: never overlapped
        for ent in doc.ents:
            blocked[ent.start:ent.end] = b"\x01" * (ent.end - ent.start)
        words = [t.text for t in doc]
        figures = self._figures(words, blocked)
        if not figures:
            return doc
        self._share_measures(words, blocked, figures)
        spans = []
        for f in figures:
            if f.kind is None:
                continue
            span = Span(doc, f.start, f.end, label=f.kind)
            span._.value = f.value
            if f.currency:
                span._.currency = f.currency
            if f.unit:
                span._.unit = f.unit
            spans.append(span)
        if spans:
            doc.set_ents(spans, default="unmodified")
        return doc

    def _figures(self, words: list[str], blocked: bytearray) -> list[_Figure]:
        """Every number in the doc that may be an amount, with its measure where written."""
        g, n = self.grammar, len(words)
        figures: list[_Figure] = []
        i, free_from = 0, 0   # free_from: first token no earlier figure has taken
        while i < n:
            if blocked[i] or g.word(words[i]).atoms is None:
                i += 1
                continue
            stop = i
            while stop < n and stop - i < MAX_NUMBER_TOKENS and not blocked[stop]:
                stop += 1
            m = g.read_number(words, i, stop)
            if m is None:
                i += 1
                continue
            i = m.end
            if not m.is_amount:
                continue
            figure = _Figure(m.start, m.end, m.value)
            before = g.word(words[m.start - 1]) if m.start > free_from and not blocked[m.start - 1] else None
            if g.word(words[m.start]).percent:
                figure.kind = "PERCENT"   # "-%3,2" written as one token
            elif before is not None and before.percent and not before.atoms:
                figure.kind, figure.start = "PERCENT", m.start - 1
            elif before is not None and before.currency_symbol:
                figure.kind, figure.currency, figure.start = "MONEY", before.currency, m.start - 1
            if m.dot:
                # "yüzde 5." ends a sentence; any other "5." is an ordinal.
                if figure.kind != "PERCENT":
                    continue
            elif not m.closed and not (m.is_article and figure.kind is None):
                self._measure_after(words, blocked, figure)
            figure.shares = figure.kind is None and (m.has_scale or m.grouped) and not m.closed
            if figure.kind is not None or figure.shares:
                figures.append(figure)
                free_from = i = figure.end
        return figures

    def _measure_after(self, words: list[str], blocked: bytearray, figure: _Figure) -> None:
        """Extend `figure` over the currency, unit or percent sign written after it."""
        g, end = self.grammar, figure.end
        if figure.kind == "MONEY":
            found = g.currency_at(words, end)
            if found and found[0] == figure.currency and not any(blocked[end:found[1]]):
                figure.end = found[1]
            return
        if figure.kind is not None:
            return
        found = g.currency_at(words, end)
        if found:
            figure.kind, figure.currency = "MONEY", found[0]
        elif (found := g.unit_at(words, end)):
            figure.kind, figure.unit = "QUANTITY", found[0]
        elif end < len(words) and not blocked[end] and g.word(words[end]).percent_symbol:
            figure.kind, figure.end = "PERCENT", end + 1
            return
        else:
            return
        # "3 milyar ABD doları" with "ABD" already a COUNTRY: the span stops before it,
        # the currency still counts.
        measure_end = found[1]
        while end < measure_end and not blocked[end]:
            end += 1
        figure.end = end

    def _share_measures(self, words: list[str], blocked: bytearray, figures: list[_Figure]) -> None:
        """A measure written once serves the figures coordinated with it: backwards
        ("1,3 milyar ve 1,2 milyar dolarla") and forwards ("2 milyar dolar, İngiltere'ye
        1,5 milyar")."""
        for k in range(len(figures) - 2, -1, -1):
            self._share(words, blocked, figures[k], figures[k + 1])
        for k in range(1, len(figures)):
            self._share(words, blocked, figures[k], figures[k - 1])

    def _share(self, words, blocked, bare: _Figure, other: _Figure) -> None:
        if not bare.shares or bare.kind is not None or other.kind not in ("MONEY", "QUANTITY"):
            return
        left, right = (bare, other) if bare.end <= other.start else (other, bare)
        if self._coordinated(words, blocked, left.end, right.start):
            bare.kind, bare.currency, bare.unit = other.kind, other.currency, other.unit

    def _coordinated(self, words: list[str], blocked: bytearray, start: int, end: int) -> bool:
        """Whether words[start:end] only joins two figures: conjunctions and commas,
        with at most the names of what each figure is about ("Almanya'ya", "İngiltere")."""
        if end - start > self.coordination_gap:
            return False
        joined = False
        for j in range(start, end):
            w = self.grammar.word(words[j])
            if w.coordinator:
                joined = True
            elif not (blocked[j] or words[j][:1].isupper()):
                return False
        return joined


@Language.factory(
    "export_facts_amounts",
    assigns=["doc.ents", "span._.value", "span._.currency", "span._.unit"],
    default_config={"coordination_gap": 4},
)
def make_amounts(nlp: Language, name: str, coordination_gap: int):
    """Factory of the `amounts` component; `coordination_gap` is the most tokens allowed
    between two coordinated figures that share one currency or unit."""
    return AmountRecognizer(nlp, name, coordination_gap)
