"""Fixtures shared by the whole suite."""
import pytest

from service.engine import load_nlp


@pytest.fixture(scope="session")
def nlp():
    """The packaged pipeline (build it first: `python -m service build`)."""
    return load_nlp()
