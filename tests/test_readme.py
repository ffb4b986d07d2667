"""A clone stands alone: the README links only files of the repository, and its bulk example runs."""
import json
import re
from pathlib import Path

from service.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_links_only_files_inside_the_repository():
    targets = [t.split("#")[0] for t in re.findall(r"\]\(([^)\s]+)\)", README)
               if not t.startswith(("http://", "https://", "#"))]
    assert targets, "the README links the contract at least"
    for target in targets:
        path = (ROOT / target).resolve()
        assert path.is_relative_to(ROOT) and path.exists(), target


def test_readme_contract_is_in_the_repository():
    assert "](docs/FACTS.md)" in README
    assert (ROOT / "docs" / "FACTS.md").read_text(encoding="utf-8").startswith("# Export facts: the output contract")


def test_readme_bulk_example_runs_on_the_shipped_archive(tmp_path, capsys):
    assert "annotate examples/archive.jsonl -o out/archive.jsonl" in README
    out = tmp_path / "out" / "archive.jsonl"
    assert main(["annotate", str(ROOT / "examples" / "archive.jsonl"), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 10 and len({r["id"] for r in rows}) == 10
    assert sum(len(r["facts"]) for r in rows) >= 10
    assert "10 written" in capsys.readouterr().err
    assert "/out/" in (ROOT / ".gitignore").read_text().splitlines()
