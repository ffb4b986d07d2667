"""Turkish language tables and the small engines that read them.

The engines here (casing, numbers, periods) know no words themselves: every word
they use lives in a data file under `service/lang/tr/`.
"""
import json
from functools import lru_cache
from pathlib import Path

TABLES = Path(__file__).resolve().parent / "tr"


@lru_cache(maxsize=None)
def load_table(name: str) -> dict:
    """Load `service/lang/tr/<name>.json` (a dict with a `source` key) once per process."""
    with open(TABLES / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)
