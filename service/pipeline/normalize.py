"""Turkish normalization: casefold, stem before the apostrophe, lemma of common nouns.

Every token gets
- `token._.fold`: Turkish lower case with ASCII apostrophes ("KOCAELİ’DEN" → "kocaeli'den");
- `token._.stem`: the fold before the apostrophe suffix ("Almanya’ya" → "almanya");
- `token.norm_`: the stem (spaCy's own NORM lower-cases "İ" to "i̇" and "I" to "i");
- `token.lemma_`: the stem's lemma, as far as our data needs one ("kimyayı" → "kimya",
  "çeliğe" → "çelik", "Mamulleri'nin" → "mamul").

Lemmas come from spaCy's `tr_lemma_lookup` table (spacy-lookups-data, 1.3 M forms), but
the pipeline keeps only what our data can use: at `initialize` the table is reduced to
the forms whose lemma is a word of our data files (gazetteers, patterns, language
tables), and a small suffix stripper (suffixes in service/lang/tr/lemma_suffixes.json)
covers forms the table lacks. A word of our data is its own lemma unless it is a plain
inflection of its table lemma ("maddeler" → "madde", but "yüzde" stays "yüzde"), so a
pattern and the text it should match always reduce to the same lemma.

`initialize` also makes "|" split tokens ("|Almanya|1.234|"), since trade tables are
often written as text; the tokenizer saves with the pipeline, so this persists.

The component also ships the vocabulary's common word forms (service/lang/tr/common_forms.txt,
saved beside the lemmas). Every extraction runs in a memory zone, which frees the words it
created and keeps the tokenizer from caching anything, so without them every word of every
request is tokenized and made a lexeme anew. Loading the pipeline tokenizes them once, outside
any zone (`warm_vocabulary`): their lexemes and tokenizations then outlive every zone.
"""
import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import numpy
import srsly
from spacy.attrs import LEMMA, NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path, load_language_data, registry

from ..lang import TABLES, load_table
from ..lang.casing import fold, split_suffix, tr_upper
from .budget import check_deadline
from .affix_search import forget_affix_searches, memoize_affix_searches
from .lexeme_attrs import speed_up as _speed_up_lexemes

# The archive marker: optional white space, "date YYYY-MM-DD", then the article.
DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})\b\s*")

# Keys of data files whose values are not words: provenance, notes, suffix lists.
_NOT_WORDS = re.compile(r"source|note|comment|description|suffix", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_CACHE_LIMIT = 50_000
_TOKENIZER_CACHE_ROOM = 10_000
_HEAD_TOKENS = 16  # the date marker is about 8 tokens ("date", "2025", "-", "01", …)  # spaCy's default tokenizer cache size
_CHECK_EVERY = 2047  # tokens between two looks at the time budget (a mask: every 2048)


def read_date_marker(text: str) -> tuple[date | None, int]:
    """Return (publication date, offset where the article starts) of an archive text."""
    m = DATE_MARKER.match(text)
    if not m:
        return None, 0
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.end()
    except ValueError:
        return None, 0


def _text_head(doc: Doc) -> str:
    """Enough of the start of `doc.text` to read the date marker from (`doc.text` joins every token)."""
    head = "".join(t.text_with_ws for t in doc[:_HEAD_TOKENS])
    if len(doc) > _HEAD_TOKENS and head.lstrip().startswith("date"):
        m = DATE_MARKER.match(head)
        if m is None or m.end() == len(head):  # the marker might go on past the head
            return doc.text
    return head


def _is_vowel(ch: str) -> bool:
    return ch in "aeıioöuüâîû"


def data_words(folders) -> tuple[set[str], set[str]]:
    """Every folded word in the JSON files under `folders` (string values and keys), and
    the subset only ever written capitalised there (proper nouns: "Benin", "Odası")."""
    words: set[str] = set()
    capitalised: set[str] = set()
    lower: set[str] = set()

    def add(text: str) -> None:
        for chunk in text.split():
            stem, _ = split_suffix(fold(chunk))
            found = [w for w in _WORD.findall(stem) if len(w) >= 2]
            words.update(found)
            (capitalised if chunk[:1].isupper() else lower).update(found)

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if _NOT_WORDS.search(str(key)):
                    continue
                add(str(key))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, str):
            add(node)

    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.json")):
            with open(path, encoding="utf-8") as fh:
                walk(json.load(fh))
    return words, capitalised - lower


class SuffixStripper:
    """Strips chains of inflectional suffixes, undoing consonant softening at the stem's end."""

    def __init__(self, suffixes, softening, max_suffixes: int, min_stem: int, dropped_vowels=()):
        self.suffixes = frozenset(suffixes)
        self.softening = dict(softening)
        self.max_suffixes = max_suffixes
        self.min_stem = min_stem
        self.dropped_vowels = list(dropped_vowels)
        self._longest = max((len(s) for s in self.suffixes), default=0)

    def stems(self, word: str) -> set[str]:
        """Every stem `word` reduces to by stripping 1..max_suffixes suffixes (with unsoftened variants)."""
        found: set[str] = set()
        frontier = {word}
        for _ in range(self.max_suffixes):
            nxt = set()
            for w in frontier:
                for k in range(1, min(self._longest, len(w) - self.min_stem) + 1):
                    if w[-k:] in self.suffixes:
                        nxt.add(w[:-k])
            if not nxt:
                break
            found |= nxt
            frontier = nxt
        for stem in list(found):
            hard = self._unsoften(stem)
            if hard:
                found.add(hard)
            # "şehrinde" → "şehr" → "şehir": a high vowel drops before a vowel-initial suffix.
            if len(stem) >= 3 and not _is_vowel(stem[-1]) and not _is_vowel(stem[-2]):
                found.update(stem[:-1] + v + stem[-1] for v in self.dropped_vowels)
        return found

    def _unsoften(self, stem: str) -> str | None:
        last = stem[-1:]
        if last not in self.softening:
            return None
        if last == "g" and not stem.endswith("ng"):
            return None
        return stem[:-1] + self.softening[last]

    def reduces_to(self, word: str, stem: str) -> bool:
        """Whether `word` is `stem` plus inflectional suffixes only."""
        return stem in self.stems(word)

    def to_dict(self) -> dict:
        return {"suffixes": sorted(self.suffixes), "softening": self.softening,
                "max_suffixes": self.max_suffixes, "min_stem": self.min_stem,
                "dropped_vowels": self.dropped_vowels}


class Lemmatizer:
    """A form → lemma table reduced to our data's words, with a suffix-stripping fallback."""

    def __init__(self, words=(), lemmas=None, stripper: SuffixStripper | None = None):
        self.words = frozenset(words)
        self.lemmas = dict(lemmas or {})
        self.stripper = stripper
        self._cache: dict[str, str] = {}

    @classmethod
    def build(cls, table: dict[str, str], words: set[str], stripper: SuffixStripper,
              lexicalized=(), proper=()) -> "Lemmatizer":
        """Reduce the full lookup `table` to what maps a form onto one of `words`.

        A data word's lemma is its table lemma when it is a plain inflection of it,
        else the word itself; `lexicalized` and `proper` words always keep their form
        (the table reads "Benin" as "ben" + genitive). A table form gets the longest
        such lemma of its family (the data words with the same table lemma) that it is
        an inflection of: verb forms and derived words stay out. Entries the fallback
        reproduces are left out; forms the table gives another lemma but the fallback
        would mis-read are kept as themselves ("bira" is not "bir" + dative).
        """
        lexicalized = set(lexicalized) | set(proper)
        canon = {}
        for w in words:
            lemma = table.get(w, w)
            canon[w] = lemma if (lemma != w and w not in lexicalized and len(lemma) >= stripper.min_stem
                                 and stripper.reduces_to(w, lemma)) else w
        family: dict[str, set[str]] = {}
        for w in words:
            family.setdefault(table.get(w, w), set()).add(canon[w])
        probe = cls(words, {w: c for w, c in canon.items() if c != w}, stripper)
        kept = {w: c for w, c in canon.items() if c != w}
        for form, lemma in table.items():
            if form in words or "'" in form:
                continue
            targets = family.get(lemma)
            best = None
            if targets:
                stems = stripper.stems(form)
                found = sorted(t for t in targets if t in stems)
                if found:
                    best = max(found, key=len)
            fallback = probe._fallback(form)
            if best is not None and fallback != best:
                kept[form] = best
            elif best is None and fallback is not None:
                kept[form] = form
        return cls(words, kept, stripper)

    def __call__(self, word: str) -> str:
        lemma = self.lemmas.get(word)
        if lemma is not None:
            return lemma
        if word in self.words or self.stripper is None:
            return word
        lemma = self._cache.get(word)
        if lemma is None:
            lemma = self._fallback(word) or word
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = lemma
        return lemma

    def _fallback(self, word: str) -> str | None:
        found = [stem for stem in self.stripper.stems(word) if stem in self.words]
        if not found:
            return None
        # The longest stem; between "fındığ" and "fındık" the dictionary (hard) form.
        soft = self.stripper.softening
        best = min(found, key=lambda stem: (-len(stem), stem[-1] in soft, stem))
        return self.lemmas.get(best, best)

    def to_dict(self) -> dict:
        return {"words": sorted(self.words), "lemmas": dict(sorted(self.lemmas.items())),
                "stripper": self.stripper.to_dict() if self.stripper else None}

    @classmethod
    def from_dict(cls, data: dict) -> "Lemmatizer":
        stripper = SuffixStripper(**data["stripper"]) if data.get("stripper") else None
        return cls(data["words"], data["lemmas"], stripper)


def add_split_chars(nlp: Language, chars) -> None:
    """Make each of `chars` a prefix, suffix and infix of the tokenizer (idempotent)."""
    tokenizer = nlp.tokenizer
    for ch in chars:
        esc = re.escape(ch)
        if [t.text for t in tokenizer(f"{ch}a{ch}b{ch}")] == [ch, "a", ch, "b", ch]:
            continue
        prefix = tokenizer.prefix_search.__self__.pattern if tokenizer.prefix_search else None
        suffix = tokenizer.suffix_search.__self__.pattern if tokenizer.suffix_search else None
        infix = tokenizer.infix_finditer.__self__.pattern if tokenizer.infix_finditer else None
        tokenizer.prefix_search = re.compile(f"^{esc}" + (f"|{prefix}" if prefix else "")).search
        tokenizer.suffix_search = re.compile(f"{esc}$" + (f"|{suffix}" if suffix else "")).search
        tokenizer.infix_finditer = re.compile(esc + (f"|{infix}" if infix else "")).finditer


def add_infixes(nlp: Language, patterns) -> None:
    """Add regex `patterns` to the tokenizer's infixes (idempotent; saved with the tokenizer)."""
    tokenizer = nlp.tokenizer
    infix = tokenizer.infix_finditer.__self__.pattern if tokenizer.infix_finditer else ""
    new = [p for p in patterns if p not in infix]
    if new:
        tokenizer.infix_finditer = re.compile("|".join(new + ([infix] if infix else []))).finditer


def read_common_forms(path: Path) -> list[str]:
    """The forms of a `common_forms.txt` (one a line, most frequent first; `#` lines are comments)."""
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh if line.strip() and not line.startswith("#")]


def vocabulary_chunks(forms, punctuated: int, punctuation, apostrophes) -> list[str]:
    """The text chunks (what the tokenizer caches: the text between two spaces) to keep for
    `forms`: each form lower-case and capitalised, with each other apostrophe, and the first
    `punctuated` of them also with each of `punctuation` attached ("dolar." ends sentences)."""
    chunks: dict[str, None] = {}
    for k, form in enumerate(forms):
        for f in dict.fromkeys((form, tr_upper(form[:1]) + form[1:])):
            variants = [f] + [f.replace("'", a) for a in apostrophes if "'" in f]
            for v in variants:
                chunks[v] = None
                if k < punctuated:
                    chunks.update((v + p, None) for p in punctuation)
    return list(chunks)


def standard_chunks() -> list[str]:
    """Chunks that articles share whatever their words, which no word list has: each
    punctuation and symbol character of the Latin and general punctuation blocks alone,
    runs of line breaks, and the numbers trade news writes most: 0 to 2100 (counts,
    years), with one decimal up to 99,9 and two up to 9,99 ("yüzde 12,5", "1,25 milyar"),
    and percentages "%0" to "%100" and "%0,1" to "%99,9". About a quarter of the tokens that
    were new in each memory zone were these."""
    symbols = [chr(c) for c in [*range(0x21, 0x7F), *range(0xA1, 0x100), *range(0x2010, 0x2070), *range(0x20A0, 0x20C1)]
               if unicodedata.category(chr(c))[0] in "PS"]
    numbers = [str(i) for i in range(2101)]
    decimals = [f"{i},{j}" for i in range(100) for j in range(10)] + [f"{i},{j:02d}" for i in range(10) for j in range(100)]
    percents = [f"%{i}" for i in range(101)] + [f"%{i},{j}" for i in range(100) for j in range(10)]
    breaks = ["\n" * k for k in range(1, 5)]
    return symbols + numbers + decimals + percents + breaks


def warm_vocabulary(nlp: Language, chunks) -> int:
    """Tokenize each of `chunks` outside any memory zone, so their lexemes and cached
    tokenizations are permanent; returns how many it read (0 inside a zone, where they would die)."""
    if nlp.vocab.in_memory_zone:
        return 0
    tokenizer = nlp.tokenizer
    # The tokenizer caches at most `max_cache_size` chunks; keep room for those it meets later.
    tokenizer.max_cache_size = max(tokenizer.max_cache_size, len(chunks) + _TOKENIZER_CACHE_ROOM)
    for chunk in chunks:
        # One call each: a call that meets a special case caches nothing after it.
        tokenizer(chunk)
    return len(chunks)


class NormalizeError(ValueError):
    """E10x errors: data the normalize component needs and cannot find."""


class Normalizer:
    """Sets `token._.fold`, `token._.stem`, `token.norm_` and `token.lemma_`; reads the date marker."""

    def __init__(self, nlp: Language, name: str, split_chars: list[str], infixes: list[str] = ()):
        self.nlp = nlp  # its vocabulary and tokenizer get the common forms at load
        _speed_up_lexemes(nlp.vocab)
        self.name = name
        self.split_chars = list(split_chars)
        self.infixes = list(infixes)
        self.lemmatizer = Lemmatizer()
        self.source = None
        self._cache: dict[int, tuple[str, str, str, int, int]] = {}  # ORTH → fold, stem, lemma, their ids
        self.vocabulary: dict = {}  # the common forms and how to spell their chunks (see `vocabulary_chunks`)

    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   gazetteers: str = "", patterns: str = "", lookups_lang: str = "tr",
                   lookups_table: str = "lemma_lookup", suffixes: str = "lemma_suffixes",
                   common_forms: str = "common_forms.txt", punctuated_forms: int = 10_000,
                   punctuation: str = ",.", apostrophes: str = "’") -> None:
        """Reduce spaCy's lemma table to the words of the JSON files in the `gazetteers` and
        `patterns` folders and service/lang/tr, make `split_chars` split tokens, and take the
        vocabulary's `common_forms` (a file of service/lang/tr; see `vocabulary_chunks`)."""
        if nlp is not None:
            add_split_chars(nlp, self.split_chars)
            add_infixes(nlp, self.infixes)
        tables = registry.lookups.get(lookups_lang) if lookups_lang in registry.lookups else {}
        if lookups_table not in tables:
            raise NormalizeError(
                f"E101 no `{lookups_table}` table for language '{lookups_lang}': "
                "install spacy-lookups-data (`pip install spacy-lookups-data`)")
        table = load_language_data(tables[lookups_table])
        rules = load_table(suffixes)
        stripper = SuffixStripper(rules["suffixes"], rules["softening"], rules["max_suffixes"],
                                  rules["min_stem"], rules.get("dropped_vowels", ()))
        words, proper = data_words([d for d in (gazetteers, patterns) if d] + [TABLES])
        self.lemmatizer = Lemmatizer.build(table, words, stripper, rules.get("lexicalized", ()), proper)
        self._cache.clear()
        self.source = f"spacy-lookups-data {lookups_lang}_{lookups_table} ({len(table)} forms), reduced to our data's words"
        path = TABLES / common_forms
        with open(path, encoding="utf-8") as fh:
            sources = [line[1:].strip() for line in fh if line.startswith("#")]
        self.vocabulary = {"source": " ".join(sources), "forms": read_common_forms(path),
                           "punctuated": punctuated_forms, "punctuation": list(punctuation),
                           "apostrophes": list(apostrophes)}
        if nlp is not None:
            # Their strings then save with the vocabulary, as a pipeline loaded and saved again has them.
            self._warm()

    def __call__(self, doc: Doc) -> Doc:
        marker_date, body_start = read_date_marker(_text_head(doc))
        if doc._.pub_date is None and marker_date is not None:
            doc._.pub_date = marker_date
        doc._.body_start = body_start
        # Per distinct word form, not per token, and written in one `from_array`: setting
        # `norm_`/`lemma_` token by token cost more than working the forms out.
        cache = self._cache
        strings = doc.vocab.strings
        orths = doc.to_array(ORTH).tolist()
        ids = []
        row: dict[int, int] = {}  # a form's row in `ids`
        for k, orth in enumerate(dict.fromkeys(orths)):
            if not k & _CHECK_EVERY:
                check_deadline(doc)
            forms = cache.get(orth)  # keyed by the form's hash: the form itself may not outlive a zone
            if forms is None:
                f = fold(strings[orth])
                stem, _ = split_suffix(f)
                lemma = self.lemmatizer(stem)
                forms = (f, stem, lemma, strings.add(stem), strings.add(lemma))
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                cache[orth] = forms
            # Added again when missing: a string made inside a memory zone dies with it. (Asking
            # by the id is cheaper than `add`, which hashes the string each time.)
            _, stem, lemma, stem_id, lemma_id = forms
            if stem_id not in strings:
                strings.add(stem)
            if lemma_id not in strings:
                strings.add(lemma)
            row[orth] = len(ids)
            ids.append((stem_id, lemma_id))
        if orths:
            # One row per distinct form, then one per token by indexing: cheaper than making
            # uint64s of a pair of hashes per token.
            table = numpy.array(ids, dtype=numpy.uint64)
            doc.from_array([NORM, LEMMA], table[[row[o] for o in orths]])
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "lemmas.json", {"source": self.source, **self.lemmatizer.to_dict()}, indent=0)
        srsly.write_json(path / "vocabulary.json", self.vocabulary, indent=0)

    def from_disk(self, path, *, exclude=tuple()) -> "Normalizer":
        path = ensure_path(path)
        vocabulary = srsly.read_json(path / "vocabulary.json") if (path / "vocabulary.json").exists() else {}
        return self._load(srsly.read_json(path / "lemmas.json"), vocabulary)

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.json_dumps({"source": self.source, **self.lemmatizer.to_dict(),
                                 "vocabulary": self.vocabulary}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "Normalizer":
        data = srsly.json_loads(data)
        return self._load(data, data.pop("vocabulary", {}))

    def _load(self, data: dict, vocabulary: dict) -> "Normalizer":
        self.source = data.get("source")
        self.lemmatizer = Lemmatizer.from_dict(data)
        self._cache.clear()
        self.vocabulary = vocabulary
        # Again: loading the vocabulary (before the components) may have rewrapped the NORM getter.
        _speed_up_lexemes(self.nlp.vocab)
        # spacy.load reads the tokenizer before the components, so the cache filled here stays.
        self._warm()
        return self

    def _warm(self) -> None:
        # Before the warming: wrapping a search empties the tokenizer's cache.
        memoize_affix_searches(self.nlp.tokenizer)
        v = self.vocabulary
        if v:
            chunks = vocabulary_chunks(v["forms"], v["punctuated"], v["punctuation"], v["apostrophes"])
            warm_vocabulary(self.nlp, list(dict.fromkeys(chunks + standard_chunks())))
            forget_affix_searches(self.nlp.tokenizer)


@Language.factory(
    "export_facts_normalize",
    assigns=["token.norm", "token.lemma", "token._.fold", "token._.stem", "doc._.pub_date", "doc._.body_start"],
    default_config={"split_chars": ["|"], "infixes": []},
)
def make_normalizer(nlp: Language, name: str, split_chars: list[str], infixes: list[str]):
    return Normalizer(nlp, name, split_chars, infixes)
