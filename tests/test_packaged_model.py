"""The shipped pipeline under models/ is what its config and data build today.

Changing a gazetteer, a cue list or a component without rebuilding would leave
`spacy.load("models/export_facts_tr")` answering with yesterday's data; this test
catches that (fix: `python -m service train`, or `python -m service build`).
"""
import filecmp
from pathlib import Path

from service.build import build
from service.engine import MODEL_DIR


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and p.name != "meta.json"}


def test_packaged_model_matches_a_fresh_build(tmp_path):
    fresh = build(tmp_path / "model")
    assert _files(fresh) == _files(MODEL_DIR)
    stale = [name for name in sorted(_files(fresh))
             if not filecmp.cmp(fresh / name, MODEL_DIR / name, shallow=False)]
    assert stale == [], f"models/export_facts_tr is out of date in {stale}: run `python -m service train`"
