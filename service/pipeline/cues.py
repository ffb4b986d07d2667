"""Match cue words (data in models/patterns/cues.json) against Turkish tokens.

A cue is a word prefix, or several prefixes for consecutive tokens ("dış ticaret açığ").
Turkish inflects by suffixing, so a prefix catches every form: "ihracat" finds
"ihracatı", "ihracatta", "ihracatımız". Cues are indexed by their first characters so
a token is compared with a handful of candidates, not with the whole table.
"""
from collections import defaultdict

_KEY = 3


class CueSet:
    """A set of multi-word prefix cues, with a fast `match_at`/`find` over folded tokens."""

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

    def match_at(self, words: list[str], i: int) -> int:
        """Length (in tokens) of the longest cue starting at `words[i]`, 0 if none."""
        w = words[i]
        for cue in self._index.get(w[:_KEY], []) + self._short:
            n = len(cue)
            if i + n > len(words):
                continue
            if all(words[i + k].startswith(cue[k]) for k in range(n)):
                # A one-letter prefix ("-", "+") must be the whole token.
                if len(cue[-1]) <= 1 and words[i + n - 1] != cue[-1]:
                    continue
                return n
        return 0

    def find(self, words: list[str], start: int, end: int) -> list[int]:
        """Token indices in [start, end) where a cue starts."""
        return [i for i in range(start, end) if self.match_at(words, i)]

    def any(self, words: list[str], start: int, end: int) -> bool:
        return any(self.match_at(words, i) for i in range(start, end))

