"""export-facts: Turkish trade news in, structured export facts out."""
__version__ = "0.1.0"

from .engine import ExtractionError, extract, extract_many, load_nlp  # noqa: E402
from .schemas import ExtractResult, Fact, Entity  # noqa: E402

__all__ = ["extract", "extract_many", "load_nlp", "ExtractionError", "ExtractResult", "Fact", "Entity"]
