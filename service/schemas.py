"""The output contract of ../shared/spec/FACTS.md as pydantic models.

Field names are fixed by the contract: add fields, never rename them.
"""
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

Number = Union[int, float]
Flow = Literal["export", "import", "balance", "volume"]


class Evidence(BaseModel):
    start: int = Field(description="character offset of the evidence in the text as given")
    end: int


How = Literal["clause", "sentence", "list", "table", "subject", "scope", "frame", "date", "share"]


class Source(BaseModel):
    """Where one field of a fact came from."""

    start: int = Field(description="character offset of the span that gave the field (0 for `date`)")
    end: int
    how: How = Field(description="how the span was reached: the figure's own clause or sentence, a list, "
                                 "a table, the article's subject, a scope, the running period (frame), "
                                 "or the publication date")


class Warning(BaseModel):
    """A consistency check that failed within one article; the facts stay, flagged."""

    code: str = Field(description="the check, e.g. W201", examples=["W201"])
    message: str = Field(description="what disagrees, with the figures")
    facts: list[int] = Field(description="indices into `facts` of the facts involved")


class Entity(BaseModel):
    label: str = Field(description="PROVINCE, COUNTRY, SECTOR, MONEY, PERCENT, DATE or QUANTITY")
    text: str
    start: int
    end: int
    norm: Optional[str] = Field(None, description="province name, sector id or country name")
    code: Optional[str] = Field(None, description="plate code of a province, ISO code of a country")
    value: Optional[Number] = None
    currency: Optional[str] = None
    unit: Optional[str] = None
    period: Optional[str] = None


class Fact(BaseModel):
    model_config = ConfigDict(json_schema_extra={"description": "one cell of the trade cube"})

    flow: Flow
    province: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    product: Optional[str] = None
    period: Optional[str] = None
    value: Optional[Number] = None
    currency: Optional[str] = None
    change_pct: Optional[float] = None
    change_abs: Optional[Number] = None
    share_pct: Optional[float] = None
    rank: Optional[int] = None
    quantity: Optional[Number] = None
    unit: Optional[str] = None
    evidence: list[Evidence] = Field(default_factory=list)
    sources: Optional[dict[str, Source]] = Field(
        None, description="provenance, field name → span and how it was reached; only where "
                          "asked for (`explain`) and where the pipeline records it")

    @model_serializer(mode="wrap")
    def _drop_absent_sources(self, handler: SerializerFunctionWrapHandler) -> dict:
        # `sources` is an addition to the contract: absent rather than null where not given.
        out = handler(self)
        if out.get("sources") is None:
            out.pop("sources", None)
        return out


class ExtractResult(BaseModel):
    id: Optional[str] = None
    date: Optional[str] = Field(None, description="publication date used to resolve periods")
    entities: list[Entity] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list,
                                    description="consistency checks the facts of this article fail")
