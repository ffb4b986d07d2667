"""Where each field of a fact came from: the span that states it and how it was reached.

The relation step decides a cell from the figure's clause, its sentence, the list or table
it stands in and the article's context. Once a cell is decided, each filled field is traced
back to the nearest mention that states its value: in the figure's clause ("clause"), in its
sentence ("sentence"), before it in the article ("scope" for a place or flow carried on,
"frame" for a running period, "subject" where the mention is the article's subject), or
the publication date ("date", which has no span: start = end = 0). A part whose stated
share fits the whole of another period takes that period ("share", pointing at the
whole's period).

A source is `(start, end, how)` with character offsets into the text.
"""
from bisect import bisect_left, bisect_right

CELL_ATTRS = {"province": ("PROVINCE", "norm"), "country": ("COUNTRY", "code"),
              "sector": ("SECTOR", "norm"), "product": ("PRODUCT", "norm")}


def _value_of(ent, field):
    label, attr = CELL_ATTRS[field]
    if field == "sector" and ent.label_ == "PRODUCT":
        return ent._.code
    return getattr(ent._, attr) if ent.label_ == label else None


class Tracer:
    """Traces the fields of the facts of one document (built once per document)."""

    def __init__(self, doc, ents, subject, flow_positions):
        """`flow_positions` is called once, when a first fact needs its flow traced."""
        self.doc = doc
        self.ents = ents
        self.starts = [e.start for e in ents]
        self.subject = subject
        self._flow_positions = flow_positions   # () -> {flow: sorted (token, length) of its cue words}
        self._flows = None

    def _span(self, i, j):
        doc = self.doc
        return doc[i].idx, doc[j - 1].idx + len(doc[j - 1])

    def _within(self, s, e):
        """Entities that start in tokens [s, e): a slice found by bisection, not a scan."""
        return self.ents[bisect_left(self.starts, s):bisect_left(self.starts, e)]

    def _before(self, pos):
        """Entities that end before token `pos`, nearest first."""
        k = bisect_right(self.starts, pos)
        return reversed(self.ents[:k])

    def trace(self, cell, clause: tuple[int, int], sentence: tuple[int, int], anchor: int,
              how_default: str = "scope") -> dict:
        """Sources of the cell's fields for a figure at token `anchor`."""
        out = {}
        c0, c1 = clause
        s, e = sentence
        for field in CELL_ATTRS:
            value = getattr(cell, field)
            if value is None:
                continue
            out[field] = self._place(field, value, c0, c1, s, e, anchor, how_default)
        if cell.period is not None:
            out["period"] = self._period(cell.period, c0, c1, s, e, anchor)
        if cell.flow is not None:
            out["flow"] = self._flow(cell.flow, c0, c1, s, e, anchor)
        return out

    def _place(self, field, value, c0, c1, s, e, anchor, how_default):
        in_sentence = [x for x in self._within(s, e) if _value_of(x, field) == value]
        for x in in_sentence:
            if c0 <= x.start < c1:
                return (x.start_char, x.end_char, "clause")
        if in_sentence:
            x = in_sentence[0]
            return (x.start_char, x.end_char, "sentence")
        subject = self.subject.name(CELL_ATTRS[field][0]) if self.subject is not None and field != "product" else None
        for x in self._before(anchor):
            if _value_of(x, field) == value:
                return (x.start_char, x.end_char, "subject" if value == subject else how_default)
        if value == subject:
            cand = getattr(self.subject, field)
            return (cand.span[0], cand.span[1], "subject")
        return (*self._span(s, e), how_default)

    def _period(self, period, c0, c1, s, e, anchor):
        dates = [x for x in self._within(s, e) if x.label_ == "DATE"]
        for how, lo, hi in (("clause", c0, c1), ("sentence", s, e)):
            for x in dates:
                if lo <= x.start < hi:
                    return (x.start_char, x.end_char, how)
        for x in self._before(anchor):
            if x.label_ == "DATE" and x._.period == period:
                return (x.start_char, x.end_char, "frame")
        return (0, 0, "date")

    def _flow(self, flow, c0, c1, s, e, anchor):
        if self._flows is None:
            # Found on the first fact only: most documents with figures state no fact at all.
            self._flows = self._flow_positions()
        positions = self._flows.get(flow, [])
        for how, lo, hi in (("clause", c0, c1), ("sentence", s, e)):
            hit = next(((i, n) for i, n in positions if lo <= i < hi), None)
            if hit is not None:
                return (*self._span(hit[0], hit[0] + hit[1]), how)
        earlier = [(i, n) for i, n in positions if i < anchor]
        if earlier:
            i, n = earlier[-1]
            return (*self._span(i, i + n), "scope")
        return (*self._span(s, e), "scope")


def as_json(sources: dict) -> dict:
    """`{field: {"start", "end", "how"}}` as the contract's `sources` on a fact."""
    return {k: {"start": a, "end": b, "how": how} for k, (a, b, how) in sorted(sources.items())}
