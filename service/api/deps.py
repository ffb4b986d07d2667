"""What routes depend on, as `Annotated` aliases: the settings and this worker's extractor."""
from typing import Annotated

from fastapi import Depends, Request

from .extraction import Extractor
from .settings import Settings


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_extractor(request: Request) -> Extractor:
    return request.app.state.extractor


SettingsDep = Annotated[Settings, Depends(get_settings)]
ExtractorDep = Annotated[Extractor, Depends(get_extractor)]
