"""MONEY, PERCENT and QUANTITY entities with normalized values.

Reads figures with the number grammar of `service.lang.numbers` (its words live in
`service/lang/tr/numbers.json`) and adds them to `doc.ents` next to what `gazetteer`
and `periods` found, never over them.

Span boundaries: a span covers the number, its marker and its measure word, whole
tokens with their suffixes: "yüzde 8,3’ünü", "%14", "22 milyar 928 milyon 716 bin
dolara", "$2,5 milyar", "250 bin tonluk", "10tl". Approximators stay outside ("yaklaşık" before
"3,6 milyar dolar"): the value is the figure as written. Values keep the sign written
("yüzde -3,5", "yüzde eksi 3,5", "eksi yüzde 3,5" → -3.5; "eksi 1.200.000 dolar" →
-1200000); a sign character apart before "yüzde" ("- yüzde 3") stays outside the span,
where `relations` reads it. The sign of a change is decided later by `relations`.

Work per token is bounded: only tokens that pass the grammar's first-characters gate
(`NumberGrammar.can_start`, cached per word form) are analysed, and a number is read in
a window of at most `MAX_NUMBER_TOKENS` tokens, so a doc costs time linear in its length.

A bare number becomes MONEY or QUANTITY only by sharing the measure of an amount it is
coordinated with ("1,3 milyar ve 1,2 milyar dolarla"); one with a scale word and no
measure anywhere in its coordination ("130 milyarlık yatırım") is not an entity, nor
are counts ("170 ülke"), years or ordinals.
"""
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang.numbers import SCALE, NumberGrammar, default_grammar
from .user_data import set_span_value

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
    scaleless: bool = False  # bare with no scale word, right before a conjunction: "1,2 ve 1,4 milyar dolar"
    scale: int | None = None  # the first scale word's value ("1,4 milyar" → 10**9)


class AmountRecognizer:
    """Adds MONEY (`_.value`, `_.currency`), PERCENT (`_.value`) and QUANTITY
    (`_.value`, `_.unit`) spans to `doc.ents`."""

    def __init__(self, nlp: Language, name: str, coordination_gap: int,
                 grammar: NumberGrammar | None = None):
        self.name = name
        self.coordination_gap = coordination_gap
        self.grammar = grammar or default_grammar()
        # The gate's answer per word form (ORTH hash: stable across memory zones).
        self._can_start: dict[int, bool] = {}

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        blocked = bytearray(n)   # tokens already in an entity: never overlapped
        for ent in doc.ents:
            blocked[ent.start:ent.end] = b"\x01" * (ent.end - ent.start)
        # Word forms by ORTH id: cheaper than making a Token object per token.
        ids = doc.to_array(ORTH).tolist()
        strings = doc.vocab.strings
        words = [strings[orth] for orth in ids]
        figures = self._figures(words, ids, blocked)
        if not figures:
            return doc
        self._share_measures(words, blocked, figures)
        spans = []
        user_data = doc.user_data
        for f in figures:
            if f.kind is None:
                continue
            span = Span(doc, f.start, f.end, label=f.kind)
            # (Written in doc.user_data as `span._` would, without its Underscore object.)
            set_span_value(user_data, span, "value", f.value)
            if f.currency:
                set_span_value(user_data, span, "currency", f.currency)
            if f.unit:
                set_span_value(user_data, span, "unit", f.unit)
            spans.append(span)
        if spans:
            doc.set_ents(spans, default="unmodified")
        return doc

    def _learn(self, orth: int, text: str) -> bool:
        """The gate's answer for a word form not seen before, remembered by its ORTH id."""
        if len(self._can_start) >= self.grammar.cache_size:
            self._can_start.clear()
        can = self._can_start[orth] = self.grammar.can_start(text)
        return can

    def _spaced_sign_ok(self, words: list[str], i: int) -> bool:
        """A sign character apart is a sign at the start of the text or a line, or after
        an opening bracket, a colon, an equals sign or a table bar (data: `signs`)."""
        if i == 0:
            return True
        prev = words[i - 1]
        after = self.grammar.spaced_sign_after
        return prev in after or (prev.isspace() and any(p in prev for p in after if p.isspace()))

    def _figures(self, words: list[str], ids: list[int], blocked: bytearray) -> list[_Figure]:
        """Every number in the doc that may be an amount, with its measure where written."""
        g, n = self.grammar, len(words)
        figures: list[_Figure] = []
        i, free_from = 0, 0   # i: next token to read; free_from: first token no earlier figure has taken
        known = self._can_start.get
        # The gate, in one pass: forms known to start no number drop out here; forms not
        # seen before stay in and are decided below.
        for k in [k for k, orth in enumerate(ids) if known(orth, True)]:
            if k < i or blocked[k]:
                continue
            can = known(ids[k])
            if not (can or (can is None and self._learn(ids[k], words[k]))):
                continue
            w = g.word(words[k])
            spaced_sign = bool(w.sign_symbol) and self._spaced_sign_ok(words, k)
            if w.atoms is None and not spaced_sign:
                continue
            stop = min(n, k + MAX_NUMBER_TOKENS)
            taken = blocked.find(1, k, stop)   # the window ends at the next entity (C speed)
            if taken != -1:
                stop = taken
            m = g.read_number(words, k, stop, spaced_sign=spaced_sign)
            if m is None:
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
            if m.currency is not None:
                if figure.kind not in (None, "MONEY") or figure.currency not in (None, m.currency):
                    continue   # "%10tl", "$10tl": two measures on one number
                figure.kind, figure.currency = "MONEY", m.currency
            if figure.kind is not None and figure.start != m.start:
                self._sign_before(words, ids, blocked, figure, free_from)
            if m.dot:
                # "yüzde 5." ends a sentence; any other "5." is an ordinal.
                if figure.kind != "PERCENT":
                    continue
            elif not m.closed and not (m.is_article and figure.kind is None):
                self._measure_after(words, blocked, figure)
            figure.shares = figure.kind is None and (m.has_scale or m.grouped) and not m.closed
            figure.scaleless = (figure.kind is None and not (m.has_scale or m.grouped or m.closed)
                                and m.has_digit and figure.end < n and (g.word(words[figure.end]).coordinator
                                                                        or blocked[figure.end]))
            if m.has_scale:
                figure.scale = self._first_scale(words, m.start, m.end)
            if figure.kind is not None or figure.shares or figure.scaleless:
                figures.append(figure)
                free_from = i = figure.end
        return figures

    def _first_scale(self, words: list[str], start: int, end: int) -> int | None:
        for j in range(start, end):
            for atom in self.grammar.word(words[j]).atoms or ():
                if atom[0] == SCALE:
                    return int(atom[1])
        return None

    def _sign_before(self, words: list[str], ids: list[int], blocked: bytearray, figure: _Figure,
                     free_from: int) -> None:
        """"eksi yüzde 3,5", "negatif $5 milyon": a sign word before the marker signs the value
        and joins the span. A sign character apart ("- yüzde 3") is left to `relations`."""
        k = figure.start - 1
        if k < free_from or blocked[k]:
            return
        sign = self.grammar.sign_before_marker(words, k, spaced_sign=False)
        if sign and figure.value >= 0:
            figure.value, figure.start = sign * figure.value, k

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
            self._share_scale(words, blocked, figures[k], figures[k + 1])
            self._share(words, blocked, figures[k], figures[k + 1])
        for k in range(1, len(figures)):
            self._share(words, blocked, figures[k], figures[k - 1])

    def _share_scale(self, words, blocked, bare: _Figure, other: _Figure) -> None:
        """"1,2 ve 1,4 milyar dolar", "100, 120 ve 130 milyon dolar": a number with no scale
        joined by a conjunction alone to an amount takes its scale and its measure."""
        if not bare.scaleless or other.kind not in ("MONEY", "QUANTITY") or other.scale is None:
            return
        if not self._coordinated(words, blocked, bare.end, other.start, bare.start):
            return
        bare.value = bare.value * other.scale
        if isinstance(bare.value, float) and bare.value.is_integer():
            bare.value = int(bare.value)
        bare.kind, bare.currency, bare.unit, bare.scale = other.kind, other.currency, other.unit, other.scale

    def _share(self, words, blocked, bare: _Figure, other: _Figure) -> None:
        if not bare.shares or bare.kind is not None or other.kind not in ("MONEY", "QUANTITY"):
            return
        left, right = (bare, other) if bare.end <= other.start else (other, bare)
        if self._coordinated(words, blocked, left.end, right.start, left.start):
            bare.kind, bare.currency, bare.unit = other.kind, other.currency, other.unit

    def _coordinated(self, words: list[str], blocked: bytearray, start: int, end: int,
                     first: int | None = None) -> bool:
        """Whether words[start:end] only joins two figures: conjunctions and commas,
        with at most the names of what each figure is about ("Almanya'ya", "İngiltere"), and
        words that repeat those right before the first figure ("Almanya'ya ihracatı 52 milyon,
        İtalya'ya ihracatı 23 milyon euro": a parallel construction)."""
        if end - start > self.coordination_gap:
            return False
        parallel = set(words[max(0, first - 2):first]) if first is not None else set()
        joined = False
        for j in range(start, end):
            w = self.grammar.word(words[j])
            if w.coordinator:
                joined = True
            elif not (blocked[j] or words[j][:1].isupper() or words[j] in parallel):
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
