"""The document pass of the relation step: what the article is about, found before any
figure is linked.

An article names its subject in the headline or the lead, refers back to it ("kent",
"sektör", "bu ülke") and repeats it; a passing mention of another province or sector
is named once, somewhere in the body, often as an item of a list. So every mention is
a candidate for the article's subject, scored by features of the mention (where it
stands, its case, a flow word after it, whether it is a list item) and of the document
(how often the name comes back, whether the text refers back to a subject of its kind).
One scorer chooses, with the weights in `models/patterns/scores.json` ("subject"): a
name is the subject when its score passes `threshold` and beats the runner-up by
`margin` times (a country only without any rival: partners come in lists).

The result is an immutable `Subject` on `doc._.subject`; the later stages only read it.
"""
from collections import defaultdict
from dataclasses import dataclass, field

from ..lang.casing import split_suffix

# The entity labels a subject is chosen for, and the attribute that names each one.
SUBJECT_KINDS = {"PROVINCE": "norm", "SECTOR": "norm", "COUNTRY": "code", "PRODUCT": "norm"}


@dataclass(frozen=True)
class Candidate:
    """One name competing to be the article's subject, with what supports it."""
    label: str
    name: str
    score: float
    features: dict
    span: tuple[int, int]          # character offsets of its strongest mention


@dataclass(frozen=True)
class Subject:
    """The article's subject per kind (None where no name wins) and every candidate."""
    province: Candidate | None = None
    sector: Candidate | None = None
    country: Candidate | None = None
    product: Candidate | None = None
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)

    def name(self, label: str) -> str | None:
        c = {"PROVINCE": self.province, "SECTOR": self.sector, "COUNTRY": self.country,
             "PRODUCT": self.product}[label]
        return c.name if c is not None else None


def mention_features(words, ent, sent_start: int, in_lead: bool, cues: dict, sets: dict, w: dict) -> dict:
    """Features of one mention: its place in the article, its case, what follows it."""
    stem, suf = split_suffix(words[ent.end - 1])
    ending = suf or ""
    feats = {"mention": 1.0}
    if in_lead:
        feats["lead"] = 1.0
    if ending.endswith(tuple(cues["genitive_suffix"])):
        feats["genitive"] = 1.0
    elif ending.endswith(tuple(cues["ablative_suffix"])):
        feats["ablative"] = 1.0
    elif ending.endswith(tuple(cues["locative_suffix"])):
        feats["locative"] = 1.0
    elif not ending:
        feats["bare"] = 1.0
    else:
        feats["other_case"] = 1.0
    hi = min(ent.end + w["flow_window"], len(words))
    if sets["flow:any"].any(words, ent.end, hi):
        feats["flow_after"] = 1.0
    # "Mobilya sektöründe": a sector named with the word for sector is spoken of as a sector.
    if ent.label_ == "SECTOR" and ent.end < len(words) and sets["anaphora_sector"].match_at(words, ent.end):
        feats["sector_noun"] = 1.0
    # "… X dolarla <il>", "yüzde N'lik kısmı <il>'den": a name right after a figure
    # is the cell of that figure (a list item, a share's owner), not what the article is about.
    doc = ent.doc
    if any(doc[i].ent_type_ in ("MONEY", "PERCENT") for i in range(max(sent_start, ent.start - w["after_figure_window"]), ent.start)):
        feats["list_item"] = 1.0
    # "İstanbul 8,6 milyar dolarla zirvede": a name followed by its figure in the instrumental is an
    # item of a ranking.
    if ranked_item(doc, words, ent.end, cues):
        feats["list_item"] = 1.0
    # "İhracatını en fazla artıran il ise Ankara oldu": the winner of a ranking is its item.
    if sets["growth_rank"].any(words, max(sent_start, ent.start - w["after_figure_window"] - 5), ent.start):
        feats["list_item"] = 1.0
    return feats


def ranked_item(doc, words, end: int, cues: dict) -> bool:
    """Whether an instrumental amount ("X dolarla", "X dolar ile") follows right after token `end`."""
    n = len(doc)
    k = end
    if k >= n or doc[k].ent_type_ != "MONEY":
        return False
    while k < n and doc[k].ent_type_ == "MONEY" and (k == end or doc[k].ent_iob_ == "I"):
        k += 1
    last = words[k - 1]
    if k < n and words[k] in cues["instrumental_word"]:
        return True
    return last.endswith(tuple(cues["instrumental_suffix"])) and not last.endswith(tuple(cues["adjectival_instrumental"]))


def find_subject(doc, words, ents, sentences, cues: dict, sets: dict, weights: dict) -> Subject:
    """Score every PROVINCE, SECTOR and COUNTRY mention and choose the article's subject."""
    w = weights
    # The lead is the first sentences that say something: page furniture ("×", a menu word)
    # before the headline is no sentence of the article.
    lead = []
    for s, e in sentences:
        if len(lead) == w["lead_sentences"]:
            break
        if sum(doc[i].is_alpha for i in range(s, e)) >= w["lead_min_words"]:
            lead.append((s, e))
    lead_starts = {s for s, _ in lead}
    sent_of = {}
    for k, (s, e) in enumerate(sentences):
        for i in range(s, e):
            sent_of[i] = (k, s in lead_starts)
    first_figure = next((sent_of[x.start][0] for x in ents if x.label_ in ("MONEY", "PERCENT") and x.start in sent_of),
                        len(sentences))
    totals: dict[tuple[str, str], dict] = defaultdict(lambda: defaultdict(float))
    best_span: dict[tuple[str, str], tuple[float, tuple[int, int]]] = {}
    for ent in ents:
        attr = SUBJECT_KINDS.get(ent.label_)
        if attr is None:
            continue
        name = getattr(ent._, attr)
        if not name or "|" in name or (ent.label_ == "COUNTRY" and name == w["national_code"]):
            continue
        k, in_lead = sent_of.get(ent.start, (0, False))
        feats = mention_features(words, ent, sentences[k][0], in_lead, cues, sets, w)
        if k <= first_figure:
            # Named before the story's first figure, or with it: the story opens on it.
            feats["opening"] = 1.0
        key = (ent.label_, name)
        for f, v in feats.items():
            totals[key][f] += v
        score = sum(w["mention"].get(f, 0.0) * v for f, v in feats.items())
        if key not in best_span or score > best_span[key][0]:
            best_span[key] = (score, (ent.start_char, ent.end_char))
    # A lead that refers back ("kentten yapılan ihracat") before naming anything speaks of a
    # subject the headline named or the body names later: the kind's strongest name is it.
    lead_end = lead[-1][1] if lead else 0
    # "… en fazla artıran il ise Ankara": the word for province after a participle heads a relative
    # clause (the province that …), it refers back to nothing.
    participle = tuple(cues["participle_head_before"])
    lead_words = {words[i] for i in range(lead_end) if not (i > 0 and words[i - 1].endswith(participle))}
    refers_back = {label: any(not lead_words.isdisjoint(cues[name]) for name in names)
                   for label, names in w["anaphora_sets"].items()}
    candidates = []
    for (label, name), feats in totals.items():
        score = sum(w["mention"].get(f, 0.0) * v for f, v in feats.items())
        if refers_back.get(label):
            score += w["refers_back"]
            feats = {**feats, "refers_back": 1.0}
        candidates.append(Candidate(label, name, round(score, 3), dict(feats), best_span[(label, name)][1]))
    # A name with no rival of its kind in the whole article is more likely its subject.
    kinds = defaultdict(int)
    for c in candidates:
        kinds[c.label] += 1
    candidates = [Candidate(c.label, c.name, round(c.score + w["sole"], 3), {**c.features, "sole": 1.0}, c.span)
                  if kinds[c.label] == 1 else c for c in candidates]
    chosen = {}
    for label in SUBJECT_KINDS:
        ranked = sorted((c for c in candidates if c.label == label), key=lambda c: -c.score)
        if not ranked or ranked[0].score < w["threshold"][label]:
            continue
        # Each group of `requires` names features of which the winner must have one.
        if not all(any(f in ranked[0].features for f in group) for group in w["requires"][label]):
            continue
        if len(ranked) > 1 and ranked[0].score < w["margin"][label] * max(ranked[1].score, 0.0):
            continue
        chosen[label] = ranked[0]
    # An article is about a province or about a sector (or a product below it): the stronger one is
    # the subject, and the other is only one of its figures' cells (the leading sector of a story on
    # one province's exports, a product of a sector story). In each pair of `exclusive`, the first
    # keeps its place unless the second outscores it by the second's `margin`.
    for first, second in w["exclusive"]:
        if first in chosen and second in chosen:
            beaten = chosen[second].score >= w["margin"][second] * chosen[first].score
            del chosen[first if beaten else second]
    return Subject(province=chosen.get("PROVINCE"), sector=chosen.get("SECTOR"), country=chosen.get("COUNTRY"),
                   product=chosen.get("PRODUCT"),
                   candidates=tuple(sorted(candidates, key=lambda c: (c.label, -c.score))))
