"""The output contract of ../shared/spec/FACTS.md as pydantic models.

Field names are fixed by the contract: add fields, never rename them.
"""
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

Number = Union[int, float]
Flow = Literal["export", "import", "balance", "volume"]


class Evidence(BaseModel):
    start: int = Field(description="character offset of the evidence in the text as given")
    end: int


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


class ExtractResult(BaseModel):
    id: Optional[str] = None
    date: Optional[str] = Field(None, description="publication date used to resolve periods")
    entities: list[Entity] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
