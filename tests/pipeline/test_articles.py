"""Held-out article sets (tests/pipeline/data/articles*.jsonl): how the pipeline generalizes.

Invented multi-sentence Turkish trade news articles, each with every fact it states under
docs/FACTS.md, written by helpers who read neither the rules nor the dev articles, nor the
other sets. Each set was scored once before anyone read its errors (that first figure is
the honest one); the errors of the first two then showed mechanisms that were missing
(never a branch for one of their sentences), the third was written after the last change
and changed nothing.

- articles.jsonl: 40 province, sector, national, bilateral and crop-season stories with
  page furniture, quotes and sentences that state no fact.
- articles2.jsonl: 40 harder ones: wire copy, union and ministry releases, chamber
  statements with long quotes, partner customs data in euros and sterling (mirrored),
  rankings with 'sırasıyla' and 'izledi', earlier levels, forecasts, companies, free zones.
- articles3.jsonl: 30 more of every kind, a table written as text among them.
- articles4.jsonl: 30 more, a third of them messy wire copy (bylines, captions, "Kaynak:"),
  ranks and shares in sentences of their own, seasons whose months the text states.
- articles5.jsonl: 30 written as a scraped news archive: breadcrumbs, "İlgili Haberler"
  blocks, text hard-wrapped at a fixed width, regional round-ups, stories mostly about
  something else with one or two trade figures.
- articles6.jsonl: 30 more (wire copy, union and ministry releases with tables, columns,
  bilateral forums, crop seasons, figures in passing).
- articles7.jsonl: 30 on provinces and sectors less often in the news, several measures a
  sentence, partner lists, seasons defined by the article; written after the day's last
  change and scored once; its errors were read in the next round.
- articles8.jsonl: 30 monthly and year-to-date province releases (rarely covered provinces,
  tables with the scale in the line before them) and sector-union releases.
- articles9.jsonl: 30 national monthly releases, bilateral stories (partner customs data),
  sector stories, crop seasons, customs offices and free zones, figures in passing.
- articles10.jsonl: 25 province, sector, national and bilateral stories (figures in euros and
  sterling, trailing twelve months, regions and groups) and three mostly on something else.

Each set is scored whole with the FACTS.md metric (service.train.metrics.score) against a
floor on the micro F1 of its main facts, so a change that makes extraction generalize
worse fails here even when every phenomenon case still passes. `pytest -s` prints P/R/F1
and each main-fact error.
"""
import json
from pathlib import Path

import pytest

from service.engine import extract
from service.train.metrics import score

DATA = Path(__file__).parent / "data"

# (file, articles, floor). Measured 2026-12-04:
# - articles.jsonl: first P=0.931 R=0.898 F1=0.914 (tp=202 fp=15 fn=23); after the mechanisms
#   they showed missing (pluperfect comparison figures, rankings' heads, sources with
#   coordinated organisations, surpluses) P=0.955 R=0.947 F1=0.951. Floor: that F1 minus 0.02.
# - articles2.jsonl: first P=0.887 R=0.890 F1=0.888 (tp=211 fp=27 fn=26), change_pct 0.937,
#   share_pct 0.722, rank 0.820; side P=0.531 R=0.567 F1=0.548. After the mechanisms their
#   errors showed missing (earlier levels set no frame, a province's whole trade, lists after a
#   back-reference, Türkiye as the subject beside a partner, hypothetical verbs, union-registered
#   figures, parts of a figure): P=0.949 R=0.949 F1=0.949. Floor: that F1 minus 0.02, rounded down.
# - articles3.jsonl: once, at commit b4ff300: P=0.897 R=0.891 F1=0.894 (tp=139 fp=16 fn=17),
#   change_pct 0.837, share_pct 0.462, rank 0.735; side P=0.222 R=0.235 F1=0.229 (tp=4 fp=14
#   fn=13). Floor: that F1 minus 0.03, rounded down.
# - articles4.jsonl: first P=0.857 R=0.846 F1=0.851 (2026-12-04, between 537298a and 3374514);
#   after the mechanisms its errors showed missing ('ülkeler bazında' is by country, words and
#   digits in one amount, an amount before 'artışla', the month the story opened on, a section
#   leaving a month it zoomed in on, seasons whose months the text states): F1 0.964. Floor 0.94.
# - articles5.jsonl: once, at commit 6923fb9: P=0.934 R=0.868 F1=0.900 (at b35d2fc, the day
#   before's last state, it scores 0.862). Floor: that F1 minus 0.03.
# - articles6.jsonl: once, at commit a0cff42: P=0.902 R=0.880 F1=0.891
#   (change_pct 0.913, share_pct 0.947, rank 0.842); the day before's rules score 0.876 on it.
#   Floor: that F1 minus 0.03, rounded down.
#   Its errors were then read: after the mechanisms they showed missing (a section returns to
#   the story's flow, a carried sector onto a named one, seasons' first months, 'kentimiz'
#   after a speaker's organisation, lists of reference points) it scores 0.945. Floor kept.
# - articles7.jsonl: once, at the day's last change (commit 0dedeae): P=0.911 R=0.881 F1=0.896
#   (change_pct 0.960, share_pct 0.815, rank 0.979); the day before's rules score 0.807 on it.
#   Floor: that F1 minus 0.03, rounded down.
# - 2026-12-04, fourth round: sets 1-7 score 0.984 / 0.968 / 0.994 / 0.969 / 0.977 / 0.962 /
#   0.947 (set 7's errors read); the floors rose to those figures minus about 0.03.
# - articles8.jsonl: once, at commit 207ffb0 (its first run): P=0.880 R=0.843 F1=0.861 (the
#   day's first rules: 0.854); after the mechanisms its errors showed missing (a table's scale
#   in the line that introduces it, an amount coordinated with an instrumental percent, the
#   parts a whole is led by, an amount in brackets after its clause): F1 0.979. Floor 0.95.
# - articles9.jsonl: once, at commit 207ffb0: P=0.796 R=0.800 F1=0.798 (the day's first rules:
#   0.787); after the mechanisms its errors showed missing (the venue of an event is no subject,
#   coordinated mirrored partner data, a ranking's flow going on): F1 0.924. Floor 0.89.
# - articles10.jsonl: once, at commit 786e620 (its first run): P=0.953 R=0.966 F1=0.960
#   (change_pct 0.98, share_pct 0.94, rank 0.98); the session's first rules (c418da3) score the
#   same on it. Floor: that F1 minus 0.03.
SETS = [("articles.jsonl", 40, 0.95), ("articles2.jsonl", 40, 0.94), ("articles3.jsonl", 30, 0.96),
        ("articles4.jsonl", 30, 0.94), ("articles5.jsonl", 30, 0.94), ("articles6.jsonl", 30, 0.93),
        ("articles7.jsonl", 30, 0.92), ("articles8.jsonl", 30, 0.95), ("articles9.jsonl", 30, 0.89),
        ("articles10.jsonl", 25, 0.93)]
PRINTED = ("flow", "province", "country", "sector", "period", "value", "currency",
           "change_pct", "share_pct", "change_abs")


def _articles(name: str) -> list[dict]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()[1:]
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("name, count, _floor", SETS, ids=[s[0] for s in SETS])
def test_articles_are_well_formed(name, count, _floor):
    articles = _articles(name)
    assert len(articles) == count and len({a["id"] for a in articles}) == len(articles)
    for a in articles:
        assert a["text"].count("\n") >= 3 and a["facts"], a["id"]


@pytest.mark.parametrize("name, _count, floor", SETS, ids=[s[0] for s in SETS])
def test_articles_f1_stays_above_floor(nlp, name, _count, floor):
    articles = _articles(name)
    golds = {a["id"]: a["facts"] for a in articles}
    preds = {a["id"]: [f.model_dump() for f in extract(a["text"], date=a["date"], nlp=nlp).facts]
             for a in articles}
    scores, errors = score(golds, preds)
    for part in ("main", "side"):
        s = scores[part]
        print(f"\n{name} {part}: P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
              f"(tp={s['tp']} fp={s['fp']} fn={s['fn']}) attributes={s['attributes']}")
    for e in errors:
        if e.part == "main":
            print(f"  {e.kind:8} {e.doc_id} {({k: v for k, v in e.fact.items() if v is not None and k in PRINTED})}")
    assert scores["main"]["f1"] >= floor
