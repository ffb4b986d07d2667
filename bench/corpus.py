"""Where the benchmarks read their articles: a path given on the command line, checked.

The benchmarks' usual corpus (200 real financial news articles) lives outside the repository,
in the project's shared folder; a clone alone has only `examples/archive.jsonl`. So every
benchmark takes the corpus as an argument and says plainly what it needs when it is missing.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpora" / "tr-financial-news-200.jsonl"
EXAMPLES = ROOT / "examples" / "archive.jsonl"
NEED = ('a JSONL file of articles, one {"text": "...", "id"?, "date"?} a line (e.g. '
        f"{EXAMPLES.relative_to(ROOT)}, or ../shared/corpora/tr-financial-news-200.jsonl beside a clone)")


def corpus_path(given: str | None) -> Path:
    """The corpus to read: `given`, else the shared corpus when it is there; exits with a message if neither."""
    if given is None:
        if SHARED_CORPUS.is_file():
            return SHARED_CORPUS
        sys.exit(f"bench: no corpus given, and the default {SHARED_CORPUS} is not there: pass {NEED}")
    path = Path(given)
    if not path.is_file():
        sys.exit(f"bench: corpus {path} not found: pass {NEED}")
    return path


def read_texts(path: Path) -> list[str]:
    """The `text` of every line of `path`; exits with a message on a line that is not such an article."""
    texts = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                texts.append(json.loads(line)["text"])
            except (ValueError, KeyError, TypeError):
                sys.exit(f"bench: {path} line {n} is not a JSON object with a \"text\": pass {NEED}")
    if not texts:
        sys.exit(f"bench: {path} holds no article: pass {NEED}")
    return texts
