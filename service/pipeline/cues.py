"""Match cue words (data in models/patterns/cues.json) against Turkish tokens.

A cue is a word prefix, or several prefixes for consecutive tokens ("dış ticaret açığ").
Turkish inflects by suffixing, so a prefix catches every form: "ihracat" finds
"ihracatı", "ihracatta", "ihracatımız". Cues are indexed by their first characters so
a token is compared with a handful of candidates, not with the whole table.

The relation step asks the same few dozen cue sets about ranges of one document's words
thousands of times per article ("is there a flow word in this clause?"). So a cue set
matches a words list once, at every position where one of its cues could begin (found
from a table of the words' first characters, built once per list and shared by every
set), and answers `find`/`any`/`match_at` from those hits by bisection.
"""
from bisect import bisect_left
from collections import defaultdict

_KEY = 3


class _Heads:
    """Positions of a words list by their first 1, 2 and `_KEY` characters."""

    __slots__ = ("words", "by_len")

    def __init__(self, words: list[str]):
        self.words = words
        self.by_len: dict[int, dict[str, list[int]]] = {}

    def table(self, n: int) -> dict[str, list[int]]:
        """Positions by the words' first `n` characters."""
        table = self.by_len.get(n)
        if table is None:
            table = defaultdict(list)
            for i, w in enumerate(self.words):
                table[w[:n]].append(i)
            table = self.by_len[n] = dict(table)
        return table

    def positions(self, key: str) -> list[int]:
        return self.table(len(key)).get(key, ())


# The last words list seen and its first-character table: every cue set of a document
# reads the same list, so the table is built once. Held as one tuple so that a reader
# never sees a list paired with another list's table. The list is identity-checked: it
# stays referenced here, so no later list can take its id.
_last_heads: _Heads | None = None


def _heads_of(words: list[str]) -> _Heads:
    global _last_heads
    heads = _last_heads
    if heads is None or heads.words is not words:
        heads = _last_heads = _Heads(words)
    return heads


def _groups(cues) -> list[tuple]:
    """`cues` by length in tokens, longest first: (n, prefixes, one-letter cues, cues). For
    one-word cues the prefixes of 2+ letters as a tuple and the one-letter ones as a set; for
    longer cues their first words' prefixes as a tuple, and the cues."""
    out = []
    for n in sorted({len(c) for c in cues}, reverse=True):
        same = [c for c in cues if len(c) == n]
        if n == 1:
            out.append((1, tuple(c[0] for c in same if len(c[0]) > 1),
                        frozenset(c[0] for c in same if len(c[0]) <= 1), ()))
        else:
            out.append((n, tuple(c[0] for c in same), frozenset(), same))
    return out


class CueSet:
    """A set of multi-word prefix cues, with a fast `match_at`/`find` over folded tokens.

    Answers are memoised for the last words list asked about: callers must not change a
    list after passing it (the relation step folds a document's words once and only reads them).
    """

    def __init__(self, cues):
        self.cues = sorted({tuple(c.split()) for c in cues}, key=len, reverse=True)
        self._index = defaultdict(list)
        self._short = []
        for cue in self.cues:
            head = cue[0]
            if len(head) >= _KEY:
                self._index[head[:_KEY]].append(cue)
            else:
                self._short.append(cue)
        self._index = dict(self._index)
        self._short_heads = sorted({cue[0] for cue in self._short})
        self._memo: tuple | None = None   # (words, {position: length}, sorted positions)
        # What `_scan` tries at a word, per first characters: the indexed cues, then the short
        # ones, each grouped by length in tokens (the first group that matches gives the
        # answer), a group's one-word cues as one `str.startswith` tuple.
        self._groups = {key: _groups(cues) + _groups(self._short) for key, cues in self._index.items()}
        self._short_groups = _groups(self._short)
        # A set of one-word cues only (most are): a word matches when it starts with any of
        # them (a cue of 3+ letters can only begin where the word has its first 3), so `_hits`
        # tests that at once instead of calling `_scan`.
        self._one_word = all(len(c) == 1 for c in self.cues)
        self._all_prefixes = tuple(c[0] for c in self.cues if len(c[0]) > 1)
        self._all_whole = frozenset(c[0] for c in self.cues if len(c[0]) <= 1)

    def _scan(self, words: list[str], i: int) -> int:
        w = words[i]
        for n, prefixes, whole, longer in self._groups.get(w[:_KEY], self._short_groups):
            if i + n > len(words):
                continue
            if n == 1:
                # A one-letter prefix ("-", "+") must be the whole token.
                if w.startswith(prefixes) or w in whole:
                    return 1
                continue
            if not w.startswith(prefixes):  # no cue of the group starts with this word
                continue
            for cue in longer:
                if w.startswith(cue[0]) and all(words[i + k].startswith(cue[k]) for k in range(1, n)):
                    if len(cue[-1]) <= 1 and words[i + n - 1] != cue[-1]:
                        continue
                    return n
        return 0

    def _hits(self, words: list[str]) -> tuple:
        memo = self._memo
        if memo is not None and memo[0] is words:
            return memo
        heads = _heads_of(words)
        # A cue can only begin where the word begins with the cue's first characters.
        candidates = set()
        # The set's keys that the words have: one C-level intersection, not a lookup per key.
        table = heads.table(_KEY)
        for key in self._index.keys() & table.keys():
            candidates.update(table[key])
        for head in self._short_heads:
            candidates.update(heads.positions(head))
        if self._one_word:
            prefixes, whole = self._all_prefixes, self._all_whole
            lengths = {i: 1 for i in candidates if words[i].startswith(prefixes) or words[i] in whole}
        else:
            lengths = {}
            for i in candidates:
                n = self._scan(words, i)
                if n:
                    lengths[i] = n
        memo = self._memo = (words, lengths, sorted(lengths))
        return memo

    def match_at(self, words: list[str], i: int) -> int:
        """Length (in tokens) of the longest cue starting at `words[i]`, 0 if none."""
        memo = self._memo
        if memo is not None and memo[0] is words and 0 <= i < len(words):
            return memo[1].get(i, 0)   # (the common case, without a call to `_hits`)
        if not 0 <= i < len(words):
            return self._scan(words, i)
        return self._hits(words)[1].get(i, 0)

    def find(self, words: list[str], start: int, end: int) -> list[int]:
        """Token indices in [start, end) where a cue starts."""
        if start >= end:
            return []
        positions = self._hits(words)[2]
        lo = bisect_left(positions, start)
        hi = bisect_left(positions, end, lo)
        return positions[lo:hi]

    def any(self, words: list[str], start: int, end: int) -> bool:
        if start >= end:
            return False
        positions = self._hits(words)[2]
        k = bisect_left(positions, start)
        return k < len(positions) and positions[k] < end
