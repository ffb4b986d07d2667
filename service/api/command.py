"""`python -m service serve` (placeholder until the HTTP service lands)."""


def register(sub) -> None:
    pass
