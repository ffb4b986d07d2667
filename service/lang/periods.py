"""Turkish period expressions: find them among folded tokens and resolve them to periods.

A period string (FACTS.md) is "2025" (a year), "2025-10" (a month) or
"2025-01/2025-10" (months from–to). Finding and resolving are apart on purpose: the
parser reads words into a `PeriodExpr` (what the text says: "ocak-eylül", "geçen yıl",
"aynı dönem"), and `resolve` turns that into a period with the publication date.
Forms that refer back to the article's current period ("aynı dönemde") are left to
the relation step, which calls `resolve_relative` once it knows that period.

Every Turkish word comes from `service/lang/tr/periods.json`; nothing here spaCy.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from . import load_table
from .casing import fold

# Anaphoric kinds the relation step resolves against the article's current period.
# "prev_year", "trailing:N" and the "same" of "bu sezon" also get a default period from
# the publication date.
KINDS = ("same", "same_this_year", "same_prev_year", "same_next_year", "same_period_of_year", "same_year", "prev_year",
         "prev_month", "trailing")

_PERIOD_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:/(\d{4})-(\d{2}))?$")
_SLASH_YEARS_RE = re.compile(r"^(\d{4})/(\d{2}|\d{4})(?:'(\w+))?$")
_SECOND_YEAR_RE = re.compile(r"^(\d{2}|\d{4})(?:'(\w+))?$")
_NUMERIC_DATE_RE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_DIGIT_ORDINAL_RE = re.compile(r"^(\d)(?:\.|'(\w+))$")
_DIGIT_ORDINAL_NOUN_RE = re.compile(r"^(\d)\.(\w+)$")


class PeriodError(ValueError):
    """A period string that is not "YYYY", "YYYY-MM" or "YYYY-MM/YYYY-MM"."""


# --- period strings ------------------------------------------------------------------

def format_period(y1: int, m1: int, y2: int, m2: int) -> str:
    """The period string for months (y1, m1)..(y2, m2): a whole year is written "YYYY"."""
    if y1 == y2 and m1 == 1 and m2 == 12:
        return str(y1)
    if y1 == y2 and m1 == m2:
        return f"{y1:04d}-{m1:02d}"
    return f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}"


def parse_period(period: str) -> tuple[int, int, int, int]:
    """Split a period string into (first year, first month, last year, last month)."""
    m = _PERIOD_RE.match(period or "")
    if not m or (m.group(3) and not m.group(2)):
        raise PeriodError(
            f"E030 period {period!r} is not YYYY, YYYY-MM or YYYY-MM/YYYY-MM: write it as FACTS.md says")
    y1 = int(m.group(1))
    if m.group(3):
        y2, m1, m2 = int(m.group(3)), int(m.group(2)), int(m.group(4))
    elif m.group(2):
        y2, m1, m2 = y1, int(m.group(2)), int(m.group(2))
    else:
        y2, m1, m2 = y1, 1, 12
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or (y2, m2) < (y1, m1):
        raise PeriodError(f"E031 period {period!r} has an impossible month or ends before it starts")
    return y1, m1, y2, m2


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of a period string ("2025-01/2025-10" → 2025-01-01, 2025-10-31)."""
    y1, m1, y2, m2 = parse_period(period)
    return date(y1, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1])


def _ix(year: int, month: int) -> int:
    return year * 12 + month - 1


def _from_ix(first: int, last: int) -> str:
    return format_period(first // 12, first % 12 + 1, last // 12, last % 12 + 1)


def _month_before(month: int) -> int:
    return (month - 2) % 12 + 1


# --- what the text says ----------------------------------------------------------------

@dataclass(frozen=True)
class PeriodExpr:
    """A period as written, before the publication date is known.

    `months` is (first, last); last < first runs into the next year (a crop season).
    `year` is an explicit first year; `year_rel` an offset from the publication year
    ("geçen yıl" = -1), `year_end`/`year_end_rel` the same for the last year when it is
    not the first year (+1 across a season). `month_rel` counts from the publication
    month ("geçen ay" = -1); `trailing` is a number of months ending with the month
    before publication. `kind` names an anaphoric form (see KINDS).
    """
    year: int | None = None
    year_end: int | None = None
    year_rel: int | None = None
    year_end_rel: int | None = None
    months: tuple[int, int] | None = None
    month_rel: int | None = None
    trailing: int | None = None
    season_start: int | None = None
    kind: str | None = None
    of_year: int | None = None
    day: bool = False
    as_of: bool = False
    as_of_start: int | None = None   # the first month of the part "as of" which the year runs


@dataclass(frozen=True)
class PeriodMatch:
    """A period expression over tokens [start, end)."""
    start: int
    end: int
    expr: PeriodExpr


def resolve(expr: PeriodExpr, pub: date | None) -> tuple[str | None, str]:
    """Resolve `expr` against the publication date; returns (period or None, code).

    The code says where the year came from: "explicit", "inferred" (a month or range
    without a year: the latest one whose last month started by `pub`), "relative"
    (counted from `pub`, or anaphoric), "day" (a day date: weak evidence of a period).
    An anaphoric `kind` resolves to None, except where the words also give a default
    ("bir önceki yıl", "son 12 ay", "bu sezon"): then the default from `pub`.
    """
    if expr.kind and expr.months is None and expr.year_rel is None and not expr.trailing:
        return None, "relative"  # purely anaphoric: only the article's current period says
    if expr.trailing:
        if pub is None:
            return None, "relative"
        last = _ix(pub.year, pub.month) - 1
        return _from_ix(last - expr.trailing + 1, last), "relative"
    if expr.month_rel is not None:
        if pub is None:
            return None, "relative"
        i = _ix(pub.year, pub.month) + expr.month_rel
        return _from_ix(i, i), "relative"

    m1, m2 = expr.months or (1, 12)
    cross = 1 if m2 < m1 else 0
    if expr.year is not None:
        year, code = expr.year, "explicit"
    elif expr.year_rel is not None:
        if pub is None:
            return None, "relative"
        base = pub.year
        if expr.season_start and pub.month < expr.season_start:
            base -= 1  # the current season began last calendar year
        year, code = base + expr.year_rel, "relative"
    else:
        if pub is None:
            return None, "day" if expr.day else "inferred"
        year, code = pub.year, "inferred"
        # "yılın son çeyreği itibarıyla" in November: the year whose part has begun by publication.
        latest = expr.as_of_start if expr.as_of and expr.as_of_start else m2
        while (year + cross, latest) > (pub.year, pub.month):
            year -= 1
    if expr.year_end is not None:
        year_end = expr.year_end
    elif expr.year_end_rel is not None:
        year_end = year - (expr.year_rel or 0) + expr.year_end_rel
    else:
        year_end = year + cross
    if (year_end, m2) < (year, m1):
        return None, code
    if expr.as_of and pub is not None and year_end == pub.year and m1 < pub.month <= m2:
        # "bu yılın son çeyreği itibarıyla" in October: a figure "as of" a time cannot run
        # past the publication, so it is the year to the last month before it.
        m2 = pub.month - 1
    return format_period(year, m1, year_end, m2), "day" if expr.day else code


def resolve_relative(kind: str, current_period: str | None, pub: date | None = None,
                     year: int | None = None) -> str | None:
    """Resolve an anaphoric kind against the article's current period.

    `kind` is a span's `_.norm` ("same", "same_prev_year", "same_period_of_year" with
    `year` (or "same_period_of_year:2022"), "same_year", "prev_year", "prev_month",
    "trailing:12"). A trailing period ends with the current period's last month, or
    without one with the month before `pub`. Returns None when nothing anchors it.
    """
    name, _, arg = (kind or "").partition(":")
    if name == "trailing":
        n = int(arg or 12)
        if current_period:
            _, _, y2, m2 = parse_period(current_period)
            last = _ix(y2, m2)
        elif pub is not None:
            last = _ix(pub.year, pub.month) - 1
        else:
            return None
        return _from_ix(last - n + 1, last)
    if not current_period:
        if name == "prev_year" and pub is not None:
            return str(pub.year - 1)
        return None
    y1, m1, y2, m2 = parse_period(current_period)
    if name == "same":
        return current_period
    if name in ("same_prev_year", "prev_year"):
        return format_period(y1 - 1, m1, y2 - 1, m2)
    if name == "same_next_year":
        return format_period(y1 + 1, m1, y2 + 1, m2)
    if name == "same_period_of_year":
        target = year if year is not None else int(arg) if arg else None
        if target is None:
            return None
        return format_period(target, m1, target + (y2 - y1), m2)
    if name == "same_year":
        return str(y2)
    if name == "same_this_year":
        if pub is None:
            return None
        return format_period(pub.year - (y2 - y1), m1, pub.year, m2)
    if name == "prev_month":
        i = _ix(y2, m2) - 1
        return _from_ix(i, i)
    return None


# --- the parser ------------------------------------------------------------------------

_BARE, _SUFFIXED = 0, 1


class _Scan:
    """One token sequence under parse, with the season context computed on demand."""
    __slots__ = ("w", "texts", "n", "_seasons", "_any_season")

    def __init__(self, w: Sequence[str], texts: Sequence[str] | None):
        self.w, self.texts, self.n = w, texts, len(w)
        self._seasons = None
        self._any_season = False


class PeriodParser:
    """Finds period expressions in a sequence of folded tokens (see `parse`)."""

    def __init__(self, table: dict | None = None):
        t = table if table is not None else load_table("periods")
        self.months = dict(t["months"]["names"])
        self.month_attached = {name + suf: m for name, m in self.months.items()
                               for suf in t["months"]["attached_suffixes"]}
        y = t["years"]
        self.year_min, self.year_max = y["min"], y["max"]
        self.not_year_suffixes = set(y["not_suffixes"])
        self.not_year_after = tuple(y["not_after_prefixes"])
        self.not_year_before = set(y["not_before"])
        nouns = t["nouns"]
        self.year_nouns = set(nouns["year"])
        self.year_genitive = set(nouns["year_genitive"])
        self.whole_nouns = set(nouns.get("whole", ()))
        self.years_plural = set(nouns["years_plural"])
        self.month_nouns = set(nouns["month"])
        self.months_plural = set(nouns["months_plural"])
        self.month_locative = set(nouns["month_locative"])
        self.monthly = set(nouns["monthly"])
        self.period_nouns = set(nouns["period"])
        self.quarter_nouns = set(nouns["quarter"])
        self.half_nouns = set(nouns["half"])
        self.season_nouns = set(nouns["season"])
        self.between = set(nouns["between"])
        self.end_nouns = set(nouns["end"])
        self.month_modified = tuple(t["months"]["modified_prefixes"])
        self.until = set(nouns["until"])
        self.as_of = set(nouns["as_of"])
        self.which_is = set(nouns["which_is"])
        self.annualized = set(nouns["annualized"])
        self.units = dict(t["units"])
        self.units.pop("source", None)
        rel = t["relative"]
        self.previous = set(rel["previous"])
        self.next = set(rel["next"])
        self.not_before_count = set(rel["not_before_count"])
        self.fillers = [tuple(p) for p in rel["filler"]]
        self.this = set(rel["this"])
        self.prior = set(rel["prior"])
        self.prior_article = set(rel["prior_article"])
        self.same = set(rel["same"])
        self.this_period = [tuple(p) for p in rel["this_period"]]
        self.last = set(rel["last"])
        self.first = set(rel["first"])
        self.every = set(rel["every"])
        self.range_conn = set(t["connectors"]["range"])
        self.list_conn = set(t["connectors"]["list"])
        self.ordinal_words = dict(t["ordinals"]["words"])
        self.ordinal_digit_suffixes = set(t["ordinals"]["digit_suffixes"])
        self.card_units = dict(t["cardinals"]["units"])
        self.card_tens = dict(t["cardinals"]["tens"])
        s = t["seasons"]
        self.season_default = s["default_start_month"]
        self.season_products = [(tuple(p["prefixes"]), p["start_month"]) for p in s["products"]]
        self.season_prefixes = tuple(x for p, _ in self.season_products for x in p)
        self.season_qualifiers = set(s["qualifiers"])
        # Words that can open an expression; a token outside these (and not a number or
        # a month) is skipped with one set lookup.
        self.openers = (set(self.months) | set(self.month_attached) | self.previous | self.next | self.this
                        | self.prior | self.prior_article | self.same | self.last | self.first
                        | set(self.ordinal_words) | self.year_genitive | set(self.card_units)
                        | set(self.card_tens) | self.annualized
                        | {p[0] for p in self.this_period})

    # -- entry point

    def parse(self, folds: Sequence[str], texts: Sequence[str] | None = None) -> list[PeriodMatch]:
        """Period expressions in `folds` (tokens as `casing.fold` gives them), left to right.

        `texts` (the tokens as written) lets a lone lower-case month name ("ekim",
        sowing) be told from a capitalised one ("Ekim"); without it both count.
        """
        sc = _Scan(folds, texts)
        out: list[PeriodMatch] = []
        i, n = 0, sc.n
        openers, months = self.openers, self.months
        while i < n:
            f = folds[i]
            if not (f in openers or f[:1].isdigit()
                    or ("'" in f and f.split("'", 1)[0] in months)):
                i += 1
                continue
            r = self._parse_at(sc, i)
            if r is None:
                i += 1
                continue
            expr, end = r
            out.append(PeriodMatch(i, end, expr))
            i = end
        return out

    def _parse_at(self, sc: _Scan, i: int):
        r = self._expr_at(sc, i)
        if r is None:
            return None
        expr, j = r
        w, n = sc.w, sc.n
        if expr.day and expr.year is not None and j + 1 < n and w[j] in self.range_conn:
            # "1 Ağustos 2023-31 Mayıs 2024 tarihleri arasında": from one day to another, the
            # months they run through.
            r2 = self._expr_at(sc, j + 1)
            if r2 is not None and r2[0].day and r2[0].year is not None and r2[0].months and expr.months:
                (b, k) = r2
                if (b.year, b.months[1]) > (expr.year, expr.months[0]):
                    return PeriodExpr(year=expr.year, months=(expr.months[0], b.months[1]),
                                      year_end=b.year if b.year != expr.year else None), k
        # "2008-2009 ile 2017-2018 arasında", "Ocak ile Haziran arasında": one span.
        if j + 1 < n and w[j] in self.list_conn:
            r2 = self._expr_at(sc, j + 1)
            if r2 is not None:
                expr2, k = r2
                if k < n and w[k] in self.years_plural:
                    k += 1
                if k < n and w[k] in self.between:
                    merged = _merge(expr, expr2)
                    if merged is not None:
                        return merged, k + 1
        return expr, j

    # -- token readers

    def _month_at(self, sc: _Scan, i: int):
        if i >= sc.n:
            return None
        f = sc.w[i]
        m = self.months.get(f)
        if m:
            return m, _BARE
        m = self.month_attached.get(f)
        if m:
            return m, _SUFFIXED
        if "'" in f:
            m = self.months.get(f.split("'", 1)[0])
            if m:
                return m, _SUFFIXED
        return None

    def _year_at(self, sc: _Scan, i: int):
        """(year, suffix or None) for "2025", "2024'te"; None otherwise."""
        if i >= sc.n:
            return None
        f = sc.w[i]
        if len(f) == 4 and f.isdigit():
            year, suffix = int(f), None
        elif len(f) > 5 and f[4] == "'" and f[:4].isdigit():
            year, suffix = int(f[:4]), f[5:]
            if suffix in self.not_year_suffixes:
                return None
        else:
            return None
        if not self.year_min <= year <= self.year_max:
            return None
        if i > 0 and sc.w[i - 1] in self.not_year_before:
            return None
        return year, suffix

    def _bare_year_ok(self, sc: _Scan, i: int) -> bool:
        # A bare number followed by a scale, currency or count noun is an amount.
        return not (i + 1 < sc.n and sc.w[i + 1].startswith(self.not_year_after))

    def _count_at(self, sc: _Scan, i: int):
        if i >= sc.n:
            return None
        f = sc.w[i]
        if f.isdigit() and len(f) <= 2:
            return int(f), i + 1
        tens = self.card_tens.get(f)
        if tens is not None:
            if i + 1 < sc.n and sc.w[i + 1] in self.card_units:
                return tens + self.card_units[sc.w[i + 1]], i + 2
            return tens, i + 1
        u = self.card_units.get(f)
        if u is not None:
            return u, i + 1
        return None

    def _ordinal_at(self, sc: _Scan, i: int):
        f = sc.w[i]
        k = self.ordinal_words.get(f)
        if k is not None:
            return k, i + 1
        m = _DIGIT_ORDINAL_RE.match(f)
        if m and (m.group(2) is None or m.group(2) in self.ordinal_digit_suffixes):
            return int(m.group(1)), i + 1
        return None

    def _seasons(self, sc: _Scan):
        if sc._seasons is None:
            found = []
            for k, f in enumerate(sc.w):
                if f.startswith(self.season_prefixes):
                    for prefixes, start in self.season_products:
                        if f.startswith(prefixes):
                            found.append((k, start))
                            break
                elif f in self.season_nouns:
                    sc._any_season = True
            sc._seasons = found
        return sc._seasons

    def _season_for(self, sc: _Scan, i: int, named: bool) -> int | None:
        """Start month of the season meant at token i: the nearest product's, else the
        default when the text speaks of seasons (`named`, or "sezon" anywhere), else None."""
        found = self._seasons(sc)
        if found:
            return min(found, key=lambda p: abs(p[0] - i))[1]
        if named or sc._any_season:
            return self.season_default
        return None

    # -- grammar

    def _expr_at(self, sc: _Scan, i: int):
        w = sc.w
        f = w[i]
        if f[:1].isdigit():
            m = _NUMERIC_DATE_RE.match(f)
            if m:
                d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
                if 1 <= d <= 31 and 1 <= mo <= 12 and self.year_min <= y <= self.year_max:
                    return PeriodExpr(year=y, months=(mo, mo), day=True), i + 1
        base = self._base_at(sc, i)
        if base is not None:
            bexpr, j, needs_sub = base
            sub = self._sub_after_base(sc, j, bexpr)
            if sub is not None:
                return self._until_end(sc, *sub)
            if not needs_sub:
                return self._until_end(sc, bexpr, j)
            return None
        r = self._standalone_at(sc, i)
        if r is not None:
            return r
        r = self._sub_at(sc, i, 1, False)
        if r is not None:
            expr, k, _ = r
            return self._until_end(sc, expr, k)
        return None

    def _base_at(self, sc: _Scan, i: int):
        """A year phrase that may govern a sub-period: (expr, next index, needs a sub)."""
        w, n = sc.w, sc.n
        f = w[i]
        if f[:1].isdigit():
            r = self._year_span_at(sc, i)
            if r is not None:
                return r[0], r[1], False
            y = self._year_at(sc, i)
            if y is None:
                return None
            year, suffix = y
            j = i + 1
            if i > 0 and w[i - 1] in self.range_conn:
                return None  # the end of a range whose start was not read ("x.2012-2013")
            if suffix is None:
                if j < n and w[j] in self.year_nouns:
                    j += 1
                elif not self._bare_year_ok(sc, i):
                    return None
            return PeriodExpr(year=year), j, False
        k = i
        if f in self.prior_article and k + 1 < n and w[k + 1] in self.prior:
            k += 1  # "bir önceki"
        g = w[k]
        if g in self.previous or g in self.prior or g in self.this or g in self.next:
            if g in self.previous and i > 0 and w[i - 1] in self.every:
                return None
            if k + 1 >= n:
                return None
            h = w[k + 1]
            rel = 0 if g in self.this else 1 if g in self.next else -1
            if h in self.year_nouns:
                return PeriodExpr(year_rel=rel, kind="prev_year" if g in self.prior else None), k + 2, False
            if h in self.season_nouns:
                s = self._season_for(sc, i, True)
                # "bu sezon" is the current season, or the one the article just named.
                return PeriodExpr(year_rel=rel, months=(s, _month_before(s)), season_start=s,
                                  kind="same" if g in self.this else None), k + 2, False
            return None
        if f in self.year_genitive:
            return PeriodExpr(), i + 1, True
        return None

    def _year_span_at(self, sc: _Scan, i: int):
        """Two years: "2020-2024" (calendar years) or a season "2024/25", "2014-2015 sezonu"."""
        w, n = sc.w, sc.n
        f = w[i]
        if i > 0 and w[i - 1] in self.not_year_before:
            return None
        m = _SLASH_YEARS_RE.match(f)
        if m:
            y1, second = int(m.group(1)), m.group(2)
            y2 = (y1 // 100) * 100 + int(second) if len(second) == 2 else int(second)
            if y2 != y1 + 1 or not self.year_min <= y1 <= self.year_max:
                return None
            k = self._season_nouns_after(sc, i + 1)
            s = self._season_for(sc, i, True)
            return PeriodExpr(year=y1, months=(s, _month_before(s)), season_start=s), k
        if not (len(f) == 4 and f.isdigit()) or i + 2 >= n or w[i + 1] not in self.range_conn:
            return None
        y1 = int(f)
        m = _SECOND_YEAR_RE.match(w[i + 2])
        if not m or not self.year_min <= y1 <= self.year_max:
            return None
        second = m.group(1)
        if len(second) == 2:
            v = int(second)
            if v == (y1 + 1) % 100:
                y2 = y1 + 1
            elif 1 <= v <= 12 and m.group(2) is None:
                return PeriodExpr(year=y1, months=(v, v)), i + 3  # "2025-10"
            else:
                return None
        else:
            y2 = int(second)
            if not (y1 < y2 <= self.year_max and y2 - y1 <= 50):
                return None
        k = i + 3
        named = False
        if m.group(2) is None:
            k2 = self._season_nouns_after(sc, k)
            named = k2 > k and w[k2 - 1] in self.season_nouns
            if named:
                k = k2
            else:
                for _ in range(2):  # "2020-2024 yılları arasında", "... döneminde"
                    if k < n and (w[k] in self.years_plural or w[k] in self.period_nouns):
                        k += 1
        if y2 == y1 + 1:
            s = self._season_for(sc, i, named)
            if s:
                return PeriodExpr(year=y1, months=(s, _month_before(s)), season_start=s), k
        return PeriodExpr(year=y1, year_end=y2), k

    def _season_nouns_after(self, sc: _Scan, k: int) -> int:
        w, n = sc.w, sc.n
        if k + 1 < n and w[k] in self.season_qualifiers and w[k + 1] in self.season_nouns:
            return k + 2
        if k < n and (w[k] in self.season_nouns or w[k] in self.period_nouns):
            return k + 1
        return k

    def _sub_after_base(self, sc: _Scan, j: int, base: PeriodExpr):
        """What a year phrase governs: "2025 yılının | ocak-eylül döneminde"."""
        w, n = sc.w, sc.n
        if j >= n or (base.year_end is not None and base.season_start is None):
            return None
        # "geçen yılın aynı / söz konusu / ilgili döneminde": the months the article is
        # about, in the governing year; any this-period phrase works, not only "aynı".
        for words in self.this_period:
            m = len(words)
            g = w[j + m] if j + m < n else ""
            if tuple(w[j:j + m]) != words or not (g in self.period_nouns or g in self.month_nouns
                                                  or g in self.season_nouns):
                continue
            k = j + m + 1
            if base.year is not None and base.season_start is None:
                return PeriodExpr(kind="same_period_of_year", of_year=base.year), k
            if base.year_rel == -1:
                return PeriodExpr(kind="same_prev_year"), k
            if base.year_rel == 0:
                # "bu yılın aynı döneminde": the months just named, in the publication year.
                return PeriodExpr(kind="same_this_year"), k
            return PeriodExpr(kind="same"), k
        if w[j] in self.whole_nouns and base.season_start is None and base.months is None:
            # "yılın tamamında", "2024 yılının tamamında": the whole year.
            return replace(base, months=(1, 12)), j + 1
        start = base.months[0] if base.season_start else 1
        for words in self.fillers:
            if tuple(w[j:j + len(words)]) == words:
                j += len(words)
                break
        r = self._sub_at(sc, j, start, True)
        if r is None:
            return None
        sub, k, named = r
        if sub.day or (named and base.season_start) or sub.year is not None:
            return None
        return replace(sub, year=base.year, year_rel=base.year_rel, season_start=base.season_start), k

    def _standalone_at(self, sc: _Scan, i: int):
        """Forms that stand alone: "geçen ay", "son 12 ayda", "aynı dönemde", "yıllıklandırılmış"."""
        w, n = sc.w, sc.n
        f = w[i]
        nxt = w[i + 1] if i + 1 < n else ""
        if f in self.annualized:
            return PeriodExpr(trailing=12, kind="trailing:12"), i + 1
        if f in self.previous and nxt in self.month_nouns and not (i > 0 and w[i - 1] in self.every):
            return PeriodExpr(month_rel=-1), i + 2
        if f in self.this and nxt in self.month_nouns:
            return PeriodExpr(month_rel=0), i + 2
        k = i + 1 if f in self.prior_article and nxt in self.prior else i
        if w[k] in self.prior and k + 1 < n and w[k + 1] in self.month_nouns:
            return PeriodExpr(kind="prev_month"), k + 2
        if f in self.last:
            c = self._count_at(sc, i + 1)
            if c is not None and c[1] < n:
                cnt, j = c
                u = w[j]
                if u in self.month_nouns or u in self.monthly:
                    return PeriodExpr(trailing=cnt, kind=f"trailing:{cnt}"), self._skip_period_noun(sc, j + 1)
                if u in self.quarter_nouns:
                    return PeriodExpr(trailing=3 * cnt, kind=f"trailing:{3 * cnt}"), self._skip_period_noun(sc, j + 1)
                if u in self.year_nouns:
                    if cnt == 1:
                        return PeriodExpr(trailing=12, kind="trailing:12"), j + 1
                    return PeriodExpr(year_rel=-cnt, year_end_rel=-1), j + 1
        for words in self.this_period:
            m = len(words)
            if i + m < n and tuple(w[i:i + m]) == words:
                g = w[i + m]
                if g in self.period_nouns or g in self.season_nouns:
                    return PeriodExpr(kind="same"), i + m + 1
                if words[0] in self.same and g in self.month_nouns:
                    return PeriodExpr(kind="same"), i + m + 1
                if words[0] in self.same and g in self.year_nouns:
                    return PeriodExpr(kind="same_year"), i + m + 1
        return None

    def _skip_period_noun(self, sc: _Scan, k: int) -> int:
        return k + 1 if k < sc.n and sc.w[k] in self.period_nouns else k

    def _sub_at(self, sc: _Scan, i: int, start: int, based: bool = False):
        """A part of a year: quarter, half, first N months, a month or a month range.

        Returns (expr, next index, named) where `named` says the months are named
        (absolute) rather than counted from `start`. `based`: a year phrase governs it.
        """
        w, n = sc.w, sc.n
        if i >= n:
            return None
        f = w[i]

        def counted(first: int, last: int) -> PeriodExpr:
            return PeriodExpr(months=((start - 1 + first - 1) % 12 + 1, (start - 1 + last - 1) % 12 + 1))

        m = _DIGIT_ORDINAL_NOUN_RE.match(f)
        if m and m.group(2) in self.quarter_nouns and 1 <= int(m.group(1)) <= 4:
            q = int(m.group(1))
            return counted(3 * q - 2, 3 * q), self._skip_period_noun(sc, i + 1), False
        o = self._ordinal_at(sc, i)
        if o is not None and o[1] < n:
            k_ord, j = o
            g = w[j]
            if g in self.quarter_nouns:
                q = 4 if k_ord == -1 else k_ord
                if 1 <= q <= 4:
                    return counted(3 * q - 2, 3 * q), self._skip_period_noun(sc, j + 1), False
            if g in self.half_nouns:
                h = 2 if k_ord == -1 else k_ord
                if 1 <= h <= 2:
                    return counted(6 * h - 5, 6 * h), self._skip_period_noun(sc, j + 1), False
            if f in self.first:
                if g in self.month_nouns and based:  # "yılın ilk ayı"; a lone "ilk ay" is vague
                    return counted(1, 1), self._skip_period_noun(sc, j + 1), False
                c = self._count_at(sc, j)
                if c is not None and c[1] < n:
                    cnt, k = c
                    u = w[k]
                    if (u in self.month_nouns or u in self.monthly) and 1 <= cnt <= 12:
                        return counted(1, cnt), self._skip_period_noun(sc, k + 1), False
                    if u in self.quarter_nouns and 1 <= cnt <= 4:
                        return counted(1, 3 * cnt), self._skip_period_noun(sc, k + 1), False
        c = self._count_at(sc, i)
        if c is not None and c[1] < n:
            cnt, k = c
            if (2 <= cnt <= 12 and w[k] in self.month_locative
                    and not (i > 0 and w[i - 1] in self.not_before_count)
                    and not (k + 1 < n and w[k + 1] in self.prior_article)):
                return counted(1, cnt), self._skip_period_noun(sc, k + 1), False
        return self._months_at(sc, i)

    def _months_at(self, sc: _Scan, i: int):
        """"ekim ayında", "Ocak-Eylül 2025 döneminde", "6 Şubat 2023", "Mart 2024'te"."""
        w, n = sc.w, sc.n
        j, day = i, False
        f = w[i]
        if f.isdigit() and len(f) <= 2 and 1 <= int(f) <= 31 and self._month_at(sc, i + 1):
            j, day = i + 1, True
        m = self._month_at(sc, j)
        if m is None:
            return None
        m1, form = m
        m2, k, listed = m1, j + 1, False
        if form == _BARE and not day and k + 1 < n and (w[k] in self.range_conn or w[k] in self.list_conn):
            mm = self._month_at(sc, k + 1)
            if mm is not None and mm[0] != m1:
                listed = w[k] in self.list_conn
                m2, form = mm
                k += 2
        year = None
        if form == _BARE and k < n:
            y = self._year_at(sc, k)
            if y is not None and (y[1] is not None or self._bare_year_ok(sc, k)
                                  or (k + 1 < n and w[k + 1] in self.year_nouns)):
                year, form = y[0], _SUFFIXED if y[1] is not None else _BARE
                k += 1
                if y[1] is None and k < n and w[k] in self.year_nouns:
                    k += 1
        noun = None
        if form == _BARE and k < n:
            g = w[k]
            if (g in self.month_nouns or g in self.months_plural or g in self.period_nouns
                    or g in self.between):
                noun = g
                k += 1
        in_list = listed
        if listed and not (noun in self.months_plural or noun in self.between or noun in self.period_nouns):
            # "Ocak ve ..." with no plural noun after: only the first month is a period.
            m2, year, noun, form, k = m1, None, None, _BARE, j + 1
        if (m1 == m2 and not day and year is None and noun is None and form == _BARE and not in_list
                and sc.texts is not None and not sc.texts[j][:1].isupper()
                and not (k < n and (w[k] in self.end_nouns or self._trade_noun_at(sc, k)))):
            return None  # "ekim" (sowing), "ocak" (hearth) in lower case; "ekim sonu" is the month
        return PeriodExpr(year=year, months=(m1, m2), day=day), k, True

    def _trade_noun_at(self, sc: _Scan, k: int) -> bool:
        w = sc.w
        two = w[k] + " " + w[k + 1] if k + 1 < sc.n else w[k]
        return w[k].startswith(self.month_modified) or two.startswith(self.month_modified)

    def _until_end(self, sc: _Scan, expr: PeriodExpr, k: int):
        """"2024'ün üçüncü çeyrek sonuna kadar olan dört çeyreklik dönem": N months ending there;
        "kasım sonu itibarıyla": the year to date, January to that month."""
        w, n = sc.w, sc.n
        # Only "the end of" a month: "ağustos itibarıyla" alone is often the month itself.
        j = k + 1
        if k < n and w[k] in self.end_nouns and j < n and w[j] in self.as_of and expr.months and not expr.kind and expr.trailing is None \
                and expr.months[0] == expr.months[1]:
            return replace(expr, months=(1, expr.months[1]), as_of=True), j + 1
        if (k < n and w[k] in self.as_of and expr.months and not expr.kind and expr.trailing is None
                and expr.months[1] - expr.months[0] in (2, 5)):
            # "ikinci çeyrek itibarıyla": a quarter or a half "as of" is the year to its end.
            return replace(expr, months=(1, expr.months[1]), as_of=True, as_of_start=expr.months[0]), k + 1
        if expr.year is None or expr.kind or k + 1 >= n or w[k] not in self.end_nouns or w[k + 1] not in self.until:
            return expr, k
        j = k + 2
        if j < n and w[j] in self.which_is:
            j += 1
        c = self._count_at(sc, j)
        if c is None or c[1] >= n or w[c[1]] not in self.units:
            return expr, k
        length = c[0] * self.units[w[c[1]]]
        m1, m2 = expr.months or (1, 12)
        end_year = expr.year_end if expr.year_end is not None else expr.year + (1 if m2 < m1 else 0)
        last = _ix(end_year, m2)
        first = last - length + 1
        out = PeriodExpr(year=first // 12, months=(first % 12 + 1, m2), year_end=end_year)
        return out, self._skip_period_noun(sc, c[1] + 1)


def _merge(a: PeriodExpr, b: PeriodExpr) -> PeriodExpr | None:
    """From the start of `a` to the end of `b`, when both are explicit or both year-less."""
    if a.kind or b.kind or a.day or b.day or a.year_rel is not None or b.year_rel is not None:
        return None
    a1, _ = a.months or (1, 12)
    b1, b2 = b.months or (1, 12)
    if a.year is not None and b.year is not None:
        b_end = b.year_end if b.year_end is not None else b.year + (1 if b2 < b1 else 0)
        if (b_end, b2) <= (a.year, a1):
            return None
        return PeriodExpr(year=a.year, months=(a1, b2), year_end=b_end, season_start=a.season_start)
    if a.year is None and b.year is None and a.months and b.months and b2 > a1:
        return PeriodExpr(months=(a1, b2))
    return None


@lru_cache(maxsize=1)
def default_parser() -> PeriodParser:
    """The parser over `service/lang/tr/periods.json`."""
    return PeriodParser()


def find_periods(folds: Sequence[str], texts: Sequence[str] | None = None) -> list[PeriodMatch]:
    """Period expressions among folded tokens, with the default table."""
    return default_parser().parse(folds, texts)


# --- plain text ------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"\d{1,2}\.(?!\d)\w*|\d+(?:[./]\d+)*(?:['’ʼ]\w+)?|\w+(?:['’ʼ]\w+)?|[^\w\s]")


@dataclass(frozen=True)
class FoundPeriod:
    """A period expression found in plain text, resolved."""
    text: str
    start: int
    end: int
    period: str | None
    code: str
    kind: str | None
    value: int | None


def periods_in(text: str, pub: date | None = None) -> list[FoundPeriod]:
    """Find and resolve the period expressions of a plain string (a simple tokenizer
    stands in for spaCy's); for tests and tools that have no pipeline."""
    toks = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    texts = [text[s:e] for s, e in toks]
    found = []
    for m in find_periods([fold(t) for t in texts], texts):
        period, code = resolve(m.expr, pub)
        s, e = toks[m.start][0], toks[m.end - 1][1]
        found.append(FoundPeriod(text[s:e], s, e, period, code, m.expr.kind, m.expr.of_year))
    return found
