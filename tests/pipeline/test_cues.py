"""Cue matching: the memoised, indexed `CueSet` answers as a scan of every position would."""
import json

import pytest

from service.engine import ROOT
from service.pipeline.cues import CueSet

PHENOMENA = ROOT / "tests" / "pipeline" / "data" / "phenomena.jsonl"


def _texts():
    with open(PHENOMENA, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r["text"] for r in rows if "text" in r]


def _reference_scan(cues: CueSet, words: list[str], i: int) -> int:
    """The longest cue at `words[i]`, tried one cue at a time (what `CueSet._scan` speeds up)."""
    for cue in cues._index.get(words[i][:3], []) + cues._short:
        n = len(cue)
        if i + n > len(words):
            continue
        if all(words[i + k].startswith(cue[k]) for k in range(n)):
            # A one-letter prefix ("-", "+") must be the whole token.
            if len(cue[-1]) <= 1 and words[i + n - 1] != cue[-1]:
                continue
            return n
    return 0


@pytest.fixture(scope="module")
def cue_sets(nlp):
    return nlp.get_pipe("relations")._sets


def test_cues_find_any_match_at_agree_with_a_scan_of_every_position(nlp, cue_sets):
    texts = _texts()
    assert len(texts) > 20
    checked = 0
    for text in texts:
        words = [t._.fold for t in nlp.make_doc(text)]
        n = len(words)
        for name, cues in cue_sets.items():
            scan = [cues._scan(words, i) for i in range(n)]
            assert scan == [_reference_scan(cues, words, i) for i in range(n)], name
            assert [cues.match_at(words, i) for i in range(n)] == scan, name
            for start, end in ((0, n), (n // 3, 2 * n // 3), (n // 2, n // 2), (1, 4)):
                expected = [i for i in range(start, min(end, n)) if scan[i]]
                assert cues.find(words, start, min(end, n)) == expected, (name, start, end)
                assert cues.any(words, start, min(end, n)) == bool(expected), (name, start, end)
            checked += sum(1 for x in scan if x)
    assert checked > 100  # the texts do hold cues


def test_cues_answers_follow_a_new_words_list():
    cues = CueSet(["dış ticaret", "ihracat", "+"])
    first = ["ihracatı", "arttı", "+", "dış", "ticaret"]
    second = ["dış", "ticaret", "açığı", "ve", "ihracat", "+5"]
    assert cues.find(first, 0, len(first)) == [0, 2, 3]
    assert cues.find(second, 0, len(second)) == [0, 4]
    assert cues.match_at(second, 0) == 2 and cues.match_at(second, 5) == 0
    assert cues.find(first, 1, 3) == [2] and not cues.any(first, 1, 2)
