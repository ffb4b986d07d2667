"""`measure_roles`: a trained span classifier that tells what each MONEY and PERCENT does.

It runs after `amounts` and labels every MONEY/PERCENT entity with a role learned from
training_data/ (service/train/roles.py derives the labels from the facts): `value`,
`change_abs`, `change_pct`, `share_pct` or `other` (a bound, a target, a count-like or
off-topic figure). The role goes on the entity as `span._.role`; entities it is sure
are `other` (score at least `drop_threshold`) leave `doc.ents` for
`doc.spans["dropped_measures"]`, so the rule-based `relations` step never turns them
into facts. Nothing else reads the roles yet.

It is a spaCy `SpanCategorizer` whose only candidates are those entities (the suggester
`export_facts.measure_suggester.v1`), trained with `spacy train models/train.cfg` by
`python -m service train --with-trained`.
"""
from collections.abc import Iterable

import numpy

from spacy.language import Language
from spacy.pipeline.spancat import SpanCategorizer, spancat_score
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.api import Config, Ops, get_current_ops
from thinc.types import Ragged

DROPPED_KEY = "dropped_measures"

if not Span.has_extension("role"):
    Span.set_extension("role", default=None)

DEFAULT_MODEL_CONFIG = """
[model]
@architectures = "spacy.SpanCategorizer.v1"
scorer = {"@layers": "Softmax.v2"}

[model.reducer]
@layers = "spacy.mean_max_reducer.v1"
hidden_size = 64

[model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 64
attrs = ["NORM", "SUFFIX", "SHAPE"]
rows = [2000, 1000, 500]
include_static_vectors = false

[model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 64
depth = 3
window_size = 1
maxout_pieces = 2
"""
DEFAULT_MODEL = Config().from_str(DEFAULT_MODEL_CONFIG)["model"]


def measure_spans(docs: Iterable[Doc], labels: tuple[str, ...], *, ops: Ops | None = None) -> Ragged:
    """The entities of `labels` in each doc, as spaCy suggesters return them: (start, end) rows."""
    ops = ops or get_current_ops()
    rows, lengths = [], []
    for doc in docs:
        found = [(e.start, e.end) for e in doc.ents if e.label_ in labels]
        rows.extend(found)
        lengths.append(len(found))
    data = ops.asarray2i(rows) if rows else ops.xp.zeros((0, 0), dtype="i")
    return Ragged(data, ops.asarray1i(lengths))


@registry.misc("export_facts.measure_suggester.v1")
def make_measure_suggester(labels: list[str]):
    """Suggest exactly the entities of `labels` (MONEY, PERCENT) that `amounts` found."""
    labels = tuple(labels)

    def suggest(docs, *, ops=None):
        return measure_spans(docs, labels, ops=ops)
    return suggest


class MeasureRoles(SpanCategorizer):
    """A single-label span categorizer over the measure entities that also marks and
    filters `doc.ents` by the role it predicts."""

    def __init__(self, vocab, model, suggester, name, *, spans_key, threshold, drop_roles,
                 drop_threshold, scorer):
        super().__init__(vocab, model, suggester, name, spans_key=spans_key, threshold=threshold,
                         max_positive=1, allow_overlap=True, negative_weight=None,
                         add_negative_label=False, scorer=scorer)
        self.cfg["drop_roles"] = list(drop_roles)
        self.cfg["drop_threshold"] = drop_threshold

    def predict(self, docs: Iterable[Doc]):
        # Only docs with a measure go through the network: the rest cost nothing. Their
        # rows in the scores keep the order of the suggestions, so no re-indexing is needed.
        docs = list(docs)
        indices = self.suggester(docs, ops=self.model.ops)
        busy = [d for d, n in zip(docs, indices.lengths) if n]
        if not busy:
            return indices, self.model.ops.alloc2f(0, 0)
        sub = Ragged(indices.dataXd, self.model.ops.asarray1i([n for n in indices.lengths if n]))
        return indices, self.model.predict((busy, sub))

    def set_annotations(self, docs: Iterable[Doc], indices_scores) -> None:
        docs = list(docs)
        super().set_annotations(docs, indices_scores)
        drop_roles = set(self.cfg["drop_roles"])
        drop_threshold = self.cfg["drop_threshold"]
        for doc in docs:
            group = doc.spans[self.key]
            if not len(group):
                continue
            # single-label groups keep each span's argmax score as a column: flatten it
            scores = numpy.asarray(group.attrs.get("scores", [])).reshape(-1)
            role_of = {(s.start, s.end): (s.label_, float(p)) for s, p in zip(group, scores)}
            keep, dropped = [], []
            for ent in doc.ents:
                role, p = role_of.get((ent.start, ent.end), (None, 0.0))
                if role is not None:
                    ent._.role = role
                (dropped if role in drop_roles and p >= drop_threshold else keep).append(ent)
            if dropped:
                doc.ents = keep
                doc.spans[DROPPED_KEY] = dropped


@Language.factory(
    "export_facts_measure_roles",
    assigns=["doc.spans", "doc.ents", "span._.role"],
    requires=["doc.ents"],
    default_config={
        "model": DEFAULT_MODEL,
        "suggester": {"@misc": "export_facts.measure_suggester.v1", "labels": ["MONEY", "PERCENT"]},
        "spans_key": "measure_roles",
        "threshold": 0.0,
        "drop_roles": ["other"],
        "drop_threshold": 0.8,
        "scorer": {"@scorers": "spacy.spancat_scorer.v1"},
    },
    default_score_weights={"spans_measure_roles_f": 1.0, "spans_measure_roles_p": 0.0,
                           "spans_measure_roles_r": 0.0},
)
def make_measure_roles(nlp: Language, name: str, model, suggester, spans_key: str, threshold: float,
                       drop_roles: list[str], drop_threshold: float, scorer) -> MeasureRoles:
    """The trained role classifier; `drop_roles` above `drop_threshold` leave `doc.ents`."""
    return MeasureRoles(nlp.vocab, model, suggester, name, spans_key=spans_key, threshold=threshold,
                        drop_roles=drop_roles, drop_threshold=drop_threshold, scorer=scorer or spancat_score)
