"""Generate the annotated examples train.jsonl and dev.jsonl from the templates below.

Every sentence here was written for this project in the style of Turkish trade news;
none is taken from an article or from ../shared/eval. A template is a function that
writes one short document through `Ex.say`/`Ex.line`, which place each entity and so
know its offsets exactly, and declares the facts the document states. Slot values
(provinces, countries, sectors, figures, dates) come from lexicon.json and a random
generator seeded by the template's name, so the output is the same on every run and
adding a template does not change the others.

    python training_data/make_examples.py           # write train.jsonl and dev.jsonl
    python training_data/make_examples.py --check   # fail if the files are stale

Split: a template's documents all go to dev when sha1("split2:" + template name) is
divisible by 5, else to train; dev therefore tests phrasings the model never saw.
"""
import argparse
import hashlib
import json
import random
import string
import sys
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from service.lang.casing import tr_lower, tr_upper  # noqa: E402
from service.train.corpus import FACT_KEYS, validate_record  # noqa: E402

LEX = json.loads((HERE / "lexicon.json").read_text(encoding="utf-8"))
PROV = {p["name"]: p for p in LEX["provinces"]}
CTRY = {c["name"]: c for c in LEX["countries"] + LEX["groups"] + LEX["regions"]}
MONTHS = LEX["months"]
ORDINALS = LEX["ordinals"]
SECTORS = LEX["sectors"]
PRODUCTS = LEX["products"]
INDUSTRY = ["tekstil", "deri", "hali", "kimya", "hazir_giyim", "otomotiv", "gemi", "elektrik_elektronik",
            "makine", "demir_demirdisi", "celik", "cimento_cam_seramik", "mucevher", "savunma_havacilik",
            "iklimlendirme", "diger_sanayi", "mobilya"]
# Goods sectors below the group level, for templates about any one sector.
GOODS = [s for s in SECTORS if s not in ("hizmet", "tarim", "sanayi", "madencilik")]
PARTNERS = ["Almanya", "ABD", "İngiltere", "Irak", "İtalya", "Fransa", "İspanya", "Hollanda", "Rusya",
            "Romanya", "Polonya", "İsrail", "BAE", "Bulgaristan", "Yunanistan", "Mısır", "Libya", "Fas",
            "Cezayir", "Belçika", "Birleşik Krallık", "Amerika Birleşik Devletleri", "İran", "Gürcistan",
            "Azerbaycan", "Suudi Arabistan", "Kazakistan", "Özbekistan", "Katar", "Slovenya", "Meksika",
            "Japonya", "Güney Kore", "Hindistan", "Kanada", "Brezilya", "Ukrayna", "Türkmenistan", "Çin",
            "Birleşik Arap Emirlikleri"]
BIG_PROVINCES = ["İstanbul", "Kocaeli", "İzmir", "Bursa", "Ankara", "Gaziantep", "Manisa", "Sakarya",
                 "Denizli", "Konya", "Kayseri", "Tekirdağ", "Hatay", "Mersin", "Adana", "Antalya"]
SEED = "export-facts-training-v1"

# Rough orders of magnitude of yearly exports in billions of dollars, only so that the
# generated figures look plausible next to each other; they are not facts.
SECTOR_SIZE = {"hububat": 10, "yas_meyve_sebze": 4, "meyve_sebze_mamulleri": 2.5, "kuru_meyve": 1.7,
               "findik": 2.5, "zeytin": 1, "tutun": 1, "sus_bitkileri": 0.15, "su_urunleri": 3, "mobilya": 7,
               "tekstil": 10, "deri": 1.8, "hali": 3, "kimya": 30, "hazir_giyim": 19, "otomotiv": 37, "gemi": 2,
               "elektrik_elektronik": 15, "makine": 27, "demir_demirdisi": 15, "celik": 15,
               "cimento_cam_seramik": 5, "mucevher": 8, "savunma_havacilik": 7, "iklimlendirme": 7,
               "diger_sanayi": 3, "hizmet": 100, "tarim": 35, "sanayi": 200, "madencilik": 6}
PROVINCE_SIZE = {"İstanbul": 110, "Kocaeli": 23, "İzmir": 17, "Bursa": 17, "Ankara": 13, "Gaziantep": 11,
                 "Manisa": 7, "Sakarya": 7, "Denizli": 5, "Konya": 3.5, "Kayseri": 4, "Tekirdağ": 4,
                 "Hatay": 4, "Mersin": 3.5, "Adana": 3, "Antalya": 3}

# --- Turkish suffixes: vowel harmony on the word as read aloud ---------------------------

VOWELS = "aeıioöuü"
HARD = "fstkçşhp"
ONES = ["", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz"]
TENS = ["", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan"]


def num_word(s: str) -> str:
    """The last word of a numeral read aloud ("2024" → "dört", "8,3" → "üç", "10" → "on")."""
    if "," in s:
        whole, frac = s.split(",")
        if int(frac):
            return num_word(str(int(frac)))
        s = whole
    n = abs(int(s.replace(".", "").replace("-", "")))
    if n == 0:
        return "sıfır"
    for unit, word in ((10, None), (100, None), (1000, "yüz"), (10**6, "bin"), (10**9, "milyon")):
        if n % unit:
            if unit == 10:
                return ONES[n % 10]
            if unit == 100:
                return TENS[(n // 10) % 10]
            return word
    return "milyar"


def suffix(read: str, case: str, poss: bool = False) -> str:
    """The case suffix for a word read as `read` (its last word decides the vowels)."""
    w = tr_lower(read).split()[-1]
    vs = [c for c in w if c in VOWELS]
    v = vs[-1] if vs else "e"
    back, rnd = v in "aıou", v in "oöuü"
    i = ("u" if rnd else "ı") if back else ("ü" if rnd else "i")
    a = "a" if back else "e"
    vend, hard = w[-1] in VOWELS, w[-1] in HARD
    if poss:  # "Avrupa Birliği'ne": the possessive's pronominal n
        return {"gen": "n" + i + "n", "acc": "n" + i, "dat": "n" + a, "loc": "nd" + a,
                "abl": "nd" + a + "n", "ins": "yl" + a}[case]
    d = "t" if hard else "d"
    return {
        "gen": ("n" if vend else "") + i + "n",
        "acc": ("y" if vend else "") + i,
        "dat": ("y" if vend else "") + a,
        "loc": d + a,
        "abl": d + a + "n",
        "ins": ("y" if vend else "") + "l" + a,
        "adj": "l" + i + "k",
        "poss": ("s" if vend else "") + i,
        "poss_acc": ("s" if vend else "") + i + "n" + i,
        "poss_dat": ("s" if vend else "") + i + "n" + a,
        "ord": ("" if vend else i) + "nc" + i,
    }[case]


def inflect(word: str, case: str = "", read: str | None = None, poss: bool = False, apos: bool = True) -> str:
    """`word` with a case suffix; proper nouns and numerals take an apostrophe before it."""
    if not case:
        return word
    return word + ("'" if apos else "") + suffix(read or word, case, poss)


def cap(s: str) -> str:
    """Upper-case the first letter, Turkish style ("ihracat" → "İhracat")."""
    return tr_upper(s[:1]) + s[1:]


def title(s: str) -> str:
    """Capitalize each word but "ve", as sector names are written in tables."""
    return " ".join(w if w == "ve" else cap(w) for w in s.split(" "))


# --- entities ----------------------------------------------------------------------------

@dataclass
class Ent:
    surface: str
    label: str
    attrs: dict = field(default_factory=dict)
    start: int | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.surface)

    @property
    def value(self):
        return self.attrs.get("value")

    def cap(self) -> "Ent":
        return replace(self, surface=cap(self.surface))

    def upper(self) -> "Ent":
        return replace(self, surface=tr_upper(self.surface))


def prov(name: str, case: str = "") -> Ent:
    p = PROV[name]
    return Ent(inflect(name, case), "PROVINCE", {"norm": name, "code": p["code"]})


def ctry(name: str, case: str = "") -> Ent:
    c = CTRY[name]
    surface = inflect(name, case, c.get("read"), c.get("poss", False), c.get("apos", True))
    return Ent(surface, "COUNTRY", {"norm": name, "code": c["code"]})


def turkiye(case: str = "") -> Ent:
    return Ent(inflect(LEX["reporter"]["name"], case), "COUNTRY",
               {"norm": LEX["reporter"]["name"], "code": LEX["reporter"]["code"]})


def sect(sid: str, r: random.Random, variant: int | None = None, word: bool = False) -> Ent:
    """A SECTOR entity; `word`: the text goes on with "sektörü", so skip names that end in one."""
    names = SECTORS[sid]
    if word:
        names = [n for n in names if n.split()[-1] not in ("endüstrisi", "sanayii")] or names
    name = names[variant % len(names)] if variant is not None else r.choice(names)
    return Ent(name, "SECTOR", {"norm": sid})


def product(name: str) -> Ent:
    return Ent(name, "PRODUCT", {"norm": name})


SCALES = {"bin": 10**3, "milyon": 10**6, "milyar": 10**9}


def parse_amount(amount: str) -> int | float:
    """"22 milyar 928 milyon 716 bin" → 22928716000; "3,6 milyar" → 3600000000; "1,56" → 1.56."""
    total, pending = Decimal(0), None
    for tok in amount.split():
        if tok in SCALES:
            total += pending * SCALES[tok]
            pending = None
        else:
            pending = Decimal(tok.replace(".", "").replace(",", "."))
    if pending is not None:
        total += pending
    return _num(total)


def _num(x: Decimal) -> int | float:
    return int(x) if x == x.to_integral_value() else float(x)


def money(amount: str, case: str = "", cur: str = "USD", word: str | None = None) -> Ent:
    """A MONEY entity: `amount` then the currency word with its case suffix ("3,6 milyar dolara")."""
    word = word or LEX["currencies"][cur][0]
    read = LEX["currency_read"].get(word)
    cw = inflect(word, case, read=read, apos=bool(read))
    return Ent(f"{amount} {cw}", "MONEY", {"value": parse_amount(amount), "currency": cur})


def cell(amount: str, scale: int, cur: str = "USD") -> Ent:
    """A table cell read with its column's scale ("1.234.567" under "Bin dolar")."""
    value = Decimal(str(parse_amount(amount))) * scale
    return Ent(amount, "MONEY", {"value": _num(value), "currency": cur})


def pct(num: str, case: str = "", sign: bool = False) -> Ent:
    """A PERCENT entity: "yüzde 14", "%14,5'lik" (sign=True: the table form "-4,2")."""
    if sign:
        return Ent(num, "PERCENT", {"value": float(num.replace(",", "."))})
    surface = ("yüzde " if not num.startswith("%") else "") + inflect(num, case, read=num_word(num.lstrip("%")))
    return Ent(surface, "PERCENT", {"value": float(num.lstrip("%").replace(",", "."))})


def qty(amount: str, unit_word: str = "ton", unit: str = "t") -> Ent:
    return Ent(f"{amount} {unit_word}", "QUANTITY", {"value": parse_amount(amount), "unit": unit})


def per(surface: str, period: str) -> Ent:
    return Ent(surface, "DATE", {"period": period})


def year(y: int, case: str = "", word: str = "") -> Ent:
    """"2024'te", "2024 yılında" (word="yılında"), "2024 yılı" (word="yılı")."""
    return per(f"{y} {word}" if word else inflect(str(y), case, read=num_word(str(y))), str(y))


def month(y: int, m: int, form: str = "ayında") -> Ent:
    """"ekim ayında", "ekimde" (form="loc"), "Ekim'de" (form="apos"), "ekim ayı" …"""
    name = MONTHS[m - 1]
    if form == "loc":
        s = inflect(name, "loc", apos=False)
    elif form == "apos":
        s = inflect(cap(name), "loc")
    else:
        s = f"{name} {form}" if form else name
    return per(s, f"{y}-{m:02d}")


def rng_period(y: int, m1: int, m2: int, surface: str) -> Ent:
    return per(surface, f"{y}-{m1:02d}/{y}-{m2:02d}")


# --- numbers -----------------------------------------------------------------------------

def dec(r: random.Random, lo: float, hi: float, nd: int = 1) -> str:
    """A random figure between lo and hi written the Turkish way ("12,4"; "7" when round)."""
    x = Decimal(str(round(r.uniform(lo, hi), nd)))
    s = f"{x:.{nd}f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def amt(r: random.Random, lo: float, hi: float, scale: str = "milyar", nd: int = 1) -> str:
    return f"{dec(r, lo, hi, nd)} {scale}"


def exact(r: random.Random, lo_bn: int, hi_bn: int) -> str:
    """"22 milyar 928 milyon 716 bin" style (lo_bn=0 gives "845 milyon 312 bin")."""
    b = r.randint(lo_bn, hi_bn)
    parts = [f"{b} milyar"] if b else []
    parts.append(f"{r.randint(1, 999)} milyon")
    if r.random() < 0.6:
        parts.append(f"{r.randint(1, 999)} bin")
    return " ".join(parts)


def fig(x: float) -> str:
    """An amount written as the news write it: "3,6 milyar", "845 milyon", "12,5 milyon"."""
    if x >= 1e9:
        return f"{fmt(Decimal(str(round(x / 1e9, 1))))} milyar"
    if x >= 1e7:
        return f"{int(round(x / 1e6))} milyon"
    if x >= 1e6:
        return f"{fmt(Decimal(str(round(x / 1e6, 1))))} milyon"
    return f"{int(round(x / 1e3))} bin"


def sized(r: random.Random, bn_per_year: float, months: int = 12, spread: float = 0.3) -> str:
    """A plausible amount for something of `bn_per_year` over `months` months."""
    return fig(bn_per_year * 1e9 * months / 12 * r.uniform(1 - spread, 1 + spread))


def psize(name: str) -> float:
    return PROVINCE_SIZE.get(name, 0.8)


def dots(n: int) -> str:
    """1234567 → "1.234.567"."""
    return f"{n:,}".replace(",", ".")


def fmt(x: Decimal, nd: int = 1) -> str:
    s = f"{x:.{nd}f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def D(s: str) -> Decimal:
    return Decimal(s.replace(",", "."))


def ordinal(r: random.Random, n: int) -> str:
    if n <= len(ORDINALS) and r.random() < 0.6:
        return ORDINALS[n - 1]
    return inflect(str(n), "ord", read=num_word(str(n)))


def next_month(y: int, m: int) -> tuple[int, int]:
    return (y + 1, 1) if m == 12 else (y, m + 1)


def day(r: random.Random, y: int, m: int, lo: int = 1, hi: int = 28) -> date:
    return date(y, m, r.randint(lo, hi))


# --- the document builder ----------------------------------------------------------------

@dataclass
class Seg:
    start: int
    end: int = 0
    parts: dict = field(default_factory=dict)

    def __getitem__(self, name: str) -> Ent:
        return self.parts[name]


class Ex:
    """One document being written: text, entities with exact offsets, facts with quotes."""

    def __init__(self, doc_id: str, pub: date, r: random.Random):
        self.id, self.date = doc_id, pub
        self.text, self.ents, self.facts = "", [], []
        # Writers use the typographic apostrophe too; the model must see both.
        self.apos = "’" if r.random() < 0.25 else "'"

    def _put(self, sep: str, template: str, slots: dict) -> Seg:
        if self.text:
            self.text += sep
        seg = Seg(len(self.text))
        for literal, name, _, _ in string.Formatter().parse(template):
            self.text += literal.replace("'", self.apos)
            if name is None:
                continue
            val = slots[name]
            if isinstance(val, Ent):
                placed = replace(val, surface=val.surface.replace("'", self.apos), start=len(self.text))
                self.text += placed.surface
                self.ents.append(placed)
                seg.parts[name] = placed
            else:
                self.text += str(val).replace("'", self.apos)
        seg.end = len(self.text)
        return seg

    def say(self, template: str, **slots) -> Seg:
        """Append a sentence (after a space)."""
        return self._put(" ", template, slots)

    def line(self, template: str, **slots) -> Seg:
        """Append a line (after a newline): headlines, table rows."""
        return self._put("\n", template, slots)

    def fact(self, where, flow: str = "export", **kw) -> None:
        """Declare a fact; `where` (a Seg, a placed Ent or a (start, end) pair) is its quote."""
        f = dict.fromkeys(FACT_KEYS)
        f["flow"] = flow
        for k in ("value", "change_abs"):
            if isinstance(kw.get(k), Ent):
                e = kw.pop(k)
                f[k] = e.value if k == "value" else kw.pop("sign", 1) * e.value
                f["currency"] = e.attrs["currency"]
        if isinstance(kw.get("quantity"), Ent):
            e = kw.pop("quantity")
            f["quantity"], f["unit"] = e.value, e.attrs["unit"]
        f.update(kw)
        for k in ("change_pct", "share_pct"):
            if f[k] is not None:
                f[k] = float(f[k])
        if isinstance(where, (Seg, Ent)):
            s, e = where.start, where.end
        else:
            a, b = where
            s = a.start if isinstance(a, (Seg, Ent)) else a
            e = b.end if isinstance(b, (Seg, Ent)) else b
        f["quote"], f["quote_start"] = self.text[s:e], s
        self.facts.append(f)

    def record(self) -> dict:
        ents = [{"start": e.start, "end": e.end, "label": e.label, "text": e.surface,
                 **{k: v for k, v in e.attrs.items() if v is not None}}
                for e in sorted(self.ents, key=lambda e: e.start)]
        return {"id": self.id, "date": self.date.isoformat(), "text": self.text,
                "entities": ents, "facts": self.facts}


TEMPLATES: list = []


def template(n: int):
    """Register a template that writes `n` documents."""
    def deco(fn):
        TEMPLATES.append((fn.__name__, n, fn))
        return fn
    return deco


def pick(r: random.Random, seq, k: int):
    return r.sample(list(seq), k)


def signed(up: bool, c: Ent) -> float:
    return c.value if up else -c.value


def desc(r: random.Random, k: int, lo: float, hi: float, scale: str = "milyar", nd: int = 1) -> list[str]:
    """k distinct amounts in falling order, between lo and hi `scale`s."""
    unit = SCALES[scale]
    vals = sorted({fig(float(D(dec(r, lo, hi, nd))) * unit) for _ in range(k * 3)},
                  key=lambda s: -parse_amount(s))[:k]
    return vals


# ===== national totals =====================================================================

@template(5)
def tim_monthly(r, k, new):
    y, m = r.choice([2021, 2022, 2023, 2024, 2025]), r.randint(1, 12)
    ex = new(day(r, *next_month(y, m), 1, 6))
    when = month(y, m, r.choice(["ayında", "loc"])) if k % 2 == 0 else per("geçen ay", f"{y}-{m:02d}")
    up = r.random() < 0.7
    c = pct(dec(r, 0.5, 25))
    v = money(amt(r, 14, 26), "dat")
    s = ex.say("Türkiye İhracatçılar Meclisi (TİM) verilerine göre, {w} ihracat geçen yılın aynı ayına göre {c} "
               + ("artarak {v} yükseldi." if up else "azalarak {v} geriledi."), w=when, c=c, v=v)
    ex.fact(s, value=v, change_pct=signed(up, c), period=f"{y}-{m:02d}")
    c1 = r.choice(["Almanya", "ABD", "İngiltere", "Irak", "İtalya"])
    v1 = money(amt(r, 1.2, 2.1), "ins")
    s = ex.say("Bu dönemde en fazla ihracat yapılan ülke {v} {c} oldu.", v=v1, c=ctry(c1))
    ex.fact(s, value=v1, country=CTRY[c1]["code"], period=f"{y}-{m:02d}", rank=1)
    if k % 2:
        ex.say(f"Aynı ayda ihracat yapan firma sayısı {r.randint(31, 39)} bin {r.randint(100, 999)} oldu.")
    return ex


@template(4)
def ytd_range(r, k, new):
    y = r.choice([2022, 2023, 2024, 2025])
    n = [r.randint(4, 11), 10, r.choice([6, 9]), 3][k]
    surface = [r.choice([f"Ocak-{cap(MONTHS[n - 1])} döneminde", f"ocak-{MONTHS[n - 1]} döneminde"]), f"yılın ilk {n} ayında", f"{n} aylık dönemde",
               "yılın ilk çeyreğinde"][k]
    ex = new(day(r, *next_month(y, n), 2, 8))
    e = D(dec(r, 17 * n, 21 * n))
    i = e + D(dec(r, 3 * n, 6 * n))
    ve, vi, vb = money(f"{fmt(e)} milyar", "dat"), money(f"{fmt(i)} milyar"), money(f"{fmt(i - e)} milyar")
    c = pct(dec(r, 1, 15), "adj")
    s1 = ex.say("Ticaret Bakanlığı verilerine göre {p} ihracat {v} ulaştı.", p=rng_period(y, 1, n, surface), v=ve)
    s2 = ex.say("Bu rakam, geçen yılın aynı dönemine göre {c} bir artışa karşılık geliyor.", c=c)
    period = f"{y}-01/{y}-{n:02d}"
    ex.fact((s1, s2), value=ve, change_pct=c.value, period=period)
    s = ex.say("Aynı dönemde ithalat {i} olurken dış ticaret açığı {b} olarak gerçekleşti.", i=vi, b=vb)
    ex.fact((s["i"], s["i"]), "import", value=vi, period=period)
    ex.fact(s, "balance", value=-vb.value, currency="USD", period=period)
    ex.say("İhracatın ithalatı karşılama oranı ise {c} oldu.", c=pct(dec(r, 65, 85)))
    return ex


@template(3)
def annual_prior(r, k, new):
    y = r.choice([2022, 2023, 2024, 2025])
    ex = new(day(r, y + 1, 1, 2, 25))
    c = D(dec(r, 2, 18))
    if k == 0:
        old = D(dec(r, 200, 260))
        o, n = money(f"{fmt(old)} milyar"), money(f"{fmt(old * (1 + c / 100))} milyar", "dat")
        s = ex.say("{y0} {o} olan {t} ihracatı, {y1} {c} artışla {n} ulaştı.", y0=year(y - 1, "loc"), o=o,
                   t=turkiye("gen"), y1=year(y, "loc"), c=pct(fmt(c)), n=n)
    else:
        p = r.choice(BIG_PROVINCES)
        old = D(dec(r, psize(p) * 0.8, psize(p) * 1.2)) if psize(p) >= 1.5 else D(dec(r, 1, 3))
        o, n = money(f"{fmt(old)} milyar"), money(f"{fmt(old * (1 + c / 100))} milyar", "dat")
        s1 = ex.say("{p} {y0} {o} olan ihracatı {y1} {n} yükseldi.", p=prov(p, "gen"), y0=year(y - 1, "loc"),
                    o=o, y1=year(y, "loc"), n=n)
        s2 = ex.say("Böylece kentin ihracatı bir yılda {c} arttı.", c=pct(fmt(c)))
        s = Seg(s1.start, s2.end, {**s1.parts, **s2.parts})
    ex.fact((s["o"], s["o"]), value=o, period=str(y - 1), province=None if k == 0 else p)
    ex.fact(s, value=n, change_pct=float(c), period=str(y), province=None if k == 0 else p)
    return ex


@template(3)
def balance_month(r, k, new):
    y, m = r.choice([2022, 2023, 2024, 2025]), r.randint(1, 12)
    ex = new(day(r, *next_month(y, m), 1, 5))
    e = D(dec(r, 17, 24))
    i = e + D(dec(r, 2, 9))
    up = k == 1
    c = pct(dec(r, 3, 40))
    b = money(f"{fmt(i - e)} milyar", "dat")
    s = ex.say("Dış ticaret açığı {m} geçen yılın aynı ayına göre {c} "
               + ("artarak {b} yükseldi." if up else "azalarak {b} geriledi."), m=month(y, m, "ayında"), c=c, b=b)
    period = f"{y}-{m:02d}"
    ex.fact(s, "balance", value=-b.value, currency="USD", change_pct=signed(up, c), period=period)
    ve, vi = money(f"{fmt(e)} milyar"), money(f"{fmt(i)} milyar")
    s = ex.say("Bu ayda ihracat {e}, ithalat {i} oldu.", e=ve, i=vi)
    ex.fact((s["e"], s["e"]), value=ve, period=period)
    ex.fact((s["i"], s["i"]), "import", value=vi, period=period)
    vv = money(f"{fmt(e + i)} milyar", "dat")
    s = ex.say("Dış ticaret hacmi ise {v} ulaştı.", v=vv)
    ex.fact(s, "volume", value=vv, period=period)
    if k != 2:
        ex.say("İhracatın ithalatı karşılama oranı {c} olarak hesaplandı.", c=pct(fmt(e / i * 100)))
    return ex


@template(3)
def volume_country(r, k, new):
    c = r.choice(["Azerbaycan", "Çin", "Rusya", "Irak", "İran", "Kazakistan", "Özbekistan", "Gürcistan", "Mısır"])
    y = r.choice([2021, 2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(2, 5)))
    e, i = D(dec(r, 1, 12)), D(dec(r, 1, 12))
    vv = money(f"{fmt(e + i)} milyar", "dat")
    s = ex.say("{t} ile {c} arasındaki dış ticaret hacmi {y} {v} ulaştı.", t=turkiye(), c=ctry(c),
               y=year(y, word="yılında"), v=vv)
    code = CTRY[c]["code"]
    ex.fact(s, "volume", value=vv, country=code, period=str(y))
    ve, vi = money(f"{fmt(e)} milyar"), money(f"{fmt(i)} milyar")
    s = ex.say("Bu dönemde {c1} ihracat {e}, {c2} ithalat ise {i} olarak gerçekleşti.", c1=ctry(c, "dat"), e=ve,
               c2=ctry(c, "abl"), i=vi)
    ex.fact((s["c1"], s["e"]), value=ve, country=code, period=str(y))
    ex.fact((s["c2"], s["i"]), "import", value=vi, country=code, period=str(y))
    if k == 2 and e != i:
        vb = money(f"{fmt(abs(e - i))} milyar", "adj")
        s = ex.say("{t} böylece {c} ticarette {b} dış ticaret " + ("fazlası" if e > i else "açığı") + " verdi.",
                   t=turkiye(), c=ctry(c, "ins"), b=vb)
        ex.fact(s, "balance", value=vb.value if e > i else -vb.value, currency="USD", country=code, period=str(y))
    ex.say("İki ülke, ticaret hacmini {t} çıkarmayı hedefliyor.", t=money(f"{r.choice([15, 20, 25, 30])} milyar", "dat"))
    return ex


# ===== provinces ===========================================================================

@template(5)
def prov_annual_rank(r, k, new):
    p, y = r.choice(BIG_PROVINCES), r.choice([2021, 2022, 2023, 2024, 2025])
    ex = new(day(r, y + 1, 1, 3, 28))
    up = k != 3
    c, v, rank = pct(dec(r, 1, 30)), money(sized(r, psize(p))), r.randint(2, 12)
    s1 = ex.say("{p} {y} ihracatı bir önceki yıla göre {c} " + ("artışla" if up else "düşüşle")
                + " {v} olarak gerçekleşti.", p=prov(p, "gen"), y=year(y, word="yılı"), c=c, v=v)
    s2 = ex.say("Kent, {y} iller arasında ihracatta " + ordinal(r, rank) + " sırada yer aldı.",
                y=year(y, word="yılında"))
    ex.fact((s1, s2), value=v, change_pct=signed(up, c), rank=rank, province=p, period=str(y))
    return ex


@template(3)
def prov_share(r, k, new):
    p, y = r.choice(BIG_PROVINCES[1:]), r.choice([2022, 2023, 2024, 2025])
    ex = new(day(r, y + 1, r.randint(1, 3)))
    s_ = pct(fmt(Decimal(str(round(psize(p) / 2.55 * r.uniform(0.9, 1.1), 1)))), "poss_acc" if k == 1 else "")
    if k == 1:
        v = money(sized(r, psize(p)))
        s1 = ex.say("{p} {y} ihracatı {v} oldu.", p=prov(p, "gen"), y=year(y, word="yılı"), v=v)
        s2 = ex.say("Kent, {t} ihracatının {s} tek başına karşıladı.", t=turkiye(), s=s_)
        ex.fact((s1, s2), value=v, share_pct=s_.value, province=p, period=str(y))
    else:
        v = money(sized(r, psize(p)), "adj")
        s = ex.say("{p} {y} {v} ihracat gerçekleştirerek {t} toplam ihracatından {s} pay aldı.", p=prov(p),
                   y=year(y, "loc"), v=v, t=turkiye("gen"), s=s_)
        ex.fact(s, value=v, share_pct=s_.value, province=p, period=str(y))
    return ex


@template(3)
def prov_caps_month(r, k, new):
    p, y, m = r.choice(list(PROV)), r.choice([2023, 2024, 2025]), r.randint(1, 12)
    ex = new(day(r, *next_month(y, m), 1, 10))
    up = k != 1
    c, v = pct(dec(r, 1, 35)), money(sized(r, psize(p), 1))
    ex.line("{p} İHRACATI {m} {c} " + ("ARTTI" if up else "GERİLEDİ"), p=prov(p, "gen").upper(),
            m=month(y, m, "loc").upper(), c=c.upper())
    s = ex.line("{p} {m} ihracatı, geçen yılın aynı ayına göre {c} " + ("artarak" if up else "azalarak")
                + " {v} oldu.", p=prov(p, "gen"), m=month(y, m, "ayı"), c=c, v=v)
    ex.fact(s, value=v, change_pct=signed(up, c), province=p, period=f"{y}-{m:02d}")
    ex.say(f"Kentten {{m}} {r.randint(60, 190)} ülkeye ihracat yapıldı.", m=month(y, m, "ayında"))
    return ex


@template(5)
def prov_countries_list(r, k, new):
    p, y = r.choice(list(PROV)), r.choice([2022, 2023, 2024, 2025])
    ex = new(day(r, y + 1, r.randint(1, 4)))
    c1, c2, c3 = pick(r, PARTNERS, 3)
    a1, a2, a3 = desc(r, 3, 40, 900, "milyon", 0)
    v1, v2, v3 = money(a1, "ins"), money(a2, "ins"), money(a3, "ins")
    if k % 2 == 0:
        s1 = ex.say("{p} {y} en fazla ihracat yaptığı ülke {v1} {c1} oldu.", p=prov(p, "gen"),
                    y=year(y, word="yılında"), v1=v1, c1=ctry(c1))
        s2 = ex.say("{c} {v2} {c2} ve {v3} {c3} takip etti.", c=ctry(c1, "acc"), v2=v2, c2=ctry(c2), v3=v3,
                    c3=ctry(c3))
    else:
        s1 = ex.say("{y} {p} en çok ihracat {v1} {c1} yapıldı.", y=year(y, word="yılında").cap(),
                    p=prov(p, "abl"), v1=v1, c1=ctry(c1, "dat"))
        s2 = ex.say("Listede {c} ardından {v2} {c2} ve {v3} {c3} yer aldı.", c=ctry(c1, "gen"), v2=v2,
                    c2=ctry(c2), v3=v3, c3=ctry(c3))
    ex.fact(s1, value=v1, country=CTRY[c1]["code"], rank=1, province=p, period=str(y))
    ex.fact((s2["v2"], s2["c2"]), value=v2, country=CTRY[c2]["code"], province=p, period=str(y))
    ex.fact((s2["v3"], s2["c3"]), value=v3, country=CTRY[c3]["code"], province=p, period=str(y))
    return ex


@template(4)
def prov_sectors_list(r, k, new):
    p, y = r.choice(BIG_PROVINCES), r.choice([2022, 2023, 2024, 2025])
    ex = new(day(r, y + 1, r.randint(1, 3)))
    s1_, s2_, s3_ = pick(r, INDUSTRY, 3)
    a1, a2, a3 = desc(r, 3, 0.3, 6)
    if k % 2 == 0:
        v1, v2, v3 = money(a1, "ins"), money(a2, "ins"), money(a3, "ins")
        s1 = ex.say("{y} {p} ihracatında ilk sırada {v1} {s1} sektörü yer aldı.", y=year(y, word="yılında").cap(),
                    p=prov(p, "gen"), v1=v1, s1=sect(s1_, r, word=True))
        s2 = ex.say("Bu sektörü {v2} {s2} ve {v3} {s3} sektörleri izledi.", v2=v2, s2=sect(s2_, r, word=True), v3=v3,
                    s3=sect(s3_, r, word=True))
        ex.fact(s1, value=v1, sector=s1_, rank=1, province=p, period=str(y))
    else:
        v1, v2, v3 = money(a1, "ins"), money(a2, "adj"), money(a3, "adj")
        s1 = ex.say("{p} ihracatında {y} {s1} sektörü {v1} lider oldu;", p=prov(p), y=year(y, "loc"),
                    s1=sect(s1_, r, word=True), v1=v1)
        s2 = ex.say("{s2} {v2}, {s3} ise {v3} ihracat gerçekleştirdi.", s2=sect(s2_, r), v2=v2, s3=sect(s3_, r),
                    v3=v3)
        ex.fact(s1, value=v1, sector=s1_, rank=1, province=p, period=str(y))
    ex.fact((min(s2["v2"].start, s2["s2"].start), max(s2["v2"].end, s2["s2"].end)), value=v2, sector=s2_,
            province=p, period=str(y))
    ex.fact((min(s2["v3"].start, s2["s3"].start), max(s2["v3"].end, s2["s3"].end)), value=v3, sector=s3_,
            province=p, period=str(y))
    return ex


@template(3)
def top_provinces(r, k, new):
    ps = ["İstanbul"] + pick(r, BIG_PROVINCES[1:], 3)
    a = [amt(r, 8, 12)] + desc(r, 3, 2, 7)
    if k == 0:
        y, m = r.choice([2023, 2024, 2025]), r.randint(1, 12)
        ex = new(day(r, *next_month(y, m), 2, 9))
        when, period = month(y, m, r.choice(["ayında", "loc"])), f"{y}-{m:02d}"
    else:
        y = r.choice([2022, 2023, 2024])
        ex = new(day(r, y + 1, 1, 5, 28))
        when, period = year(y, word="yılında"), str(y)
        a[0] = amt(r, 95, 130)
        a[1:] = desc(r, 3, 10, 25)
    v = [money(x, "ins") for x in a]
    if k == 2:
        s1 = ex.say("{p} {w} {v} ile ihracatta zirvede yer aldı.", p=prov(ps[0]), w=when,
                    v=money(a[0]))
        v[0] = s1["v"]
    else:
        s1 = ex.say("İller bazında {w} en fazla ihracatı {v} {p} gerçekleştirdi.", w=when, v=v[0], p=prov(ps[0]))
    s2 = ex.say("{p0} {v1} {p1} ve {v2} {p2} izledi.", p0=prov(ps[0], "acc"), v1=v[1], p1=prov(ps[1]), v2=v[2],
                p2=prov(ps[2]))
    s3 = ex.say("Dördüncü sırada ise {v3} {p3} yer aldı.", v3=v[3], p3=prov(ps[3]))
    ex.fact(s1, value=s1["v"], province=ps[0], rank=1, period=period)
    ex.fact((s2["v1"], s2["p1"]), value=v[1], province=ps[1], period=period)
    ex.fact((s2["v2"], s2["p2"]), value=v[2], province=ps[2], period=period)
    ex.fact(s3, value=v[3], province=ps[3], rank=4, period=period)
    return ex


@template(3)
def prov_trade_balance(r, k, new):
    p, y = r.choice(list(PROV)), r.choice([2021, 2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 3)))
    e, i = D(dec(r, 0.3, 3)), D(dec(r, 0.3, 3))
    if e == i:
        e += 1
    ve, vi = money(fig(float(e) * 1e9)), money(fig(float(i) * 1e9))
    s = ex.say("{p} {y} ihracatı {e}, ithalatı {i} olarak gerçekleşti.", p=prov(p, "gen"),
               y=year(y, word="yılında"), e=ve, i=vi)
    ex.fact((s["p"], s["e"]), value=ve, province=p, period=str(y))
    ex.fact((s["p"], s["i"]), "import", value=vi, province=p, period=str(y))
    if e > i:
        b = money(fig(float(e - i) * 1e9), "dat")
        s = ex.say("Böylece kentin dış ticaret fazlası {b} ulaştı.", b=b)
        ex.fact(s, "balance", value=b, province=p, period=str(y))
    else:
        b = money(fig(float(i - e) * 1e9), "adj")
        s = ex.say("Kent böylece {b} dış ticaret açığı verdi.", b=b)
        ex.fact(s, "balance", value=-b.value, currency="USD", province=p, period=str(y))
    vv = money(fig(float(e + i) * 1e9))
    s = ex.say("Kentin toplam dış ticaret hacmi {v} oldu.", v=vv)
    ex.fact(s, "volume", value=vv, province=p, period=str(y))
    return ex


@template(3)
def prov_quarter_decline(r, k, new):
    p, y = r.choice(list(PROV)), r.choice([2023, 2024, 2025])
    m1, m2, surface = [(1, 3, "yılın ilk çeyreğinde"), (1, 6, "yılın ilk yarısında"), (4, 6, "ikinci çeyrekte")][k]
    ex = new(day(r, *next_month(y, m2), 3, 25))
    c, v = pct(dec(r, 1, 20)), money(sized(r, psize(p), m2 - m1 + 1), "dat")
    s = ex.say("{p} ihracatı {w} geçen yılın aynı dönemine göre {c} geriledi ve {v} düştü.", p=prov(p, "gen"),
               w=rng_period(y, m1, m2, surface), c=c, v=v)
    period = f"{y}-{m1:02d}/{y}-{m2:02d}"
    ex.fact(s, value=v, change_pct=-c.value, province=p, period=period)
    c2, vi = pct(dec(r, 1, 20)), money(sized(r, psize(p), m2 - m1 + 1))
    s = ex.say("Kentin ithalatı ise {c} artışla {i} oldu.", c=c2, i=vi)
    ex.fact(s, "import", value=vi, change_pct=c2.value, province=p, period=period)
    return ex


@template(3)
def prov_change_abs(r, k, new):
    p, y = r.choice(BIG_PROVINCES), r.choice([2022, 2023, 2024, 2025])
    ex = new(day(r, y + 1, 1, 2, 28))
    up = k != 1
    size = psize(p)
    v = money(exact(r, int(size * 0.8), int(size * 1.2)), "dat")
    d = money(exact(r, 0, max(0, int(size * 0.1))), "")
    s = ex.say("{y} {p} ihracatı bir önceki yıla göre {d} " + ("artarak {v} yükseldi." if up else
               "azalarak {v} geriledi."), y=year(y, word="yılında").cap(), p=prov(p, "gen"), d=d, v=v)
    ex.fact(s, value=v, change_abs=d, sign=1 if up else -1, province=p, period=str(y))
    return ex


@template(3)
def prov_sector_country(r, k, new):
    p, sid, c = [("Mersin", "yas_meyve_sebze", "Irak"), ("Bursa", "otomotiv", "Almanya"),
                 ("Denizli", "tekstil", "Almanya"), ("Gaziantep", "hali", "ABD"),
                 ("Kayseri", "mobilya", "Irak"), ("Manisa", "elektrik_elektronik", "İngiltere")][r.randrange(6)]
    y = r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(2, 4)))
    v, sh = money(amt(r, 80, 900, "milyon", 0)), pct(dec(r, 5, 45), "poss_acc")
    s1 = ex.say("{p} {c} yapılan {s} ihracatı {y} {v} oldu.", p=prov(p, "abl"), c=ctry(c, "dat"),
                s=sect(sid, r), y=year(y, word="yılında"), v=v)
    s2 = ex.say("Bu rakam, kentin toplam {s} ihracatının {sh} oluşturdu.", s=sect(sid, r), sh=sh)
    ex.fact((s1, s2), value=v, share_pct=sh.value, province=p, country=CTRY[c]["code"], sector=sid,
            period=str(y))
    return ex


@template(3)
def prov_product(r, k, new):
    pr = PRODUCTS[(3 * k + r.randrange(3)) % len(PRODUCTS)]
    p = r.choice(pr["provinces"])
    y = r.choice([2022, 2023, 2024, 2025])
    ex = new(day(r, y + 1, r.randint(1, 4)))
    v, q = money(amt(r, 20, 400, "milyon", 0), "adj"), qty(f"{r.randint(5, 180)} bin")
    when = per("geçen yıl", str(y)) if k != 1 else year(y, word="yılında")
    s1 = ex.say("{p} {w} {v} {pr} ihraç edildi.", p=prov(p, "abl"), w=when, v=v, pr=product(pr["name"]))
    s2 = ex.say("Toplam {q} {pr} dış pazarlara gönderildi.", q=q, pr=product(pr["name"]))
    ex.fact((s1, s2), value=v, quantity=q, province=p, sector=pr["sector"], product=pr["name"], period=str(y))
    return ex


@template(3)
def trailing12(r, k, new):
    y, m = r.choice([2023, 2024, 2025]), r.randint(1, 11)
    ex = new(day(r, *next_month(y, m), 1, 6))
    v = money(amt(r, 230, 275), "dat" if k != 1 else "")
    rng = f"{y - 1}-{m + 1:02d}/{y}-{m:02d}"
    if k == 1:
        s = ex.say("{w} ihracat {v} oldu.", w=per(f"{cap(MONTHS[m - 1])} ayı itibarıyla yıllıklandırılmış", rng), v=v)
    else:
        s = ex.say("{w} ihracat {v} ulaştı.", w=per(f"{cap(MONTHS[m - 1])} ayı itibarıyla son 12 aylık", rng), v=v)
    ex.fact(s, value=v, period=rng)
    c, v2 = pct(dec(r, 1, 15)), money(amt(r, 17, 25))
    s = ex.say("{w} ise ihracat {c} artışla {v} olarak gerçekleşti.", w=month(y, m, "ayında").cap(), c=c, v=v2)
    ex.fact(s, value=v2, change_pct=c.value, period=f"{y}-{m:02d}")
    return ex


@template(3)
def ocak_aralik(r, k, new):
    p, y = r.choice(list(PROV)), r.choice([2020, 2021, 2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 2)))
    if k == 0:
        v = money(sized(r, psize(p)), "adj")
        s = ex.say("{p} {w} {v} ihracat gerçekleştirdi.", p=prov(p), w=per(f"{y} yılı ocak-aralık döneminde", str(y)),
                   v=v)
        ex.fact(s, value=v, province=p, period=str(y))
    elif k == 1:
        c, v = pct(dec(r, 1, 25)), money(sized(r, psize(p)), "dat")
        s = ex.say("{p} {w} ihracatı {c} artışla {v} ulaştı.", p=prov(p, "gen"),
                   w=per(f"Ocak-Aralık {y} döneminde", str(y)), c=c, v=v)
        ex.fact(s, value=v, change_pct=c.value, province=p, period=str(y))
    else:
        v = money(exact(r, 0, 3))
        s = ex.say("{p} {w} ihracatı {v} oldu.", p=prov(p, "gen"), w=per("geçen yıl ocak-aralık döneminde", str(y)),
                   v=v)
        ex.fact(s, value=v, province=p, period=str(y))
    return ex


@template(4)
def table_countries(r, k, new):
    p, y = r.choice(BIG_PROVINCES), r.choice([2022, 2023, 2024, 2025])
    ex = new(day(r, y + 1, r.randint(2, 4)))
    ex.say("{p} {y} en fazla ihracat yaptığı ülkeler aşağıdaki tabloda yer alıyor.", p=prov(p, "gen"),
           y=year(y, word="yılında"))
    scale_word, scale = ("Bin dolar", 1000) if k != 1 else ("Milyon dolar", 10**6)
    ex.line("Ülke | {y1} (" + scale_word + ") | {y2} (" + scale_word + ") | Değişim (Yüzde) |",
            y1=year(y - 1), y2=year(y))
    rows = pick(r, PARTNERS, r.randint(3, 5)) + (["Toplam"] if k == 0 else [])
    for c in rows:
        a = r.randint(40_000, 2_500_000) * (10 if c == "Toplam" else 1)
        b = int(a * r.uniform(0.8, 1.3))
        ch = fmt(Decimal(b - a) / a * 100)
        if k == 1:
            sa, sb = fmt(Decimal(a) / 1000), fmt(Decimal(b) / 1000)
            sa, sb = [dots(int(D(x))) + ("," + x.split(",")[1] if "," in x else "") for x in (sa, sb)]
            ca, cb = cell(sa, 10**6), cell(sb, 10**6)
        else:
            ca, cb = cell(dots(a), scale), cell(dots(b), scale)
        name = ctry(c) if c != "Toplam" else "Toplam"
        row = ex.line("{c} | {a} | {b} | {ch} |", c=name, a=ca, b=cb, ch=pct(ch, sign=True))
        code = CTRY[c]["code"] if c != "Toplam" else None
        ex.fact(row, value=ca, country=code, province=p, period=str(y - 1))
        ex.fact(row, value=cb, change_pct=D(ch), country=code, province=p, period=str(y))
    return ex


@template(2)
def table_sectors(r, k, new):
    y, n = r.choice([2023, 2024, 2025]), r.randint(3, 10)
    ex = new(day(r, *next_month(y, n), 2, 10))
    ex.say("Sektörlerin {w} ihracat performansı şöyle:", w=rng_period(y, 1, n, f"ocak-{MONTHS[n - 1]} dönemi"))
    h1, h2 = (rng_period(y - 1, 1, n, f"Ocak-{cap(MONTHS[n - 1])} {y - 1}"),
              rng_period(y, 1, n, f"Ocak-{cap(MONTHS[n - 1])} {y}"))
    ex.line("Sektör | {a} (Bin dolar) | {b} (Bin dolar) | Değişim (%) |", a=h1, b=h2)
    for sid in pick(r, INDUSTRY, 4):
        a = r.randint(200_000, 30_000_000)
        b = int(a * r.uniform(0.85, 1.25))
        ch = fmt(Decimal(b - a) / a * 100)
        ca, cb = cell(dots(a), 1000), cell(dots(b), 1000)
        s = sect(sid, r, 0)
        row = ex.line("{s} | {a} | {b} | {ch} |", s=replace(s, surface=title(s.surface)), a=ca, b=cb,
                      ch=pct(ch, sign=True))
        ex.fact(row, value=ca, sector=sid, period=f"{y - 1}-01/{y - 1}-{n:02d}")
        ex.fact(row, value=cb, change_pct=D(ch), sector=sid, period=f"{y}-01/{y}-{n:02d}")
    return ex


@template(4)
def prov_context_article(r, k, new):
    p, y = r.choice(BIG_PROVINCES[1:]), r.choice([2022, 2023, 2024, 2025])
    ex = new(day(r, y + 1, 1, 3, 20))
    c, v = pct(dec(r, 1, 20)), money(sized(r, psize(p)))
    if k % 2:
        ex.line("{p} İHRACATTA YENİ BİR REKORA İMZA ATTI", p=prov(p).upper())
    else:
        ex.line("{p} ihracatta yeni bir rekora imza attı", p=prov(p))
    # The figures after the first sentence name neither the province nor the year: context does.
    s = ex.line("Kent ticaret odasının açıkladığı verilere göre, {p} {y} ihracatı {c} artışla {v} oldu.",
                p=prov(p, "gen"), y=year(y, word="yılı"), c=c, v=v)
    ex.fact(s, value=v, change_pct=c.value, province=p, period=str(y))
    vi = money(sized(r, psize(p) * 0.8))
    s = ex.say("İthalat ise {v} olarak gerçekleşti.", v=vi)
    ex.fact(s, "import", value=vi, province=p, period=str(y))
    c1, sid = r.choice(PARTNERS[:12]), r.choice(INDUSTRY)
    v1 = money(fig(v.value * r.uniform(0.08, 0.15)), "ins")
    v2 = money(fig(v.value * r.uniform(0.15, 0.3)), "ins")
    s = ex.say("Kentin en fazla ihracat yaptığı ülke {v1} {c} olurken, {s} sektörü {v2} ilk sırada yer aldı.",
               v1=v1, c=ctry(c1), s=sect(sid, r, word=True), v2=v2)
    ex.fact((s.start, s["c"].end), value=v1, country=CTRY[c1]["code"], rank=1, province=p, period=str(y))
    ex.fact((s["s"], s.end), value=v2, sector=sid, rank=1, province=p, period=str(y))
    vm = money(sized(r, psize(p), 1))
    s = ex.say("Aralık ayında ise ihracat {v} oldu.", v=vm)
    ex.fact(s, value=vm, province=p, period=f"{y}-12")
    return ex


@template(3)
def sector_lead_province(r, k, new):
    sid, y = r.choice(INDUSTRY + ["findik", "yas_meyve_sebze", "hububat"]), r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 3)))
    pool = {"findik": ["Giresun", "Ordu", "Trabzon", "Samsun", "Sakarya"],
            "yas_meyve_sebze": ["Mersin", "Antalya", "Adana", "İzmir", "Hatay"],
            "hububat": ["Gaziantep", "Mersin", "Konya", "İstanbul", "Adana"]}.get(sid, BIG_PROVINCES)
    ps = pick(r, pool, 3)
    a = desc(r, 3, SECTOR_SIZE[sid] * 0.05, SECTOR_SIZE[sid] * 0.4)
    v = [money(x, "ins") for x in a]
    s1 = ex.say("{y} {s} ihracatında {v} lider il {p} oldu.", y=year(y, word="yılında").cap(), s=sect(sid, r), v=v[0],
                p=prov(ps[0]))
    s2 = ex.say("{p2} {v2} ikinci, {p3} {v3} üçüncü sırada yer aldı.", p2=prov(ps[1]), v2=v[1], p3=prov(ps[2]),
                v3=v[2])
    ex.fact(s1, value=v[0], sector=sid, province=ps[0], rank=1, period=str(y))
    ex.fact((s2.start, s2["v2"].end + len(" ikinci")), value=v[1], sector=sid, province=ps[1], rank=2,
            period=str(y))
    ex.fact((s2["p3"], s2.end), value=v[2], sector=sid, province=ps[2], rank=3, period=str(y))
    return ex


@template(3)
def month_prior(r, k, new):
    y, m = r.choice([2023, 2024, 2025]), r.randint(1, 12)
    ex = new(day(r, *next_month(y, m), 1, 6))
    old = D(dec(r, 15, 23))
    c = D(dec(r, -12, 18))
    if c == 0:
        c = Decimal(3)
    o, n = money(f"{fmt(old)} milyar"), money(f"{fmt(old * (1 + c / 100))} milyar", "dat")
    up = c > 0
    m0 = per(f"Geçen yılın {MONTHS[m - 1]} ayında", f"{y - 1}-{m:02d}")
    m1 = per("bu yıl " + inflect(MONTHS[m - 1], "loc", apos=False), f"{y}-{m:02d}")
    s = ex.say("{m0} {o} olan ihracat, {m1} {n} " + ("yükseldi." if up else "geriledi."), m0=m0, o=o, m1=m1, n=n)
    cc = pct(fmt(abs(c)))
    s2 = ex.say("Böylece aylık ihracatta {c} " + ("artış" if up else "düşüş") + " yaşandı.", c=cc)
    ex.fact((s["o"], s["o"]), value=o, period=f"{y - 1}-{m:02d}")
    ex.fact((s, s2), value=n, change_pct=float(c), period=f"{y}-{m:02d}")
    return ex


# ===== partner countries ===================================================================

@template(3)
def country_ranking(r, k, new):
    y = r.choice([2021, 2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 3)))
    c1, c2, c3 = pick(r, ["Almanya", "ABD", "İngiltere", "Irak", "İtalya", "Fransa", "Rusya", "İspanya"], 3)
    a = desc(r, 3, 10, 21)
    v = [money(x, "ins") for x in a]
    s1 = ex.say("{t} {y} en çok ihracat yaptığı ülke {v} {c} oldu.", t=turkiye("gen"), y=year(y, word="yılında"),
                v=v[0], c=ctry(c1))
    s2 = ex.say("{c} ardından {v2} {c2} ikinci, {v3} {c3} üçüncü sırada yer aldı.", c=ctry(c1, "gen"), v2=v[1],
                c2=ctry(c2), v3=v[2], c3=ctry(c3))
    ex.fact(s1, value=v[0], country=CTRY[c1]["code"], rank=1, period=str(y))
    ex.fact((s2["v2"], s2["c2"].end + len(" ikinci")), value=v[1],
            country=CTRY[c2]["code"], rank=2, period=str(y))
    ex.fact((s2["v3"], s2.end), value=v[2], country=CTRY[c3]["code"], rank=3, period=str(y))
    if k != 1:
        ex.say(f"{{c}} ihracat yapan firma sayısı {r.randint(5, 25)} bin olarak kaydedildi.", c=ctry(c1, "dat").cap())
    return ex


@template(3)
def mirror_import(r, k, new):
    c = r.choice(["Rusya", "Çin", "Almanya", "İtalya", "Güney Kore", "Hindistan", "Ukrayna"])
    y = r.choice([2022, 2023, 2024, 2025])
    if k == 1:
        when, period = rng_period(y, 1, 6, "yılın ilk yarısında"), f"{y}-01/{y}-06"
        ex = new(day(r, y, 8, 1, 28))
    else:
        when, period = year(y, word="yılında"), str(y)
        ex = new(day(r, y + 1, r.randint(2, 5)))
    code = CTRY[c]["code"]
    cc, v = pct(dec(r, 2, 30)), money(amt(r, 2, 25), "dat")
    # The partner's own statistics, mirrored: its exports to Türkiye are Türkiye's imports.
    s = ex.say("{c0} resmi istatistiklerine göre, ülkenin {w} {t} ihracatı {cc} artarak {v} ulaştı.",
               c0=ctry(c, "gen"), w=when, t=turkiye("dat"), cc=cc, v=v)
    ex.fact(s, "import", value=v, change_pct=cc.value, country=code, period=period)
    v2 = money(amt(r, 1, 15))
    s = ex.say("Aynı dönemde {c} {t} ithalatı ise {v} oldu.", c=ctry(c, "gen"), t=turkiye("abl"), v=v2)
    ex.fact(s, value=v2, country=code, period=period)
    return ex


@template(3)
def eu_share(r, k, new):
    y = r.choice([2022, 2023, 2024, 2025])
    if k == 2:
        n = r.randint(3, 10)
        when, period = rng_period(y, 1, n, f"Ocak-{cap(MONTHS[n - 1])} döneminde"), f"{y}-01/{y}-{n:02d}"
        ex = new(day(r, *next_month(y, n), 2, 9))
        v = money(amt(r, 8 * n, 10 * n), "dat")
    else:
        when, period = year(y, word="yılında").cap(), str(y)
        ex = new(day(r, y + 1, r.randint(1, 3)))
        v = money(amt(r, 95, 125), "dat")
    eu = ["Avrupa Birliği", "AB"][k % 2]
    c, sh = pct(dec(r, 1, 12)), pct(dec(r, 38, 46))
    s1 = ex.say("{w} {eu} ihracat {c} artarak {v} çıktı.", w=when, eu=ctry(eu, "dat"), c=c, v=v)
    s2 = ex.say("{eu} toplam ihracat içindeki payı {s} olarak gerçekleşti.", eu=ctry("AB", "gen"), s=sh)
    ex.fact((s1, s2), value=v, change_pct=c.value, share_pct=sh.value, country="EU", period=period)
    return ex


@template(4)
def region_side(r, k, new):
    y = r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 4)))
    r1, r2, r3 = pick(r, [x["name"] for x in LEX["regions"]], 3)
    v1, v2 = money(amt(r, 5, 30)), money(amt(r, 5, 30), "dat")
    s = ex.say("{y} {r1} ihracat {v1} olurken, {r2} yapılan ihracat {v2} ulaştı.", y=year(y, word="yılında").cap(),
               r1=ctry(r1, "dat"), v1=v1, r2=ctry(r2, "dat"), v2=v2)
    ex.fact((s["r1"], s["v1"]), value=v1, country=CTRY[r1]["code"], period=str(y))
    ex.fact((s["r2"], s["v2"]), value=v2, country=CTRY[r2]["code"], period=str(y))
    c = pct(dec(r, 1, 20))
    s = ex.say("{r3} ihracat ise {c} geriledi.", r3=ctry(r3, "dat").cap(), c=c)
    ex.fact(s, change_pct=-c.value, country=CTRY[r3]["code"], period=str(y))
    return ex


@template(2)
def free_zones(r, k, new):
    y = r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 4)))
    v = money(amt(r, 3, 9))
    s = ex.say("{fz} {y} yapılan ihracat {v} olarak kaydedildi.", fz=ctry("serbest bölgeler", "dat").cap(),
               y=year(y, word="yılında"), v=v)
    ex.fact(s, value=v, country="FZ", period=str(y))
    ex.say(r.choice(["Ege", "Trakya", "Avrupa"]) + " Serbest Bölgesi'nin ticaret hacmi ise {v} oldu.",
           v=money(amt(r, 1, 6)))
    return ex


@template(2)
def kktc(r, k, new):
    y = r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 4)))
    name = ["KKTC", "Kuzey Kıbrıs Türk Cumhuriyeti"][k]
    v, v2 = money(amt(r, 1, 3), "adj"), money(amt(r, 100, 300, "milyon", 0))
    s = ex.say("{y} {c} {v} ihracat yapıldı; ithalat ise {v2} düzeyinde kaldı.", y=year(y, word="yılında").cap(),
               c=ctry(name, "dat"), v=v, v2=v2)
    ex.fact((s.start, s["v"].end + len(" ihracat yapıldı")), value=v, country="XC", period=str(y))
    ex.fact(s, "import", value=v2, country="XC", period=str(y))
    return ex


@template(2)
def caps_country(r, k, new):
    c, y = r.choice(["Irak", "Almanya", "Rusya", "İspanya", "İsrail"]), r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 3)))
    ex.line("{c} İHRACATTA REKOR ARTIŞ", c=ctry(c, "dat").upper())
    cc, v = pct(dec(r, 5, 40)), money(amt(r, 2, 20), "dat")
    s = ex.line("{c} ihracat {y} {cc} artışla {v} ulaştı.", c=ctry(c, "dat"), y=year(y, word="yılında"), cc=cc, v=v)
    ex.fact(s, value=v, change_pct=cc.value, country=CTRY[c]["code"], period=str(y))
    return ex


# ===== sectors =============================================================================

@template(4)
def sector_month_rank(r, k, new):
    y, m = r.choice([2022, 2023, 2024, 2025]), r.randint(1, 12)
    ex = new(day(r, *next_month(y, m), 1, 6))
    ss = pick(r, INDUSTRY, 4)
    a = desc(r, 3, 1.1, 3.8)
    v1, v2, v3 = money(a[0], "ins"), money(a[1], "ins"), money(a[2], "ins")
    s1 = ex.say("{m} en fazla ihracat yapan sektör " + ("yaklaşık " if k % 2 else "") + "{v} {s} oldu.",
                m=month(y, m, r.choice(["ayında", "loc"])).cap(), v=v1, s=sect(ss[0], r))
    s2 = ex.say("Bu sektörü {v2} {s2} ve {v3} {s3} takip etti.", v2=v2, s2=sect(ss[1], r), v3=v3, s3=sect(ss[2], r))
    period = f"{y}-{m:02d}"
    ex.fact(s1, value=v1, sector=ss[0], rank=1, period=period)
    ex.fact((s2["v2"], s2["s2"]), value=v2, sector=ss[1], period=period)
    ex.fact((s2["v3"], s2["s3"]), value=v3, sector=ss[2], period=period)
    c, v4 = pct(dec(r, 1, 40)), money(sized(r, SECTOR_SIZE[ss[3]], 1), "dat")
    s = ex.say("{s} sektörünün ihracatı ise {c} artışla {v} yükseldi.", s=sect(ss[3], r, word=True).cap(), c=c, v=v4)
    ex.fact(s, value=v4, change_pct=c.value, sector=ss[3], period=period)
    return ex


ALL_SECTORS = list(SECTORS)


@template(10)
def sector_trio(r, k, new):
    s1_, s2_, s3_ = ALL_SECTORS[3 * k:3 * k + 3]
    y = r.choice([2021, 2022, 2023, 2024, 2025])
    if k % 3 == 2:
        n = r.randint(2, 11)
        when, period = rng_period(y, 1, n, f"yılın ilk {n} ayında"), f"{y}-01/{y}-{n:02d}"
        ex = new(day(r, *next_month(y, n), 1, 10))
    else:
        when, period = year(y, word="yılında"), str(y)
        ex = new(day(r, y + 1, r.randint(1, 3)))
    months = int(period[-2:]) if "/" in period else 12
    v1 = money(sized(r, SECTOR_SIZE[s1_], months))
    up = r.random() < 0.7
    c2, v2 = pct(dec(r, 1, 30)), money(sized(r, SECTOR_SIZE[s2_], months), "dat")
    v3 = money(sized(r, SECTOR_SIZE[s3_], months), "adj")
    s1 = ex.say("{w} {s1} sektörünün ihracatı {v1} oldu.", w=when.cap(), s1=sect(s1_, r, word=True), v1=v1)
    s2 = ex.say("{s2} ihracatı {c2} " + ("artışla {v2} ulaşırken," if up else "düşüşle {v2} gerilerken,"),
                s2=sect(s2_, r).cap(), c2=c2, v2=v2)
    s3 = ex.say("{s3} sektörü {v3} ihracata imza attı.", s3=sect(s3_, r, word=True), v3=v3)
    ex.fact(s1, value=v1, sector=s1_, period=period)
    ex.fact(s2, value=v2, change_pct=signed(up, c2), sector=s2_, period=period)
    ex.fact(s3, value=v3, sector=s3_, period=period)
    return ex


@template(10)
def sector_monthly_change(r, k, new):
    s1_, s2_, s3_ = ALL_SECTORS[::-1][3 * k:3 * k + 3]
    y, m = r.choice([2022, 2023, 2024, 2025]), r.randint(1, 12)
    ex = new(day(r, *next_month(y, m), 1, 7))
    period = f"{y}-{m:02d}"
    c1, v1 = pct(dec(r, 1, 30)), money(sized(r, SECTOR_SIZE[s1_], 1))
    s = ex.say("{m} {s} sektörünün ihracatı geçen yılın aynı ayına göre {c} artışla {v} oldu.",
               m=month(y, m, r.choice(["ayında", "loc"])).cap(), s=sect(s1_, r, word=True), c=c1, v=v1)
    ex.fact(s, value=v1, change_pct=c1.value, sector=s1_, period=period)
    v2 = money(sized(r, SECTOR_SIZE[s2_], 1))
    s = ex.say("{s} sektöründe ihracat {v} olarak gerçekleşirken,", s=sect(s2_, r, word=True).cap(), v=v2)
    ex.fact(s, value=v2, sector=s2_, period=period)
    c3 = pct(dec(r, 1, 25))
    s = ex.say("{s} sektörünün ihracatı {c} azaldı.", s=sect(s3_, r, word=True), c=c3)
    ex.fact(s, change_pct=-c3.value, sector=s3_, period=period)
    return ex


@template(2)
def hazelnut_season(r, k, new):
    y1 = r.choice([2020, 2021, 2022, 2023, 2024])
    ex = new(day(r, y1 + 1, 9, 2, 20))
    when = per(f"{y1}/{(y1 + 1) % 100:02d} sezonunda", f"{y1}-09/{y1 + 1}-08")
    if k == 0:
        q, v = qty(f"{r.randint(250, 340)} bin"), money(amt(r, 1.8, 3.1))
        s = ex.say("{w} {s} ihracatı {q} karşılığında {v} oldu.", w=when.cap(), s=sect("findik", r, 1), q=q, v=v)
        ex.fact(s, value=v, quantity=q, sector="findik", period=when.attrs["period"])
    else:
        p = r.choice(["Giresun", "Ordu", "Trabzon", "Samsun"])
        q, v = qty(f"{r.randint(30, 95)} bin"), money(amt(r, 200, 800, "milyon", 0))
        s = ex.say("{p} {w} {q} {s} ihraç edilerek {v} gelir elde edildi.", p=prov(p, "abl"), w=when, q=q,
                   s=sect("findik", r, 1), v=v)
        ex.fact(s, value=v, quantity=q, sector="findik", province=p, period=when.attrs["period"])
    return ex


@template(4)
def sector_share_total(r, k, new):
    sid, y = r.choice(GOODS), r.choice([2022, 2023, 2024, 2025])
    ex = new(day(r, y + 1, r.randint(1, 3)))
    total = Decimal(r.randint(220, 270))
    share = Decimal(str(round(SECTOR_SIZE[sid] / float(total) * 100 * r.uniform(0.8, 1.2), 1)))
    sh = pct(fmt(share), "dat" if k == 1 else "")
    if k == 1:
        v = money(fig(float(share * total) * 1e7))
        s1 = ex.say("{s} sektörünün {y} ihracatı {v} olarak gerçekleşti.", s=sect(sid, r, word=True).cap(),
                    y=year(y, word="yılı"), v=v)
        s2 = ex.say("Sektörün toplam ihracattaki payı {sh} yükseldi.", sh=sh)
        ex.fact((s1, s2), value=v, share_pct=sh.value, sector=sid, period=str(y))
    else:
        v = money(fig(float(share * total) * 1e7), "adj")
        s = ex.say("{s} sektörü {y} {v} ihracatla {t} toplam ihracatından {sh} pay aldı.", s=sect(sid, r, word=True).cap(),
                   y=year(y, word="yılında"), v=v, t=turkiye("gen"), sh=sh)
        ex.fact(s, value=v, share_pct=sh.value, sector=sid, period=str(y))
    return ex


@template(4)
def sector_country_rank(r, k, new):
    sid, y = r.choice(GOODS), r.choice([2022, 2023, 2024, 2025])
    ex = new(day(r, y + 1, r.randint(1, 4)))
    c1, c2, c3 = pick(r, PARTNERS, 3)
    a = desc(r, 3, SECTOR_SIZE[sid] * 20, SECTOR_SIZE[sid] * 150, "milyon", 0)
    v1, v2, v3 = money(a[0], "ins"), money(a[1]), money(a[2], "ins")
    s1 = ex.say("{s} sektörü {y} en fazla ihracatı {v} {c} gerçekleştirdi.", s=sect(sid, r, word=True).cap(),
                y=year(y, word="yılında"), v=v1, c=ctry(c1, "dat"))
    s2 = ex.say("{c2} ve {c3} ise sırasıyla {v2} ve {v3} listede yer aldı.", c2=ctry(c2), c3=ctry(c3), v2=v2, v3=v3)
    ex.fact(s1, value=v1, sector=sid, country=CTRY[c1]["code"], rank=1, period=str(y))
    ex.fact(s2, value=v2, sector=sid, country=CTRY[c2]["code"], period=str(y))
    ex.fact(s2, value=v3, sector=sid, country=CTRY[c3]["code"], period=str(y))
    return ex


@template(2)
def sector_groups(r, k, new):
    y = r.choice([2021, 2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 3)))
    v1, v2, v3 = money(amt(r, 25, 40)), money(amt(r, 180, 230)), money(amt(r, 4, 8))
    s = ex.say("{y} {a} sektörünün ihracatı {v1}, {b} sektörünün ihracatı {v2}, {c} sektörünün ihracatı ise {v3} oldu.",
               y=year(y, word="yılında").cap(), a=sect("tarim", r), v1=v1, b=sect("sanayi", r), v2=v2,
               c=sect("madencilik", r, k), v3=v3)
    sh = pct(dec(r, 75, 85))
    s2 = ex.say("{b} sektörünün toplam ihracattaki payı {s} olarak gerçekleşti.", b=sect("sanayi", r).cap(), s=sh)
    ex.fact((s["a"], s["v1"]), value=v1, sector="tarim", period=str(y))
    ex.fact((s["b"], s2.end), value=v2, share_pct=sh.value, sector="sanayi", period=str(y))
    ex.fact((s["c"], s["v3"]), value=v3, sector="madencilik", period=str(y))
    return ex


@template(2)
def services(r, k, new):
    y = r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(2, 4)))
    c, v = pct(dec(r, 3, 25)), money(amt(r, 60, 120), "dat")
    s = ex.say("{s} ihracatı {y} {c} artarak {v} yükseldi.", s=sect("hizmet", r).cap(), y=year(y, word="yılında"),
               c=c, v=v)
    ex.fact(s, value=v, change_pct=c.value, sector="hizmet", period=str(y))
    vi = money(amt(r, 40, 70))
    s = ex.say("{s} ithalatı ise {v} oldu.", s=sect("hizmet", r).cap(), v=vi)
    ex.fact(s, "import", value=vi, sector="hizmet", period=str(y))
    return ex


@template(2)
def two_sectors_nofact(r, k, new):
    y = r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 3)))
    ex.say("{y} demir-çelik sektörlerinin ihracatı {v} oldu.", y=year(y, word="yılında").cap(),
           v=money(amt(r, 15, 25)))
    ex.say("Tekstil-konfeksiyon ihracatı ise {v} olarak gerçekleşti.", v=money(amt(r, 100, 400, "milyon", 0)))
    sid = r.choice(["kimya", "makine", "otomotiv"])
    v = money(sized(r, SECTOR_SIZE[sid]))
    s = ex.say("Aynı yıl {s} sektörünün ihracatı {v} oldu.", s=sect(sid, r, 0), v=v)
    ex.fact(s, value=v, sector=sid, period=str(y))
    return ex


@template(2)
def caps_sector_bound(r, k, new):
    sid, y = r.choice(["mobilya", "kimya", "makine", "hazir_giyim"]), r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 2)))
    top = {"mobilya": 8, "kimya": 30, "makine": 25, "hazir_giyim": 20}[sid]
    ex.line("{s} İHRACATI {v} YAKLAŞTI", s=sect(sid, r, 1 if sid != "makine" else 0).upper(),
            v=money(f"{top} milyar", "dat").upper())
    v = money(amt(r, top - 0.9, top - 0.1))
    s = ex.line("{s} sektörünün {y} ihracatı {v} olarak gerçekleşti.", s=sect(sid, r, 0).cap(), y=year(y, word="yılı"),
                v=v)
    ex.fact(s, value=v, sector=sid, period=str(y))
    return ex


@template(3)
def currencies(r, k, new):
    y = r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 3)))
    if k == 0:
        p = r.choice(BIG_PROVINCES)
        v = money(sized(r, psize(p) * 0.9), cur="EUR", word=r.choice(["avro", "euro"]))
        c = pct(dec(r, 1, 12))
        s = ex.say("{p} {y} ihracatı {v} oldu; kentin ihracatı avro bazında {c} arttı.", p=prov(p, "gen"),
                   y=year(y, word="yılı"), v=v, c=c)
        ex.fact(s, value=v, change_pct=c.value, province=p, period=str(y))
    elif k == 1:
        m = r.randint(1, 12)
        ex = new(day(r, *next_month(y, m), 1, 8))
        sid = r.choice(GOODS)
        v = money(sized(r, SECTOR_SIZE[sid] * 30, 1), "adj", cur="TRY", word=r.choice(["lira", "TL"]))
        s = ex.say("{s} sektörü {m} {v} ihracat yaptı.", s=sect(sid, r, word=True).cap(), m=month(y, m, "ayında"), v=v)
        ex.fact(s, value=v, sector=sid, period=f"{y}-{m:02d}")
    else:
        v = money(amt(r, 5, 12), cur="GBP")
        s = ex.say("{c} istatistiklerine göre, {c2} {y} {t} ithalatı {v} oldu.", c=ctry("Birleşik Krallık"),
                   c2=ctry("Birleşik Krallık", "gen"), y=year(y, word="yılında"), t=turkiye("abl"), v=v)
        ex.fact(s, value=v, country="GB", period=str(y))
    return ex


@template(4)
def approx_values(r, k, new):
    y = r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 3)))
    if k == 0:
        p = r.choice(list(PROV))
        v = money(sized(r, psize(p)), "dat")
        s = ex.say("{p} ihracatı {y} yaklaşık {v} ulaştı.", p=prov(p, "gen"), y=year(y, word="yılında"), v=v)
        ex.fact(s, value=v, province=p, period=str(y))
    elif k == 1:
        sid = r.choice(GOODS)
        v = money(sized(r, SECTOR_SIZE[sid]), "acc")
        s = ex.say("{s} ihracatı {y} {v} bulan bir düzeyde gerçekleşti.", s=sect(sid, r).cap(), y=year(y, "loc"), v=v)
        ex.fact(s, value=v, sector=sid, period=str(y))
    else:
        c = r.choice(PARTNERS)
        v = money(amt(r, 1, 9), "dat")
        s = ex.say("{c} ihracat {y} {v} dayandı.", c=ctry(c, "dat"), y=year(y, word="yılında"), v=v)
        ex.fact(s, value=v, country=CTRY[c]["code"], period=str(y))
    ex.say("Önümüzdeki yıl bu rakamın {v} aşması bekleniyor.", v=money(f"{int(v.value // 10**9) + 1} milyar", "acc"))
    return ex


@template(4)
def month_apostrophe(r, k, new):
    y, m = r.choice([2023, 2024, 2025]), r.randint(1, 12)
    ex = new(day(r, *next_month(y, m), 1, 15))
    if k == 0:
        p = r.choice(list(PROV))
        c, v = pct(dec(r, 1, 30)), money(sized(r, psize(p), 1), "dat")
        s = ex.say("{p} ihracatı {m} {c} artışla {v} yükseldi.", p=prov(p, "gen"), m=month(y, m, "apos"), c=c, v=v)
        ex.fact(s, value=v, change_pct=c.value, province=p, period=f"{y}-{m:02d}")
    else:
        c = r.choice(PARTNERS)
        v = money(amt(r, 200, 900, "milyon", 0))
        s = ex.say("{m} {c} ihracat {v} oldu.", m=per(inflect(f"{cap(MONTHS[m - 1])} {y}", "loc",
                                                               read=num_word(str(y))), f"{y}-{m:02d}"),
                   c=ctry(c, "dat"), v=v)
        ex.fact(s, value=v, country=CTRY[c]["code"], period=f"{y}-{m:02d}")
    return ex


# ===== texts that state no fact =============================================================

@template(5)
def bounds_nofact(r, k, new):
    y, m = r.choice([2022, 2023, 2024]), r.randint(1, 12)
    ex = new(day(r, y + 1, r.randint(1, 3)))
    if k == 0:
        ex.say("{p} ihracatı {y} ilk kez {v} aştı.", p=prov(r.choice(list(PROV)), "gen"), y=year(y, word="yılında"),
               v=money(f"{r.randint(1, 5)} milyar", "acc"))
    elif k == 1:
        ex.say("{m} {s} ihracatı {v} üzerinde gerçekleşti.", m=month(y, m, "ayında").cap(), s=sect(r.choice(INDUSTRY), r),
               v=money(f"{r.randint(1, 3)} milyar", "gen"))
    elif k == 2:
        ex.say("{c} ihracat {y} {v} yaklaştı.", c=ctry(r.choice(PARTNERS), "dat"), y=year(y, word="yılında"),
               v=money(f"{r.randint(2, 15)} milyar", "dat"))
    else:
        ex.say("{p} ihracatı {y} {v} yakın bir düzeyde gerçekleşti.", p=prov(r.choice(BIG_PROVINCES), "gen"),
               y=year(y, "loc"), v=money(f"{r.randint(2, 20)} milyar", "dat"))
    ex.say("Milyar doları aşan ihracat rakamı, ihracatçıların yüzünü güldürdü.")
    return ex


@template(3)
def counts_nofact(r, k, new):
    y = r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 3)))
    nf = str(r.randint(300, 4000))
    if k == 0:
        ex.say(f"{{p}} {{y}} {r.randint(90, 190)} ülkeye ihracat yapıldı.", p=prov(r.choice(list(PROV)), "abl"),
               y=year(y, word="yılında"))
        ex.say("Kentte ihracat yapan firma sayısı " + inflect(nf, "dat", read=num_word(nf)) + " yükseldi.")
    elif k == 1:
        ex.say(f"{{s}} sektöründe {nf} firma {{y}} {r.randint(90, 190)} ülkeye ihracat gerçekleştirdi.",
               s=sect(r.choice(INDUSTRY), r, word=True).cap(), y=year(y, "loc"))
    else:
        ex.say(f"{{t}} {{y}} {r.randint(200, 230)} ülke ve bölgeye ihracat yaptı.", t=turkiye(),
               y=year(y, word="yılında"))
        ex.say(f"İhracatçı sayısı {r.randint(100, 120)} bin olarak kayıtlara geçti.")
    return ex


@template(3)
def targets_nofact(r, k, new):
    y = r.choice([2024, 2025, 2026])
    ex = new(day(r, y - 1, r.randint(9, 12)))
    if k == 0:
        ex.say("{y} için ihracat hedefi {v} olarak açıklandı.", y=year(y, word="yılı").cap(),
               v=money(f"{r.randint(270, 300)} milyar"))
    elif k == 1:
        ex.say("{s} sektörünün {y} {v} aşması bekleniyor.", s=sect(r.choice(INDUSTRY), r, word=True).cap(),
               y=year(y, word="yılında"), v=money(f"{r.randint(5, 40)} milyar", "acc"))
    else:
        ex.say("Orta Vadeli Program'da {y} ihracat tahmini {v} olarak belirlendi.", y=year(y, word="yılı"),
               v=money(amt(r, 260, 300)))
        ex.say("{p} ihracatının ise {v} ulaşması hedefleniyor.", p=prov(r.choice(BIG_PROVINCES), "gen").cap(),
               v=money(f"{r.randint(2, 30)} milyar", "dat"))
    return ex


@template(2)
def unit_price_nofact(r, k, new):
    y = r.choice([2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 3)))
    pr = r.choice(PRODUCTS)
    if k == 0:
        ex.say("{y} {pr} ihracatında kilogram birim değeri {v} oldu.", y=year(y, word="yılında").cap(),
               pr=product(pr["name"]), v=money(dec(r, 0.5, 4, 2)))
    else:
        ex.say("{pr} ihracatında ton başına ortalama fiyat {y} {v} yükseldi.", pr=product(pr["name"]).cap(),
               y=year(y, word="yılında"), v=money(str(r.randint(400, 2500)), "dat"))
    return ex


FIRMS = ["Akdeniz Tekstil A.Ş.", "Yıldız Makine Sanayi", "Karadeniz Gıda A.Ş.", "Poyraz Otomotiv Yan Sanayi",
         "Atlas Kablo ve Elektrik"]


@template(4)
def company_nofact(r, k, new):
    y = r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 4)))
    firm = r.choice(FIRMS)
    if k == 0:
        ex.say(f"{firm} {{y}} {{v}} ihracat gerçekleştirdi.", y=year(y, word="yılında"),
               v=money(amt(r, 50, 600, "milyon", 0), "adj"))
        ex.say("Şirket, ihracatının {s} {c} yaptı.", s=pct(dec(r, 20, 60), "poss_acc"),
               c=ctry(r.choice(PARTNERS), "dat"))
    elif k == 1:
        ex.say(f"{{p}} merkezli {firm}, {{y}} ihracatını {{c}} artırarak {{v}} çıkardı.", p=prov(r.choice(BIG_PROVINCES)),
               y=year(y, "loc"), c=pct(dec(r, 3, 30)), v=money(amt(r, 50, 600, "milyon", 0), "dat"))
        ex.say("Firma, sektöründe en fazla ihracat yapan şirketler arasında ilk sırada yer aldı.")
    else:
        ex.say("Akdeniz İhracatçı Birlikleri üyesi firmalar {y} {v} ihracat kaydetti.", y=year(y, "loc"),
               v=money(amt(r, 5, 15), "adj"))
    return ex


@template(2)
def free_zone_single_nofact(r, k, new):
    y = r.choice([2022, 2023, 2024])
    ex = new(day(r, y + 1, r.randint(1, 4)))
    ex.say(r.choice(["Ege", "Trakya"]) + " Serbest Bölgesi'nin {y} ticaret hacmi {v} oldu;",
           y=year(y, word="yılı"), v=money(amt(r, 2, 8)))
    ex.say("bölgeden yapılan ihracat {v} ulaştı.", v=money(amt(r, 1, 4), "dat"))
    return ex


@template(5)
def econ_nofact(r, k, new):
    y, m = r.choice([2022, 2023, 2024, 2025]), r.randint(1, 12)
    ex = new(day(r, *next_month(y, m), 3, 5))
    if k == 0:
        ex.say("TÜİK verilerine göre yıllık enflasyon {m} {x} olarak gerçekleşti.", m=month(y, m, "ayında"),
               x=pct(dec(r, 30, 75)))
        ex.say("Aylık bazda tüketici fiyatları {x} arttı.", x=pct(dec(r, 1, 5)))
    elif k == 1:
        a = D(dec(r, 30, 50))
        b = a - D(r.choice(["1", "1,5", "2,5"]))
        ex.say("Merkez Bankası politika faizini {a} {b} indirdi.", a=pct(fmt(a), "abl"), b=pct(fmt(b), "dat"))
    elif k == 2:
        ex.say("Borsa İstanbul'da BIST 100 endeksi günü {x} yükselişle "
               f"{dots(r.randint(8000, 11000))},{r.randint(10, 99)} puandan tamamladı.", x=pct(dec(r, 0.2, 3)))
    else:
        ex.say("{t} ekonomisi {w} {x} büyüdü.", t=turkiye(), w=rng_period(y, 1, 3, f"{y} yılının ilk çeyreğinde"),
               x=pct(dec(r, 2, 6)))
        ex.say("Cari işlemler hesabı {m} {v} açık verdi.", m=month(y, m, "ayında"), v=money(amt(r, 1, 8)))
    return ex


# --- output ------------------------------------------------------------------------------

# Chosen once, so that dev holds a table, several list constructions and texts with no fact;
# never change it: that would move documents between train and dev.
SPLIT_SALT = "split2"


def in_dev(name: str) -> bool:
    return int(hashlib.sha1(f"{SPLIT_SALT}:{name}".encode()).hexdigest(), 16) % 5 == 0


def generate() -> tuple[list[dict], list[dict]]:
    """Run every template; returns (train, dev) records, each validated."""
    train, dev = [], []
    for name, n, fn in TEMPLATES:
        r = random.Random(f"{SEED}:{name}")
        for k in range(n):
            rec = fn(r, k, lambda pub, k=k: Ex(f"{name}_{k:02d}", pub, r)).record()
            errs = validate_record(rec)
            if errs:
                raise SystemExit("E503 a template wrote an unsound example; fix the template:\n  "
                                 + "\n  ".join(errs))
            (dev if in_dev(name) else train).append(rec)
    return train, dev


def dumps(recs: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if train.jsonl/dev.jsonl differ from the templates")
    ap.add_argument("--out", default=str(HERE), help="directory to write train.jsonl and dev.jsonl")
    a = ap.parse_args(argv)
    train, dev = generate()
    out = Path(a.out)
    for fname, recs in (("train.jsonl", train), ("dev.jsonl", dev)):
        path = out / fname
        if a.check:
            if not path.exists() or path.read_text(encoding="utf-8") != dumps(recs):
                print(f"{path} is stale: run `python training_data/make_examples.py`", file=sys.stderr)
                return 1
        else:
            path.write_text(dumps(recs), encoding="utf-8")
    print(f"train {len(train)} documents, dev {len(dev)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
