"""Consistency checks across the facts of one article: `doc._.warnings`.

A fact is never dropped or changed: a failed check adds a warning
`{"code", "message", "facts": [indices into doc._.facts]}` naming the facts involved.

  W201 a share disagrees with the two values it relates (the part over its total)
  W202 a change disagrees with the prior-period value of the same cell
  W203 the parts of a total (its sectors, or its partner countries) sum above it
  W204 a rank disagrees with the order of the values of the cells ranked with it

"Total" is the cell one dimension up: the same flow, period and currency with the
part's sector (or country, or province) left open. Tolerances and the group codes that
overlap their members (sector groups, EU, free zones, regions) are data
(`models/checks/tolerances.json`, saved with the pipeline). `check_facts` runs the same
checks on any list of fact dicts (gold files too).
"""
import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from ..lang.periods import PeriodError, format_period, parse_period

DATA_FILE = "tolerances.json"
CELL = ("flow", "province", "country", "sector", "product", "period")
DIMENSIONS = ("sector", "country", "province", "product")


def _cur(f: dict) -> str:
    return f.get("currency") or "USD"


def _parent(f: dict, dim: str) -> tuple | None:
    """The cell one step up along `dim` (that field opened), or None when `dim` is already open."""
    if f.get(dim) is None:
        return None
    return tuple(None if k == dim else f.get(k) for k in CELL) + (_cur(f),)


def _cell(f: dict) -> tuple:
    return tuple(f.get(k) for k in CELL) + (_cur(f),)


def _is_group(dim: str, value, groups: dict) -> bool:
    if value in groups.get(dim, ()):
        return True
    return dim == "country" and any(str(value).startswith(p) for p in groups.get("country_prefix", ()))


def _prior(period: str | None) -> str | None:
    if not period:
        return None
    try:
        y1, m1, y2, m2 = parse_period(period)
    except PeriodError:
        return None
    return format_period(y1 - 1, m1, y2 - 1, m2)


def _off(stated: float, computed: float, tol: dict) -> bool:
    return abs(stated - computed) > max(tol["abs_pp"], tol["rel"] * abs(stated))


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:g}"


def check_facts(facts: list[dict], data: dict) -> list[dict]:
    """The warnings of one article's facts (dicts with the contract's fields)."""
    warnings = []
    valued = [(i, f) for i, f in enumerate(facts) if f.get("value") is not None]
    by_cell: dict[tuple, list[int]] = {}
    for i, f in valued:
        by_cell.setdefault(_cell(f), []).append(i)
    groups = data.get("groups", {})

    # W201: part / total × 100 against the stated share, for every total one dimension up.
    for i, f in valued:
        if f.get("share_pct") is None:
            continue
        totals = [(dim, j) for dim in DIMENSIONS for j in by_cell.get(_parent(f, dim), ()) if j != i]
        if not totals:
            continue
        computed = [(j, 100 * f["value"] / facts[j]["value"]) for _, j in totals if facts[j]["value"]]
        if computed and all(_off(f["share_pct"], c, data["share"]) for _, c in computed):
            j, c = computed[0]
            warnings.append({"code": "W201", "facts": [i, j], "message": (
                f"W201 share {f['share_pct']:g} % of fact {i} disagrees with its value {_fmt(f['value'])} "
                f"over the total {_fmt(facts[j]['value'])} of fact {j} ({c:.1f} %)")})

    # W202: the stated change against the same cell's value a year before.
    for i, f in valued:
        if f.get("change_pct") is None:
            continue
        prior = _prior(f.get("period"))
        key = tuple(prior if k == "period" else f.get(k) for k in CELL) + (_cur(f),)
        for j in by_cell.get(key, ()) if prior else ():
            before = facts[j]["value"]
            if not before:
                continue
            c = 100 * (f["value"] / before - 1)
            if _off(f["change_pct"], c, data["change"]):
                warnings.append({"code": "W202", "facts": [i, j], "message": (
                    f"W202 change {f['change_pct']:+g} % of fact {i} disagrees with its value "
                    f"{_fmt(f['value'])} against {_fmt(before)} in {prior} (fact {j}: {c:+.1f} %)")})
            break

    # W203 and W204: the members of each total along one dimension.
    members: dict[tuple, list[int]] = {}
    for i, f in valued:
        for dim in DIMENSIONS:
            if f.get(dim) is not None and not _is_group(dim, f[dim], groups):
                members.setdefault((dim, _parent(f, dim)), []).append(i)
    for (dim, parent), idx in members.items():
        if dim in data["parts"]["dimensions"] and len(idx) >= 2:
            distinct = {facts[i][dim]: i for i in idx}  # a cell stated twice counts once
            parts = sorted(distinct.values())
            total = sum(facts[i]["value"] for i in parts)
            for j in by_cell.get(parent, ()):
                t = facts[j]["value"]
                if t > 0 and total > t * (1 + data["parts"]["rel"]):
                    warnings.append({"code": "W203", "facts": [j, *parts], "message": (
                        f"W203 the {len(parts)} {dim} parts of fact {j} sum to {_fmt(total)}, above its "
                        f"total {_fmt(t)}")})
                    break
        if dim in data["rank"]["dimensions"]:
            for i in idx:
                r = facts[i].get("rank")
                if not r or r < 1:
                    continue
                v = facts[i]["value"]
                above = [k for k in idx if k != i and facts[k][dim] != facts[i][dim]
                         and facts[k]["value"] > v * (1 + data["rank"]["rel"])]
                above_dims = {facts[k][dim] for k in above}
                if len(above_dims) > r - 1:
                    warnings.append({"code": "W204", "facts": [i, *above], "message": (
                        f"W204 fact {i} is ranked {r} but {len(above_dims)} {dim} cells of the same total "
                        f"have larger values ({', '.join(sorted(map(str, above_dims)))})")})
    return warnings


class ConsistencyChecks:
    """Component `export_facts_checks`: sets `doc._.warnings` from `doc._.facts`."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.data: dict = {}

    def initialize(self, get_examples=None, *, nlp=None, data_dir: str | None = None):
        """Load the tolerances from `data_dir`/tolerances.json (the config's ${paths.checks})."""
        if data_dir is None:
            raise ValueError("E011 checks needs `data_dir` in [initialize.components.checks]: "
                             "set it to ${paths.checks} as models/config.cfg does")
        self.data = json.loads((Path(data_dir) / DATA_FILE).read_text(encoding="utf-8"))

    def __call__(self, doc: Doc) -> Doc:
        doc._.warnings = check_facts(doc._.facts or [], self.data) if doc._.facts else []
        return doc

    def to_disk(self, path, *, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / DATA_FILE).write_text(json.dumps(self.data, ensure_ascii=False, indent=1), encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()):
        self.data = json.loads((ensure_path(path) / DATA_FILE).read_text(encoding="utf-8"))
        return self


@Language.factory("export_facts_checks", assigns=["doc._.warnings"], requires=["doc._.facts"],
                  default_config={})
def make_checks(nlp: Language, name: str):
    return ConsistencyChecks(nlp, name)
