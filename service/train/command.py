"""`python -m service train` and `python -m service evaluate`."""
from . import evaluate


def _cmd_train(args) -> int:
    # No component learns yet: training rebuilds the shipped pipeline from config and data,
    # so `train` already names the step that will produce models/export_facts_tr.
    from ..build import build
    print(f"built {build(args.output) if args.output else build()} (rules and data; no trained component yet)")
    return 0


def register(sub) -> None:
    p = sub.add_parser("train", help="rebuild the shipped pipeline under models/ (no trained component yet)")
    p.add_argument("--output", help="where to write it (default: models/export_facts_tr)")
    p.set_defaults(func=_cmd_train)
    evaluate.register(sub)
