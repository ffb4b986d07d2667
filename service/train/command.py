"""`python -m service train` and `evaluate` (placeholder)."""


def register(sub) -> None:
    pass
