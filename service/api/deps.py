"""What routes depend on, as `Annotated` aliases: the settings, this worker's extractor, the database."""
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.engine import Engine

from .extraction import Extractor
from .settings import Settings


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_extractor(request: Request) -> Extractor:
    return request.app.state.extractor


def get_database(request: Request) -> Engine:
    return request.app.state.db


SettingsDep = Annotated[Settings, Depends(get_settings)]
ExtractorDep = Annotated[Extractor, Depends(get_extractor)]
DatabaseDep = Annotated[Engine, Depends(get_database)]
