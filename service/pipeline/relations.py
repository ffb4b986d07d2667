"""The relation step: link every measure to the cell of the trade cube it states.

A fact is a cell (flow, province, country, sector, product, period) with measures
(value, change, share, rank). The text states a cell partly in the measure's own
clause ("Almanya'ya 1,2 milyar dolar") and partly in the article's context (the
province the article is about, the period named two sentences before). So, per
sentence:

1. split into clauses (commas, semicolons, "-ken" converbs);
2. drop measures that are not facts (bounds, targets, investments, unit prices …);
3. find each measure's *local* cell entities: in its clause, looking forward first
   when the amount is instrumental ("1,2 milyar dolarla Almanya") and backward
   otherwise ("Almanya'ya 1,2 milyar dolarlık");
4. fill the rest from the context (province, period, flow, topic sector/country),
   then update the context from what the sentence said;
5. merge facts per cell, keeping the most precise value (FACTS.md rule 1).

Every word it looks for is a cue in models/patterns/cues.json.
"""
import json
import re
from bisect import bisect_left
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from spacy.attrs import ENT_IOB, IS_ALPHA, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from ..lang.casing import split_suffix
from ..lang.numbers import parse_number
from ..lang.periods import format_period, parse_period, resolve_relative
from ..lang.casing import fold
from .budget import check_deadline
from .cues import CueSet
from .provenance import Tracer, as_json
from .subject import find_subject

PLACE_LABELS = ("PROVINCE", "COUNTRY", "SECTOR", "PRODUCT", "REGION")
# What a fact can be about; a region only bounds a ranking ("bölgenin lideri").
CELL_LABELS = ("PROVINCE", "COUNTRY", "SECTOR", "PRODUCT")
# Tokens after a lone ablative amount within which a percent makes it the level a change starts from.
FROM_PERCENT_WINDOW = 4
# Tokens after a sector or product within which a participle before the province word makes it
# what the province is known for ("Seramik üretiminde öne çıkan kentte").
DESCRIBED_WINDOW = 4
# A region inside Türkiye is no cell of the model (FACTS.md): a figure it is the subject of is no fact.
NO_CELL_LABELS = ("REGION",)
MEASURE_LABELS = ("MONEY", "PERCENT")
NATIONAL_CODE = "TR"
SENT_END = {".", "!", "?", "…"}
QUOTES = frozenset({'"', "“", "”", "«", "»", "'", "‘", "’"})
SPAN_CHANGE = object()   # a change over several periods, of no single cell
IOB_INSIDE = 1   # spaCy's ENT_IOB code for a token inside (not beginning) an entity
CLAUSE_PUNCT = {",", ";", ":", "(", ")", "•", "–", "—"}
GROWTH_WINDOW = 3
MEASURE_FIELDS = ("value", "change_pct", "change_abs", "share_pct", "rank", "quantity")
# Period kinds that name a baseline for comparison, not the period the story moves on to.
BASELINE_KINDS = ("prev_year", "same_prev_year")


_fold = lru_cache(maxsize=65536)(fold)


def _decimals(x) -> int:
    s = repr(float(x))
    return len(s.split(".")[1].rstrip("0")) if "." in s else 0


def _significant(x) -> int:
    """Significant digits of a value: 22928716000 is more precise than 22900000000."""
    s = str(int(round(abs(x)))).rstrip("0") if abs(x) >= 1 else repr(float(x))
    return len(s)


@dataclass
class Measure:
    ent: object            # the spaCy Span
    label: str
    start: int             # token index
    end: int
    clause: int
    role: str = "value"    # value | from | change | share
    excluded: bool = False
    delta: int = 0         # +1/-1 when the amount is a change ("X dolar artarak"), not a level
    monthly: bool = False  # a change on the month before ("bir önceki aya göre yüzde 11")


class Clauses(list):
    """Clause ids of a sentence's tokens; `ranges` maps each id to its (start, end) tokens,
    found once instead of at every lookup."""

    def __init__(self):
        super().__init__()
        self.ranges: dict[int, tuple[int, int]] = {}
        self.signs: list[tuple[int, int]] | None = None


@dataclass
class Cell:
    flow: str | None = None
    province: str | None = None
    country: str | None = None
    sector: str | None = None
    product: str | None = None
    period: str | None = None

    def key(self):
        return (self.flow, self.province, self.country, self.sector, self.product, self.period)


@dataclass
class Context:
    """What the article has established so far (FACTS.md rule 2)."""
    province: str | None = None
    period: str | None = None
    flow: str | None = None
    flow_age: int = 99
    sector: str | None = None
    country: str | None = None
    bilateral: str | None = None
    topic_sector: str | None = None
    topic_country: str | None = None
    topic_product: str | None = None
    topic_product_sector: str | None = None
    table: dict | None = None
    pub: object = None
    foreign: bool = False
    text: str = ""
    leader: "Cell | None" = None
    sentence_leader: "Cell | None" = None
    # Ends of the sentence's figures that belong to no cell (a group's, a company's, a region's).
    sentence_orphans: list = field(default_factory=list)
    # Whether the last sentence ranked by growth ("en fazla artıran …"): a list may go on from it.
    growth_list: bool = False
    partner_sector: str | None = None
    from_dates: set = field(default_factory=set)
    frame_moved: bool = False
    prior_period: str | None = None
    doc_period: str | None = None
    sector_story: bool = False
    story_period: str | None = None    # the period of the story's first figure
    story_flow: str | None = None      # the flow of the story's first figure
    previous_partner: str | None = None  # the one partner the sentence before named
    org_provinces: list = field(default_factory=list)  # (token, province) inside organisation names
    tracer: "Tracer | None" = None
    year_frame: str | None = None      # the whole year the story runs through, set between sentences
    national_scope: bool = False       # the story has turned to the whole country's trade
    company_scope: bool = False        # the story speaks of one company ("Şirketin net satışları …")
    leader_fresh: bool = False         # the sentence before stated figures (its leader is the last one)
    intro: tuple | None = None         # (start, end, places) of the last sentence that was no table row
    subject_province: str | None = None  # the article's own province (doc._.subject)
    last_drafts: list = field(default_factory=list)  # the facts of the last sentence that stated figures
    token_info: tuple = ()             # (ENT_IOB, IS_ALPHA) per token, read once from the doc
    mirrored_from: int | None = None   # in this sentence, the end of Türkiye named in mirrored partner data
    section_sentence: bool = False     # this sentence opens a section ("İller arasında …")
    orgs: tuple = ((), ())             # the doc's organisations: ((start, end) bounds, their starts)
    last_province: str | None = None   # the province named last, in any case ("kent" refers to it)
    joint_sector: bool = False         # the sentence before spoke of two sectors together ("demir-çelik")


@dataclass
class FactDraft:
    cell: Cell
    value: float | None = None
    currency: str | None = None
    change_pct: float | None = None
    change_abs: float | None = None
    share_pct: float | None = None
    rank: int | None = None
    quantity: float | None = None
    unit: str | None = None
    evidence: list = field(default_factory=list)
    strong_change: bool = False
    monthly_change: bool = False   # change_pct is on the month before: a yearly one replaces it
    sources: dict = field(default_factory=dict)   # field -> (start, end, how): see provenance.py


class RelationExtractor:
    """Component `export_facts_relations`: sets `doc._.facts`."""

    def __init__(self, nlp: Language, name: str, max_context_sentences: int = 6,
                 max_measures_per_sentence: int = 40):
        self.name = name
        self.max_context_sentences = max_context_sentences
        self.max_measures_per_sentence = max_measures_per_sentence
        # A section opener stands among a sentence's first words ("Sektörde ülkelere göre bakıldığında").
        self.section_opener_window = 6
        # A list item's position stands within a few words after its name ("otomotiv ikinci sırada").
        self.rank_item_window = 5
        self.cues: dict = {}
        self.scores: dict = {}
        self._sets: dict[str, CueSet] = {}
        self._positions_memo: tuple = (None, {})   # (words, {cue set name: positions}): see `_positions_of`
        self._flow_memo: tuple = (None, [])        # (words, [(flow, positions)]): see `_flow_hits`

    # -- data ---------------------------------------------------------------
    def initialize(self, get_examples=None, *, nlp=None, patterns_dir: str | None = None):
        """Load the cue table from `patterns_dir` (the config's ${paths.patterns})."""
        if patterns_dir is None:
            raise ValueError("E010 relations needs `patterns_dir` in [initialize.components.relations]")
        self._load(Path(patterns_dir))

    def _load(self, folder: Path):
        with open(folder / "cues.json", encoding="utf-8") as fh:
            cues = json.load(fh)
        with open(folder / "scores.json", encoding="utf-8") as fh:
            self.scores = json.load(fh)
        self._set_cues(cues)

    def _set_cues(self, cues: dict):
        self.cues = cues
        s = {}
        for name, value in cues.items():
            if isinstance(value, list):
                s[name] = CueSet(value)
        for flow, words in cues["flow"].items():
            s["flow:" + flow] = CueSet(words)
        s["flow:any"] = CueSet([w for words in cues["flow"].values() for w in words])
        s["table_change"] = CueSet(cues["table_change"])
        for sign, words in cues["balance_sign"].items():
            s["balance:" + sign] = CueSet(words)
        self._sets = s
        self._positions_memo = (None, {})
        self._flow_memo = (None, [])
        self._exceptions = {name[:-4]: s[name] for name in s if name.endswith("_not") and name[:-4] in s}
        self._ordinals = cues["ordinals"]
        # Any future suffix inside a word, as one pattern (none: a pattern that never matches).
        self._future_inside = re.compile("|".join(map(re.escape, cues["future_suffix"])) or "(?!)")
        self._ordinal_words = tuple(self._ordinals) + tuple(cues["ordinal_first"])
        self._genitive = tuple(cues["genitive_suffix"])
        self._locative = tuple(cues["locative_suffix"])
        self._subject_participle = tuple(cues["subject_participle_suffix"])
        self._instrumental = tuple(cues["instrumental_suffix"])
        self._locative_forms = tuple(cues["locative_suffix"]) + tuple(cues["locative_adjective_suffix"])
        self._coordinators = frozenset(cues["coordinators"])
        self._province_anaphora = frozenset(cues["anaphora_province"])
        self._generic_sector_words = frozenset(cues["sector_generic_before"])
        self._national_subject = frozenset(cues["national_subject"])
        self._orgs_key = "organisations"
        self._count_words = frozenset(cues["count_words"])
        self._company_words = frozenset(cues["company_anaphor"])
        self._province_words = frozenset(cues["anaphora_province"])

    def to_disk(self, path, *, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, data in (("cues.json", self.cues), ("scores.json", self.scores)):
            with open(path / name, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=1)

    def from_disk(self, path, *, exclude=tuple()):
        self._load(ensure_path(path))
        return self

    # -- helpers ------------------------------------------------------------
    # A cue set `<name>_not` lists exceptions: where one of its cues matches at the position a
    # cue of `<name>` matches, that match does not count. Cues are word prefixes, so a cue meant
    # for one form also takes its longer forms ("genel ihracat" takes "genelindeki ihracat").
    def _has(self, name, words, start, end) -> bool:
        positions = self._positions_of(name, words)
        if start < 0:
            start = 0
        k = bisect_left(positions, start)
        return k < len(positions) and positions[k] < end and positions[k] < len(words)

    def _find(self, name, words, start, end) -> list[int]:
        positions = self._positions_of(name, words)
        if start < 0:
            start = 0
        if end > len(words):
            end = len(words)
        if start >= end:
            return []
        lo = bisect_left(positions, start)
        return positions[lo:bisect_left(positions, end, lo)]

    def _positions_of(self, name, words) -> list[int]:
        """Where a cue of `name` starts in `words` and no exception of `<name>_not` does, sorted.

        Worked out once per words list and name: `_find` and `_has` ask about ranges of the same
        document tens of thousands of times per corpus, and filtering the exceptions of a range
        is filtering the whole list's, then slicing. The list is identity-checked and held here,
        so no later list can take its id."""
        memo = self._positions_memo
        if memo[0] is not words:
            memo = self._positions_memo = (words, {})
        positions = memo[1].get(name)
        if positions is None:
            positions = self._sets[name].find(words, 0, len(words))
            not_set = self._exceptions.get(name)
            if not_set is not None and positions:
                positions = [i for i in positions if not not_set.match_at(words, i)]
            memo[1][name] = positions
        return positions

    @staticmethod
    def _ending(fold: str) -> str:
        """The suffix after the apostrophe, or the whole word when it has none (common nouns)."""
        stem, suf = split_suffix(fold)
        return suf if suf else fold

    # -- main ---------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if not self.cues:
            raise ValueError("E011 relations has no cues: build the pipeline with `python -m service build`")
        body_start = doc._.body_start  # once, not once per entity
        ents = [e for e in doc.ents if e.start_char >= body_start]
        # Token attributes read once as arrays: a Token object per lookup is most of the step's cost.
        # (One list per attribute: `tolist` of the 2-D array made a list per token, at 3x the cost.)
        strings = doc.vocab.strings
        orths, iobs, alphas, spaces = doc.to_array([ORTH, ENT_IOB, IS_ALPHA, SPACY]).T.tolist()
        texts = [strings[orth] for orth in orths]
        # `doc.text` joins each token's `text_with_ws`, a Token object each: the same string from
        # the texts and their trailing spaces (one " " or none), and "|" in it is "|" in a token.
        if not any(e.label_ in MEASURE_LABELS for e in ents) and not any("|" in t for t in texts):
            doc._.facts = []
            return doc
        text = "".join([t + " " if sp else t for t, sp in zip(texts, spaces)])
        words = [_fold(t) for t in texts]
        token_info = (iobs, alphas)
        # Organisations' token bounds, once: a SpanGroup builds its Span objects on every access.
        orgs = [(o.start, o.end) for o in doc.spans[self._orgs_key]] if self._orgs_key in doc.spans else []
        org_starts = [a for a, _ in orgs]
        org_tokens = {i for a, b in orgs for i in range(a, b)}
        ents = [e for e in ents if not self._not_a_cell(doc, words, e, org_tokens)]
        sentences = self._sentences(doc, texts)
        ctx = Context(pub=doc._.pub_date, text=text, token_info=token_info, orgs=(orgs, org_starts))
        # Provinces inside organisation names ("Kocaeli Sanayi Odası"): no cell, but named, so
        # the speaker's "kentimiz" can refer to one.
        ctx.org_provinces = [(p.start, p._.norm) for p in doc.spans["org_places"] if p.label_ == "PROVINCE"] \
            if "org_places" in doc.spans else []
        self._set_topics(doc, words, ents, sentences, ctx)
        ctx.tracer = Tracer(doc, ents, doc._.subject, lambda: self._flow_positions(words))
        drafts: list[FactDraft] = []
        starts = [x.start for x in ents]
        for s, e in sentences:
            check_deadline(doc)
            # Entities are in order: each sentence's are a slice, found by bisection, not a scan.
            lo, hi = bisect_left(starts, s), bisect_left(starts, e)
            sent_ents = [x for x in ents[lo:hi] if x.end <= e]
            self._sentence(doc, words, s, e, sent_ents, ctx, drafts)
        doc._.facts = self._merge(drafts)
        return doc

    def _not_a_cell(self, doc, words, ent, org_tokens=frozenset()) -> bool:
        """A place that only locates the writer ("ANKARA (AA) -", "HABER/KAYSERİ") or
        qualifies something else ("Kahramanmaraş merkezli depremler") is no cell, nor the agency
        in brackets after a dateline ("ŞANLIURFA (İHA) -": İHA is the news agency there)."""
        if 1 < ent.start and ent.end < len(doc) and doc[ent.start - 1].text == "(" and doc[ent.end].text == ")" \
                and doc[ent.start - 2].text.isupper() and doc[ent.start - 2].is_alpha:
            return True
        if ent.label_ == "SECTOR" and ent.start > 0 and ent.text[:1].isupper() and not ent.text.isupper():
            prev = doc[ent.start - 1]
            # "Baran Çelik", "Hatip Çelik": a surname, not the steel sector.
            if prev.is_alpha and prev.text[:1].isupper() and not prev.is_sent_start and prev.ent_type_ == "" \
                    and not (ent.start > 1 and doc[ent.start - 2].text in SENT_END) \
                    and prev.i not in org_tokens:  # "<bölge> Hububat … Birliği": an organisation's word
                return True
        if ent.label_ == "SECTOR":
            # "tarım ve sanayi kentlerinden biri": a sector used to describe a place, in its bare
            # form; an inflected one owns what follows ("Otomotivin kent ihracatındaki payı").
            last = doc[ent.end - 1]
            if last.lemma_ and words[ent.end - 1] != last.lemma_:
                return False
            if ent.end < len(doc) and doc[ent.end].text == ",":
                return False  # "Fındık, kent ihracatının …": the topic set off, no modifier
            i = ent.end
            while i < len(doc) and (doc[i].ent_type_ == "SECTOR" or words[i] in self._coordinators):
                i += 1
            if i + 1 < len(doc) and i > ent.end and words[i - 1] in self._coordinators \
                    and doc[i].is_alpha and not doc[i].ent_type_:
                i += 1   # "tarım ve sanayi kentlerinden": a modifier coordinated with it, no entity itself
            return i < len(doc) and self._sets["place_nouns"].match_at(words, i) > 0
        # "mermer başta olmak üzere X dolar", "bisküvi, çikolata ve un başta olmak üzere": the
        # leading parts of the whole, no cell.
        i = ent.end
        while i < len(doc) and (doc[i].ent_type_ in PLACE_LABELS or words[i] in self._coordinators):
            i += 1
        if ent.label_ in PLACE_LABELS and i < len(doc) and self._sets["foremost_after"].match_at(words, i):
            return True
        if ent.label_ not in ("PROVINCE", "COUNTRY"):
            return False
        # "Kayseri ve Denizli gibi sanayi kentleri": places given as examples are no cell.
        i = ent.end
        while i < len(doc) and (doc[i].ent_type_ in ("PROVINCE", "COUNTRY") or words[i] in self._coordinators):
            i += 1
        if i < len(doc) and self._sets["example_after"].match_at(words, i):
            return True
        if ent.label_ == "COUNTRY" and ent.start > 2 and words[ent.start - 1] in self._coordinators \
                and doc[ent.start - 2].is_alpha and not doc[ent.start - 2].ent_type_ \
                and doc[ent.start - 3].text[:1].isdigit() and doc[ent.start - 3].ent_type_ not in MEASURE_LABELS:
            # "140 ülke, serbest bölge ve gümrük antreposuna satış yapan il": a kind of destination
            # in a count, no partner.
            return True
        # "serbest bölge satışlarımız ile birlikte 1,7 milyar dolar": a part included in the total.
        if self._has("inclusion_after", words, ent.end, min(ent.end + 3, len(doc))):
            return True
        if ent.end < len(doc) and split_suffix(words[ent.end - 1])[1].endswith(self._locative) \
                and self._sets["venue_after"].match_at(words, ent.end):
            return True   # "Ankara'da düzenlenen basın toplantısında": where an event took place
        nxt = doc[ent.end].text if ent.end < len(doc) else "\n"
        prev = doc[ent.start - 1].text if ent.start > 0 else "\n"
        if ent.text.isupper() and (nxt in self.cues["dateline_next"] or prev == "/" or "\n" in nxt):
            return True
        return ent.end < len(doc) and self._sets["place_modifier_after"].match_at(words, ent.end) > 0

    def _sentences(self, doc: Doc, texts: list[str]) -> list[tuple[int, int]]:
        out, start = [], 0
        n = len(texts)
        for i, text in enumerate(texts):
            # A token's trailing whitespace is one space at most: line breaks are space tokens.
            if "\n" in text and text.isspace() and text.count("\n") == 1 and 0 < i < n - 1 \
                    and (texts[i - 1] == "," or texts[i + 1][:1].islower()
                         or (texts[i - 1] == ":" and not self._table_line(texts, i + 1))):
                # A text wrapped at a fixed width breaks lines inside sentences: a line that ends
                # with a comma, or one followed by a lower-case word, goes on. A line that ends
                # with a colon announces what the next one lists ("… rakamları şöyle:"), unless
                # that is a table, whose rows are sentences of their own.
                continue
            if text in SENT_END or ("\n" in text and text.isspace()):
                if i + 1 > start:
                    out.append((start, i + 1))
                start = i + 1
        if start < len(doc):
            out.append((start, len(doc)))
        return out

    @staticmethod
    def _table_line(texts: list[str], i: int) -> bool:
        """Whether the line from token `i` holds a table's column separator."""
        for text in texts[i:]:
            if text == "|":
                return True
            if "\n" in text:
                return False
        return False

    def _clauses(self, doc: Doc, words, s: int, e: int, token_info) -> "Clauses":
        """Clause id for each token of the sentence (index i - s), with each clause's token range."""
        ids, cid = Clauses(), 0
        end_suffix = tuple(x[0] for x in self._sets["clause_end_suffix"].cues)
        iob, alpha = token_info
        start = s
        bracketed = set()   # the brackets around an amount alone: "… yer aldı (64 milyon dolar)"
        for i in range(s, e):
            if words[i] == "(" and i + 1 < e and doc[i + 1].ent_type_ == "MONEY":
                j = i + 1
                while j < e and doc[j].ent_type_ == "MONEY" and not (j > i + 1 and doc[j].ent_iob_ == "B"):
                    j += 1
                if j < e and words[j] == ")":
                    bracketed.update((i, j))
        for i in range(s, e):
            ids.append(cid)
            w = words[i]
            if i in bracketed:
                continue   # the amount is the clause's own figure, written after it
            if w in CLAUSE_PUNCT and iob[i] != IOB_INSIDE:
                # A comma inside a name ("mobilya, kağıt ve orman ürünleri") ends no clause, nor
                # one after a bare name opening the sentence ("Kayseri, ihracatta 15'inci sırada
                # yer aldı") or a source's attribution ("… verilerine göre kent, …"): the name is
                # the subject of the clause after it.
                opening = self._after_attribution(words, start, i) if w == "," and i > s else start
                if opening < i - 1 and words[opening] in QUOTES:
                    opening += 1   # '"Kahramanmaraş, ocakta …': a quote opening on the name
                if not (w == "," and i > s and (cid == 0 or opening > start)
                        and self._topic_name(doc, words, opening, i)):
                    cid += 1
                    start = i + 1
            elif alpha[i] and len(w) > 5 and w.endswith(end_suffix):
                cid += 1
                start = i + 1
        for k, c in enumerate(ids):
            lo, _ = ids.ranges.get(c, (s + k, s + k + 1))
            ids.ranges[c] = (lo, s + k + 1)
        return ids

    @staticmethod
    def _inside(period: str, frame: str) -> bool:
        """Whether `period` lies within `frame` (both period strings)."""
        y1, m1, y2, m2 = parse_period(period)
        f1, n1, f2, n2 = parse_period(frame)
        return (f1, n1) <= (y1, m1) and (y2, m2) <= (f2, n2)

    def _aside_period(self, words, d, e, period, ctx) -> bool:
        """Whether date `d` (resolved to `period`) is followed by the contrast particle and lies
        inside the running frame."""
        if not ctx.period or d.end >= e or words[d.end] not in self.cues["contrast"] or period == ctx.period:
            return False
        return self._inside(period, ctx.period)

    def _contrasted_flow(self, words, s, e) -> bool:
        """Whether the sentence's flow word is followed by the contrast particle ("ithalatı ise")."""
        flows = self._sets["flow:any"]
        return any(flows.match_at(words, i) and i + 1 < e and words[i + 1] in self.cues["contrast"]
                   for i in range(s, e - 1))

    def _after_attribution(self, words, s, i) -> int:
        """The first token after a source's attribution ending before token i ("TİM verilerine
        göre kent, …"), or s."""
        ends = self.cues["attribution_end"]
        for j in range(i - 1, s, -1):
            if words[j - 1] in ends:
                return j
        return s

    def _topic_name(self, doc, words, s, i) -> bool:
        """Whether tokens s..i are one province or country name with no suffix, a sector's or
        product's name, or the word for the province ("Kent, …")."""
        if words[i - 1] in self.cues["anaphora_province_subject"]:
            # "Kent, …", "… yeniden canlandığı kent, … 21'inci oldu": the word for the province,
            # heading the clause before the comma, is the subject of the clause after it.
            return True
        t = doc[s]
        if t.ent_iob_ == "B" and t.ent_type_ in ("SECTOR", "PRODUCT"):
            # "Fındık, kent ihracatının yüzde 61'ini oluşturdu": a sector as the sentence's topic.
            return all(doc[j].ent_iob_ == "I" for j in range(s + 1, i))
        if t.ent_iob_ != "B" or t.ent_type_ not in ("PROVINCE", "COUNTRY") or "'" in words[i - 1]:
            return False
        return all(doc[j].ent_iob_ == "I" for j in range(s + 1, i))

    def _set_topics(self, doc, words, ents, sentences, ctx: Context):
        """The document pass: the article's subject (see `subject.py`) seeds the context."""
        subject = find_subject(doc, words, ents, sentences, self.cues, self._sets, self.scores["subject"])
        doc._.subject = subject
        ctx.province = ctx.subject_province = subject.name("PROVINCE")
        ctx.topic_sector = subject.name("SECTOR")
        ctx.topic_country = subject.name("COUNTRY")
        ctx.topic_product = subject.name("PRODUCT")
        if ctx.topic_product is not None:
            ctx.topic_product_sector = next((x._.code for x in ents if x.label_ == "PRODUCT"
                                             and x._.norm == ctx.topic_product), None)
        ctx.sector_story = (subject.sector is not None or subject.product is not None) and subject.province is None
        dates = [x for x in ents if x.label_ == "DATE"]
        self._stated_seasons(doc, dates)
        self._season_parts(doc, words, dates)
        # Figures stated before any period (a province's total, then "… yılında" two sentences
        # on) take the first period the article names, wherever it stands.
        # A period that begins after publication ("önümüzdeki yıl") is a target's, no figure's.
        pub = ctx.pub
        ctx.doc_period = next((e._.period for e in ents if e.label_ == "DATE" and e._.period
                               and e._.code in ("explicit", "relative", "inferred")
                               and (pub is None or parse_period(e._.period)[:2] <= (pub.year, pub.month))), None)

    @staticmethod
    def _stated_seasons(doc, dates) -> None:
        """"1 Kasım 2023-31 Ekim 2024 dönemini kapsayan 2023/24 sezonunda": a season whose first
        and last months the text states runs over those months, here and wherever the article
        names a season of the same months by default (the trade's own season may differ from the
        one the period table knows for the product)."""
        for k in range(1, len(dates)):
            season, b = dates[k], dates[k - 1]
            sp, pb = season._.period, b._.period
            if not (sp and "/" in sp and pb) or not 0 <= season.start - b.end <= 3:
                continue
            if len(pb) == 15 and doc[b.start].text.isdigit() and len(doc[b.start].text) <= 2:
                # The two days read as one range ("1 Kasım 2023-31 Ekim 2024").
                pa, pb = pb[:7], pb[8:]
            elif k >= 2 and len(pb) == 7 and dates[k - 2]._.period and len(dates[k - 2]._.period) == 7 \
                    and b.start - dates[k - 2].end == 1 and doc[b.start - 1].text in ("-", "–", "—"):
                pa = dates[k - 2]._.period
            else:
                continue
            y1, m1, y2, m2 = parse_period(sp)
            if y2 != y1 + 1 or int(pa[:4]) != y1 or int(pb[:4]) != y2 or pa[5:] == f"{m1:02d}":
                continue
            first, last = int(pa[5:]), int(pb[5:])
            for d in dates:
                p = d._.period
                if p and "/" in p:
                    f1, n1, f2, n2 = parse_period(p)
                    if (n1, n2) == (m1, m2) and f2 == f1 + 1:
                        d._.period = format_period(f1, first, f2, last)
            return

    def _season_parts(self, doc, words, dates) -> None:
        """"2024/25 fındık sezonunun ilk dört ayında", "sezonun ilk dört ayında": the first months
        of a season (the one named just before, or the article's last) count from the season's
        first month, not from January (a crop's name between the years and "sezon" parts the
        two dates)."""
        season = None
        for k, b in enumerate(dates):
            bp = b._.period
            if not bp or "/" not in bp:
                continue
            f1, n1, f2, n2 = parse_period(bp)
            if f2 == f1 + 1 and (n2 % 12) + 1 == n1:
                season = (f1, n1)   # a season: twelve months across two years
                continue
            if season is None or not (n1 == 1 and f1 == f2 and b._.code == "inferred"):
                continue
            before = dates[k - 1] if k else None
            right_after = before is not None and 0 <= b.start - before.end <= 2 and before._.period \
                and parse_period(before._.period)[:2] == season
            if not (right_after or (b.start > 0 and self._sets["season_words"].match_at(words, b.start - 1))):
                continue
            y1, m1 = season
            last = m1 + (n2 - n1)
            b._.period = format_period(y1, m1, y1 + (last - 1) // 12, (last - 1) % 12 + 1)

    # -- one sentence -------------------------------------------------------
    def _sentence(self, doc, words, s, e, sent_ents, ctx: Context, drafts):
        if any(x.label_ in MEASURE_LABELS for x in sent_ents):
            ctx.flow_age += 1
        if self._table_row(doc, words, s, e, sent_ents, ctx, drafts):
            return
        # What a table after this sentence is about ("Ocak-nisan döneminde <il>'in ilk pazarları:").
        ctx.intro = (s, e, [x for x in sent_ents if x.label_ in PLACE_LABELS])
        ctx.section_sentence = self._has("section_opener", words, s, min(e, s + self.section_opener_window))
        if ctx.section_sentence:
            # "İller arasında …", "Ülkelere göre bakıldığında …": a section on another dimension
            # begins; what the last section named does not carry into it, only the article's subject.
            ctx.province, ctx.sector, ctx.country = ctx.subject_province, None, ctx.topic_country
            ctx.leader_fresh, ctx.national_scope = False, False
            if ctx.story_flow is not None:
                # … and of the story's flow: "İthalatta ilk sırada Çin …. İller bazında İstanbul
                # X dolarla ilk sırada" ranks exports again.
                ctx.flow = ctx.story_flow
            if ctx.story_period and ctx.period and ctx.period != ctx.story_period \
                    and self._inside(ctx.period, ctx.story_period):
                # … and a part of the story's period the last section zoomed in on ("Aralık ayında
                # …") is left: the new section speaks of the story's period, unless it names another.
                ctx.period = ctx.story_period
                ctx.year_frame = ctx.period if len(ctx.period) == 4 else None
        n_measures = sum(1 for x in sent_ents if x.label_ in MEASURE_LABELS)
        if n_measures > self.max_measures_per_sentence:
            # No sentence of prose states this many figures (a table's rows are lines of their
            # own): such a run is no reading matter, and reading it would cost measures × tokens.
            return
        clause_of = self._clauses(doc, words, s, e, ctx.token_info)
        measures = [Measure(x, x.label_, x.start, x.end, clause_of[x.start - s])
                    for x in sent_ents if x.label_ in MEASURE_LABELS]
        places = [x for x in sent_ents if x.label_ in PLACE_LABELS]
        dates = [x for x in sent_ents if x.label_ == "DATE"]
        quantities = [x for x in sent_ents if x.label_ == "QUANTITY"]
        sent_flow = self._flow_near(words, s, e, s, e)
        # Once a story turns to another economy's own trade ("AB'nin ihracatı"), its figures are
        # not Türkiye's until Türkiye or a province is named again.
        if any(p.label_ == "PROVINCE" or p._.code == NATIONAL_CODE for p in sent_ents if p.label_ in PLACE_LABELS):
            ctx.foreign = False
        if self._foreign_economy(doc, words, s, e, sent_ents, {}):
            ctx.foreign = True
        if ctx.foreign:
            return
        ctx.mirrored_from = None
        if sent_flow and ctx.flow in ("export", "import") and sent_flow in ("export", "import") \
                and sent_flow != ctx.flow and self._contrasted_flow(words, s, e):
            # "Kentin ithalatı ise 205 milyon dolar oldu": a flow named in contrast is an aside; the
            # sentences after it go on with the story's flow.
            ctx.flow_age = 0
        elif sent_flow:
            ctx.flow, ctx.flow_age = sent_flow, 0
            turkey = next((p for p in places if p.label_ == "COUNTRY" and p._.code == NATIONAL_CODE), None)
            if turkey is not None and sent_flow in ("export", "import") and any(
                    p.label_ == "COUNTRY" and p._.code != NATIONAL_CODE and self._mirrored(words, p, turkey)
                    for p in places):
                # "Kanada'nın Türkiye'den ithal ettiği başlıca ürünler: …": the list
                # after mirrored partner data goes on in Türkiye's direction.
                ctx.flow = {"export": "import", "import": "export"}[sent_flow]
                ctx.mirrored_from = turkey.end
        self._update_bilateral(words, s, e, places, ctx)
        if not measures:
            self._rank_only(doc, words, s, e, places, dates, clause_of, ctx, drafts)
            self._update_context(words, s, e, places, dates, [], ctx)
            return

        target_clause, target_upto = set(), {}
        participle = tuple(self.cues["participle_suffix"])
        for i in self._find("target", words, s, e):
            c = clause_of[i - s]
            if words[i].endswith(participle) and i + 1 < e and doc[i + 1].ent_type_ in PLACE_LABELS:
                # "5 milyar dolarlık ihracat hedefleyen Kayseri'nin ocak ihracatı …": the target is a
                # relative clause on the name after it; the figures after the name are facts.
                target_upto[c] = max(target_upto.get(c, i), i)
            else:
                target_clause.add(c)
        # A verb in the future ("azaltacak", "ulaşacağını") makes its clause a forecast.
        future = self._future_inside  # (one regex search from the 4th letter: any of the suffixes in w[3:])
        target_clause |= {clause_of[i - s] for i in range(s, e)
                          if len(words[i]) > 6 and future.search(words[i], 3) and ctx.token_info[1][i]}
        # A word of another domain inside a product's or sector's name ("yatırım malı") is the name.
        named = {i for x in places if x.label_ in ("PRODUCT", "SECTOR") for i in range(x.start, x.end)}
        excl_clause = {clause_of[i - s] for i in self._find("exclude_clause", words, s, e) if i not in named}
        per_unit = self.cues["per_unit_before"]
        excl_clause |= {m.clause for m in measures
                        if m.label == "MONEY" and m.start > s and words[m.start - 1] in per_unit}
        measure_clauses = {m.clause for m in measures}
        # A subject clause with no figure of its own ("ithalat borçları, … 41,1 milyar dolar oldu",
        # "Yıl sonu hedefimiz, … 3 milyar dolara ulaşmak") speaks of the figure in the clause after it.
        # A quote opening the next clause is someone's own words, not the subject's continuation.
        def spills(c):
            return c not in measure_clauses and c + 1 in clause_of.ranges \
                and not any(w in QUOTES for w in words[clause_of.ranges[c + 1][0]:clause_of.ranges[c + 1][0] + 2])
        excl_clause |= {c + 1 for c in excl_clause if spills(c)}
        target_clause |= {c + 1 for c in target_clause if spills(c)}
        previous_pct = None
        for m in measures:
            if m.clause in target_clause or m.clause in excl_clause or m.start < target_upto.get(m.clause, -1):
                m.excluded = True
            elif m.label == "MONEY" and self._is_bound(words, m.end, e):
                m.excluded = True
            elif m.label == "MONEY" and m.end < e and words[m.end] == "," and self._shares_bound(words, m, measures, e):
                # "Fransa'ya satışlar 800 milyon doları, Polonya'ya satışlar ise 300 milyon doları aştı": the
                # verb of the list's last amount bounds the amounts before it, in the same case.
                m.excluded = True
            elif m.label == "PERCENT" and (self._is_bound(words, m.end, e) or self._rate_of(words, m, s, clause_of)):
                # "payı yüzde 30'a yaklaştı": a bound, no share; "doluluk oranı yüzde 80": a rate
                # of something else (occupancy, capacity use, coverage), no share or change.
                m.excluded = True
            elif m.label == "PERCENT":
                m.role = self._percent_role(doc, words, m, s, e, clause_of)
                m.monthly = m.role == "change" and self._has("monthly_base", words, max(s, m.start - 5), m.start)
                if m.role == "change" and self._has("quantity_basis", words, max(s, m.start - 2), m.start):
                    m.role = None  # "miktarda yüzde 7, değerde yüzde 16": the tonnage's change is no change_pct
                if m.role is None and (self._has("growth_rank", words, s, m.start) or (
                        ctx.growth_list and self._has("list_follow", words, m.end, e))):
                    # "ihracatını en fazla artıran sektör yüzde 84 ile mobilya oldu. Bu sektörü yüzde
                    # 41 ile tekstil … takip etti": a ranking by growth, and the list that goes on
                    # from it, states changes.
                    m.role = "change"
                if m.role is None and previous_pct is not None and previous_pct.role == "share" \
                        and not any(x.label == "MONEY" and previous_pct.end <= x.start < m.start for x in measures):
                    # "payı 2022'de %3,1, 2023'te %3,4": the shares of a list are named once, by the first.
                    m.role = "share"
                if m.role is None:
                    m.excluded = True
                previous_pct = m
        # "Almanya yüzde 14, Hollanda yüzde 9, İspanya yüzde 7 pay aldı": the shares of a list
        # named once, by the last item's verb.
        pcts = [x for x in measures if x.label == "PERCENT"]
        for a, b in zip(reversed(pcts[:-1]), reversed(pcts[1:])):
            if a.role is None and b.role == "share" and not any(
                    x.label == "MONEY" and a.end <= x.start < b.start for x in measures) \
                    and all(words[i] in self._coordinators or doc[i].ent_type_ in PLACE_LABELS
                            for i in range(a.end, b.start) if doc[i].ent_type_ != "PERCENT"):
                a.role, a.excluded = "share", a.clause in target_clause or a.clause in excl_clause
        monies = [m for m in measures if m.label == "MONEY" and not m.excluded]
        # "ihracatı yüzde 50 artışla 12,8 milyon tona çıktı": a change stated with a tonnage and no
        # money in its clause is the quantity's change, no change of a value (FACTS.md).
        tonnage_clauses = {clause_of[q.start - s] for q in quantities} - {x.clause for x in measures if x.label == "MONEY"}
        for m in measures:
            if m.label == "PERCENT" and m.role == "change" and m.clause in tonnage_clauses:
                m.excluded = True
        self._mark_from_values(doc, words, monies, e)
        ctx.from_dates = {d.start for d in dates for m in monies if m.role == "from" and 0 <= m.start - d.end <= 1}

        sentence_facts: list[tuple[Measure, FactDraft]] = []
        claimed: set[int] = set()
        respective = self._respective(words, s, e, places, monies)
        respective_periods = self._respective_periods(words, s, e, dates, monies)
        ctx.sentence_leader = None
        ctx.sentence_orphans = []
        ctx.prior_period = None
        for m in monies:
            m.delta = self._change_abs_sign(words, m, e)
        for m in monies:
            cell, local = self._cell_for(doc, words, m, s, e, clause_of, places, dates, ctx, claimed, monies,
                                         forced=respective.get(m.start))
            if cell is None:
                ctx.sentence_orphans.append(m.end)
                continue
            if m.start in respective_periods:
                cell.period = respective_periods[m.start]
            if m.role == "from" and ctx.prior_period is None:
                ctx.prior_period = cell.period
            d = FactDraft(cell=cell, value=m.ent._.value, currency=m.ent._.currency,
                          evidence=[(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))])
            delta = m.delta
            growth = False
            level_noun = m.end < e and self._sets["flow:any"].match_at(words, m.end) > 0
            if not delta and not level_noun and self._is_instrumental(doc, words, m, e) \
                    and self._has("growth_rank", words, s, m.start):
                # ("… yüzde 61 artış ve 512 milyon dolarlık ihracatla": an amount of exports is the level.)
                # "ihracatının en fazla arttığı ülke 210 milyon dolarla Libya oldu", and the list that
                # goes on in the sentence: the amount of the rise, ranked by growth (no rank, FACTS.md).
                delta, growth = 1, True
            if delta:
                # "345 milyon dolarlık bir artış": the amount is the change, not the level.
                d.change_abs, d.value = delta * abs(d.value), None
            if d.cell.flow == "balance" and d.value is not None and d.value >= 0:
                # A balance written with its sign ("eksi 1,2 milyar dolar") keeps it; otherwise the words say.
                d.value = self._balance_sign(words, s, e, m) * d.value
            q = self._quantity_for(m, quantities, clause_of, s)
            if q is not None:
                d.quantity, d.unit = q._.value, q._.unit
            # Items of a list in one clause each rank with their own words: from the figure
            # before to the figure after.
            d.rank = None if growth else self._item_rank(doc, words, s, e, m, monies, clause_of)
            clause = self._clause_range(clause_of, s, m.clause)
            d.sources = ctx.tracer.trace(cell, clause, (s, e), m.start)
            d.sources["value" if d.value is not None else "change_abs"] = (m.ent.start_char, m.ent.end_char, "clause")
            if q is not None:
                d.sources["quantity"] = (q.start_char, q.end_char, "clause")
            if d.rank is not None:
                d.sources["rank"] = (doc[clause[0]].idx, doc[clause[1] - 1].idx + len(doc[clause[1] - 1]), "clause")
            sentence_facts.append((m, d))
            drafts.append(d)
            if ctx.sentence_leader is None:
                ctx.sentence_leader = d.cell

        # "Yemen ve Sudan'da ise sırasıyla yüzde 33 ve yüzde 12'lik artış": changes paired in order.
        changes = [m for m in measures if not m.excluded and m.label == "PERCENT" and m.role == "change"]
        respective_changes = self._respective(words, s, e, places, changes) if not monies else {}
        for m in measures:
            if m.excluded or m.label != "PERCENT":
                continue
            self._attach_percent(doc, words, m, s, e, clause_of, places, dates, ctx, sentence_facts, drafts, monies,
                                 forced=respective_changes.get(m.start))

        self._clause_ranks(doc, words, s, e, places, measures, clause_of, sentence_facts, ctx, drafts)
        self._update_context(words, s, e, places, dates, sentence_facts, ctx, monies)

    def _clause_ranks(self, doc, words, s, e, places, measures, clause_of, sentence_facts, ctx, drafts):
        """"Türkiye'nin ihracatı X dolar olurken Manisa iller sıralamasında altıncı oldu": a place
        ranked in a clause with no figure of its own is ranked in the sentence's period."""
        measure_clauses = {m.clause for m in measures}
        ablative = tuple(self.cues["ablative_suffix"])
        # "Trabzon'u geride bırakarak lider oldu": the place a position is stated against is not ranked.
        references = self._reference_points(words, places, e)
        self._head_rank(doc, words, s, e, places, measure_clauses, references, clause_of, sentence_facts)
        for p in places:
            if p.label_ not in ("PROVINCE", "COUNTRY") or p._.code == NATIONAL_CODE or p.start in references:
                continue
            cid = clause_of[p.start - s]
            if cid in measure_clauses or split_suffix(words[p.end - 1])[1].endswith(ablative):
                continue
            rank = self._rank(doc, words, s, e, cid, clause_of)
            c0, c1 = self._clause_range(clause_of, s, cid)
            flow = self._flow_near(words, c0, c1, s, e) or (sentence_facts[0][1].cell.flow if sentence_facts else None)
            if rank is None or flow is None:
                continue
            period = sentence_facts[0][1].cell.period if sentence_facts else ctx.period
            cell = Cell(flow=flow, period=period)
            if p.label_ == "PROVINCE":
                cell.province = p._.norm
            else:
                cell.country, cell.province = p._.code, ctx.province
            self._add_rank(doc, s, e, cell, rank, (c0, c1), p.start, (c0, c1), "clause", ctx, drafts)

    def _head_rank(self, doc, words, s, e, places, measure_clauses, references, clause_of, sentence_facts):
        """"İhracatı X dolara ulaşan Kars, iller arasında 23'üncü sırada yer aldı": a name that
        closes the clause of its figure (the head of a participle clause) is the subject of the
        clauses after it; a position stated there, with no figure and no other name, is its own."""
        # A clause naming a place, partner, sector or product of its own ranks that one.
        named = {clause_of[p.start - s] for p in places
                 if p.label_ in CELL_LABELS and p._.code != NATIONAL_CODE and p.start not in references}
        for m, d in sentence_facts:
            c0, c1 = self._clause_range(clause_of, s, m.clause)
            if d.rank is not None or c1 >= e or words[c1 - 1] != ",":
                continue
            head = next((p for p in places if p.end == c1 - 1 and p.label_ in ("PROVINCE", "COUNTRY")), None)
            if head is None or (d.cell.province, d.cell.country) not in (
                    (head._.norm, d.cell.country), (d.cell.province, head._.code)):
                continue
            for cid in range(m.clause + 1, max(clause_of.ranges) + 1):
                if cid not in clause_of.ranges or cid in measure_clauses or cid in named:
                    break
                rank = self._rank(doc, words, s, e, cid, clause_of)
                if rank is not None:
                    d.rank = rank
                    r0, r1 = self._clause_range(clause_of, s, cid)
                    d.sources["rank"] = (doc[r0].idx, doc[r1 - 1].idx + len(doc[r1 - 1]), "clause")
                    break

    # -- exclusions and roles -------------------------------------------------
    def _is_bound(self, words, end, sent_end) -> bool:
        """Bounds follow the amount: "1 milyar doları aştı", "10 milyar doların üzerinde",
        "1 milyardan fazla", "400 milyon dolar seviyesini aştı"."""
        if end >= sent_end:
            return False
        if self._sets["bound_after_not"].match_at(words, end):
            return False
        if self._sets["bound_after"].match_at(words, end):
            return True
        if words[end - 1].endswith(tuple(self.cues["ablative_suffix"])) and self._sets["bound_after_ablative"].match_at(words, end):
            return True
        if self._has("bound_threshold", words, end, min(end + 2, sent_end)):
            return True
        if self._sets["bound_level"].match_at(words, end):
            return self._has("bound_level_verb", words, end + 1, min(end + 4, sent_end))
        return False

    def _shares_bound(self, words, m, measures, e) -> bool:
        """Whether the next amount of the sentence, written in the same case as `m` ("doları …,
        … doları aştı"), is a bound."""
        nxt = next((x for x in measures if x.label == "MONEY" and x.start >= m.end), None)
        if nxt is None:
            return False
        a, b = words[m.end - 1], words[nxt.end - 1]
        return a == b and a.endswith(tuple(self.cues["accusative_suffix"])) and self._is_bound(words, nxt.end, e)

    def _change_abs_sign(self, words, m, e) -> int:
        """+1/-1 when the amount is a change, not a level: "345 milyon dolarlık bir artış",
        "1 milyar 26 milyon dolar arttı"; 0 for "16,6 milyar dolara yükseldi"."""
        last = words[m.end - 1]
        i = m.end
        if i < e and words[i] in self.cues["indefinite_article"]:
            i += 1
        if i >= e:
            return 0
        if last.endswith(tuple(self.cues["adjectival_suffix"])) and self._sets["change_abs_after"].match_at(words, i):
            return -1 if self._sets["sign_down"].match_at(words, i) else 1
        if last in self.cues["currency_bare"] and self._sets["change_abs_verb"].match_at(words, i):
            return -1 if self._sets["sign_down"].match_at(words, i) else 1
        if words[i] in self._coordinators:
            # "65 milyon dolar, yüzde 3,2 artarak 2 milyar dolara": an amount coordinated with the
            # percent of a rise, before the level itself, is the rise's amount.
            doc = m.ent.doc
            j = i + 1
            if j < e and doc[j].ent_type_ == "PERCENT":
                while j < e and doc[j].ent_type_ == "PERCENT":
                    j += 1
                if j < e and self._sets["change_abs_verb"].match_at(words, j) \
                        and any(doc[k].ent_type_ == "MONEY" for k in range(j + 1, min(j + 4, e))):
                    return -1 if self._sets["sign_down"].match_at(words, j) else 1
        return 0

    def _rate_of(self, words, m, s, clause_of) -> bool:
        """Whether the percent's clause names a rate before it ("doluluk oranı", "karşılama
        oranı"), other than a rate of change ("artış oranı")."""
        c0, _ = self._clause_range(clause_of, s, m.clause)
        for i in self._find("rate_words", words, c0, m.start):
            if not (i > c0 and (self._sets["sign_up"].match_at(words, i - 1) or self._sets["sign_down"].match_at(words, i - 1))):
                return True
        return False

    def _percent_role(self, doc, words, m, s, e, clause_of):
        _, suf = split_suffix(words[m.end - 1])
        c0, c1 = self._clause_range(clause_of, s, m.clause)
        window_after = min(m.end + 4, e)
        if self._has("share", words, max(c0, m.start - 3), min(c1, m.end + 3)):
            return "share"
        if suf and suf in self.cues["share_suffixes"]:
            return "share"
        if self._has("share_verbs", words, m.end, window_after) and not self._has("sign_up", words, m.end, window_after) \
                and not self._has("sign_down", words, m.end, window_after):
            return "share"
        if self._sign(words, m, s, e, clause_of) is not None or (m.ent._.value or 0) < 0:
            return "change"
        return None

    def _sign(self, words, m, s, e, clause_of):
        """+1/-1 from the words around a change ("yüzde 10'luk bir düşüş"), None if there are none."""
        if m.start > s and words[m.start - 1] in ("+", "-", "−"):
            return 1 if words[m.start - 1] == "+" else -1
        c0, c1 = self._clause_range(clause_of, s, m.clause)
        signs = self._sign_words(words, s, e, clause_of)
        # Forward in the clause first (the usual "yüzde 14 artış"), then the rest of the sentence
        # (a shared verb: "tarımda yüzde 13,5, madencilikte yüzde 18,6 azaldı"), then backward.
        # The sentence's sign words are found once: looking them up is a bisection per percent.
        for lo, hi in ((m.end, c1), (c1, e), (c0, m.start)):
            k = bisect_left(signs, (lo, -2))
            if k < len(signs) and signs[k][0] < hi:
                return signs[k][1]
        return None

    def _sign_words(self, words, s, e, clause_of) -> list[tuple[int, int]]:
        """(token, +1/-1) of the sentence's words of rise and fall, in order, found once per sentence."""
        if clause_of.signs is None:
            down, up = self._sets["sign_down"], self._sets["sign_up"]
            out = []
            for i in range(s, e):
                if down.match_at(words, i) and words[i] not in ("-", "−"):
                    out.append((i, -1))
                elif up.match_at(words, i) and words[i] != "+":
                    out.append((i, 1))
            clause_of.signs = out
        return clause_of.signs

    def _mark_from_values(self, doc, words, monies, sent_end):
        """"4,2 milyar dolardan 4,7 milyar dolara": the first is the earlier period's value."""
        for a, b in zip(monies, monies[1:]):
            suf = self._ending(words[a.end - 1])
            ablative = suf.endswith(tuple(self.cues["ablative_suffix"])) or \
                (a.end < sent_end and self._sets["from_after"].match_at(words, a.end) > 0)
            if ablative and a.clause == b.clause:
                a.role = "from"
            elif a.end < sent_end and self._sets["prior_value_after"].match_at(words, a.end):
                # "<yıl>'de X dolar olan ihracatı, … Y dolara": the earlier level.
                a.role = "from"
            elif suf.endswith(tuple(self.cues["ablative_suffix"])) and b.clause == a.clause + 1:
                a.role = "from"
        if monies:
            a = monies[-1]
            suf = self._ending(words[a.end - 1])
            ablative = suf.endswith(tuple(self.cues["ablative_suffix"])) or \
                (a.end < sent_end and self._sets["from_after"].match_at(words, a.end) > 0)
            if ablative and a.role != "from" and any(
                    doc[i].ent_type_ == "PERCENT" for i in range(a.end, min(sent_end, a.end + FROM_PERCENT_WINDOW))):
                # "geçen yılın X dolarlık seviyesinden yüzde 7 artış gösterdi": a level the change
                # starts from, with the level it reached stated elsewhere, is the earlier period's.
                a.role = "from"

    # -- cells -------------------------------------------------------------------
    @staticmethod
    def _clause_range(clause_of, s, cid):
        return clause_of.ranges[cid]

    def _continues_list(self, doc, words, s, e, places, m, in_sentence_list=False) -> bool:
        """"Bu ülkeyi … takip etti", "Otomotivi … izledi": a list that names its leader in the
        accusative goes on from the sentence before."""
        if not self._has("list_follow", words, s, e):
            return False
        if self._has("list_backref", words, s, m.start):
            return True
        # "Gaziantep X dolarla ilk sırada bulunurken, Mersin … ve İstanbul Y dolarla onu izledi": the
        # back-reference right before the verb, for the items after the sentence's leader.
        follows = self._find("list_follow", words, m.end, e) if in_sentence_list else []
        if any(self._has("list_backref", words, max(m.end, f - 3), f) for f in follows):
            return True
        acc = tuple(self.cues["accusative_suffix"])
        for p in places:
            if p.end <= m.start and p.label_ in PLACE_LABELS:
                stem, suf = split_suffix(words[p.end - 1])
                if (suf and suf in acc) or (not suf and p.label_ == "SECTOR" and words[p.end - 1].endswith(acc)
                                            and words[p.end - 1] != doc[p.end - 1].lemma_):
                    return True
        return False

    def _subject_start(self, clause_of, s, m, monies) -> int:
        """Start of the measure's clause, or of the clause before it when that one holds no
        figure: "Bu ülkeye yapılan satışlar, 2,4 milyar dolardan …"."""
        c0, _ = self._clause_range(clause_of, s, m.clause)
        if m.clause == 0:
            return c0
        p0, p1 = self._clause_range(clause_of, s, m.clause - 1)
        if any(p0 <= x.start < p1 for x in monies):
            return c0
        return p0

    def _is_instrumental(self, doc, words, m, e):
        w = words[m.end - 1]
        if m.end < e and words[m.end] in self.cues["instrumental_word"]:
            return True
        if m.end + 1 < e and words[m.end] in self._coordinators and doc[m.end + 1].ent_type_ == "PERCENT":
            # "X dolar ve yüzde 36,5 payla <sektör>": the case of the pair, written once.
            j = m.end + 1
            while j < e and doc[j].ent_type_ == "PERCENT":
                j += 1
            if words[j - 1].endswith(self._instrumental) or (j < e and words[j].endswith(self._instrumental)):
                return True
        # "262 milyon dolarlık artışla Libya", "4,6 milyar dolarlık ihracatla": the noun carries the case.
        if m.end < e and w.endswith(tuple(self.cues["adjectival_suffix"])) and doc[m.end].is_alpha \
                and words[m.end].endswith(tuple(self.cues["instrumental_suffix"])):
            return True
        return w.endswith(tuple(self.cues["instrumental_suffix"])) and not w.endswith(tuple(self.cues["adjectival_instrumental"]))

    def _local(self, doc, words, m, s, e, clause_of, places, monies, claimed):
        """The place/sector entities that belong to measure `m` itself, by label."""
        c0, c1 = self._clause_range(clause_of, s, m.clause)
        others = [x for x in monies if x is not m]
        found = {}
        inst = self._is_instrumental(doc, words, m, e)

        def free(p):
            return p.start not in claimed

        def ctx_alpha(i):
            return doc[i].is_alpha

        # "<il>'den sonra X dolar ile ikinci": a position's reference point is not the figure's,
        # before it or after it ("<ülke>'nın ardından X dolar ihracat yapılan <ülke> ikinci").
        reference = self.cues["reference_after"]
        places = [p for p in places if not (p.end < e and words[p.end] in reference)]
        # "Bursa ise X dolarla Kayseri'yi takip etti": the name a list's verb follows is the one before.
        acc = tuple(self.cues["accusative_suffix"])
        places = [p for p in places if not (p.end < e and split_suffix(words[p.end - 1])[1].endswith(acc)
                                            and self._sets["list_follow"].match_at(words, p.end))]
        # "Seramik üretiminde öne çıkan kentte …", "Mermer yataklarıyla bilinen kentin …": a sector or
        # product in a participle clause that describes the province word after it says what the
        # province is known for, not what the figure is of.
        places = [p for p in places if not (p.label_ in ("SECTOR", "PRODUCT") and self._describes_province(words, p, e))]
        # "<il>'den, Türkiye'nin ilk çeyrekteki ihracatına X dolarlık katkı": the whole it goes into.
        places = [p for p in places if p._.code != NATIONAL_CODE or not self._has("whole_dative", words, p.end, min(e, p.end + 4))]
        # "Türkiye'den … 1,6 milyar dolarlık fındık ihracatının … Trabzon'dan": when the clause names a
        # place before the amount, a place after it belongs to something else.
        prev_money = max((x.end for x in others if x.end <= m.start and x.clause == m.clause and x.role != "from"
                            and not x.delta),
                         default=c0)
        backward_any = any(max(c0, prev_money) <= p.start and p.end <= m.start and p.label_ != "SECTOR" and free(p)
                           for p in places)

        own_anaphor = self._province_anaphor(words, c0, m.start)
        adjectival = words[m.end - 1].endswith(tuple(self.cues["adjectival_suffix"]))
        pct_after = next((i for i in range(m.end, c1) if doc[i].ent_type_ == "PERCENT"), c1)
        # "… ihracatının üçte biri İtalya'ya yapıldı": a place after a fraction word is the part's.
        fractions = self._sets["fraction_words"]
        fraction_after = next((i for i in fractions.find(words, m.end, c1) if doc[i].ent_type_ != "DATE"), c1)
        # "X dolara çıkaran mobilya sektörünün ilk pazarı Irak": the noun a participle after
        # the amount describes is the figure's; what that noun owns is not.
        head_end = c1
        k = next((i for i in range(m.end, min(m.end + 2, c1)) if len(words[i]) > 4 and ctx_alpha(i)
                  and words[i].endswith(self._subject_participle)), None)
        if k is not None:
            head = next((p for p in places if p.start > k), None)
            if head is not None and head.start <= k + 2:
                head_end = head.end
        for label in PLACE_LABELS:
            cands = [p for p in places if p.label_ == label and free(p)]
            pick = None
            if adjectival and label in ("SECTOR", "PRODUCT"):
                # "2 milyar dolarlık fındık ihracatı": an adjectival amount qualifies the noun after it.
                pick = next((p for p in cands if p.start == m.end), None)
            if pick is None and inst:
                nxt = min((x.start for x in others if x.start > m.end and x.clause == m.clause), default=c1)
                fw = [p for p in cands if m.end <= p.start < min(c1, nxt)]
                if fw:
                    pick = fw[0]
            if pick is None:
                # A from-value ("2 milyar dolardan 2,57 milyar dolara") shares its cell with the value after it.
                prev = max((x.end for x in others if x.end <= m.start and x.clause == m.clause and x.role != "from"
                            and not x.delta),
                           default=c0)
                bw = [p for p in cands if max(c0, prev) <= p.start and p.end <= m.start]
                if bw:
                    pick = bw[-1]
            if pick is None and not inst and not backward_any:
                # Looking forward stops at the next figure: in "X dolarlık ihracatın yüzde N'lik
                # kısmı <il>'den" the province is the share's, not the amount's before it.
                nxt = min([x.start for x in others if x.start > m.end] + [pct_after, c1, fraction_after, head_end])
                fw = [p for p in cands if m.end <= p.start < nxt and p._.code != NATIONAL_CODE]
                if fw:
                    pick = fw[0]
            if pick is None and m.clause > 0 and not backward_any and not (own_anaphor and label != "PROVINCE"):
                # "Almanya, 1,6 milyar dolarla …": the subject sits alone before the comma. A clause
                # that names its own by "kent" takes only a province from there ("<il>'de …; kentin
                # ihracatı X dolar"), not the country of a quote before it.
                p0, p1 = self._clause_range(clause_of, s, m.clause - 1)
                if not any(p0 <= x.start < p1 for x in others if x.role != "from"):
                    # The clause's last name is the subject; a sector or product before it qualifies it
                    # ("otomotiv alanında üretim yapılan Bursa'dan, …") unless it is a genitive
                    # subject of its own ("Halılarımızın en çok gittiği pazar ABD, …").
                    last = max((p.start for p in places if p0 <= p.start and p.end <= p1), default=-1)
                    bw = [p for p in cands if p0 <= p.start and p.end <= p1 and (
                        label not in ("SECTOR", "PRODUCT") or p.start == last or words[p.end - 1].endswith(self._genitive))]
                    if bw:
                        pick = bw[-1]
                if pick is None:
                    # "X dolar ihracat yapan Osmaniye, 2024'ü Y dolarla kapattı": the name a participle
                    # clause describes ends the clause and is the subject of the next, too.
                    head = [p for p in places if p.label_ == label and p.end == p1 - 1 and words[p1 - 1] == ","
                            and p.start > p0 + 1 and len(words[p.start - 1]) > 3
                            and words[p.start - 1].endswith(self._subject_participle)]
                    if head:
                        pick = head[0]
            if pick is not None:
                if self._coordinated(doc, words, pick, cands, m):
                    # "Azerbaycan, Kazakistan ve Özbekistan'a toplam 36,6 milyar": a sum over a group.
                    found["GROUP"] = pick
                found[label] = pick
        return found

    def _describes_province(self, words, p, e) -> bool:
        anaphors = self._province_words
        for j in range(p.end, min(e - 1, p.end + DESCRIBED_WINDOW)):
            if len(words[j]) > 3 and words[j].endswith(self._subject_participle) and words[j + 1] in anaphors:
                return not self._sets["flow:any"].any(words, p.end, j)
        return False

    def _coordinated(self, doc, words, pick, cands, m) -> bool:
        if pick.end > m.start:
            return False
        for other in cands:
            if other is pick or other.label_ != pick.label_ or NATIONAL_CODE in (other._.code, pick._.code):
                continue
            lo, hi = (other.end, pick.start) if other.end <= pick.start else (pick.end, other.start)
            between = [words[i] for i in range(lo, hi)]
            first = other if other.end <= pick.start else pick
            if not between and split_suffix(words[first.end - 1])[1]:
                continue   # "Rusya'yı Almanya (X dolar) … izledi": the first, inflected, is no item of a sum
            if hi >= lo and len(between) <= 1 and all(w in self._coordinators for w in between) \
                    and max(other.end, pick.end) <= m.start:
                return True
        return False

    def _period_for(self, words, m, s, e, clause_of, dates, ctx, role):
        usable = [d for d in dates if not self._is_comparison(words, d, e)]
        # "geçen yılın şubat ayında X olan …, 2022'nin aynı döneminde Y": a relative date leans on the
        # absolute one before it in the sentence before it leans on the article's context.
        if role != "from":
            # "2023'teki 1,1 milyar dolardan 1,3 milyar dolara": the date belongs to the earlier value.
            usable = [d for d in usable if d.start not in ctx.from_dates]
        ctx = self._sentence_ctx(usable, m, ctx)
        if role == "from":
            # "2023'teki 1,1 milyar dolardan": only a date right before dates the earlier value.
            adjacent = [d for d in usable if 0 <= m.start - d.end <= 1]
            if adjacent:
                return self._resolve_date(adjacent[-1], ctx)
            current = self._period_for(words, m, s, e, clause_of, dates, ctx, "value")
            return resolve_relative("same_prev_year", current) if current else None
        same = [d for d in usable if clause_of[d.start - s] == m.clause]
        before = [d for d in same if d.end <= m.start]
        pick = before[-1] if before else (same[0] if same else None)
        if pick is None:
            bw = [d for d in usable if d.end <= m.start]
            pick = bw[-1] if bw else None
        if pick is None and role != "from":
            # A date after the figure, unless it stands in a later clause with a figure of its own
            # ("X dolarlık açık bulunduğunu belirten Bakan, bu yılın ilk çeyreğinde ihracatın Y dolara …").
            doc = m.ent.doc

            def own_figure(d):
                cid = clause_of[d.start - s]
                if cid == m.clause:
                    return False
                c0, c1 = self._clause_range(clause_of, s, cid)
                return any(doc[i].ent_type_ == "MONEY" for i in range(c0, c1))
            fw = [d for d in usable if d.start >= m.end and (d._.code or "") != "day" and not own_figure(d)]
            pick = fw[0] if fw else None
        prior = ctx.prior_period if role != "from" else None
        if pick is None:
            if prior:
                # The level after a dated earlier one ("2023'te X olan …, bir yılda Y'ye") is a year on.
                return resolve_relative("same_next_year", prior)
            base = ctx.period or ctx.doc_period
            return resolve_relative("same_prev_year", base) if role == "from" and base else base
        if pick._.norm == "prev_year":
            years = [d for d in usable if d is not pick and not d._.norm and d._.period and len(d._.period) == 4]
            if years:
                # "Bir önceki yıl X dolar ihracat yapan <il>, 2024'ü Y dolarla kapattı": the year
                # before the one the sentence names, not before the publication.
                return resolve_relative("prev_year", years[0]._.period)
        if prior and pick._.norm:
            # "… olan …, 2022'nin aynı döneminde": the same period as the earlier level's.
            ctx = Context(**{**ctx.__dict__, "period": prior})
        period = self._resolve_date(pick, ctx)
        if pick._.code == "inferred" and period and period != pick._.period and any(
                d is not pick and d._.code != "inferred" and self._resolve_date(d, ctx) == period for d in dates):
            # "Şubat ihracatı X dolar oldu; geçen yılın şubatında bu rakam Y dolardı": the month the
            # sentence compares with is the year frame's, so the month named bare is the latest one.
            return pick._.period
        if prior and period and len(period) == 4 and len(prior) > 4 and prior.startswith(str(int(period) - 1)):
            # "geçen yılın ilk yarısında X olan …, bu yıl Y": the same months of the later year.
            return resolve_relative("same_next_year", prior)
        months = [d for d in same if d is not pick and d._.code == "inferred" and d._.period and len(d._.period) > 4]
        if period and len(period) == 4 and pick._.code == "explicit" and months:
            # "en yüksek mart ayı satışı 2019 yılında …": the month named apart takes the year named.
            return resolve_relative("same_period_of_year", months[0]._.period, year=int(period))
        return period

    def _sentence_ctx(self, dates, m, ctx):
        anchors = [d for d in dates if d.end <= m.start and d is not m and not d._.norm and d._.period]
        if not anchors:
            return ctx
        local = Context(**{**ctx.__dict__})
        local.period = anchors[-1]._.period
        return local

    def _resolve_date(self, d, ctx):
        """A DATE's period; anaphoric ones ("aynı dönemde", "bir önceki yıl") against the current period."""
        if d._.norm:
            # With no frame yet (a past figure "… 310 milyon dolardı" leaves it), "aynı dönemde"
            # leans on the last figure's period.
            base = ctx.period or (ctx.leader.period if ctx.leader is not None else None)
            return resolve_relative(d._.norm, base, ctx.pub, year=d._.value) or d._.period
        period = d._.period
        first = ctx.story_period
        if d._.code == "inferred" and period and first and len(first) == 7 and first[5:] == period[5:]:
            # The month of the story's first figure, named again without its year, is that month
            # ("Şubat ayında … yüzde 41 arttı. … 2024'te … Şubatta en fazla ihracat …").
            return first
        if d._.code == "inferred" and period and len(period) == 7 and ctx.year_frame:
            # A month named without its year while the story runs through a whole year is a month
            # of that year (a year's figures month by month), unless that would be after publication.
            year, month = int(ctx.year_frame), int(period[5:])
            if ctx.pub is None or (year, month) <= (ctx.pub.year, ctx.pub.month):
                return f"{year}-{month:02d}"
        return period

    def _is_comparison(self, words, d, e) -> bool:
        """"geçen yılın aynı dönemine göre": a date followed by göre/kıyasla is the baseline, not the cell."""
        for i in range(d.end, min(d.end + 1, e)):
            if self._sets["comparison"].match_at(words, i):
                return True
        return False

    def _flow_near(self, words, lo, hi, s, e, anchor=None):
        hits = self._flow_hits(words, lo, hi)
        if not hits:
            return None
        if anchor is not None:
            a0, a1 = anchor
            # "3 milyar dolar ihracat ve 1 milyar dolar ithalat": the flow noun right after an amount
            # is its own; otherwise the one before it ("İhracat, 1,07 milyar dolar …").
            hits.sort(key=lambda h: (0 if h[0] == a1 else 1, a0 - h[0] if h[0] < a0 else 100 + h[0] - a1))
            if a1 - 1 < len(words) and words[a1 - 1].endswith(tuple(self.cues["possessive_accusative_suffix"])) \
                    and any(i >= a1 for i, _ in hits):
                # "Ticaret hacminin 16 milyar dolarını Türkiye'nin ihracatı oluşturdu": the whole in the
                # genitive owns the part; the part's flow is the one named after it.
                hits = [h for h in hits if h[0] >= a1 or not self._ends_genitive(words, h)] or hits
        else:
            hits.sort()
        # "ihracat hacmi" is export, "dış ticaret açığı" is balance: the longer, more specific cue at a position wins.
        flow = hits[0][1]
        return "balance" if flow.startswith("balance") else flow

    _FLOWS = ("balance_negative", "balance_positive", "balance", "volume", "import", "export")

    def _flow_hits(self, words, lo, hi) -> list[tuple[int, str]]:
        """(position, flow) of each flow cue in [lo, hi) that no `flow_not` cue overlays, flow by
        flow in `_FLOWS` order, each by position. The positions are found once per words list:
        `_flow_near` asks for a range of the same document some fifty times per article."""
        memo = self._flow_memo
        if memo[0] is not words:
            flow_not = self._sets["flow_not"]
            per_flow = [(flow, [i for i in self._positions_of("flow:" + flow, words) if not flow_not.match_at(words, i)])
                        for flow in self._FLOWS]
            memo = self._flow_memo = (words, per_flow)
        if lo < 0:
            lo = 0
        if hi > len(words):
            hi = len(words)
        hits = []
        if lo >= hi:
            return hits
        for flow, positions in memo[1]:
            a = bisect_left(positions, lo)
            for i in positions[a:bisect_left(positions, hi, a)]:
                hits.append((i, flow))
        return hits

    def _ends_genitive(self, words, hit) -> bool:
        """Whether the flow cue at `hit` ends in the genitive ("ticaret hacminin")."""
        i, flow = hit
        n = self._sets["flow:" + flow].match_at(words, i)
        # The cue's last word or the head noun right after it ("ikili ticaret hacminin").
        return n > 0 and any(w.endswith(self._genitive) for w in words[i + n - 1:i + n + 1])

    def _balance_sign(self, words, s, e, m) -> int:
        """The sign the words nearest the figure give it: "2021'i X dolar fazlayla kapatan sektör,
        … sonraki yıllarda açık verdi" has a surplus first, then a deficit."""
        negative = self._find("balance:negative", words, s, e) + self._find("flow:balance_negative", words, s, e)
        if not negative:
            return 1
        positive = self._find("balance:positive", words, s, e) + self._find("flow:balance_positive", words, s, e)
        distance = lambda i: m.start - i if i < m.start else i - m.end + 1   # noqa: E731
        return -1 if not positive or min(map(distance, negative)) < min(map(distance, positive)) else 1

    def _respective(self, words, s, e, places, monies) -> dict:
        """"Fransa ve Hollanda sırasıyla 600 milyon ve 450 milyon dolarla": pair in order."""
        hits = self._find("respectively", words, s, e)
        if not hits:
            return {}
        r = hits[0]
        after = [m for m in monies if m.start > r]
        for label in PLACE_LABELS:
            before = [p for p in places if p.label_ == label and p.end <= r]
            last_money = max((m.end for m in monies if m.end <= r), default=s)
            before = [p for p in before if p.start >= last_money]
            if len(before) >= 2 and len(before) == len(after):
                return {m.start: p for m, p in zip(after, before)}
        return {}

    def _respective_periods(self, words, s, e, dates, monies) -> dict:
        """"2022 ve 2023'te sırasıyla X ve Y dolar", "ilk iki ayda sırasıyla X ve Y dolar": the
        figures after "sırasıyla" take the periods before it in order, or the months of one range."""
        hits = self._find("respectively", words, s, e)
        if not hits:
            return {}
        r = hits[0]
        after = [m for m in monies if m.start > r and m.role != "from"]
        last_money = max((m.end for m in monies if m.end <= r), default=s)
        before = [d for d in dates if last_money <= d.start and d.end <= r and d._.period and not d._.norm]
        if len(after) < 2:
            return {}
        if len(before) > len(after) >= 2:
            # "Yılın ilk üç ayında … ocakta, şubatta ve martta sırasıyla": the list is the dates just before.
            before = before[-len(after):]
        if len(before) == len(after):
            return {m.start: d._.period for m, d in zip(after, before)}
        if len(before) == 1:
            y1, m1, y2, m2 = parse_period(before[0]._.period)
            first = y1 * 12 + m1 - 1
            if (y2 * 12 + m2 - 1) - first + 1 == len(after):
                return {m.start: format_period((first + k) // 12, (first + k) % 12 + 1,
                                               (first + k) // 12, (first + k) % 12 + 1)
                        for k, m in enumerate(after)}
        return {}

    def _cell_for(self, doc, words, m, s, e, clause_of, places, dates, ctx, claimed, monies, forced=None):
        local = self._local(doc, words, m, s, e, clause_of, places, monies, claimed)
        if forced is not None:
            local[forced.label_] = forced
            local.pop("GROUP", None)
        c0, c1 = self._clause_range(clause_of, s, m.clause)
        own_flow = self._flow_near(words, c0, c1, s, e, anchor=(m.start, m.end))
        flow = own_flow or self._flow_near(words, s, e, s, e, anchor=(m.start, m.end))
        if own_flow in (None, "volume") and self._has("balance_loose", words, m.end, min(c1, m.end + 2)) \
                and self._has("trade_word", words, s, m.start):
            flow = "balance"   # "… ile ticaretinde 900 milyon dolar fazla verdi"
        a0 = self._subject_start(clause_of, s, m, monies)
        # "160 ülke ve bölgeye satış yapan sektör": a counted noun refers back to no partner.
        anaphoric_country = (ctx.country is not None or (ctx.sentence_leader is not None and ctx.sentence_leader.country)) \
            and any(not self._counted(doc, i) for i in self._find("anaphora_country", words, a0, c1))
        earlier_of_last = None
        if flow is None and ctx.leader_fresh and ctx.last_drafts and ctx.sentence_leader is None \
                and self._has("figure_anaphor", words, s, m.start) and ctx.last_drafts[-1].value is not None:
            # "… Temmuzda sektör ihracatı X dolar oldu. Geçen yılın temmuzunda bu rakam Y dolardı":
            # the figure just stated, in the period this sentence names.
            earlier_of_last = ctx.last_drafts[-1].cell
            flow = earlier_of_last.flow
        if flow is None:
            # Only a list that goes on ("… takip etti", "Mısır: 1,6 milyar dolar", "bu ülkeye yapılan
            # satışlar") inherits the flow of the sentences before it.
            # A sentence that refers back to the story's sector or ranks its figure goes on too
            # ("Sektörde <ülke> X dolarla ilk sırada").
            continues = (anaphoric_country or self._has("list_follow", words, s, e) or self._has("weak_flow", words, s, e)
                         or self._has("market_words", words, s, e)
                         or any(t.text == ":" for t in doc[s:m.start])
                         or (ctx.flow_age <= 1 and (self._sector_anaphor(words, s, e, places)
                                                    or self._rank(doc, words, s, e, m.clause, clause_of) is not None
                                                    # "X 4 milyon dolarla, Y 3 milyon dolarla ikinci ve
                                                    # üçüncü sırada": a series ranks the figures before it.
                                                    or self._item_rank(doc, words, s, e, m, monies, clause_of) is not None)))
            has_place = any(p._.code != NATIONAL_CODE for p in local.values()) or \
                (bool(ctx.sector or ctx.topic_sector) and self._sector_anaphor(words, a0, c1, places))
            if ctx.flow and ctx.flow_age <= self.max_context_sentences and continues and (has_place or anaphoric_country):
                flow = ctx.flow
            elif ctx.flow and ctx.flow_age <= 1 and m.label == "PERCENT" and has_place:
                # "… en çok artış yüzde 785 ile Güney Afrika'da oldu" right after a sentence on exports.
                flow = ctx.flow
            elif ctx.flow and ctx.flow_age <= self.max_context_sentences and "SECTOR" in local \
                    and (m.label == "MONEY" or m.role == "change"):
                # In a story on exports a sector's figure is its exports: "Kimya sektörü … 4,6 milyar
                # dolarla ikinci sıradaki yerini korudu."
                flow = ctx.flow
            else:
                return None, local
        if len(monies) > 1 and m.role != "from" and not m.delta:
            # In a list each entity belongs to one figure; a from-value or a change amount ("X dolar
            # artarak Y dolara") lends its entity to the value after it.
            # A name a relative clause describes stays free for the sentence's own figure ("2021'de
            # X dolarlık satış yapılan Fas'a bu yıl Y dolarlık satış yapıldı").
            relative = tuple(self.cues["relative_participle_suffix"])
            claimed.update(p.start for p in local.values() if not (
                p.start >= m.end and any(w.endswith(relative) for w in words[m.end:p.start])))
        # A region blocks the figure only as its own subject ("<bölge> bölgesinin ihracatı"), not
        # where it qualifies a province named with it ("<bölge>'nin sanayi kenti <il>").
        regional = any(x in local for x in NO_CELL_LABELS) and not any(x in local for x in ("PROVINCE", "COUNTRY"))
        if not local and not any(p.label_ in ("PROVINCE", "COUNTRY") for p in places):
            # "<bölge> X dolarlık ihracata imza atarken, ithalatı Y dolarda kaldı": a coordinated
            # clause with no subject of its own keeps the sentence's, a region's too.
            regional = any(p.label_ in NO_CELL_LABELS and p.end <= m.start for p in places)
        if not regional and not any(x in local for x in ("PROVINCE", "COUNTRY")):
            # "Bölgenin ihracatı 6,2 milyar dolar oldu": the word for a region as the subject
            # refers back to one, which is no cell (FACTS.md).
            regional = self._has("anaphora_region", words, a0, m.start)
        if "GROUP" in local or regional or self._foreign_economy(doc, words, c0, c1, places, local):
            return None, local
        if not any(x in local for x in CELL_LABELS) and (
                ctx.company_scope or self._company_anaphor(words, s, m.start)):
            # "Şirketin ihracatı yüzde 27 azaldı": one company's figure is no fact (FACTS.md rule 4).
            return None, local
        org = self._organisation_subject(words, ctx.orgs, c0, m.start, s)
        if org is not None and not any(p.start >= org[1] for label, p in local.items()
                                       if label in ("PROVINCE", "COUNTRY", "SECTOR", "PRODUCT")):
            # "<şirket> A.Ş. 310 milyon dolarlık ihracat gerçekleştirdi", "<il> OSB'den … ihracat":
            # one company's, union's or zone's own figure is no fact (FACTS.md rule 4).
            return None, local
        if "COUNTRY" in local and local["COUNTRY"]._.code != NATIONAL_CODE and self._has("foreign_trader", words, s, e):
            # "en fazla ihracat yapan ülke" ranks countries as traders in their own right; Türkiye's
            # partners are "ihracat yapılan ülke".
            return None, local
        if ctx.mirrored_from is not None and m.start > ctx.mirrored_from and "COUNTRY" not in local \
                and flow in ("export", "import") and not self._flow_near(words, c0, c1, s, e):
            # An item after mirrored partner data in the same sentence ("… ithal ettiği mallar: X …").
            flow = ctx.flow
        cell = Cell(flow=flow)
        country = local.get("COUNTRY")
        national = mirrored = False
        partner_code = None
        turkey_subject = False
        if country is not None and country._.code == NATIONAL_CODE:
            # "Türkiye'nin ihracatı": the whole country, unless it is only the share's denominator
            # ("kent, … Türkiye'nin toplam ihracatından yüzde 8,2 pay aldı").
            national = "PROVINCE" not in local and not (
                m.role == "share" and ctx.province and self._province_anaphor(words, c0, country.start))
            # The partner stands in the clause that names Türkiye ("Rusya'nın Türkiye'ye ihracatı, …").
            foreign = [p for p in places if p.label_ == "COUNTRY" and p._.code != NATIONAL_CODE
                       and clause_of[p.start - s] == clause_of[country.start - s]]
            turkey = local.get("COUNTRY")
            turkey_subject = split_suffix(words[turkey.end - 1])[1].endswith(self._genitive) or \
                not split_suffix(words[turkey.end - 1])[1]
            country = foreign[-1] if foreign else None
            if country is not None:
                national = False
                if self._mirrored(words, country, turkey):
                    cell.flow = {"export": "import", "import": "export"}.get(cell.flow, cell.flow)
                    mirrored = True
            else:
                partner = self._partner_anaphor(words, turkey, c0, ctx)
                # "Çin'in Türkiye'ye ihracatı X dolar, Türkiye'den ithalatı ise Y dolar": the partner
                # owning the first clause's trade owns the coordinated one, whose owner is elided.
                owner = next((p for p in reversed(places) if p.label_ == "COUNTRY" and p._.code != NATIONAL_CODE
                              and p.end <= c0 and self._mirrored(words, p, turkey)), None)
                if partner is None and owner is not None and not turkey_subject and m.start > turkey.end:
                    partner = owner._.code
                if partner is not None:
                    # "Ülkenin Türkiye'den ithalatı": with Türkiye named as the partner, "ülke" is the
                    # other country of the story, and its import is Türkiye's export.
                    national, partner_code = False, partner
                    cell.flow = {"export": "import", "import": "export"}.get(cell.flow, cell.flow)
        elif country is not None and flow in ("export", "import"):
            # "X dolarını da İtalya'nın Türkiye'ye yaptığı satışlar oluşturdu": the partner named
            # before Türkiye, as its own trade's subject, whichever of the two the figure took.
            turkey = next((p for p in places if p.label_ == "COUNTRY" and p._.code == NATIONAL_CODE
                           and p.start > country.start and clause_of[p.start - s] == clause_of[country.start - s]), None)
            if turkey is not None and self._mirrored(words, country, turkey):
                cell.flow = {"export": "import", "import": "export"}[cell.flow]
                mirrored = True
            elif turkey is None and not split_suffix(words[country.end - 1])[1]:
                ours = self._our_flow(words, s, e)
                if ours is not None and ours != cell.flow:
                    # "Almanya, 3 milyar dolarlık ithalatıyla ihracatımızda yüzde 18 paya sahip": the
                    # partner as the subject of its own trade, beside ours, is our trade reversed.
                    cell.flow, mirrored = ours, True
        if self._has("national", words, c0, c1) \
                and not (country is not None and country._.code != NATIONAL_CODE):
            # "ülke bazında" is nationwide, unless a partner is named: then it is by country.
            national = True
        province = local.get("PROVINCE")
        carried = ctx.province
        in_national_scope = ctx.national_scope and not local
        if in_national_scope or (ctx.national_scope and "PROVINCE" not in local and "SECTOR" not in local
                                 and not self._province_anaphor(words, a0, c1)):
            # In the whole country's scope a partner's figure ("İran'dan ithalat …") is Türkiye's too.
            carried = None
        turkey_subject = turkey_subject or any(
            p.label_ == "COUNTRY" and p._.code == NATIONAL_CODE and c0 <= p.start < m.start
            and split_suffix(words[p.end - 1])[1].endswith(self._genitive) for p in places)
        if country is not None and (turkey_subject or mirrored) and "PROVINCE" not in local:
            # "Türkiye'nin İran'a ihracatı", "Gürcistan'ın Türkiye'den ithalatı": the country's
            # trade with the partner, no province's.
            carried = None
        if ctx.sector_story and not self._province_anaphor(words, a0, c1):
            # In a story on a sector, a province named for one of its figures ("X dolarlık bölümü
            # <il>'den") does not carry on to the next: only "kent", "il" refer back.
            carried = None
        elif carried is None and self._province_anaphor(words, a0, c1):
            # "… yüzde 61'i Gaziantep'ten yapıldı. Kentin halı ihracatı …": "kent" is the province
            # named last, whatever its case; "<il> Sanayi Odası Başkanı, "Kentimizin ihracatı …"":
            # the province in the speaker's organisation, named just before.
            in_org = [norm for start, norm in ctx.org_provinces if s <= start < m.start]
            carried = in_org[-1] if in_org else ctx.last_province
        cell.province = province._.norm if province is not None else (None if national else carried)
        if country is None and anaphoric_country:
            # "AB ülkelerine 471 milyon dolarlık ihracat yapan sektör, … bölgeye 545 milyon dolarlık":
            # the partner named earlier in the same sentence, else the one before it.
            leader = ctx.sentence_leader
            cell.country = leader.country if leader is not None and leader.country else ctx.country
        elif country is not None:
            cell.country = country._.code
        elif partner_code is not None:
            cell.country = partner_code
        elif not national and "PROVINCE" not in local and not (
                self._has("national_total", words, c0, c1) and not self._sector_anaphor(words, c0, c1, places)):
            # "Toplam ihracat ise …" after a partner's figure is the whole country's, no partner's.
            # A province's story with a leading partner ("<il>'in dış ticaretinde İran ağırlığı")
            # speaks of the province's whole trade where a figure names no partner.
            cell.country = ctx.bilateral or (ctx.topic_country if ctx.subject_province is None else None)
        elif national and cell.flow in ("balance", "volume") and ctx.bilateral:
            # "dış ticaret dengesi Türkiye lehine": a balance is between the pair the story is about.
            cell.country = ctx.bilateral
        sector = local.get("SECTOR")
        if sector is not None:
            if "|" in (sector._.norm or ""):
                return None, local  # one figure for two sectors is no single cell
            cell.sector = sector._.norm
        elif ctx.sector and self._sector_anaphor(words, s, e, places):
            cell.sector = ctx.sector
        elif self._has("list_follow", words, s, e) and len({p._.norm for p in places if p.label_ == "SECTOR"}) == 1 \
                and not any(p.label_ == "SECTOR" and p.start > m.start for p in places):
            # "fındık ihracatında 127 milyon dolarla İtalya …, bu ülkeyi … Almanya izledi": the list shares its sector.
            cell.sector = next(p._.norm for p in places if p.label_ == "SECTOR")
        elif not any(x in local for x in ("PROVINCE", "COUNTRY")) and \
                len({p._.norm for p in places if p.label_ == "SECTOR"}) == 1 and \
                all(p.start < m.start for p in places if p.label_ == "SECTOR"):
            # "… ihracat gerçekleştiren tekstil sektörü, bu yılın aynı döneminde 720 milyon dolarlık ihracat yaptı":
            # the sentence's subject sector.
            cell.sector = next(p._.norm for p in places if p.label_ == "SECTOR")
        else:
            # "Türkiye'nin toplam ihracatı": the country's total is no figure of the article's sector.
            # "toplam ithalat ise …" with no word of the story's own ("sektörün") is the country's too.
            country_total = (national and self._country_total(words, local.get("COUNTRY"), c1)) or (
                self._has("national_total", words, c0, c1) and (national or not (
                    self._sector_anaphor(words, c0, c1, places) or self._province_anaphor(words, c0, c1))))
            # "Kentin genel ihracatı ise …": the whole of the province the word refers to.
            province_total = self._province_total(doc, words, local) or (
                self._has("national_total", words, c0, c1) and self._province_anaphor(words, c0, c1))
            cell.sector = None if country_total or in_national_scope or province_total else ctx.topic_sector
            # The figure contrasted is the one just before: in this sentence, or the sentence before.
            leader = ctx.sentence_leader or (ctx.leader if ctx.leader_fresh else None)
            if cell.sector is None and not self._has("national_total", words, c0, c1) and leader is not None \
                    and leader.sector and not (national and (cell.flow != leader.flow or leader.province is None)) \
                    and "PRODUCT" not in local and self._has("contrast", words, s, m.start) \
                    and not province_total and not self._province_anaphor(words, s, e):  # "İlin … ise": the province as a whole
                # "<il>'den X dolarlık <sektör> ihracatı … Türkiye genelindeki ihracat ise Y dolar": a
                # contrast ("ise") changes the dimension it names and keeps the sentence before's sector.
                # After a national figure of a sector, the country named changes the sector: the total.
                cell.sector, cell.product = leader.sector, leader.product
            elif national and leader is not None and leader.province is None and leader.sector \
                    and cell.flow == leader.flow and "PRODUCT" not in local and self._has("contrast", words, s, m.start):
                cell.sector = None
            if ctx.topic_product and not (country_total or national or in_national_scope or province_total) \
                    and "PRODUCT" not in local and not self._has("total_words", words, c0, m.start):
                # A story on one product (or trade category) speaks of it where no other is named,
                # and not of a total ("bu ülkeden yapılan toplam ithalat"), which holds every product.
                cell.product, cell.sector = ctx.topic_product, ctx.topic_product_sector
        if cell.country is None and ctx.previous_partner and "SECTOR" in local and "COUNTRY" not in local \
                and "PROVINCE" not in local and not national and self._has("contrast", words, local["SECTOR"].end, m.start) \
                and not self._has("national_total", words, c0, c1):   # "… sektörünün toplam ihracatı ise": its whole
            # "Irak'a en çok ihracatı <sektör> yaptı. <Başka sektör> ise X dolarlık …": the contrast
            # changes the sector only; the partner the sentence before named stays.
            cell.country = ctx.previous_partner
        if cell.sector is None and ctx.partner_sector and "COUNTRY" in local and not national \
                and not any(x in local for x in ("SECTOR", "PRODUCT", "PROVINCE")):
            cell.sector = ctx.partner_sector
        if cell.country is not None and "SECTOR" not in local and "PROVINCE" not in local and "PRODUCT" not in local \
                and (ctx.joint_sector or any(p.label_ == "SECTOR" and "|" in (p._.norm or "") and p.start < m.start
                                             for p in places)) \
                and not any(p.label_ == "SECTOR" and "|" not in (p._.norm or "") for p in places):
            # "demir-çelik ihracatında … İtalya'ya yapılan ihracat yüzde 54 arttı": a partner's figure
            # of two sectors together is no fact (FACTS.md).
            return None, local
        product = local.get("PRODUCT")
        if product is not None:
            cell.product = product._.norm
            # A product's own sector, unless the clause names the sector itself.
            cell.sector = (cell.sector if "SECTOR" in local else None) or product._.code or cell.sector
        cell.period = self._period_for(words, m, s, e, clause_of, dates, ctx, m.role)
        if earlier_of_last is not None and not local and dates:
            cell.province, cell.country = earlier_of_last.province, earlier_of_last.country
            cell.sector, cell.product = earlier_of_last.sector, earlier_of_last.product
        sl = ctx.sentence_leader
        if sl is not None and sl.flow == cell.flow and self._has("figure_anaphor", words, c0, m.start):
            # "<il>'in ihracatı X dolar oldu; bu ihracatın Y doları Irak'a yapıldı": a part of the
            # figure just stated, in the one dimension it names.
            if "PROVINCE" not in local and not national:
                cell.province = sl.province
            if "SECTOR" not in local and "PRODUCT" not in local:
                cell.sector, cell.product = sl.sector, sl.product
        elif sl is not None and sl.flow != cell.flow and not local and sl.province is None and sl.country is None \
                and sl.sector is None and sl.product is None and any(
                    p.label_ == "COUNTRY" and p._.code == NATIONAL_CODE and p.start < m.start for p in places):
            # "Türkiye genelinde ihracat yüzde 4 azalırken, ithalat yüzde 0,1 arttı": the whole country's too.
            cell.province = cell.country = cell.sector = cell.product = None
            cell.period = cell.period if dates else sl.period
        if sl is not None and sl.flow != cell.flow and not national and "PROVINCE" not in local \
                and "COUNTRY" not in local and sl.province and sl.province != cell.province \
                and any(p.label_ == "PROVINCE" and p._.norm == sl.province and p.start < m.start for p in places):
            # "<il>: ocak ayını X dolar ihracat ve Y dolar ithalatla kapattı": the second measure of
            # another flow keeps the subject the sentence named for the first.
            cell.province = sl.province
            if "SECTOR" not in local and "PRODUCT" not in local:
                cell.sector, cell.product = sl.sector, sl.product
        elif sl is not None and sl.flow != cell.flow and not local and sl.province is None and sl.country is None \
                and sl.sector is None and sl.product is None and any(
                    p.label_ == "COUNTRY" and p._.code == NATIONAL_CODE and p.start < m.start for p in places):
            # "Türkiye genelinde ihracat yüzde 4 azalırken, ithalat yüzde 0,1 arttı": the whole country's too.
            cell.province = cell.country = cell.sector = cell.product = None
        leader = ctx.sentence_leader or ctx.leader
        # "<sektör> ihracatında Hollanda X dolarla ilk sırada. Belçika Y dolarla ikinci, …":
        # the partners ranked after a ranked partner go on with its ranking.
        ranking_goes_on = leader is not None and ctx.leader_fresh and leader.country is not None and "COUNTRY" in local \
            and any(d.rank for d in ctx.last_drafts) \
            and not any(p.label_ in ("SECTOR", "PRODUCT", "PROVINCE") for p in places) \
            and self._item_rank(doc, words, s, e, m, monies, clause_of) is not None
        if ranking_goes_on and cell.flow != leader.flow and self._flow_near(words, s, e, s, e) is None:
            cell.flow = leader.flow   # "İthalatta ise ilk sırada Çin … Rusya X dolarla ikinci": its flow too
        if leader is not None and leader.flow == cell.flow and (ranking_goes_on or self._continues_list(
                doc, words, s, e, places, m, ctx.sentence_leader is not None)):
            # "Bu ülkeyi 2,3 milyar dolarla Slovenya … takip etti": a list item shares its leader's cell
            # but for the one dimension it names.
            if "PROVINCE" not in local and not national:
                cell.province = leader.province
            if "COUNTRY" not in local and not ("PROVINCE" in local and leader.province is None):
                # A province's list after a partner's figure names no partner of its own.
                cell.country = cell.country or leader.country
            if "SECTOR" not in local and "PRODUCT" not in local:
                cell.sector = cell.sector or leader.sector
            if not dates and not ctx.frame_moved:
                # The list keeps its leader's period unless a sentence since has named another.
                cell.period = leader.period
        return cell, local

    def _company_anaphor(self, words, s, e) -> bool:
        # Whole words: "firmalar" (a place's exporters) is no one company.
        return any(w in self._company_words for w in words[s:e])

    def _our_flow(self, words, s, e) -> str | None:
        """The flow a sentence names in the first person plural ("ihracatımızda",
        "ithalatımız"): Türkiye's own, as its speakers write it."""
        ours = tuple(self.cues["first_plural_possessive"])
        found = {flow for flow in ("export", "import") for i in self._find("flow:" + flow, words, s, e)
                 if any(x in words[i] for x in ours)}
        return next(iter(found)) if len(found) == 1 else None

    def _foreign_economy(self, doc, words, c0, c1, places, local) -> bool:
        """"AB'nin ihracatı", "Euro Bölgesi'nde ihracat": another economy's own trade, with no
        Türkiye in it, is no fact of Turkish trade (mirrored partner data names Türkiye)."""
        clause_places = [p for p in places if c0 <= p.start < c1 and p.label_ == "COUNTRY"]
        if not clause_places:
            return False
        if any(p._.code == NATIONAL_CODE for p in clause_places):
            return False
        for p in clause_places:
            suf = split_suffix(words[p.end - 1])[1]
            if suf.endswith(self._genitive) and self._has("share", words, p.end, p.end + 4) \
                    and any(words[i].endswith(self._locative_forms) for i in self._find("flow:any", words, p.end, p.end + 3)):
                # "Almanya'nın toplam ihracattaki payı": the partner's share in Türkiye's exports.
                continue
            if suf.endswith(self._locative) and self._has("partner_ranking", words, p.end, min(c1, p.end + 5)):
                continue  # "<bölge>'da en çok ihraç edilen ülke": Türkiye's partners in a region
            if suf.endswith(self._genitive + self._locative) and self._has("flow:export", words, p.end, p.end + 3) \
                    or suf.endswith(self._genitive + self._locative) and self._has("flow:import", words, p.end, p.end + 3) \
                    or suf.endswith(self._genitive) and self._has("flow:balance_positive", words, p.end, p.end + 8):
                return True
        return False

    def _flow_positions(self, words) -> dict[str, list[tuple[int, int]]]:
        """flow -> (token, length) of every flow word of the document, in order."""
        flows = {}
        for name in self.cues["flow"]:
            flow = "balance" if name.startswith("balance") else name
            cue = self._sets["flow:" + name]
            flows.setdefault(flow, []).extend((i, cue.match_at(words, i)) for i in cue.find(words, 0, len(words)))
        return {k: sorted(v) for k, v in flows.items()}

    def _country_total(self, words, country, end) -> bool:
        """"Türkiye'nin ihracatı": the country in the genitive right before the flow word is the
        whole country's trade, not the story's sector ("Türkiye genelinde" keeps the sector)."""
        if country is None or country._.code != NATIONAL_CODE:
            return False
        suf = split_suffix(words[country.end - 1])[1]
        if not suf or not suf.endswith(self._genitive):
            return False
        hi = min(country.end + 2, end)
        return self._has("flow:any", words, country.end, hi)

    def _province_anaphor(self, words, s, e) -> bool:
        """"kent", "ilin", "kentten": a word for the province standing alone (whole words only:
        the cues are short and prefixes of other words)."""
        forms = self._province_anaphora
        return any(words[i] in forms for i in range(s, e))

    def _sector_anaphor(self, words, s, e, places) -> bool:
        """"Sektör, 2025 yılında …": the word for sector standing alone refers back."""
        ent_tokens = {i for p in places for i in range(p.start, p.end + 1)}
        # "reel sektör", "özel sektörün": the word qualified as a kind of sector refers to none.
        generic = self._generic_sector_words
        return any(i not in ent_tokens and not (i > 0 and words[i - 1] in generic)
                   for i in self._find("anaphora_sector", words, s, e))

    def _province_total(self, doc, words, local) -> bool:
        """"Kütahya'nın ocak-ekim ihracatı": a province in the genitive right before the flow noun
        (a period between at most) is the province's whole trade, not the story's sector's."""
        p = local.get("PROVINCE")
        if p is None or not split_suffix(words[p.end - 1])[1].endswith(self._genitive):
            return False
        k = p.end
        while k < len(words) and k < p.end + 4 and doc[k].ent_type_ == "DATE":
            k += 1
        return k < len(words) and self._sets["flow:any"].match_at(words, k) > 0

    def _counted(self, doc, i) -> bool:
        """Whether a number stands within the three words before token `i` ("160 ülke ve bölgeye",
        "bu iki sektör", "ilk 10 ülkenin")."""
        for j in range(max(0, i - 3), i):
            t = doc[j]
            if (t.like_num or t._.fold in self._count_words) and t.ent_type_ not in MEASURE_LABELS + ("DATE",):
                return True
        return False

    def _pointed_plural(self, doc, words, i) -> bool:
        """"söz konusu kentlerin", "bu ülkelere": a plural noun pointed back to by a demonstrative
        is a group named before."""
        stem, suf = split_suffix(words[i])
        plural = suf.startswith(tuple(self.cues["plural_suffix"])) or any(
            x in words[i][3:] for x in self.cues["plural_suffix"])
        return plural and i > 0 and words[i - 1] in self.cues["group_demonstrative"]

    def _organisation_subject(self, words, orgs, c0, start, s):
        """Whether an organisation named in the clause before `start` is what the figure is of:
        in the nominative, genitive or ablative and not the source of data ("TİM verilerine
        göre", "… Başkanı"). `orgs` is ((start, end) bounds, their starts) of the doc's
        organisations. Returns the organisation's (start, end), or None."""
        bounds, starts = orgs
        # ("<bölge> Serbest Bölgesi'nde ticaret hacmi": what happens in a zone is its own figure.)
        source, cases = self._sets["org_source_after"], self._genitive + tuple(self.cues["ablative_suffix"]) + self._locative
        for k in range(bisect_left(starts, s), bisect_left(starts, start)):
            o_start, o_end = bounds[k]
            if o_end > start:
                continue
            # Before the clause only as the sentence's subject set off by a comma ("<şirket> A.Ş., …").
            if o_start < c0 and not (o_end == c0 or (o_end < len(words) and words[o_end] == "," and o_end + 1 == c0)):
                continue
            if any(source.match_at(words, j) for j in range(o_end, min(o_end + 2, len(words)))):
                continue  # "… Bakanlığı'nın ortak verilerine göre"
            if self._has("attribution_end", words, o_end, min(o_end + 6, start)):
                continue  # "TÜİK'in il bazında açıkladığı verilere göre": the source, a few words on
            if k + 1 < len(starts) and starts[k + 1] == o_end + 1 and words[o_end] in self._coordinators:
                continue  # "TİM ve UİB verilerine göre": the last of the pair says what both are
            suf = split_suffix(words[o_end - 1])[1]
            if not suf or suf.endswith(cases):
                return o_start, o_end
        return None

    def _partner_anaphor(self, words, turkey, c0, ctx) -> str | None:
        """The story's partner where a genitive anaphor ("ülkenin") stands before Türkiye named in
        another case ("Türkiye'den", "Türkiye'ye") in the clause; None otherwise."""
        partner = ctx.country or ctx.bilateral or ctx.topic_country
        if turkey is None or partner in (None, NATIONAL_CODE):
            return None
        t_suf = split_suffix(words[turkey.end - 1])[1]
        if not t_suf or t_suf.endswith(self._genitive):
            return None
        anaphors = self.cues["partner_anaphor_genitive"]
        return partner if any(words[i] in anaphors for i in range(c0, turkey.start)) else None

    def _mirrored(self, words, foreign, turkey) -> bool:
        """"Birleşik Krallık'ın Türkiye'ye ihracatı" is Türkiye's import from the UK."""
        f_suf = split_suffix(words[foreign.end - 1])[1]
        t_suf = split_suffix(words[turkey.end - 1])[1] if turkey is not None else ""
        return f_suf.endswith(self._genitive) and foreign.start < turkey.start and bool(t_suf) and not t_suf.endswith(self._genitive)

    def _partner_whole(self, words, s, e, m, places):
        """The one partner whose trade is the whole of a share of Türkiye: named in the genitive
        before the share, Türkiye named in the sentence too."""
        partners = [p for p in places if p.label_ == "COUNTRY" and p._.code != NATIONAL_CODE]
        turkey = any(p.label_ == "COUNTRY" and p._.code == NATIONAL_CODE for p in places)
        if not turkey or len({p._.code for p in partners}) != 1 or (partners[0]._.code or "")[:1] == "@":
            return None
        p = partners[0]
        if p.end > m.start or not split_suffix(words[p.end - 1])[1].endswith(self._genitive):
            return None
        return p

    def _quantity_for(self, m, quantities, clause_of, s):
        same = [q for q in quantities if clause_of[q.start - s] == m.clause]
        return same[0] if same else None

    # -- percents ---------------------------------------------------------------
    def _attach_percent(self, doc, words, m, s, e, clause_of, places, dates, ctx, sentence_facts, drafts, monies,
                        forced=None):
        value = m.ent._.value
        if value is None:
            return
        c0_, c1_ = self._clause_range(clause_of, s, m.clause)
        # The group may be the subject of a clause before ("İlk 5 ülkeye yapılan ihracat, …"), unless
        # the sentence names its own subject by anaphora ("174 ülkeye ihracat yapan sektör, …").
        g0 = c0_ if self._sector_anaphor(words, s, m.start, places) or self._province_anaphor(words, s, m.start) else s
        groups = self._find("group_nouns", words, g0, m.start)
        if any(self._pointed_plural(doc, words, i) for i in groups) or (
                any(self._counted(doc, i) for i in groups)
                and not any(g0 <= p.start < c1_ for p in places
                            if p.label_ in ("PROVINCE", "COUNTRY", "SECTOR") and p._.code != NATIONAL_CODE)):
            # ("Söz konusu kentlerin <sektör> ihracatının yüzde 90'ı": a group pointed back to is
            # the part whatever whole the clause names.)
            # "Bu iki sektör … toplam ihracatın %11'ini oluşturdu", "İlk 5 ülkeye yapılan ihracat,
            # toplam ihracatın yüzde 31'ini …", "ilk 10 ülkenin payı": the share of a counted group
            # is no cell's.
            return
        if m.role == "share" and m.start - 2 >= s and words[m.start - 1].endswith(self._genitive) \
                and doc[m.start - 1].is_alpha and doc[m.start - 2].like_num \
                and doc[m.start - 2].ent_type_ not in MEASURE_LABELS:
            # "ürettiği 21 bin 300 aracın yüzde 64'ü": a share of a count of goods, not of a
            # trade value, is no cell's share.
            return
        if m.role == "share" and ctx.sentence_orphans and not any(
                mm.end <= m.start for mm, _ in sentence_facts) and max(ctx.sentence_orphans) <= m.start \
                and self._share_owner(words, m, s, e, clause_of, places) is None:
            # "A, B ve C'ye yapılan X dolarlık ihracat, toplam dış satımın yüzde 32'sini oluşturdu":
            # the part is a figure that belongs to no cell, so its share is no cell's either.
            return
        if m.role == "change":
            # A sign written with the number ("yüzde eksi 3,5", "-%12") is the text's own word on it.
            sign = -1 if value < 0 else (self._sign(words, m, s, e, clause_of) or 1)
            value = sign * abs(value)
        target = None
        same_clause = [(mm, d) for mm, d in sentence_facts if mm.clause == m.clause and mm.role != "from"]
        k = m.start - 1
        if k > s and words[k] in ("+", "-", "−"):
            k -= 1
        if k > s and words[k] == "(":
            # "Otomobil 1,2 milyar sterlin (+%8)": a percent in brackets right after an amount is its own.
            before = [(mm, d) for mm, d in sentence_facts if mm.end == k and mm.role != "from"]
            if before:
                same_clause = before
        if m.role == "change" and not sentence_facts and ctx.leader_fresh and ctx.last_drafts \
                and not any(p.label_ in PLACE_LABELS for p in places) and not self._flow_near(words, s, e, s, e):
            # "<il>'in 2025 ihracatı X dolar oldu. Bir önceki yıla göre yüzde 6 gerilemeye işaret
            # ederken …": a change with no subject and no flow of its own is the figure's just stated.
            last = ctx.last_drafts[-1]
            if last.change_pct is None and last.value is not None:
                last.change_pct, last.strong_change = value, True
                last.sources["change_pct"] = (m.ent.start_char, m.ent.end_char, "sentence")
                return
        if m.role == "change":
            # "Son üç yılda yüzde 22 büyüyen sektör …": a change its clause dates over several years
            # is no year-on-year change of any figure (FACTS.md).
            before = [d for d in dates if d.end <= m.start and clause_of[d.start - s] == m.clause
                      and d._.period and not self._is_comparison(words, d, e)]
            if before and self._multi_year(self._resolve_date(before[-1], ctx)):
                return
        earlier = self._earlier_level(words, m, s, e, clause_of, sentence_facts, ctx) if m.role == "change" else None
        if earlier is SPAN_CHANGE:
            return  # no year-on-year change of either level (FACTS.md)
        if earlier is not None:
            # "<yıl>'de X dolar olan ihracatı yüzde 3 azaldı", "… X dolardı; artış yüzde 8 oldu": the
            # change leads from the earlier level to the period after it, whose figure is stated apart.
            cell = Cell(**{**earlier.cell.__dict__, "period": resolve_relative("same_next_year", earlier.cell.period)})
            d = FactDraft(cell=cell, change_pct=value, strong_change=True,
                          evidence=[(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))])
            d.sources = ctx.tracer.trace(cell, self._clause_range(clause_of, s, m.clause), (s, e), m.start)
            d.sources["change_pct"] = (m.ent.start_char, m.ent.end_char, "sentence")
            drafts.append(d)
            return
        opens_with_figure = self._has("figure_anaphor", words, s, min(s + 3, m.start))
        if ctx.leader_fresh and ctx.last_drafts and m.role == "share" and (
                opens_with_figure or (not sentence_facts and self._has("figure_anaphor", words, s, m.start))):
            # "Bu rakam sektör ihracatının yüzde 58'ine karşılık geliyor", "Bu rakam, ülkenin X
            # dolarlık ihracatının yüzde 3'ü": the share of the figure just stated (a figure in the
            # sentence is the whole it is part of).
            sentence_facts = [(Measure(None, "MONEY", -1, -1, -1), ctx.last_drafts[-1])]
            same_clause = []
        if m.role == "share" and self._share_owner(words, m, s, e, clause_of, places) is not None:
            # "… ihracatının yüzde 27'lik kısmı Ordu'dan yapıldı": the place after the share owns it.
            target = None
        elif m.role == "share":
            cands = [(mm, d) for mm, d in sentence_facts if mm.role != "from" and not self._is_national(d.cell)]
            target = (same_clause[0][1] if same_clause and not self._is_national(same_clause[0][1].cell)
                      else (cands[0][1] if cands else None))
        else:
            # "yüzde 6'lık artışla 297 milyon dolar": a change in the instrumental is the figure's right after it.
            after = [d for mm, d in same_clause if m.end < mm.start <= m.end + 3
                     and any(w.endswith(self._instrumental) for w in words[m.end - 1:mm.start])]
            if after:
                target = after[0]
            elif same_clause:
                target = same_clause[0][1]
            else:
                # A percent in its own clause belongs to the sentence's figure only when no
                # other cell entity stands in its clause ("… yüzde 21,2 azaldı").
                c0, c1 = self._clause_range(clause_of, s, m.clause)
                own = [p for p in places if c0 <= p.start < c1]
                cands = [d for mm, d in sentence_facts if mm.role != "from"]
                # "Kentin ihracatı yüzde 7 artarken, en fazla ihracat X dolarla Irak'a yapıldı": a clause
                # that names its own subject by anaphora speaks of that subject, not the next clause's cell.
                refers = self._province_anaphor(words, c0, c1) or self._sector_anaphor(words, c0, c1, places)
                if refers and cands and (cands[0].cell.country or cands[0].cell.province != ctx.province):
                    cands = []
                if not own and len(cands) == 1:
                    target = cands[0]
                    period = self._own_period(words, m, s, e, clause_of, dates, ctx)
                    if period and target.cell.period and period != target.cell.period:
                        # "<yıl>'de X dolarlık ihracat yapılan <il>, bu yıl yüzde N artış yakaladı":
                        # a change dated apart is the same cell in its own period.
                        cell = Cell(**{**target.cell.__dict__, "period": period})
                        d = FactDraft(cell=cell, change_pct=value, strong_change=True,
                                      evidence=[(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))])
                        d.sources = ctx.tracer.trace(cell, (c0, c1), (s, e), m.start)
                        d.sources["change_pct"] = (m.ent.start_char, m.ent.end_char, "clause")
                        drafts.append(d)
                        return
        if target is not None:
            same = any(d is target for _, d in same_clause)
            span = (m.ent.start_char, m.ent.end_char, "clause" if same else "sentence")
            if m.role == "change":
                if target.change_pct is None or not target.strong_change or (target.monthly_change and not m.monthly):
                    target.change_pct, target.strong_change, target.monthly_change = value, True, m.monthly
                    target.sources["change_pct"] = span
            elif target.share_pct is None:
                target.share_pct = value
                target.sources["share_pct"] = span
            target.evidence.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
            return
        owner = self._share_owner(words, m, s, e, clause_of, places) if m.role == "share" else forced
        cell, local = self._cell_for(doc, words, m, s, e, clause_of, places, dates, ctx, set(), monies,
                                     forced=owner)
        if cell is None:
            return
        if m.role == "change" and cell.period and any(
                mm.role == "from" and d.cell.key() == cell.key() for mm, d in sentence_facts):
            # "… geçen yılki 2 milyar dolarlık seviyesinden yüzde 9 arttı": the rise
            # is the later level's, a year on from the earlier one.
            cell.period = resolve_relative("same_next_year", cell.period) or cell.period
        if owner is not None:
            # The share's own sector and period are those of the figure it is a part of.
            whole = next((d for mm, d in sentence_facts if mm.end <= m.start), None)
            if whole is not None:
                cell.sector = cell.sector or whole.cell.sector
                cell.period = whole.cell.period
        if m.role == "change" and self._multi_year(cell.period):
            return   # "son üç yılda yüzde 22 büyüme": a change over several years is no year-on-year change
        if m.role == "share" and self._is_national(cell):
            partner = self._partner_whole(words, s, e, m, places)
            if partner is None:
                # "Bölge, Türkiye'nin toplam ihracatından yüzde 16 pay aldı": a share whose part names
                # no cell is a region's or a group's; the country's own total is the largest whole.
                return
            # "Türkiye, Birleşik Krallık'ın ithalatından yüzde 1,7 pay aldı", "Rusya'nın ticaret
            # hacminde Türkiye'nin payı": Türkiye's share of a partner's trade is the pair's cell,
            # the partner's imports being Türkiye's exports.
            cell.country = partner._.code
            whole_flow = self._flow_near(words, partner.end, m.start, s, e)
            if whole_flow:
                cell.flow = {"export": "import", "import": "export"}.get(whole_flow, whole_flow)
        d = FactDraft(cell=cell, evidence=[(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))])
        if m.role == "change":
            d.change_pct = value
        else:
            d.share_pct = value
        d.rank = self._rank(doc, words, s, e, m.clause, clause_of)
        clause = self._clause_range(clause_of, s, m.clause)
        d.sources = ctx.tracer.trace(cell, clause, (s, e), m.start)
        d.sources["change_pct" if m.role == "change" else "share_pct"] = (m.ent.start_char, m.ent.end_char, "clause")
        if d.rank is not None:
            d.sources["rank"] = (doc[clause[0]].idx, doc[clause[1] - 1].idx + len(doc[clause[1] - 1]), "clause")
        drafts.append(d)
        if ctx.sentence_leader is None:
            ctx.sentence_leader = cell   # a sentence of changes alone is led by its first

    def _earlier_level(self, words, m, s, e, clause_of, sentence_facts, ctx):
        """The draft of the earlier level a change `m` leads from, when the sentence states only
        that level: "… olan" before the change, or a past tense ("dolardı", "gerçekleştirmişti")
        in a clause before it. None when a later figure is stated, or the change's own clause
        is in the past too ("… yüzde 5 artmıştı")."""
        before = [(mm, d) for mm, d in sentence_facts if mm.end <= m.start]
        if not before or len(before) != len(sentence_facts) or len(before) > 1:
            return None
        mm, d = before[0]
        if d.value is None or not d.cell.period or d.change_pct is not None:
            return None
        prior = mm.role == "from" or (mm.end < e and self._sets["prior_value_after"].match_at(words, mm.end) > 0)
        if not prior:
            c0, c1 = self._clause_range(clause_of, s, m.clause)
            past = tuple(self.cues["pluperfect_suffix"]) + tuple(self.cues["past_copula_suffix"])
            if m.clause <= mm.clause or any(words[i].endswith(past) for i in range(c0, c1)) \
                    or not self._historical(words, s, m.start, sentence_facts):
                return None
        span = self.cues["span_unit"]
        if any(words[i + 1] in span and (parse_number(words[i]) or 0) > 1 for i in range(mm.end, m.start - 1)):
            return SPAN_CHANGE  # "beş yılda yüzde 80 büyüdü": a change over several periods
        later = resolve_relative("same_next_year", d.cell.period)
        if ctx.pub is not None and later and parse_period(later)[2:] > (ctx.pub.year, ctx.pub.month):
            return None  # the period after it is not over yet: the change is the earlier level's own
        return d

    @staticmethod
    def _multi_year(period: str | None) -> bool:
        """Whether `period` runs over more than twelve months."""
        if not period:
            return False
        y1, m1, y2, m2 = parse_period(period)
        return (y2 * 12 + m2) - (y1 * 12 + m1) >= 12

    def _own_period(self, words, m, s, e, clause_of, dates, ctx):
        """The period a date in the measure's own clause names, if it names one."""
        own = [d for d in dates if clause_of[d.start - s] == m.clause and not self._is_comparison(words, d, e)
               and (d._.code or "") != "day"]
        if not own:
            return None
        local = Context(**{**ctx.__dict__, "period": ctx.prior_period or ctx.period})
        return self._resolve_date(own[-1], local)

    def _share_owner(self, words, m, s, e, clause_of, places):
        """The province, partner or sector named right after a share ("yüzde 39'luk kısmı
        Trabzon'dan", "yüzde 41'i otomotiv sektöründen geldi")."""
        _, c1 = self._clause_range(clause_of, s, m.clause)
        reference = self.cues["reference_after"]
        after = [p for p in places if m.end <= p.start < min(c1, m.end + 3)
                 and p.label_ in ("PROVINCE", "COUNTRY", "SECTOR", "PRODUCT") and p._.code != NATIONAL_CODE
                 and not (p.end < len(words) and words[p.end] in reference)]
        return after[0] if after else None

    @staticmethod
    def _is_national(cell: Cell) -> bool:
        return cell.province is None and cell.country is None and cell.sector is None and cell.product is None

    # -- ranks ------------------------------------------------------------------
    def _item_rank(self, doc, words, s, e, m, monies, clause_of) -> int | None:
        """The rank of money `m`; in a list of figures in one clause, from the item's own words:
        those after its figure ("… 410 milyon dolarla Orta Doğu ikinci"), else those before it
        back to the figure before ("… ikinci sırada 410 milyon dolarla Orta Doğu")."""
        items = [x for x in monies if not x.delta and x.role != "from"]
        if len(items) >= 2 and m in items:
            last = items[-1]
            series = self._ordinal_series(words, s, last.end, self._clause_range(clause_of, s, last.clause)[1])
            k = len(items) - len(series)
            if 2 <= len(series) <= len(items) and items.index(m) >= k \
                    and not any(self._ordinal_value(w) for w in words[items[k].end:last.start]):
                # "X 2 milyar dolar, Y ise 1,6 milyar dolarla ikinci ve üçüncü sırada": positions
                # coordinated before one rank word after a list of figures with none of their
                # own go to its last items in order.
                return series[items.index(m) - k]
            c0 = self._clause_range(clause_of, s, items[0].clause)[0]
            lead = self._ordinal_series(words, s, c0, items[0].start, nouns=self.cues["rank_position_noun"])
            if len(lead) == len(items):
                # "ilk 3 sırayı X dolarla A, Y dolarla B ve Z dolarla C aldı": positions announced
                # before the figures, one for each, in order ("ilk 3 kent …" heads a list in
                # order alone: no position, FACTS.md).
                return lead[items.index(m)]
        same = [x for x in monies if x.clause == m.clause and not x.delta and x.role != "from"]
        if len(same) < 2 or m not in same:
            return self._rank(doc, words, s, e, m.clause, clause_of)
        k = same.index(m)
        start = same[k - 1].end if k > 0 else s
        if k > 0:
            # "410 milyon dolarla Orta Doğu ikinci ve …": the place and position right after the
            # figure before are that figure's.
            j = start
            while j < m.start and doc[j].ent_type_ in PLACE_LABELS:
                j += 1
            if j > start and j < m.start and self._ordinal(doc, words, j, e):
                start = j + 1
        return self._rank(doc, words, s, e, m.clause, clause_of,
                          within=(start, same[k + 1].start if k + 1 < len(same) else e))

    def _ordinal_series(self, words, s, lo, hi, nouns=None) -> list[int]:
        """Positions coordinated before one rank word ("ikinci ve üçüncü sırada",
        "3'üncü, 4'üncü ve 5'inci oldu"), in order; empty when there is no such series.
        `nouns` narrows the words that may follow "ilk N"."""
        nouns = tuple(nouns or self.cues["rank_words"])
        for i in range(lo, hi):
            run, j = [], i
            while j < hi:
                n = self._ordinal_value(words[j])
                if not n:
                    break
                run.append(n)
                j += 1
                if j < hi and words[j] in self._coordinators and j + 1 < hi and self._ordinal_value(words[j + 1]):
                    j += 1
                else:
                    break
            if len(run) >= 2 and j < hi and (words[j].startswith(tuple(self.cues["rank_words"]))
                                              or words[j] in self.cues["rank_predicate"]):
                return run
            if words[i] in self.cues["ordinal_first"] and i + 2 < hi:
                # "sırasıyla ilk üç pazar", "ilk 3 sırayı": the first N positions, in the list's order.
                n = parse_number(words[i + 1])
                if isinstance(n, int) and 2 <= n <= 10 \
                        and (words[i + 2].startswith(nouns)
                             or self._has("respectively", words, s, i)):
                    return list(range(1, n + 1))
        return []

    def _ordinal_value(self, w: str) -> int | None:
        if not (w[:1].isdigit() or w.startswith(self._ordinal_words)):
            return None
        stem, suf = split_suffix(w)
        if stem in self._ordinals:
            return self._ordinals[stem]
        if stem.isdigit() and suf and suf in self.cues["rank_ordinal_suffix"]:
            return int(stem)
        return None

    @staticmethod
    def _with_tens(words, i, n: int) -> int:
        """"on birinci", "yirmi üçüncü": an ordinal word of units after a word of tens is one
        position."""
        if n < 10 and i > 0 and words[i - 1][:1].isalpha():
            tens = parse_number(words[i - 1])
            if isinstance(tens, int) and 10 <= tens <= 90 and tens % 10 == 0:
                return tens + n
        return n

    def _rank(self, doc, words, s, e, cid, clause_of, within=None) -> int | None:
        c0, c1 = self._clause_range(clause_of, s, cid)
        if within is not None:
            # One item of a list in the clause: its own words only ("2 milyar dolarla AB birinci,
            # 95 milyon dolarla Orta Doğu ikinci ve …").
            c0, c1 = max(c0, within[0]), min(c1, within[1])
        for i in range(c0, c1):
            n = self._sets["rank_one"].match_at(words, i) or self._rank_one_around(doc, words, i, c1)
            if n and words[i] in self._ordinals and self._with_tens(words, i, 1) != 1:
                n = 0   # "on birinci": the eleventh, no first
            if n and i > 0 and words[i - 1].startswith(tuple(self.cues["superlative_in_time"])):
                n = 0   # "tarihinin en yüksek ihracatı": a record over time, no position among others
            if n:
                if self._has("rank_growth", words, max(s, i - 1), min(e, i + n + GROWTH_WINDOW)):
                    continue
                ordinal = next((self._ordinals[w] for w in words[i + n:min(e, i + n + 2)] if w in self._ordinals), None) \
                    or next((r for j in range(i + n, c1) for r in [self._ordinal(doc, words, j, e)] if r), None)
                if ordinal:
                    # "en çok ihracat yapan dördüncü il": the ordinal says the position.
                    return ordinal
                if any(doc[k].like_num and doc[k].ent_type_ not in MEASURE_LABELS for k in range(i + n, min(c1, i + n + 3))):
                    # "en fazla ihracat yapılan 8 ülke", "en fazla ihracat yapan ilk 20 il": the
                    # head of a list, no position.
                    continue
                return 1
            n = self._sets["rank_one_place"].match_at(words, i)
            if n and i + n < e and doc[i + n].ent_iob_ == "B" and doc[i + n].ent_type_ in ("COUNTRY", "PROVINCE"):
                # "Sektör en çok ABD'ye satış yaptı": "most" right before a place names the first one.
                return 1
            r = self._ordinal(doc, words, i, e)
            if r:
                return r
        if within is None and c0 > s and words[c0 - 1] == ",":
            # "en fazla ihracat, 150 milyon dolarla Katar'a yapıldı": a ranking's head set off by a
            # comma from the figure it ranks, in a clause with no figure of its own.
            p0, p1 = self._clause_range(clause_of, s, cid - 1)
            before, own = self._flow_near(words, p0, p1, s, e), self._flow_near(words, c0, c1, s, e)
            if not any(doc[i].ent_type_ in MEASURE_LABELS for i in range(p0, p1)) \
                    and any(self._sets["rank_one"].match_at(words, i) for i in range(p0, p1)) \
                    and not (before and own and before != own):   # a ranking of exports ranks no import
                return self._rank(doc, words, s, e, cid - 1, clause_of)
        return None

    def _rank_one_around(self, doc, words, i, c1) -> int:
        """"en fazla fındık ihraç edilen ülke": the words for "most" and a ranking's verb around
        the name of what is traded; returns the tokens the whole takes, or 0."""
        k = self._sets["rank_one_place"].match_at(words, i)
        j = i + k
        if not k or j >= c1 or doc[j].ent_type_ not in ("SECTOR", "PRODUCT"):
            return 0
        while j < c1 and doc[j].ent_type_ in ("SECTOR", "PRODUCT"):
            j += 1
        n = self._sets["rank_one"].match_at(words[i:i + k] + words[j:min(c1, j + 4)], 0)
        return j - i + n - k if n > k else 0

    def _ordinal(self, doc, words, i, e) -> int | None:
        w = words[i]
        # Every position below is a word that starts with a digit or an ordinal word: any other
        # word (most of them; this runs for every word of a ranking clause) has none.
        if not (w[:1].isdigit() or w.startswith(self._ordinal_words)):
            return None
        stem, suf = split_suffix(w)
        nxt = words[i + 1] if i + 1 < e else ""
        if w in self.cues["ordinal_first"] and i > 0 and words[i - 1].endswith(self._instrumental) \
                and doc[i - 1].ent_type_ == "MONEY" and not (i + 1 < e and (doc[i + 1].like_num or doc[i + 1].ent_type_)):
            # "İstanbul 9 milyar dolarla ilk, Kocaeli … ikinci": "first" right after an instrumental
            # amount is a position (not "ilk çeyrekte", "ilk 10 ülke").
            return 1
        near_rank_word = any(nxt.startswith(x) for x in self.cues["rank_words"])
        before = i - 1 if self._with_tens(words, i, 1) == 1 else i - 2   # "… yirmi üçüncü"
        if not near_rank_word and before >= 0 and words[before].startswith(tuple(self.cues["ranking_before"])):
            near_rank_word = True   # "iller sıralamasında altıncı oldu"
        # "<ülke> X dolarla ikinci": an ordinal right after an instrumental amount ranks it.
        if i > 0 and words[i - 1].endswith(self._instrumental) and doc[i - 1].ent_type_ == "MONEY":
            near_rank_word = True
        elif i > 1 and words[i - 1] in self.cues["instrumental_word"] and doc[i - 2].ent_type_ == "MONEY":
            near_rank_word = True   # "<ülke> X dolar ile 4'üncü
        elif i > 1 and doc[i - 1].ent_type_ in PLACE_LABELS:
            # "95 milyon dolarla Orta Doğu ikinci": the place of an instrumental
            # amount, then its position.
            j = i - 1
            while j > 0 and doc[j].ent_iob_ == "I":
                j -= 1
            if j > 0 and words[j - 1].endswith(self._instrumental) and doc[j - 1].ent_type_ == "MONEY":
                near_rank_word = True
            elif j > 1 and words[j - 1] in self.cues["instrumental_word"] and doc[j - 2].ent_type_ == "MONEY":
                near_rank_word = True   # "35 milyar dolar ile Kocaeli ikinci": the case written apart
            elif nxt in self._coordinators and any(w in self.cues["rank_predicate"] for w in words[i + 1:e]):
                # "X dolar ihracat yapılan Hollanda ikinci, Y dolarla Fransa üçüncü sırada yer aldı":
                # a name and its position, the verb shared with the list's last item.
                near_rank_word = True
        if stem in self._ordinals and near_rank_word:
            return self._with_tens(words, i, self._ordinals[stem])
        for word, n in self._ordinals.items():
            if w.startswith(word) and len(w) <= len(word) + 4 and near_rank_word:
                return self._with_tens(words, i, n)
        if stem.isdigit() and suf and suf in self.cues["rank_ordinal_suffix"] and near_rank_word:
            return int(stem)
        m = re.fullmatch(r"(\d{1,3})\.", w)
        if m and near_rank_word:
            return int(m.group(1))
        if w.isdigit() and nxt == "." and i + 2 < e and any(words[i + 2].startswith(x) for x in self.cues["rank_words"]):
            return int(w)
        if w.isdigit() and nxt == "." and i + 2 >= e and len(w) <= 3 and i > 0 \
                and words[i - 1].startswith(tuple(self.cues["ranking_before"])):
            return int(w)  # "… il sıralamasında 41.": the sentence's last word, a position
        return None

    def _rank_only(self, doc, words, s, e, places, dates, clause_of, ctx, drafts):
        """A position with no figure still ranks a cell ("en fazla ihracat yapılan ülke Irak oldu");
        it merges with the figure stated elsewhere for the same cell."""
        flow = self._flow_near(words, s, e, s, e)
        ablative = tuple(self.cues["ablative_suffix"])
        # "Konya'dan en fazla ihracat yapılan ülke Irak oldu": the place exports come from is not the ranked one.
        # "İngiltere, Almanya'nın ardından … ikinci ülke oldu": the reference point is not ranked here.
        references = self._reference_points(words, places, e)
        cells = [p for p in places if p.label_ in ("PROVINCE", "COUNTRY") and p._.code != NATIONAL_CODE
                 and not split_suffix(words[p.end - 1])[1].endswith(ablative)
                 and p.start not in references]
        sector_only = [p for p in places if p.label_ == "SECTOR" and "|" not in (p._.norm or "")]
        if not sector_only and any(p.label_ == "SECTOR" for p in places):
            return   # "demir-çelik ihracatında ilk sırada İtalya": a ranking of two sectors together
        if not cells and len(sector_only) == 1 and ctx.province and self._has("anaphora_province", words, s, e):
            # "otomotiv sektörüyle kent … Türkiye'nin lider ili oldu": the story's province ranks in that sector.
            cells = sector_only
        if not cells and len(sector_only) == 1 and ctx.flow and ctx.flow_age <= 1:
            # "<sektör> sektörü ilk sırada yer aldı" right after a sentence on the story's figures.
            cells = sector_only
        subject_words = self.cues["anaphora_province_subject"]
        subject_anaphor = not cells and not sector_only and ctx.province is not None \
            and (words[s] in subject_words or any(words[i] in subject_words and words[i + 1] == ","
                                                  for i in range(s, e - 1)))
        # A rank with no flow word of its own goes on with the sentence before it.
        flow = flow or (ctx.flow if ctx.flow_age <= 1 else None)
        if subject_anaphor and flow is not None:
            # "Kent, ihracatta 15'inci sırada yer aldı": the story's province ranks among provinces
            # (in whichever clause the position stands: "Kent, X, Y ve Z'nin ardından dördüncü").
            rank = next((r for cid in sorted(set(clause_of)) for r in [self._rank(doc, words, s, e, cid, clause_of)] if r), None)
            usable = [d for d in dates if not self._is_comparison(words, d, e)]
            if rank is not None:
                cell = Cell(flow=flow, province=ctx.province, sector=ctx.topic_sector,
                            period=self._resolve_date(usable[-1], ctx) if usable else ctx.period)
                self._add_rank(doc, s, e, cell, rank, (s, e), s, (s, e), "sentence", ctx, drafts)
            return
        if flow is not None and len(cells) + len(sector_only) > 1 \
                and self._rank_list(doc, words, s, e, places, dates, ctx, drafts, flow):
            return
        if flow is not None and len(cells) > 1 and len({clause_of[p.start - s] for p in cells}) == len(cells):
            # "<il> sıralamasında 9'uncu kent olan <il>'da, en fazla ihracat <ülke>'ya yapıldı": names
            # in clauses of their own, each ranked by its own clause's words; a partner's
            # province is the one the sentence ranks.
            province = next((p._.norm for p in cells if p.label_ == "PROVINCE"), ctx.province)
            usable = [d for d in dates if not self._is_comparison(words, d, e)]
            period = self._resolve_date(usable[-1], ctx) if usable else ctx.period
            for p in cells:
                cid = clause_of[p.start - s]
                c0, c1 = self._clause_range(clause_of, s, cid)
                rank = self._rank(doc, words, s, e, cid, clause_of, within=(c0, c1))
                if rank is None:
                    continue
                cell = Cell(flow=flow, province=province, period=period, sector=ctx.topic_sector)
                if p.label_ == "COUNTRY":
                    cell.country = p._.code
                else:
                    cell.province = p._.norm
                self._add_rank(doc, s, e, cell, rank, (c0, c1), p.start, (c0, c1), "clause", ctx, drafts)
            return
        if flow is None or len(cells) != 1:
            return
        p = cells[0]
        cid = clause_of[p.start - s]
        rank = self._rank(doc, words, s, e, cid, clause_of)
        c0, c1 = self._clause_range(clause_of, s, cid)
        if rank is None and words[c1 - 1] == "," and p.end == c1 - 1 and cid + 1 in clause_of.ranges \
                and not any(clause_of[x.start - s] == cid + 1 for x in places):
            # "Bu ay Sivas, il sıralamasında 41.": the name ends its clause; its position is the next's.
            rank = self._rank(doc, words, s, e, cid + 1, clause_of)
        if rank is None:
            return
        usable = [d for d in dates if not self._is_comparison(words, d, e)]
        cell = Cell(flow=flow, province=ctx.province, period=self._resolve_date(usable[-1], ctx) if usable else ctx.period)
        if p.label_ == "PROVINCE":
            cell.province = p._.norm
        elif p.label_ == "COUNTRY":
            cell.country = p._.code
        sectors = [x._.norm for x in places if x.label_ == "SECTOR" and "|" not in (x._.norm or "")]
        cell.sector = sectors[0] if len(sectors) == 1 else ctx.topic_sector
        self._add_rank(doc, s, e, cell, rank, (s, e), p.start, (s, e), "sentence", ctx, drafts)

    def _reference_points(self, words, places, e) -> set[int]:
        """Starts of the places a position is stated against: "X'in ardından", and the names
        coordinated before it ("İstanbul, Kocaeli ve İzmir'in ardından dördüncü")."""
        reference, out, heads = self.cues["reference_after"], set(), set()
        for k in range(len(places) - 1, -1, -1):
            p = places[k]
            if p.end < e and words[p.end] in reference:
                out.add(p.start)
                heads.add(p.start)
                continue
            if k + 1 >= len(places) or places[k + 1].start not in out:
                continue
            between = words[p.end:places[k + 1].start]
            # The list's last name is joined by a conjunction ("Kocaeli ve İzmir'in ardından");
            # a comma alone before the head sets off the subject ("Çin, Rusya'nın ardından").
            if between and all(w in self._coordinators for w in between) \
                    and (places[k + 1].start not in heads or any(w != "," for w in between)):
                out.add(p.start)
        return out

    def _rank_list(self, doc, words, s, e, places, dates, ctx, drafts, flow) -> bool:
        """"makine sektörü ilk sırada, otomotiv ikinci sırada, hububat üçüncü sırada": several
        names, each with its own position right after it, rank with no figure. Returns whether
        the sentence is such a list."""
        items = [p for p in places if (p.label_ in ("PROVINCE", "COUNTRY", "SECTOR") and p._.code != NATIONAL_CODE
                                       and "|" not in (p._.norm or ""))]
        usable = [d for d in dates if not self._is_comparison(words, d, e)]
        period = self._resolve_date(usable[-1], ctx) if usable else ctx.period
        found = []
        for k, p in enumerate(items):
            hi = min(items[k + 1].start if k + 1 < len(items) else e, p.end + self.rank_item_window)
            rank = next((r for i in range(p.end, hi) for r in [self._ordinal(doc, words, i, e) or (
                1 if self._sets["rank_one"].match_at(words, i) and not self._has("rank_growth", words, i, hi) else None)] if r), None)
            if rank is not None:
                found.append((p, rank, hi))
        # A list is several positions, each once: anything else is no ranking of these names.
        if len(found) < 2 or len({r for _, r, _ in found}) != len(found):
            return False
        for p, rank, hi in found:
            cell = Cell(flow=flow, province=ctx.province, period=period)
            if p.label_ == "PROVINCE":
                cell.province = p._.norm
            elif p.label_ == "COUNTRY":
                cell.country, cell.sector = p._.code, ctx.topic_sector
            else:
                cell.sector = p._.norm
            self._add_rank(doc, s, e, cell, rank, (s, e), p.start, (p.start, hi), "sentence", ctx, drafts)
        return True

    @staticmethod
    def _add_rank(doc, s, e, cell, rank, clause, anchor, rank_tokens, how, ctx, drafts) -> None:
        """A rank-only draft for `cell`, its sources traced and its rank pointing at `rank_tokens`."""
        d = FactDraft(cell=cell, rank=rank, evidence=[(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))])
        d.sources = ctx.tracer.trace(cell, clause, (s, e), anchor)
        a, b = rank_tokens
        d.sources["rank"] = (doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), how)
        drafts.append(d)

    # -- context ----------------------------------------------------------------
    def _historical(self, words, s, e, sentence_facts) -> bool:
        """"2019 Mart ayında satışlarımız 18 milyon dolardı": a past level, not the story's period."""
        for m, _ in sentence_facts:
            w = words[m.end - 1]
            nxt = words[m.end] if m.end < e else ""
            if w.endswith(tuple(self.cues["past_money_suffix"])) and not w.endswith(tuple(self.cues["ablative_suffix"])):
                return True
            if nxt.endswith(tuple(self.cues["past_copula_suffix"])):
                return True
        # "… 1,2 milyar dolar olarak kaydedilmişti": the pluperfect states the earlier figure a
        # story compares with; its year is no frame for the figures after it.
        pluperfect = tuple(self.cues["pluperfect_suffix"])
        return bool(sentence_facts) and any(len(words[i]) > 6 and words[i].endswith(pluperfect) for i in range(s, e))

    def _update_bilateral(self, words, s, e, places, ctx):
        foreign = {p._.code for p in places if p.label_ == "COUNTRY" and p._.code != NATIONAL_CODE}
        if len(foreign) == 1 and self._has("bilateral", words, s, e):
            ctx.bilateral = next(iter(foreign))
        elif not foreign and ctx.bilateral is None and (ctx.country or ctx.topic_country) \
                and self._has("bilateral_pair", words, s, e):
            # "İki ülke arasındaki ticaret hacmi" with no name: the pair is Türkiye and the
            # partner the story has named.
            ctx.bilateral = ctx.country or ctx.topic_country
        elif foreign and len(foreign) > 1:
            ctx.bilateral = None

    def _update_context(self, words, s, e, places, dates, sentence_facts, ctx, monies=()):
        ctx.growth_list = self._has("growth_rank", words, s, e) or (
            ctx.growth_list and self._has("list_follow", words, s, e))
        usable = [d for d in dates if not self._is_comparison(words, d, e) and (d._.code or "") != "day"
                  and d._.norm not in BASELINE_KINDS]
        # The date of an earlier level ("2024'te X dolar olan ihracat, … yükselişe geçti") is a
        # comparison, as a from-value's is: no frame for the figures after it.
        prior_after = self._sets["prior_value_after"]
        froms = [m for m in monies if m.role == "from" or (m.end < e and prior_after.match_at(words, m.end))]
        usable = [d for d in usable if not any(0 <= m.start - d.end <= 1 for m in froms)]
        if self._historical(words, s, e, sentence_facts):
            usable = []
        if not sentence_facts:
            # "2026 yılında toparlanma bekliyoruz": the year of a forecast frames no figure.
            usable = [d for d in usable if not self._has("target", words, d.end, e)]
        else:
            # "… 410 milyon dolar olurken gözler 2025 yılına çevrildi": a date after the sentence's
            # last figure, in a clause of no figure, frames nothing.
            last_end = max(m.end for m, _ in sentence_facts)
            usable = [d for d in usable if d.start < last_end or any(d.end <= x.start for x in monies)]
        if usable:
            last = usable[-1]
            p = self._resolve_date(last, self._sentence_ctx(usable, last, ctx) if last._.norm else ctx)
            # A date resolved against the sentence's earlier level ("… olan …, aynı dönemde") is
            # best read off the figure it dated.
            current = [m for m, _ in sentence_facts if m.role != "from"]
            if last._.norm and ctx.prior_period and current:
                p = next(d.cell.period for m, d in sentence_facts if m is current[-1]) or p
            if p and self._aside_period(words, last, e, p, ctx):
                # "Aralık ayında ise …" in a story on the year: a part of the frame named in
                # contrast is an aside; the figures after it are the year's again.
                p = None
            if p:
                if not sentence_facts:
                    ctx.frame_moved = True
                ctx.period = p
                ctx.year_frame = p if len(p) == 4 else None
        # "<il>'in ardından ikinci": a reference point is named, not spoken of.
        reference = self.cues["reference_after"]
        provinces = [p for p in places if p.label_ == "PROVINCE" and not (p.end < e and words[p.end] in reference)]
        if provinces:
            ctx.last_province = provinces[-1]._.norm
        elif ctx.org_provinces:
            named = [norm for start, norm in ctx.org_provinces if s <= start < e]
            if named:
                ctx.last_province = named[-1]
        if provinces and provinces[0].end < e and words[provinces[0].end] == ":" \
                and not any(w.strip() for w in words[s:provinces[0].start]):
            # "Ardahan: Mütevazı bir tablo çizdi. X dolar ihracata karşılık …": a name set off by a
            # colon at the head of a paragraph is the subject of what follows.
            ctx.province = provinces[0]._.norm
        elif len({p._.norm for p in provinces}) == 1:
            suf = split_suffix(words[provinces[0].end - 1])[1]
            # The subject of a trade sentence ("Diyarbakır'ın ihracatı", "Trabzon'da") becomes the
            # story's province; one named as a source or goal ("İstanbul'dan") does not.
            ranked = self._has("growth_rank", words, s, provinces[0].start) or \
                (not sentence_facts and self._has("rank_one", words, s, provinces[0].start))
            if (sentence_facts or self._flow_near(words, s, e, s, e)) and (not suf or suf.endswith(self._genitive + self._locative)) \
                    and not ranked and not ctx.section_sentence:
                # "İhracatını en fazla artıran il ise Ankara oldu": a ranking names no story's province.
                ctx.province = provinces[0]._.norm
        ctx.leader_fresh = bool(sentence_facts)
        if sentence_facts:
            ctx.last_drafts = [d for _, d in sentence_facts]
            if ctx.story_period is None:
                ctx.story_period = next((d.cell.period for m, d in sentence_facts
                                         if m.role != "from" and d.value is not None), None)
            if ctx.story_flow is None:
                ctx.story_flow = next((d.cell.flow for _, d in sentence_facts if d.cell.flow in ("export", "import")), None)
        if sentence_facts and ctx.flow and all(d.cell.flow == ctx.flow for _, d in sentence_facts):
            # A ranking that went on without naming its flow keeps it alive for the next item.
            ctx.flow_age = 0
        if sentence_facts:
            ctx.leader = sentence_facts[0][1].cell
            ctx.frame_moved = False
            cells = [f.cell for _, f in sentence_facts]
            sectors = {c.sector for c in cells}
            # A sentence that ran through several partners of one sector opens a section on that
            # sector's markets ("Sektörde … AB ülkeleri birinci, … ikinci"); the next such list stays in it.
            ctx.partner_sector = (next(iter(sectors)) if len(cells) >= 2 and len(sectors) == 1
                                  and len({c.country for c in cells}) == len(cells) and None not in {c.country for c in cells}
                                  else None)
        countries = {p._.code for p in places if p.label_ == "COUNTRY" and p._.code != NATIONAL_CODE}
        if len(countries) == 1 and (sentence_facts or self._flow_near(words, s, e, s, e)):
            ctx.country = next(iter(countries))
        ctx.previous_partner = next(iter(countries)) if len(countries) == 1 else None
        sectors = [p._.norm for p in places if p.label_ == "SECTOR" and "|" not in (p._.norm or "")]
        # "Tekstil ile birlikte değerlendirildiğinde tekstil-konfeksiyon ihracatı …": a sector named
        # as a part of two together is no new subject for "sektörün" after it.
        if sectors and not any(p.label_ == "SECTOR" and "|" in (p._.norm or "") for p in places):
            ctx.sector = sectors[-1]
        ctx.joint_sector = not sectors and (any(p.label_ == "SECTOR" for p in places) or (
            ctx.joint_sector and not any(p.label_ in ("PROVINCE", "PRODUCT") for p in places)))
        self._update_scope(words, s, e, places, sentence_facts, ctx)

    def _update_scope(self, words, s, e, places, sentence_facts, ctx) -> None:
        """A trade sentence about the whole country ("Türkiye'nin ihracatı …", "ülke … rekor kırdı")
        opens a national scope: the figures after it that name nothing are the country's, not the
        story's province or sector, until a sentence names one or refers back to it ("sektörün")."""
        own = any(p.label_ in ("PROVINCE", "SECTOR", "PRODUCT", "REGION") for p in places) \
            or self._province_anaphor(words, s, e) or self._sector_anaphor(words, s, e, places)
        if self._company_anaphor(words, s, e) and not any(p.label_ in CELL_LABELS for p in places):
            # "Şirketin net satışları … geriledi": the figures after it, naming no place, are the
            # company's, until a sentence names a cell or the country.
            ctx.company_scope = True
        elif own or any(p.label_ == "COUNTRY" for p in places):
            ctx.company_scope = False
        if own:
            ctx.national_scope = False
            return
        if not (sentence_facts or self._flow_near(words, s, e, s, e)):
            return
        subject_words = self._national_subject
        country_word = any(words[i] in subject_words and not (i > s and words[i - 1][:1].isdigit())
                           for i in range(s, e))
        turkey = [p for p in places if p.label_ == "COUNTRY" and p._.code == NATIONAL_CODE]
        partners = any(p.label_ == "COUNTRY" and p._.code != NATIONAL_CODE for p in places)
        # "Türkiye'nin İran'a ihracatı ise …": the whole country as the subject, with or without a partner.
        turkey_genitive = any(split_suffix(words[p.end - 1])[1].endswith(self._genitive) for p in turkey)
        if ((turkey or country_word) and not partners) or turkey_genitive:
            ctx.national_scope = True

    # -- tables -----------------------------------------------------------------
    def _table_row(self, doc, words, s, e, sent_ents, ctx: Context, drafts) -> bool:
        """A table written as text (FACTS.md rule 6): a header names the columns (periods, flows,
        a scale, a change, a share or a rank column), each row an entity or a month and its
        figures; what the table is about comes from the sentence that introduces it. Returns
        False when the line is no table row."""
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        line = ctx.text[start:end]
        if line.count("|") < 2:
            ctx.table = None
            return False
        cells, pos = [], start
        for part in line.split("|"):
            # Offsets of the cell's text without the spaces around it (provenance points at them).
            lead = len(part) - len(part.lstrip())
            cells.append((pos + lead, pos + lead + len(part.strip()), part.strip()))
            pos += len(part) + 1
        cells = [c for c in cells if c[2] and not set(c[2]) <= set("-: ")]
        if not cells:
            return True
        in_cell = lambda c, x: c[0] <= x.start_char and x.end_char <= c[1]  # noqa: E731
        values = [parse_number(c[2]) for c in cells]
        header_like = not any(v is not None for v in values[1:]) and not any(
            x.label_ in PLACE_LABELS for x in sent_ents if in_cell(cells[0], x))
        if header_like or ctx.table is None:
            self._table_header(doc, words, s, e, cells, sent_ents, ctx)
            return True
        table = ctx.table
        cols = table["cols"]
        place = next((x for x in sent_ents if x.label_ in PLACE_LABELS and any(
            in_cell(c, x) for c, col in zip(cells, cols) if col["kind"] is None)), None)
        row_month = next((x for x in sent_ents if x.label_ == "DATE" and in_cell(cells[0], x) and x._.period
                          and len(x._.period) == 7), None)
        if place is None and row_month is None:
            return True
        latest = max((c["period"] for c in cols if c["kind"] == "value" and c["period"]), default=None)
        evidence = [(start, end)]
        row: dict[tuple, FactDraft] = {}
        rank = next((int(v) for v, col in zip(values, cols) if col["kind"] == "rank" and v is not None
                     and float(v).is_integer()), None)
        for col, v, cell_span in zip(cols, values, cells):
            if v is None or col["kind"] in (None, "rank"):
                continue
            period = col["period"] if col["kind"] == "value" else latest
            if row_month is not None:
                # "Ocak | 1.520 | 1.480" under "2024 | 2025": the row's month of the column's year.
                year = (period or table["period"] or "")[:4]
                if not year.isdigit():
                    continue
                period = f"{year}-{row_month._.period[5:7]}"
            flow = col["flow"] or table["flow"]
            if flow is None:
                continue
            key = (flow, period)
            if key not in row:
                cell = Cell(flow=flow, province=table["province"], sector=table["sector"], period=period)
                if place is not None and place.label_ == "COUNTRY" and place._.code != NATIONAL_CODE:
                    cell.country = place._.code
                elif place is not None and place.label_ == "PROVINCE":
                    cell.province = place._.norm
                elif place is not None and place.label_ == "SECTOR":
                    cell.sector = place._.norm
                elif place is not None and place.label_ == "PRODUCT":
                    cell.product, cell.sector = place._.norm, place._.code or cell.sector
                row[key] = FactDraft(cell=cell, evidence=list(evidence), rank=rank)
                # Every field of a row is the table's: its row entity, its columns' header.
                row[key].sources = {k: (a, b, "table") for k, (a, b, _) in
                                    ctx.tracer.trace(cell, (s, e), (s, e), s).items()}
            d = row[key]
            span = (cell_span[0], cell_span[1], "table")
            if col["kind"] == "value":
                d.value, d.currency = v * col["scale"], col["currency"]
                d.sources["value"] = span
            elif col["kind"] == "change":
                d.change_pct, d.strong_change = float(v), True
                d.sources["change_pct"] = span
            else:
                d.share_pct = float(v)
                d.sources["share_pct"] = span
        # Only the latest period's figures carry the row's rank and share.
        for (flow, period), d in row.items():
            if period != latest and latest is not None and row_month is None:
                d.rank = None
        drafts.extend(row.values())
        return True

    def _table_header(self, doc, words, s, e, cells, sent_ents, ctx: Context) -> None:
        """Read a header row into `ctx.table`: each column's kind, period, flow, scale and currency,
        and the subject, period and flow of the sentence that introduced the table."""
        # Each column's words and first date, in one pass over the row (a row can be long).
        col_words = self._by_cell(cells, ((doc[i].idx, doc[i].idx, words[i]) for i in range(s, e)))
        col_dates = self._by_cell(cells, ((x.start_char, x.end_char, x) for x in sent_ents if x.label_ == "DATE"))
        intro_places, intro_flow, intro_scale = [], None, 1
        if ctx.intro is not None:
            i0, i1, intro_places = ctx.intro
            intro_flow = self._flow_near(words, i0, i1, i0, i1)
            # "… öne çıkan sektörler (Milyon dolar):": the scale of every column that names none.
            intro_scale = next((self.cues["table_scale"][words[i]] for i in range(i0 + 1, i1)
                                if words[i] in self.cues["table_scale"] and words[i - 1] == "("), 1)
            if intro_flow is None and self._has("market_words", words, i0, i1):
                intro_flow = "export"   # "<il>'in ilk pazarları": markets are where exports go
        cols = []
        for c, cw, dates_in in zip(cells, col_words, col_dates):
            date = dates_in[0] if dates_in else None
            has = lambda name: any(self._sets[name].match_at(cw, k) for k in range(len(cw)))  # noqa: E731
            scale = next((self.cues["table_scale"][w] for w in cw if w in self.cues["table_scale"]), None)
            if scale is None:
                scale = intro_scale if date is not None else 1
            currency = next((cur for w in cw for cur, names in self.cues["table_currency"].items()
                             if any(w.startswith(n) for n in names)), None)
            flow = self._flow_near(cw, 0, len(cw), 0, len(cw)) if cw else None
            # "Pay (%)" is a share before it is a percent.
            kind = ("share" if has("share") else "change" if has("table_change")
                    else "rank" if has("table_rank")
                    else "value" if date is not None or flow is not None or scale != 1 or currency else None)
            period = self._resolve_date(date, ctx) if date is not None else None
            cols.append({"period": self._table_period(period, ctx.period) if period else
                         (ctx.period if kind == "value" else None),
                         "scale": scale, "currency": currency or "USD", "kind": kind, "flow": flow})
        lw = [words[t.i] for t in doc[s:e]]
        provinces = [p._.norm for p in intro_places if p.label_ == "PROVINCE"]
        sectors = [p._.norm for p in intro_places if p.label_ == "SECTOR" and "|" not in (p._.norm or "")]
        sector = sectors[0] if len(set(sectors)) == 1 else None
        if sector is None and not sectors and ctx.intro is not None \
                and self._sector_anaphor(words, ctx.intro[0], ctx.intro[1], intro_places):
            # "Sektörün başlıca pazarlarına ihracatı şöyle:": the rows are the story's sector's.
            sector = ctx.sector or ctx.topic_sector
        ctx.table = {"cols": cols, "flow": self._flow_near(lw, 0, len(lw), 0, len(lw)) or intro_flow or ctx.flow,
                     "province": provinces[0] if len(set(provinces)) == 1 else ctx.province,
                     "sector": sector,
                     "period": ctx.period}

    @staticmethod
    def _by_cell(cells, items) -> list[list]:
        """Group `(start, end, item)` in text order under the cells (start, end, …) that hold them."""
        out = [[] for _ in cells]
        k = 0
        for a, b, item in items:
            while k < len(cells) and cells[k][1] < a:
                k += 1
            if k == len(cells):
                break
            if cells[k][0] <= a and b <= cells[k][1]:
                out[k].append(item)
        return out

    @staticmethod
    def _table_period(column: str | None, frame: str | None) -> str | None:
        """A column headed by a bare year under a sentence that names months ("ocak-mart
        döneminde … ilk 10 ülke") holds those months of its year."""
        if column is None or len(column) != 4 or not frame or len(frame) != 15 or frame[:4] != frame[8:12]:
            return column
        return f"{column}{frame[4:8]}{column}{frame[12:]}"

    # -- merge ------------------------------------------------------------------
    @staticmethod
    def _period_by_share(drafts: list[FactDraft]) -> None:
        """A part stated with its value and its share of the whole ("171 milyon dolarla … kent
        ihracatının yüzde 55,2'sini") belongs to the period whose whole it is that share of. When
        the whole of the part's period does not fit and the whole of exactly one other period
        does, the part moves there (a month's figure between the quarter's and its sectors')."""
        wholes: dict[tuple, dict[str, FactDraft]] = {}
        for d in drafts:
            c = d.cell
            if d.value and c.period and not (c.country or c.sector or c.product):
                wholes.setdefault((c.flow, c.province), {}).setdefault(c.period, d)
        if not wholes:
            return

        def fits(part, whole, share):
            return whole.value > 0 and abs(100 * part / whole.value - share) <= max(0.15, 0.01 * share)

        for d in drafts:
            c = d.cell
            if not (d.value and d.share_pct and 0 < d.share_pct < 100 and c.period and (c.sector or c.country)):
                continue
            by_period = wholes.get((c.flow, c.province), {})
            if c.period not in by_period or fits(d.value, by_period[c.period], d.share_pct):
                continue
            others = [w for p, w in by_period.items() if p != c.period and fits(d.value, w, d.share_pct)]
            if len(others) == 1:
                RelationExtractor._take_period_of(d, others[0])

    @staticmethod
    def _take_period_of(part: FactDraft, whole: FactDraft) -> None:
        """Move `part` to the period of the whole it fits, its period's source pointing at the
        whole's ("share")."""
        part.cell.period = whole.cell.period
        src = whole.sources.get("period")
        if src is not None:
            part.sources["period"] = (src[0], src[1], "share")

    @staticmethod
    def _part_within_whole(drafts: list[FactDraft]) -> None:
        """A sector's or partner's figure larger than its province's whole in the same period is no
        part of it: the province was carried onto a national figure (a sector's national total
        named in a story on one province). Only a province the clause does not name itself is
        taken back."""
        wholes = {}
        for d in drafts:
            c = d.cell
            if d.value and c.province and not (c.country or c.sector or c.product):
                wholes.setdefault((c.flow, c.province, c.period), d.value)
        for d in drafts:
            c = d.cell
            if not (d.value and c.province and (c.sector or c.country or c.product)):
                continue
            whole = wholes.get((c.flow, c.province, c.period))
            src = d.sources.get("province")
            if whole and d.value > 1.02 * whole and (src is None or src[2] != "clause"):
                c.province = None
                d.sources.pop("province", None)

    def _partner_within_whole(self, drafts: list[FactDraft]) -> None:
        """A partner's figure larger than the whole it is a part of (same flow, province and
        sector, no partner) in its period belongs to a longer period whose whole holds it: a
        month named in passing ("Aralık ayında sektör … aylık rekor kırdı") moved the frame,
        and the ranking of markets after it is the year's. It moves when exactly one such
        longer period, containing its own, has a stated whole at least as large."""
        wholes: dict[tuple, dict[str, FactDraft]] = {}
        for d in drafts:
            c = d.cell
            if d.value and c.period and not (c.country or c.product):
                wholes.setdefault((c.flow, c.province, c.sector), {}).setdefault(c.period, d)
        moved = None   # (the period left, the whole taken) of the last partner moved
        for d in drafts:
            c = d.cell
            if not (d.value and c.country and c.period and not c.product):
                moved = None
                continue
            by_period = wholes.get((c.flow, c.province, c.sector), {})
            whole = by_period.get(c.period)
            if moved is not None and moved[0] == c.period and d.value <= moved[2]:
                # The markets listed right after the one moved ("ABD'yi X dolarla BAE … izledi")
                # are of its ranking, in its period.
                self._take_period_of(d, moved[1])
                continue
            moved = None
            if whole is None or d.value <= 1.02 * whole.value:
                continue
            longer = [w for p, w in by_period.items()
                      if p != c.period and w.value >= d.value and self._inside(c.period, p)]
            if len(longer) == 1:
                moved = (c.period, longer[0], d.value)
                self._take_period_of(d, longer[0])

    @staticmethod
    def _carried_onto_a_named_cell(drafts: list[FactDraft]) -> None:
        """Two different figures for one cell, one naming the sector in its clause and one that
        only took it from the article's subject ("TİM: Ağustosta otomotiv ihracatı ilk sırada"
        over a national release): the carried one is the whole, with no sector."""
        by_key: dict[tuple, list[FactDraft]] = {}
        for d in drafts:
            if d.value is not None and d.cell.sector:
                by_key.setdefault(d.cell.key(), []).append(d)
        for same in by_key.values():
            named = [d for d in same if (d.sources.get("sector") or (0, 0, ""))[2] in ("clause", "sentence")]
            carried = [d for d in same if (d.sources.get("sector") or (0, 0, ""))[2] == "subject"]
            for d in carried:
                if named and all(abs(d.value - n.value) > 0.05 * abs(n.value) for n in named) \
                        and all(abs(d.value) > abs(n.value) for n in named):
                    d.cell.sector = None
                    d.sources.pop("sector", None)

    def _merge(self, drafts: list[FactDraft]) -> list[dict]:
        self._period_by_share(drafts)
        self._part_within_whole(drafts)
        self._partner_within_whole(drafts)
        self._carried_onto_a_named_cell(drafts)
        merged: dict[tuple, FactDraft] = {}
        dated = {}
        for d in drafts:
            if d.cell.period is not None and d.value is not None:
                dated.setdefault(d.cell.key()[:-1], []).append(d)
        for d in drafts:
            if d.cell.period is None and d.value is not None:
                # A headline restating a dated figure ("DIŞ AÇIK 7,3 MİLYAR DOLAR") is that figure.
                same = [x for x in dated.get(d.cell.key()[:-1], []) if abs(x.value - d.value) <= 0.005 * abs(x.value)]
                if same:
                    d.cell.period = same[0].cell.period
            elif d.cell.period is None and d.rank is not None and d.value is None and d.change_pct is None \
                    and d.share_pct is None and dated.get(d.cell.key()[:-1]):
                # A rank stated before any period (a headline's "… ihracatında lider <il>") ranks
                # the cell's first dated figure.
                d.cell.period = dated[d.cell.key()[:-1]][0].cell.period
            k = d.cell.key()
            if k not in merged:
                merged[k] = d
                continue
            m = merged[k]
            for k, src in d.sources.items():
                m.sources.setdefault(k, src)
            if d.value is not None and (m.value is None or (
                    _significant(d.value) > _significant(m.value) and abs(d.value - m.value) <= 0.05 * abs(m.value))):
                # The same figure written twice ("22,9 milyar", "22 milyar 928 milyon"): keep the precise one;
                # a different figure for the same cell does not replace the first one stated.
                m.value, m.currency = d.value, d.currency
                m.sources["value"] = d.sources.get("value", m.sources.get("value"))
            if d.change_pct is not None and (m.change_pct is None or (d.strong_change and not m.strong_change)
                                             or (d.strong_change == m.strong_change and _decimals(d.change_pct) > _decimals(m.change_pct)
                                                 and round(d.change_pct) == round(m.change_pct))):
                m.change_pct, m.strong_change = d.change_pct, d.strong_change
                m.sources["change_pct"] = d.sources.get("change_pct", m.sources.get("change_pct"))
            if d.share_pct is not None and (m.share_pct is None or _decimals(d.share_pct) > _decimals(m.share_pct)):
                m.share_pct = d.share_pct
                m.sources["share_pct"] = d.sources.get("share_pct", m.sources.get("share_pct"))
            for attr in ("change_abs", "rank", "quantity", "unit"):
                if getattr(m, attr) is None and getattr(d, attr) is not None:
                    setattr(m, attr, getattr(d, attr))
            m.evidence.extend(x for x in d.evidence if x not in m.evidence)
        out = []
        for d in merged.values():
            c = d.cell
            out.append({
                "flow": c.flow, "province": c.province, "country": c.country, "sector": c.sector,
                "product": c.product, "period": c.period, "value": d.value, "currency": d.currency,
                "change_pct": d.change_pct, "change_abs": d.change_abs, "share_pct": d.share_pct,
                "rank": d.rank, "quantity": d.quantity, "unit": d.unit,
                "evidence": sorted(set(d.evidence)),
                "sources": as_json({k: v for k, v in d.sources.items() if v is not None
                                    and (k not in MEASURE_FIELDS or getattr(d, k) is not None)}),
            })
        return out


@Language.factory(
    "export_facts_relations",
    assigns=["doc._.facts"],
    requires=["doc.ents"],
    default_config={"max_context_sentences": 6, "max_measures_per_sentence": 40},
)
def make_relations(nlp: Language, name: str, max_context_sentences: int, max_measures_per_sentence: int):
    return RelationExtractor(nlp, name, max_context_sentences=max_context_sentences,
                             max_measures_per_sentence=max_measures_per_sentence)
