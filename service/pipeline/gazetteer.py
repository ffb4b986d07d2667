"""PROVINCE, COUNTRY, SECTOR and PRODUCT entities from gazetteers kept as data.

The gazetteers are JSON files in models/gazetteers/ (each with a "source"): a file with
"label" and "entries" lists names of one entity type; "heads" lists the words that turn
a place name into an organisation's name ("Kocaeli Sanayi Odası"); "derived_forms"
lists the suffixes that derive a word from a place name ("Gaziantepli").

Names are matched on `token.lemma_` as the normalize component sets it, and every name
is normalized the same way at `initialize`, so "Kocaeli'nin", "KOCAELİ'DEN",
"Almanya’ya", "kimyayı" and "Kimyevi Maddeler ve Mamulleri sektörü" all match. The
lemma sequences are saved with `to_disk`, so the packaged pipeline restores the
gazetteer without the source folder (like spaCy's span_ruler).

Rules, all generic:
- a proper name (`"proper": true`) counts only when its first token is capitalised
  (ALL-CAPS headlines included): "ordu" (army) is not Ordu;
- an `"ambiguous"` name (also a common word or surname: Van, Mali, Aydın) counts only
  with an apostrophe suffix, or capitalised inside a sentence after a word that is not
  itself capitalised; a province's name confirmed so once counts wherever the article
  opens a sentence with it (one sense per article);
- a place followed by capitalised words and an organisation head, or a fixed
  organisation name, is an organisation: it goes to doc.spans["organisations"] and the
  places inside it to doc.spans["org_places"], not to doc.ents;
- the longest match wins, and no entity overlaps another.
"""
import json
from pathlib import Path

import srsly
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..lang.casing import fold, split_suffix
# `token._.fold` and `token._.stem` are these of the token's text (service/pipeline/__init__.py):
# called directly, without an Underscore object per read.
from . import _fold, _stem
from .budget import check_deadline
from .normalize import Normalizer
from .user_data import set_span_value

PLACE_LABELS = ("PROVINCE", "COUNTRY", "REGION")  # places that can open an organisation's name
ORG_LABEL = "ORG"
_DERIVED_CACHE_LIMIT = 50_000
_CHECK_EVERY = 2047  # tokens between two looks at the time budget (a mask: every 2048)
# Tokens after which a capitalised word may just be a sentence's first word.
SENTENCE_OPENERS = frozenset({".", "!", "?", "…", ":", '"', "“", "”", "«", "»"})


class GazetteerError(ValueError):
    """E1xx errors: gazetteer data or pipeline order that the gazetteer cannot use."""


class Gazetteer:
    """Finds gazetteer names in a normalized Doc and writes them to doc.ents and doc.spans."""

    def __init__(self, nlp: Language, name: str, label_priority: list[str], max_org_gap: int,
                 orgs_key: str, org_places_key: str):
        self.nlp = nlp
        self.name = name
        self.label_priority = {label: i for i, label in enumerate(label_priority)}
        self.max_org_gap = max_org_gap
        self.orgs_key = orgs_key
        self.org_places_key = org_places_key
        self.data = {"sources": {}, "entries": [], "patterns": [], "heads": [], "connectors": [],
                     "company_heads": [], "derived": {"suffixes": [], "following_suffixes": [], "bases": {}}}
        self._index()

    # -- building -----------------------------------------------------------------

    def initialize(self, get_examples=None, *, nlp: Language | None = None, gazetteers: str = "") -> None:
        """Read every JSON file in the `gazetteers` folder and normalize its names."""
        nlp = nlp or self.nlp
        normalizer = next((p for _, p in nlp.pipeline if isinstance(p, Normalizer)), None)
        if normalizer is None:
            raise GazetteerError(
                "E102 the gazetteer matches lemmas: add the export_facts_normalize component before it")
        folder = Path(gazetteers)
        if not folder.is_dir():
            raise GazetteerError(f"E103 no gazetteer folder at {folder}: set [paths] gazetteers in the config")

        def lemmas(text: str) -> list[str]:
            return [t.lemma_ for t in normalizer(nlp.make_doc(text)) if not t.is_space]

        data = {"sources": {}, "entries": [], "patterns": [], "heads": [], "connectors": [], "company_heads": [],
                "derived": {"suffixes": [], "following_suffixes": [], "bases": {}}}
        seen: dict[tuple, dict] = {}
        for path in sorted(folder.glob("*.json")):
            with open(path, encoding="utf-8") as fh:
                table = json.load(fh)
            if not table.get("source"):
                raise GazetteerError(f'E104 {path.name} has no "source": say where its names come from')
            data["sources"][path.name] = table["source"]
            derived = table.get("derived_forms")
            if derived:
                data["derived"]["suffixes"] = sorted(set(data["derived"]["suffixes"]) | set(derived["suffixes"]))
                data["derived"]["following_suffixes"] = sorted(
                    set(data["derived"]["following_suffixes"]) | set(derived["following_suffixes"]))
            for item in table.get("entries", ()):
                entry = {
                    "label": item.get("label", table.get("label")),
                    "norm": item["norm"],
                    "code": item.get("code"),
                    "proper": bool(item.get("proper", table.get("proper", False))),
                    "ambiguous": bool(item.get("ambiguous", False)),
                    "block": item.get("block", "places"),
                    # "komşu il": words that, right after the name, make it a plain adjective.
                    "not_before": [fold(w) for w in item.get("not_before", ())],
                }
                if not entry["label"]:
                    raise GazetteerError(f"E105 {path.name}: entry {item['norm']!r} has no label")
                idx = len(data["entries"])
                data["entries"].append(entry)
                names = [item.get("name", item["norm"]), *item.get("aliases", ())]
                for name in dict.fromkeys(names):
                    key = tuple(lemmas(name))
                    if not key:
                        continue
                    other = seen.get((key, entry["label"]))
                    if other is not None and (other["norm"], other["code"]) != (entry["norm"], entry["code"]):
                        raise GazetteerError(
                            f"E106 {path.name}: {name!r} names both {other['norm']!r} and {entry['norm']!r} "
                            f"as {entry['label']}: keep it under one entry")
                    if other is None:
                        seen[(key, entry["label"])] = entry
                        data["patterns"].append([list(key), idx, _is_acronym(name)])
                    if derived and len(key) == 1:
                        data["derived"]["bases"][key[0]] = idx
            data["heads"].extend(list(k) for k in (lemmas(h) for h in table.get("heads", ())) if k)
            data["connectors"].extend(fold(c) for c in table.get("connectors", ()))
            data["company_heads"].extend(fold(c) for c in table.get("company_heads", ()))
        self.data = data
        self._index()

    def _index(self) -> None:
        d = self.data
        self.entries = d["entries"]
        index: dict[str, list] = {}
        for key, idx, acronym in d["patterns"]:
            index.setdefault(key[0], []).append((tuple(key), idx, acronym))
        for cands in index.values():
            cands.sort(key=lambda c: -len(c[0]))
        self._patterns = index
        heads: dict[str, list] = {}
        for key in d["heads"]:
            heads.setdefault(key[0], []).append(tuple(key))
        self._heads = heads
        self._connectors = frozenset(d["connectors"])
        self._company_heads = frozenset(d.get("company_heads", ()))
        derived = d["derived"]
        self._derived_bases = derived["bases"]
        self._derived_cache: dict[str, int | None] = {}
        endings: dict[int, set[str]] = {}
        for ending in {s + f for s in derived["suffixes"] for f in derived["following_suffixes"]}:
            endings.setdefault(len(ending), set()).add(ending)
        self._derived_endings = sorted(endings.items(), reverse=True)

    # -- matching -----------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        # Lemmas and texts read as arrays of string ids: a Token object per token cost more
        # than the matching. Tokens are made only around a candidate name.
        strings = doc.vocab.strings
        lem = [strings[h] for h in doc.to_array(LEMMA).tolist()]
        texts = [strings[h] for h in doc.to_array(ORTH).tolist()] if self._derived_bases else None
        n = len(lem)
        patterns = self._patterns
        cands = []  # (start, end, entry index, derived?)
        doubtful = set()  # capitalised ambiguous names the rules turned down
        for i in range(n):
            if not i & _CHECK_EVERY:
                check_deadline(doc)
            for key, idx, acronym in patterns.get(lem[i], ()):
                j = i + len(key)
                if j <= n and (j == i + 1 or tuple(lem[i:j]) == key):
                    if acronym and not all(_written_in_capitals(t) for t in doc[i:j]):
                        continue  # "TİM" is not "Tim Cook"
                    if self._allowed(doc, i, j, self.entries[idx]):
                        cands.append((i, j, idx, False))
                    elif self.entries[idx]["ambiguous"] and doc[i].text[:1].isupper():
                        doubtful.add((i, j))
            # (Only a capitalised word can be a derived form: tested here, not in a call per token.)
            if texts is not None and texts[i][:1].isupper():
                idx = self._derived(texts[i])
                if idx is not None and self._allowed(doc, i, i + 1, self.entries[idx]):
                    cands.append((i, i + 1, idx, True))
        # "Mısır" opening a sentence may be Egypt or maize: take neither.
        cands = [c for c in cands if c[:2] not in doubtful or self.entries[c[2]]["proper"]]
        if doubtful:
            # One sense per article: a province's ambiguous name the text confirms elsewhere
            # ("Uşak'ın", "… ihracatında Uşak …") is the province where a sentence opens with it too.
            confirmed = {c[2] for c in cands if self.entries[c[2]]["ambiguous"]
                         and self.entries[c[2]]["label"] == "PROVINCE"}
            for i, j in sorted(doubtful) if confirmed else ():
                idx = next((x for key, x, _ in self._patterns.get(lem[i], ()) if x in confirmed and i + len(key) == j), None)
                if idx is not None:
                    cands.append((i, j, idx, False))

        orgs = self._organisations(doc, lem, cands)
        # Token coverage as bytearrays, not lists of spans: a test against a list grows with
        # every entity taken, which made long texts quadratic.
        blocked, opaque, taken, org_taken = _Cover(n), _Cover(n), _Cover(n), _Cover(n)
        for s, e, idx, kind in orgs:
            blocked.add(s, e)
            # A company's name is all name: "Yıldız Otomotiv A.Ş." names no sector either.
            if (idx is not None and self.entries[idx]["block"] == "all") or kind == "company":
                opaque.add(s, e)
        for ent in doc.ents:
            taken.add(ent.start, ent.end)

        chosen, org_places = [], []
        for cand in self._by_preference(c for c in cands if self.entries[c[2]]["label"] != ORG_LABEL):
            s, e, idx, _ = cand
            if opaque.hits(s, e) or taken.hits(s, e) or org_taken.hits(s, e):
                continue
            if self.entries[idx]["label"] in PLACE_LABELS and blocked.hits(s, e):
                org_places.append(cand)
                org_taken.add(s, e)
                continue
            chosen.append(cand)
            taken.add(s, e)

        new = [self._span(doc, s, e, idx) for s, e, idx, _ in sorted(chosen)]
        doc.ents = sorted([*doc.ents, *new], key=lambda sp: sp.start)
        for span, (s, e, idx, _) in zip(new, sorted(chosen)):
            self._set_attrs(span, idx)
        doc.spans[self.orgs_key] = [self._org_span(doc, s, e, idx) for s, e, idx, _ in sorted(orgs)]
        doc.spans[self.org_places_key] = [self._span(doc, s, e, idx) for s, e, idx, _ in sorted(org_places)]
        for span, (s, e, idx, _) in zip(doc.spans[self.org_places_key], sorted(org_places)):
            self._set_attrs(span, idx)
        return doc

    def _by_preference(self, cands):
        """Longest first, then leftmost, then by label priority."""
        prio = self.label_priority
        return sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0],
                                            prio.get(self.entries[c[2]]["label"], len(prio)), c[3]))

    def _allowed(self, doc: Doc, start: int, end: int, entry: dict) -> bool:
        first = doc[start]
        if entry.get("not_before") and end < len(doc) and (
                _fold(doc[end].text) in entry["not_before"] or _fold(doc[end].lemma_ or "") in entry["not_before"]):
            return False   # "komşu illeri": the word it qualifies, in any case ("il", "illeri")
        if entry["proper"] and not first.text[:1].isupper():
            return False
        if not entry["proper"] and (entry.get("code") or "").startswith("@") and end - start == 1 \
                and end < len(doc) and doc[end].text[:1].isupper() \
                and not doc[end].is_upper:
            return False   # "Komşu Bolu'nun", "komşu Irak": a common word qualifying a name is no group
        if not entry["ambiguous"]:
            return True
        last = doc[end - 1]
        if _fold(last.text) != _stem(last.text):  # "Van'a": the apostrophe marks a proper noun
            return True
        if first.is_upper or start == 0:
            return False
        prev = doc[start - 1]
        if prev.is_space:
            return "\n" not in prev.text and start >= 2 and _mid_sentence(doc[start - 2])
        return _mid_sentence(prev) or _inflected_opener(doc, start - 1)

    def _derived(self, text: str) -> int | None:
        """The province a derived word (a token's text: "Gaziantepli", "Kocaelililer") names, if any."""
        if not self._derived_bases or not text[:1].isupper():
            return None
        # Remembered per word form: most capitalised words of an article recur in the next.
        cache = self._derived_cache
        if text in cache:
            return cache[text]
        if len(cache) >= _DERIVED_CACHE_LIMIT:
            cache.clear()
        idx = cache[text] = self._derived_of(fold(text))
        return idx

    def _derived_of(self, f: str) -> int | None:
        if "'" in f:
            return None
        for size, endings in self._derived_endings:
            if len(f) > size and f[-size:] in endings:
                idx = self._derived_bases.get(f[:-size])
                if idx is not None:
                    return idx
        return None

    def _organisations(self, doc: Doc, lem: list[str], cands) -> list[tuple]:
        """Fixed organisation names, and places followed by an organisation head."""
        n = len(doc)
        found = [c for c in cands if self.entries[c[2]]["label"] == ORG_LABEL]
        head_end: dict[int, int] = {}
        for i in range(n):
            for key in self._heads.get(lem[i], ()):
                j = i + len(key)
                if j <= n and tuple(lem[i:j]) == key:
                    head_end[i] = max(head_end.get(i, 0), j)
        if head_end:
            places = [(s, e) for s, e, idx, derived in cands
                      if not derived and self.entries[idx]["label"] in PLACE_LABELS]
            for s, e in places:
                # "Rusya Federasyonu" is a place, not "Rusya" + the head "Federasyonu".
                if any(s2 <= s and e <= e2 and e2 - s2 > e - s for s2, e2 in places):
                    continue
                last = doc[e - 1]
                # "Kocaeli'deki OSB'ler", "Avro bölgesinde Avrupa Merkez Bankası": the place stands alone.
                if _fold(last.text) != _stem(last.text) or not last.text[:1].isupper():
                    continue
                k = e
                while k < n and k - e <= self.max_org_gap:
                    if k in head_end:
                        found.append((s, head_end[k], None, False))
                        break
                    tok = doc[k]
                    f = _fold(tok.text)
                    if f != _stem(tok.text) or not (tok.text[:1].isupper() or f in self._connectors):
                        break
                    k += 1
        # "Yıldız Otomotiv A.Ş.": capitalised words before a company form are a company's name.
        heads = self._company_heads
        if heads:
            k = 0
            while k < n:
                if lem[k] not in heads:
                    k += 1
                    continue
                end = k + 1
                while end < n and lem[end] in heads:
                    end += 1
                j = k
                while j > 0 and k - j < self.max_org_gap and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha:
                    j -= 1
                if j < k:
                    found.append((j, end, None, "company"))
                k = end
        # A place + head read across a whole fixed name is two names ("Türkiye İhracatçılar
        # Meclisi ve Ege İhracatçı Birlikleri"); one that ends with it is one ("ABD Ticaret Bakanlığı").
        fixed = [(s, e) for s, e, idx, _ in found if idx is not None]
        found = [c for c in found if c[2] is not None
                 or not any(c[0] <= s and e < c[1] for s, e in fixed)]
        # "Batı Akdeniz İhracatçılar Birliği (BAİB)": the acronym in brackets right after the name is the name's.
        found = [(s, e + 3, idx, d) if e + 2 < n and doc[e].text == "(" and doc[e + 2].text == ")"
                 and _written_in_capitals(doc[e + 1]) else (s, e, idx, d) for s, e, idx, d in found]
        orgs, taken = [], _Cover(n)
        for s, e, idx, derived in sorted(found, key=lambda c: (-(c[1] - c[0]), c[0])):
            if not taken.hits(s, e):
                orgs.append((s, e, idx, derived))
                taken.add(s, e)
        return orgs

    def _span(self, doc: Doc, start: int, end: int, idx: int) -> Span:
        return Span(doc, start, end, label=self.entries[idx]["label"])

    def _set_attrs(self, span: Span, idx: int) -> None:
        entry = self.entries[idx]
        user_data = span.doc.user_data
        set_span_value(user_data, span, "norm", entry["norm"])
        set_span_value(user_data, span, "code", entry["code"])

    def _org_span(self, doc: Doc, start: int, end: int, idx: int | None) -> Span:
        span = Span(doc, start, end, label=ORG_LABEL)
        if idx is not None:
            set_span_value(doc.user_data, span, "norm", self.entries[idx]["norm"])
        return span

    # -- serialization --------------------------------------------------------------

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "gazetteer.json", self.data, indent=0)

    def from_disk(self, path, *, exclude=tuple()) -> "Gazetteer":
        self.data = srsly.read_json(ensure_path(path) / "gazetteer.json")
        self._index()
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.json_dumps(self.data).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "Gazetteer":
        self.data = srsly.json_loads(data)
        self._index()
        return self


def _is_acronym(name: str) -> bool:
    """A name written in capitals in the data ("TİM", "ABD", "K.K.T.C.") is matched only in capitals."""
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _written_in_capitals(tok) -> bool:
    letters = [ch for ch in split_suffix(tok.text)[0] if ch.isalpha()]
    return not letters or all(ch.isupper() for ch in letters)


def _mid_sentence(prev) -> bool:
    """Whether a capitalised word after `prev` is capitalised for its own sake."""
    return prev.text not in SENTENCE_OPENERS and not prev.text[:1].isupper()


def _inflected_opener(doc: Doc, i: int) -> bool:
    """"Şubatta Ordu …": the sentence's first word, inflected with no apostrophe (a common
    noun: proper nouns take their suffixes after one), is capitalised only for its place, so
    the name after it is capitalised for its own sake."""
    t = doc[i]
    opens = i == 0 or doc[i - 1].text in SENTENCE_OPENERS or "\n" in doc[i - 1].text
    lemma = t.lemma_ or ""
    return opens and t.is_alpha and bool(lemma) and _fold(t.text) != lemma and _fold(t.text).startswith(lemma[:2])


class _Cover:
    """Which tokens of a Doc are covered: `add` a span, ask whether a span `hits` any covered token."""

    __slots__ = ("cells",)

    def __init__(self, n: int):
        self.cells = bytearray(n)

    def add(self, start: int, end: int) -> None:
        self.cells[start:end] = b"\x01" * (end - start)

    def hits(self, start: int, end: int) -> bool:
        return any(self.cells[start:end])


@Language.factory(
    "export_facts_gazetteer",
    assigns=["doc.ents", "doc.spans", "span._.norm", "span._.code"],
    requires=["token.lemma", "token._.fold", "token._.stem"],
    default_config={
        "label_priority": ["PROVINCE", "COUNTRY", "SECTOR", "PRODUCT"],
        "max_org_gap": 6,
        "orgs_key": "organisations",
        "org_places_key": "org_places",
    },
)
def make_gazetteer(nlp: Language, name: str, label_priority: list[str], max_org_gap: int,
                   orgs_key: str, org_places_key: str):
    return Gazetteer(nlp, name, label_priority, max_org_gap, orgs_key, org_places_key)
