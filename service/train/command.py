"""`python -m service train` and `python -m service evaluate`."""
import json
import sys

from ..pipeline import trained_roles  # noqa: F401  (so every command can load a pipeline that has it)
from . import evaluate


def _cmd_train(args) -> int:
    from ..engine import MODEL_DIR, ExtractionError
    from .corpus import CorpusError
    from .workflow import SHIP_TRAINED, TrainingError, train_pipeline
    with_trained = SHIP_TRAINED if args.with_trained is None else args.with_trained
    output = args.output or MODEL_DIR
    overrides = {"training.max_epochs": args.max_epochs} if args.max_epochs else None
    try:
        perf = train_pipeline(output, with_trained=with_trained, gold=args.gold, overrides=overrides,
                              workdir=args.workdir)
    except (CorpusError, TrainingError, ExtractionError, evaluate.EvaluationError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"built {output} ({'rules + trained measure_roles' if with_trained else 'rules only'})")
    for part, s in perf.items():
        if "fact_f" in s:
            print(f"  {part:12} facts  P {s['fact_p']:.3f}  R {s['fact_r']:.3f}  F1 {s['fact_f']:.3f}  "
                  f"(tp {s['tp']} fp {s['fp']} fn {s['fn']})")
        else:
            print(f"  {part:12} {json.dumps(s)}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("train", help="rebuild the shipped pipeline under models/ from config, data and training_data/")
    p.add_argument("--output", help="where to write it (default: models/export_facts_tr)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--with-trained", dest="with_trained", action="store_true", default=None,
                   help="train the measure_roles classifier (models/train.cfg) and put it after `amounts`")
    g.add_argument("--without-trained", dest="with_trained", action="store_false",
                   help="rules and data only (the same pipeline as `python -m service build`)")
    p.add_argument("--gold", help="also score the result on this gold folder or JSONL (e.g. ../shared/eval/dev)")
    p.add_argument("--max-epochs", type=int, help="override training.max_epochs of models/train.cfg")
    p.add_argument("--workdir", help="keep the intermediate files (rules, corpus, spacy train output) here")
    p.set_defaults(func=_cmd_train)
    evaluate.register(sub)
