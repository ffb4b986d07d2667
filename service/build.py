"""Build the packaged pipeline under models/ from models/config.cfg and its data."""
from pathlib import Path

import spacy
from spacy.language import Language

from . import __version__, pipeline  # noqa: F401  (registers the factories)
from .engine import MODEL_DIR, ROOT

CONFIG = ROOT / "models" / "config.cfg"


def build_nlp(config_path: Path = CONFIG) -> Language:
    """Assemble and initialize the pipeline from its config; data paths resolve from the repo root."""
    config = spacy.util.load_config(config_path, overrides={
        "paths.gazetteers": str(ROOT / "models" / "gazetteers"),
        "paths.patterns": str(ROOT / "models" / "patterns"),
        "paths.checks": str(ROOT / "models" / "checks"),
    })
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.initialize()
    # The data now lives inside the pipeline; keep the repo-relative paths of the source config so
    # the packaged config.cfg names no directory of the machine that built it.
    nlp.config["paths"].update(spacy.util.load_config(config_path)["paths"])
    nlp.meta.update({
        "name": "export_facts_tr",
        "version": __version__,
        "description": "Turkish trade news → export facts (rules + data; see README)",
        "license": "MIT",
    })
    return nlp


def build(output: Path = MODEL_DIR) -> Path:
    """Build the pipeline and write it to `output`; returns the path."""
    nlp = build_nlp()
    output = Path(output)
    nlp.to_disk(output)
    return output
