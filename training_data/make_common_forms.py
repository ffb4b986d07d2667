"""Write service/lang/tr/common_forms.txt: the most frequent Turkish word forms.

    pip install wordfreq && python training_data/make_common_forms.py [--n 30000]

The pipeline keeps these forms in its vocabulary (see service/pipeline/normalize.py,
`warm_vocabulary`): a memory zone frees every word it meets for the first time, so
without a shipped vocabulary every word of every request is new. Only the list is
shipped; wordfreq is needed to regenerate it, not to run or build the pipeline.
"""
import argparse
from importlib.metadata import version
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "service" / "lang" / "tr" / "common_forms.txt"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=30000, help="how many forms, most frequent first")
    args = ap.parse_args(argv)
    import wordfreq

    forms = [w for w in wordfreq.top_n_list("tr", args.n) if w and not w.isspace()]
    # A text file, not JSON: normalize reads every JSON table of service/lang/tr as words of
    # our data (lemma targets), and these forms must not become that.
    head = [f"# Source: wordfreq {version('wordfreq')}, top_n_list('tr', {args.n}): the most frequent "
            "Turkish word forms, most frequent first (training_data/make_common_forms.py writes this file)",
            "# License: wordfreq's data, CC BY-SA 4.0 (Robyn Speer, wordfreq, doi:10.5281/zenodo.7199437)"]
    OUT.write_text("\n".join(head + forms) + "\n", encoding="utf-8")
    print(f"wrote {len(forms)} forms to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
