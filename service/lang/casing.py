"""Turkish casefolding and apostrophe handling.

`str.lower()` maps "I" to "i" and "İ" to "i" + U+0307, which breaks every lookup of a
Turkish word written in capitals ("KOCAELİ'DEN", "IRAK"). Turkish pairs dotted and
dotless i: İ→i, I→ı.
"""
import re

_TR_LOWER = str.maketrans({"İ": "i", "I": "ı"})
_TR_UPPER = str.maketrans({"i": "İ", "ı": "I"})

# Every character writers use as the apostrophe before a proper noun's suffix.
APOSTROPHES = "'’ʼ`´‘"
_APOS_RE = re.compile(f"[{re.escape(APOSTROPHES)}]")


def tr_lower(text: str) -> str:
    """Lower-case `text` with Turkish rules (İ→i, I→ı); also drops a stray U+0307."""
    return text.translate(_TR_LOWER).lower().replace("\u0307", "")


def tr_upper(text: str) -> str:
    """Upper-case `text` with Turkish rules (i→İ, ı→I)."""
    return text.translate(_TR_UPPER).upper()


def unify_apostrophes(text: str) -> str:
    """Replace every apostrophe variant by the ASCII one."""
    return _APOS_RE.sub("'", text)


def split_suffix(text: str) -> tuple[str, str]:
    """Split a token at its first apostrophe: "Almanya’ya" → ("Almanya", "ya")."""
    m = _APOS_RE.search(text)
    if not m or m.start() == 0:
        return text, ""
    return text[: m.start()], text[m.end():]


def fold(text: str) -> str:
    """The comparison form of a word: Turkish lower case, ASCII apostrophes."""
    return unify_apostrophes(tr_lower(text))
