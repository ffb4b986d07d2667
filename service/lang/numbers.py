"""Turkish numbers and amounts: "22,9", "20 milyar 156 milyon", "yirmiikimilyar", "yüzde 8,3'ünü".

The engine knows no Turkish word: numerals, suffix templates, currencies, units,
percent markers and approximators come from `service/lang/tr/numbers.json`.

A number is read word by word (`NumberGrammar.read_number`), so the spaCy component
and the plain-text parsers share one grammar:
  - digits with Turkish separators: "22,9" (decimal comma), "1.250.000" (thousands dots);
    a single dot followed by exactly three digits is a thousands dot ("1.250"), any
    other single dot is decimal ("3.5");
  - groups of digits or numeral words, each before a scale word in falling order
    ("20 milyar 156 milyon 213 bin", "iki yüz elli bin", "2,7 milyar");
  - numeral words written apart or joined ("yirmi iki", "yirmiiki");
  - decimals read aloud: "bir virgül bir", "sıfır virgül sıfır beş", "iki nokta iki milyon"
    (the fraction's digits are spelled as one number < 1000, its leading zeros one by one);
  - a sign: glued ("-3,5", "−1,2"), a word ("eksi 1.200.000", "negatif 5"), or a sign
    character written apart at the start ("- 1.200.000");
  - a currency glued to the digits ("10tl", "1TL'lik", "5usd"), which ends the number;
  - a suffix after an apostrophe ("8,3'ünü") or attached to the last word by vowel
    harmony ("milyarlık", "bine"); a suffix ends the number.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import product

from . import load_table
from .casing import fold

Number = int | float

VOWELS = frozenset("aeıioöuü")
_BACK_VOWELS = frozenset("aıou")
# The high vowel (I) that harmonizes with each vowel.
_HIGH_VOWEL = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}
_VOICELESS = frozenset("çfhkpsşt")

# Number atoms: what one numeral or one digit group contributes.
DIGITS, ZERO, UNIT, TEN, HUNDRED, SCALE, HALF_AFTER, HALF_BEFORE, POINT, SIGN = range(10)

_DIGITS_AND_TAIL = r"([0-9]+(?:[.,][0-9]+)*)(\.?)(\w*)\Z"


# --- suffixes -------------------------------------------------------------------------

def _parts(template: str) -> list[tuple[str, bool]]:
    """Split a suffix template into (letter, is_buffer): "(s)I(n)A" → s? I n? A."""
    parts, i = [], 0
    while i < len(template):
        if template[i] == "(":
            parts.append((template[i + 1], True))
            i += 3
        else:
            parts.append((template[i], False))
            i += 1
    return parts


def _last_vowel(text: str) -> str:
    for ch in reversed(text):
        if ch in VOWELS:
            return ch
    return "e"


def inflect(stem: str, template: str, softened: dict[str, str] | None = None) -> str:
    """Attach a suffix template to `stem` by vowel harmony: inflect("dolar", "(y)A") → "dolara"."""
    out = stem
    for letter, buffer in _parts(template):
        if letter == "A":
            letter = "a" if _last_vowel(out) in _BACK_VOWELS else "e"
        elif letter == "I":
            letter = _HIGH_VOWEL[_last_vowel(out)]
        elif letter == "D":
            letter = "t" if out[-1] in _VOICELESS else "d"
        if buffer and (letter in VOWELS) == (out[-1] in VOWELS):
            continue
        if out == stem and softened and letter in VOWELS and stem in softened:
            out = softened[stem]
        out += letter
    return out


def _every_variant(template: str) -> set[str]:
    """All surface forms of a template regardless of harmony (digits have no vowels to follow)."""
    choices = {"A": "ae", "I": "ıiuü", "D": "dt"}
    options = []
    for letter, buffer in _parts(template):
        letters = list(choices.get(letter, letter))
        options.append(letters + [""] if buffer else letters)
    return {"".join(p) for p in product(*options)}


# --- digits ---------------------------------------------------------------------------

def _thousands(groups: list[str]) -> str | None:
    """Join digit groups written with thousands separators, or None if they are not such."""
    if not 1 <= len(groups[0]) <= 3 or groups[0].startswith("0") and len(groups[0]) > 1:
        return None
    if any(len(g) != 3 for g in groups[1:]):
        return None
    return "".join(groups)


def parse_digits(text: str) -> tuple[Decimal, bool] | None:
    """Read "22,9", "1.250.000", "3.5", "1.250.000,50" → (value, had thousands separators)."""
    dots, commas = text.count("."), text.count(",")
    if not dots and not commas:
        return Decimal(text), False
    if dots and commas:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        group_sep = "." if decimal_sep == "," else ","
        head, _, fraction = text.rpartition(decimal_sep)
        if decimal_sep in head:
            return None
        whole = _thousands(head.split(group_sep))
        return (Decimal(f"{whole}.{fraction}"), True) if whole is not None else None
    sep = "." if dots else ","
    groups = text.split(sep)
    if len(groups) == 2:
        # Turkish writes the decimal comma; a lone dot before exactly three digits
        # groups thousands ("1.250"), any other lone dot is an English decimal ("3.5").
        if sep == "." and len(groups[1]) == 3 and groups[0] != "0":
            whole = _thousands(groups)
            if whole is not None:
                return Decimal(whole), True
        return Decimal(f"{groups[0]}.{groups[1]}"), False
    whole = _thousands(groups)
    return (Decimal(whole), True) if whole is not None else None


# --- the number reader ----------------------------------------------------------------

_UNITS, _TENS, _HUNDREDS, _DIGIT_GROUP, _HALF = 1, 2, 4, 8, 16


class _Reader:
    """The state of a number read so far; `feed` returns the next state or None.

    Treated as immutable: every step makes a new state with `_with` (a dict copy, several
    times cheaper than `dataclasses.replace`, and the reader runs on every number word).
    The class attributes are the defaults of a fresh reader.
    """
    total: Decimal = Decimal(0)
    group: Decimal = Decimal(0)
    flags: int = 0
    last_scale: Decimal | None = None
    mode: str | None = None          # "digits" or "words": a number does not mix them
    sign: int = 1
    has_digit: bool = False
    has_word: bool = False           # a numeral word other than a scale word
    has_scale: bool = False
    grouped: bool = False            # digits written with thousands separators
    zero: bool = False
    pending: bool = False            # not a whole number yet: a fraction waits for its scale
    signed: bool = False             # a sign word or a sign apart was read
    point: bool = False              # a spoken decimal point was read: `group` is the fraction
    whole: Decimal = Decimal(0)      # the group before the spoken decimal point
    fraction_zeros: int = 0          # "virgül sıfır sıfır beş": the zeros before the fraction's digits
    spoken_fraction: bool = False    # a spoken fraction was scaled: nothing may follow

    def _with(self, **changes) -> _Reader:
        new = object.__new__(_Reader)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new

    def feed(self, atom: tuple) -> _Reader | None:
        kind, value = atom[0], atom[1]
        flags, empty = self.flags, self.flags == 0
        if self.spoken_fraction:
            return None
        if self.point:
            return self._feed_fraction(kind, value)
        if kind == POINT:
            # "sıfır virgül yetmiş yedi", "bin virgül beş": a spoken point follows spoken
            # words, zero and a scale included.
            if self.mode == "digits" or flags & _HALF or (empty and not self.zero and self.last_scale is None):
                return None
            return self._with(point=True, whole=self.group, group=Decimal(0), flags=0,
                           zero=False, pending=True)
        if self.zero:
            return None
        if kind == SIGN:
            if self.mode or self.last_scale is not None or self.signed:
                return None
            return self._with(sign=int(value), signed=True, pending=True)
        if kind == DIGITS:
            # "bir milyar 120 milyon": the news writes the leading group in words and the groups
            # after a scale in digits; within a group the two never mix.
            if (self.mode == "words" and self.last_scale is None) or not empty:
                return None
            if self.last_scale is not None and (value >= 1000 or atom[3] < 0):
                return None
            if self.signed and atom[3] < 0:
                return None   # "eksi -5" states no number
            # "26 milyar 747,6 milyon": a fraction after a scale needs a smaller scale after it.
            fraction = self.last_scale is not None and value != value.to_integral_value()
            return self._with(group=value, flags=_DIGIT_GROUP, mode="digits", has_digit=True,
                           grouped=self.grouped or atom[2], pending=fraction,
                           sign=self.sign * atom[3] if self.last_scale is None else self.sign)
        if kind == ZERO:
            if self.mode or self.last_scale is not None:
                return None
            return self._with(zero=True, mode="words", has_word=True, pending=False)
        if kind in (UNIT, TEN, HUNDRED, HALF_BEFORE) and self.mode == "digits":
            return None
        if kind in (UNIT, TEN, HUNDRED):
            return self._grow(kind, value, mode="words", has_word=True, pending=False)
        if kind == HALF_AFTER:
            if empty or flags & _HALF or self.pending:
                return None
            return self._with(group=self.group + value, flags=flags | _HALF)
        if kind == HALF_BEFORE:
            if not empty or self.last_scale is not None:
                return None
            return self._with(group=value, flags=_UNITS | _TENS | _HUNDREDS | _HALF,
                           mode="words", has_word=True, pending=False)
        if kind == SCALE:
            if self.last_scale is not None and value >= self.last_scale:
                return None
            if empty and self.last_scale is not None and value != 1000:
                return None   # "milyar milyon" is not a number; "bir milyar bin" is
            group = self.group if not empty else Decimal(1)
            return self._with(total=self.total + group * value, group=Decimal(0), flags=0,
                           last_scale=value, has_scale=True, pending=False)
        return None

    def _grow(self, kind: int, value: Decimal, **changes) -> _Reader | None:
        """Add a unit, ten or hundred to the group (of the whole or of a spoken fraction)."""
        flags = self.flags
        if kind == UNIT:
            if flags & (_UNITS | _HALF):
                return None
            return self._with(group=self.group + value, flags=flags | _UNITS, **changes)
        if kind == TEN:
            if flags & (_TENS | _UNITS | _HALF):
                return None
            return self._with(group=self.group + value, flags=flags | _TENS, **changes)
        if flags & (_HUNDREDS | _TENS | _HALF):
            return None
        return self._with(group=(self.group or 1) * value, flags=_HUNDREDS, **changes)

    def _feed_fraction(self, kind: int, value: Decimal) -> _Reader | None:
        """After a spoken point: zeros, then one number below a thousand, then maybe a scale."""
        # Unlike digits ("26 milyar 747,6" waits for "milyon"), a spoken fraction after a
        # scale is whole: verbalisers read 1250000,5 as "bir milyon iki yüz elli bin virgül beş".
        pending = False
        if kind == ZERO:
            if self.flags:
                return None
            return self._with(fraction_zeros=self.fraction_zeros + 1, pending=pending)
        if kind in (UNIT, TEN, HUNDRED):
            return self._grow(kind, value, pending=pending)
        if kind == SCALE:
            if not (self.flags or self.fraction_zeros):
                return None
            if self.last_scale is not None and value >= self.last_scale:
                return None
            return self._with(total=self.total + self._spoken() * value, group=Decimal(0), flags=0,
                           last_scale=value, has_scale=True, pending=False, point=False,
                           whole=Decimal(0), fraction_zeros=0, spoken_fraction=True)
        return None

    def _spoken(self) -> Decimal:
        """The whole and the fraction read around a spoken point: 1, "sıfır", 5 → 1.05."""
        if not self.group:
            return self.whole
        places = self.fraction_zeros + len(str(int(self.group)))
        return self.whole + self.group.scaleb(-places)

    @property
    def value(self) -> Decimal:
        if self.point:
            return self.sign * (self.total + self._spoken())
        return self.sign * (self.total + self.group)


def _plain(value: Decimal) -> Number:
    """An int when the value is whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass(frozen=True)
class Word:
    """What one token means to the number grammar (all fields optional)."""
    key: str                          # the folded text
    atoms: tuple | None = None        # number atoms when the word is (part of) a number
    closed: bool = False              # a suffix ends the number here
    ordinal: bool = False             # "5'inci", "ikinci"
    dot: bool = False                 # "5.": an ordinal, or a number before a full stop
    currency: str | None = None
    currency_symbol: bool = False     # "$", "TL": may also stand before the number
    currency_qualifier: str | None = None
    unit: str | None = None
    unit_qualifier: str | None = None
    percent: bool = False             # "yüzde" or "%"
    percent_symbol: bool = False
    coordinator: bool = False
    sign_symbol: int = 0              # "-" or "+" standing apart: -1 or +1
    glued_currency: str | None = None  # "10tl": the currency written on the number itself


@dataclass(frozen=True)
class NumberMatch:
    """A number read from words[start:end]."""
    value: Number
    start: int
    end: int
    has_digit: bool = False
    has_word: bool = False
    has_scale: bool = False
    grouped: bool = False
    closed: bool = False
    ordinal: bool = False
    dot: bool = False
    currency: str | None = None       # glued to the last word: "10tl"

    @property
    def is_amount(self) -> bool:
        """A digit or a non-scale numeral is needed: "bin dolar" alone is a table header."""
        return (self.has_digit or self.has_word) and not self.ordinal

    @property
    def is_article(self) -> bool:
        """A lone "bir" is the indefinite article before a noun ("bir ton" is "a tone"),
        though "yüzde bir" and "bir milyar" are numbers."""
        return self.value == 1 and self.has_word and not (self.has_digit or self.has_scale)


@dataclass(frozen=True)
class Amount:
    """A figure with what it measures; `value` in whole units (22928716000 dollars)."""
    kind: str                 # "MONEY" | "PERCENT" | "QUANTITY"
    value: Number
    currency: str | None = None
    unit: str | None = None
    approx: bool = False


class NumberGrammar:
    """The number and amount grammar built from a `numbers.json` table."""

    cache_size = 200_000

    def __init__(self, table: dict):
        num = table["numerals"]
        self.softened = table["softened_stems"]["stems"]
        self.numerals: dict[str, tuple] = {}
        for word, v in num["zero"].items():
            self.numerals[word] = (ZERO, Decimal(v))
        for section, kind in (("units", UNIT), ("tens", TEN), ("hundreds", HUNDRED), ("scales", SCALE),
                              ("half_after", HALF_AFTER), ("half_before", HALF_BEFORE)):
            for word, v in num[section].items():
                self.numerals[word] = (kind, Decimal(str(v)))
        for abbreviation, word in num["scale_abbreviations"].items():
            self.numerals[abbreviation] = self.numerals[word]
        self._longest_first = sorted(self.numerals.items(), key=lambda kv: -len(kv[0]))

        suffixes = table["suffixes"]
        self.inflections = suffixes["inflection"]
        self.ordinals = suffixes["ordinal"]
        # A numeral with a suffix attached, by harmony: "milyarlık", "bine", "dördüncü".
        self.inflected: dict[str, tuple[tuple, bool]] = {}
        for word, atom in self.numerals.items():
            for template in self.inflections:
                self.inflected.setdefault(inflect(word, template, self.softened), (atom, False))
            for template in self.ordinals:
                self.inflected.setdefault(inflect(word, template, self.softened), (atom, True))
        # After digits there is no vowel to harmonize with: accept every variant.
        self.loose_suffixes = set().union(*(_every_variant(t) for t in self.inflections))
        self.loose_ordinals = tuple(sorted(set().union(*(_every_variant(t) for t in self.ordinals))))
        # Points and signs take no suffix; they may be joined as num2words writes them
        # ("üçvirgülondört", "eksiiki"): a joined word must still read as a number whole.
        for word in num["decimal_points"]:
            self.numerals[word] = (POINT, Decimal(0))
        signs = table["signs"]
        for word, sign in signs["words"].items():
            self.numerals[word] = (SIGN, Decimal(sign))
        self.sign_symbols = {symbol: int(sign) for symbol, sign in signs["symbols"].items()}
        self.negative_chars = "".join(c for c, sign in self.sign_symbols.items() if sign < 0)
        self.sign_chars = "".join(self.sign_symbols)
        self.spaced_sign_after = frozenset(signs["spaced_symbol_after"])
        self._longest_first = sorted(self.numerals.items(), key=lambda kv: -len(kv[0]))

        self.percent_words = tuple(fold(w) for w in table["percent"]["words"])
        self.percent_symbols = frozenset(table["percent"]["symbols"])
        self.currency_forms, self.currency_symbols, self.currency_qualifiers = self._measures(
            {code: entry for code, entry in table["currencies"].items() if code != "source"})
        self.unit_forms, self.unit_symbols, self.unit_qualifiers = self._measures(
            {code: entry for code, entry in table["units"].items() if code != "source"})
        self.approx_before = [tuple(fold(p).split()) for p in table["approximators"]["before"]]
        self.approx_after = [tuple(fold(p).split()) for p in table["approximators"]["after"]]
        self.coordinators = frozenset(fold(w) for w in table["coordinators"]["words"])
        self._digit_word = re.compile(f"([{re.escape(self.sign_chars)}]?)" + _DIGITS_AND_TAIL)
        # Glued currencies ("10tl", "5usd"): symbols, and names with their suffixes.
        self.glued_currencies = {**self.currency_forms, **self.currency_symbols}
        self._longest_glued = max(map(len, self.glued_currencies))
        # The gate of `can_start`: every token that may begin a number begins with a digit,
        # a sign or percent character, or a whole numeral or sign word (or a softened
        # numeral stem: "dördüncü"). Joined and inflected numerals begin with one too.
        self.start_chars = frozenset(self.sign_chars) | {s for s in self.percent_symbols if len(s) == 1}
        self.start_words = tuple(sorted({word for word, atom in self.numerals.items() if atom[0] != POINT}
                                        | {soft for stem, soft in self.softened.items() if stem in self.numerals}))
        self._start_span = max(map(len, self.start_words))
        # Characters that stick to a number without a space: "$2,5", "%14".
        self.symbol_chars = frozenset(s for s in self.percent_symbols | set(self.currency_symbols)
                                      if len(s) == 1 and not s.isalnum())
        self._words: dict[str, Word] = {}

    def _measures(self, entries: dict) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
        """(inflected name → code, symbol → code, qualifier → code) for currencies or units."""
        forms, symbols, qualifiers = {}, {}, {}
        for code, entry in entries.items():
            for name in entry["names"]:
                name = fold(name)
                forms.setdefault(name, code)
                for template in self.inflections:
                    forms.setdefault(inflect(name, template, self.softened), code)
            for symbol in entry["symbols"]:
                symbols[fold(symbol)] = code
            for qualifier in entry["qualifiers"]:
                qualifiers[fold(qualifier)] = code
        return forms, symbols, qualifiers

    # --- one word ---------------------------------------------------------------------

    def word(self, text: str) -> Word:
        """What `text` (one token) means to the grammar; cached per distinct text."""
        w = self._words.get(text)
        if w is None:
            if len(self._words) >= self.cache_size:
                self._words.clear()
            w = self._words[text] = self._analyze(text)
        return w

    def _analyze(self, text: str) -> Word:
        key = fold(text)
        stem, apostrophe, suffix = key.partition("'")
        if not stem or (apostrophe and not suffix.isalpha()):
            return Word(key)
        fields: dict = {}
        number = self._number_word(stem, suffix)
        if number is not None:
            fields.update(number)
        if fields.get("percent"):
            return Word(key, **fields)
        lookup = stem if apostrophe else key
        if key in self.currency_forms or (apostrophe and stem in self.currency_forms):
            fields["currency"] = self.currency_forms[lookup]
        elif lookup in self.currency_symbols:
            fields["currency"] = self.currency_symbols[lookup]
            fields["currency_symbol"] = True
        elif key in self.currency_qualifiers:
            fields["currency_qualifier"] = self.currency_qualifiers[key]
        if key in self.unit_forms or (apostrophe and stem in self.unit_forms):
            fields["unit"] = self.unit_forms[lookup]
        elif lookup in self.unit_symbols:
            fields["unit"] = self.unit_symbols[lookup]
        elif key in self.unit_qualifiers:
            fields["unit_qualifier"] = self.unit_qualifiers[key]
        if key in self.percent_words:
            fields["percent"] = True
        elif key in self.percent_symbols:
            fields["percent"] = fields["percent_symbol"] = True
        if key in self.coordinators:
            fields["coordinator"] = True
        if key in self.sign_symbols:
            fields["sign_symbol"] = self.sign_symbols[key]
        return Word(key, **fields)

    def can_start(self, text: str) -> bool:
        """Whether the token `text` may begin a number: a cheap test on its first characters
        that lets the callers skip the full analysis of nearly every other word."""
        head = text[:1]
        return (head.isdigit() or head in self.start_chars
                or fold(text[:self._start_span]).startswith(self.start_words))

    def _number_word(self, stem: str, suffix: str) -> dict | None:
        """Number atoms of one word's stem, with what its suffix says; None if not a number."""
        if stem.startswith(self.percent_words):
            return None   # "yüzde" is "yüz" + locative by form, but it marks a percent
        closed = bool(suffix)
        ordinal = closed and suffix.startswith(self.loose_ordinals)
        # "-%3,2" and "%14" when the tokenizer leaves the sign on: a percent in one word.
        sign = stem[0] if stem[:1] and stem[0] in self.sign_chars else ""
        if stem[len(sign):len(sign) + 1] in self.percent_symbols:
            m = self._digit_word.match(sign + stem[len(sign) + 1:])
            if not m or m.group(3) or m.group(4):
                return None
            found = self._number_word(sign + stem[len(sign) + 1:], suffix)
            return {**found, "percent": True, "closed": True} if found and not found.get("ordinal") else None
        m = self._digit_word.match(stem)
        if m:
            sign, digits, dot, tail = m.groups()
            parsed = parse_digits(digits)
            if parsed is None:
                return None
            value, grouped = parsed
            atoms: tuple = ((DIGITS, value, grouped, -1 if sign and sign in self.negative_chars else 1),)
            if dot:
                if tail or suffix or "." in digits or "," in digits:
                    return None
                return {"atoms": atoms, "dot": True, "closed": True}
            if tail:
                if tail in self.loose_suffixes and not suffix:
                    return {"atoms": atoms, "closed": True}
                if tail.startswith(self.loose_ordinals) and not suffix:
                    return {"atoms": atoms, "closed": True, "ordinal": True}
                glued = self._glued_currency(tail, _Reader().feed(atoms[0]))
                if glued is not None:
                    more, code = glued
                    return {"atoms": atoms + more, "closed": True, "glued_currency": code}
                words = self._segment(tail, _Reader().feed(atoms[0]))
                if words is None:
                    return None
                more, attached, word_ordinal = words
                if attached and suffix:
                    return None
                return {"atoms": atoms + more, "closed": closed or attached,
                        "ordinal": ordinal or word_ordinal}
            return {"atoms": atoms, "closed": closed, "ordinal": ordinal}
        if not stem.isalpha():
            return None
        words = self._segment(stem, _Reader())
        if words is None:
            return None
        atoms, attached, word_ordinal = words
        if attached and suffix:
            return None
        return {"atoms": atoms, "closed": closed or attached, "ordinal": ordinal or word_ordinal}

    def _glued_currency(self, tail: str, reader: _Reader | None) -> tuple[tuple, str] | None:
        """(numeral atoms, currency code) of what follows digits in "10tl", "5milyontl", "3dolara"."""
        if reader is None:
            return None
        for cut in range(max(0, len(tail) - self._longest_glued), len(tail)):
            code = self.glued_currencies.get(tail[cut:])
            if code is None:
                continue
            if not cut:
                return (), code
            words = self._segment(tail[:cut], reader)
            # A suffix inside ("5milyonluktl") cannot be followed by a currency.
            if words is not None and not words[1]:
                return words[0], code
        return None

    def _segment(self, text: str, reader: _Reader | None) -> tuple[tuple, bool, bool] | None:
        """Split joined numerals ("yirmiikimilyarlık") into atoms the reader accepts.

        Returns (atoms, ends with an attached suffix, that suffix is ordinal) or None.
        """
        def walk(pos: int, reader: _Reader, atoms: tuple):
            rest = text[pos:]
            # A whole word that is one numeral is checked in its context by read_number
            # ("buçuk" needs the number before it); only joined numerals are checked here.
            exact = self.numerals.get(rest)
            if exact is not None and (not atoms or reader.feed(exact) is not None):
                return atoms + (exact,), False, False
            hit = self.inflected.get(rest)
            if hit is not None and (not atoms or reader.feed(hit[0]) is not None):
                return atoms + (hit[0],), True, hit[1]
            for numeral, atom in self._longest_first:
                if len(numeral) < len(rest) and text.startswith(numeral, pos):
                    after = reader.feed(atom)
                    if after is not None:
                        found = walk(pos + len(numeral), after, atoms + (atom,))
                        if found is not None:
                            return found
            return None

        if reader is None or not text:
            return None
        return walk(0, reader, ())

    # --- several words ----------------------------------------------------------------

    def read_number(self, words: Sequence[str], start: int, stop: int | None = None,
                    spaced_sign: bool = True) -> NumberMatch | None:
        """Read the longest number in words[start:stop] that begins at `start`, or None.

        `spaced_sign`: whether a sign character standing apart at `start` ("- 1.200.000")
        is a sign here; elsewhere a spaced hyphen is a dash ("2024 - 2025").
        """
        stop = len(words) if stop is None else min(stop, len(words))
        reader, end, closed, first = _Reader(), start, False, start
        if spaced_sign and start < stop:
            sign = self.word(words[start]).sign_symbol
            if sign:
                reader, first = reader.feed((SIGN, Decimal(sign))), start + 1
        best: tuple[_Reader, int, bool] | None = None
        for j in range(first, stop):
            w = self.word(words[j])
            if w.atoms is None:
                break
            if w.ordinal or w.dot:
                if j > first or reader.signed:
                    break
                value = _Reader().feed(w.atoms[0]) if w.dot else None
                return NumberMatch(_plain(value.value) if value else 0, start, j + 1,
                                   has_digit=True, closed=True, ordinal=w.ordinal, dot=w.dot)
            after = reader
            for atom in w.atoms:
                after = after.feed(atom)
                if after is None:
                    break
            if after is None:
                break
            reader, end, closed = after, j + 1, w.closed
            if not reader.pending:
                best = reader, end, closed
            if closed:
                break
        if best is None:
            return None
        reader, end, closed = best
        return NumberMatch(_plain(reader.value), start, end, has_digit=reader.has_digit,
                           has_word=reader.has_word, has_scale=reader.has_scale,
                           grouped=reader.grouped, closed=closed,
                           currency=self.word(words[end - 1]).glued_currency)

    def currency_at(self, words: Sequence[str], i: int) -> tuple[str, int] | None:
        """(ISO code, end) of a currency written at words[i] ("dolara", "ABD doları", "TL'lik")."""
        if i >= len(words):
            return None
        w = self.word(words[i])
        if w.currency_qualifier and i + 1 < len(words):
            nxt = self.word(words[i + 1])
            if nxt.currency and not nxt.currency_symbol:
                return w.currency_qualifier, i + 2
        return (w.currency, i + 1) if w.currency else None

    def unit_at(self, words: Sequence[str], i: int) -> tuple[str, int] | None:
        """(unit code, end) of a unit written at words[i] ("ton", "tonluk", "metrik ton")."""
        if i >= len(words):
            return None
        w = self.word(words[i])
        if w.unit_qualifier and i + 1 < len(words):
            nxt = self.word(words[i + 1])
            if nxt.unit == w.unit_qualifier:
                return nxt.unit, i + 2
        return (w.unit, i + 1) if w.unit else None

    def phrase_at(self, words: Sequence[str], i: int, phrases: list[tuple[str, ...]]) -> int | None:
        """End of the longest of `phrases` (folded word tuples) written at words[i], or None."""
        best = None
        for phrase in phrases:
            end = i + len(phrase)
            if end <= len(words) and all(self.word(words[i + k]).key == p for k, p in enumerate(phrase)):
                best = end if best is None else max(best, end)
        return best

    # --- plain text -------------------------------------------------------------------

    def split(self, text: str) -> list[str]:
        """Split text at white space and peel symbols that stick to numbers ("$2,5", "%14")."""
        words = []
        for piece in text.split():
            folded = fold(piece)
            if folded in self.currency_symbols:
                words.append(piece)   # "US$" is one symbol, not "US" and "$"
                continue
            for symbol in self.currency_symbols:
                # "US$3,14": a symbol of several characters glued before the digits.
                if len(symbol) > 1 and folded.startswith(symbol) and folded[len(symbol):][:1].isdigit():
                    words.append(piece[:len(symbol)])
                    piece = piece[len(symbol):]
                    break
            head = []
            while piece and piece[0] in self.symbol_chars:
                head.append(piece[0])
                piece = piece[1:]
            tail = []
            while piece and piece[-1] in self.symbol_chars:
                tail.insert(0, piece[-1])
                piece = piece[:-1]
            words += head + ([piece] if piece else []) + tail
        return words

    def parse_number(self, text: str) -> Number | None:
        """The cardinal number `text` spells ("1.250.000", "yirmi iki milyar", "8,3'ünü"), or None."""
        words = text.split()
        if not words:
            return None
        m = self.read_number(words, 0)
        if m is None or m.end != len(words) or m.ordinal or m.dot:
            return None
        return m.value

    def parse_ordinal(self, text: str) -> int | None:
        """The position an ordinal states ("ikinci", "yirmi beşinci", "5'inci", "5."), or None."""
        words = text.split()
        reader: _Reader | None = _Reader()
        for k, token in enumerate(words):
            w = self.word(token)
            last = k == len(words) - 1
            if w.atoms is None or (w.closed and not last):
                return None
            if last and not (w.ordinal or w.dot):
                return None
            for atom in w.atoms:
                reader = reader.feed(atom) if reader else None
        if reader is None or not words:
            return None
        value = _plain(reader.value)
        return value if isinstance(value, int) and value > 0 else None

    def parse_amount(self, text: str) -> Amount | None:
        """The money, percent or quantity `text` states ("4,6 milyar dolarla", "yüzde 14"), or None."""
        words = self.split(text)
        i, approx = 0, False
        end = self.phrase_at(words, i, self.approx_before)
        if end is not None:
            i, approx = end, True
        kind = currency = unit = None
        # "eksi yüzde 3,5", "- %3", "eksi $5": a sign before the percent or currency marker.
        sign = self.sign_before_marker(words, i)
        if sign:
            i += 1
        if i < len(words) and self.word(words[i]).percent and not self.word(words[i]).atoms:
            kind, i = "PERCENT", i + 1
        elif i < len(words) and self.word(words[i]).currency_symbol:
            kind, currency, i = "MONEY", self.word(words[i]).currency, i + 1
        m = self.read_number(words, i, spaced_sign=i == 0)
        if m is None or not m.is_amount or m.dot:
            return None
        if kind is None and self.word(words[m.start]).percent:
            kind = "PERCENT"
        if m.currency is not None:
            if kind is not None and (kind, currency) != ("MONEY", m.currency):
                return None
            kind, currency = "MONEY", m.currency
        i = m.end
        if kind is None and not m.closed and not m.is_article:
            found = self.currency_at(words, i)
            if found:
                kind, (currency, i) = "MONEY", found
            elif (found := self.unit_at(words, i)):
                kind, (unit, i) = "QUANTITY", found
            elif i < len(words) and self.word(words[i]).percent_symbol:
                kind, i = "PERCENT", i + 1
        if kind is None:
            return None
        end = self.phrase_at(words, i, self.approx_after)
        if end is not None:
            i, approx = end, True
        if i != len(words):
            return None
        if sign:
            if m.value < 0 or self.word(words[m.start]).atoms[0][0] == SIGN:
                return None   # two signs ("eksi yüzde -3") state no number
            return Amount(kind, sign * m.value, currency, unit, approx)
        return Amount(kind, m.value, currency, unit, approx)

    def sign_before_marker(self, words: Sequence[str], i: int, spaced_sign: bool = True) -> int:
        """-1 or +1 when words[i] is a sign and words[i + 1] a percent or currency marker, else 0."""
        if i + 1 >= len(words):
            return 0
        w, marker = self.word(words[i]), self.word(words[i + 1])
        if not ((marker.percent and not marker.atoms) or marker.currency_symbol):
            return 0
        if w.atoms is not None and len(w.atoms) == 1 and w.atoms[0][0] == SIGN:
            return int(w.atoms[0][1])
        return w.sign_symbol if spaced_sign else 0


_DEFAULT: NumberGrammar | None = None


def default_grammar() -> NumberGrammar:
    """The grammar of `service/lang/tr/numbers.json`, built once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = NumberGrammar(load_table("numbers"))
    return _DEFAULT


def parse_number(text: str) -> Number | None:
    """The cardinal number `text` spells, as int when whole: "22,9" → 22.9, "bin" → 1000; else None."""
    return default_grammar().parse_number(text)


def parse_ordinal(text: str) -> int | None:
    """The position an ordinal states: "ikinci" → 2, "5'inci" → 5; else None."""
    return default_grammar().parse_ordinal(text)


def parse_amount(text: str) -> Amount | None:
    """The `Amount` that `text` states ("yaklaşık 3,6 milyar dolarlık", "%14", "250 bin ton"), or None."""
    return default_grammar().parse_amount(text)
