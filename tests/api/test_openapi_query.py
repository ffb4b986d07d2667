"""Schemathesis over the query API (/facts, /documents/{id}) of an app reading a database
the real bulk sink wrote: no generated request gets a 5xx, answers match their schemas."""
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from service.api.app import create_app
from service.api.settings import Settings

from ..bulk.conftest import annotate, write_jsonl
from .test_query import ARTICLES

_DIR = Path(tempfile.mkdtemp(prefix="export-facts-openapi-"))
_URL = f"sqlite:///{_DIR / 'facts.db'}"
assert annotate(write_jsonl(_DIR / "in.jsonl", ARTICLES), "--db", _URL, "-o", _DIR / "out.jsonl")[0] == 0

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings(db=_URL))).include(
    path_regex=r"^/(facts|documents)")


@schema.parametrize()
@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_openapi_query_no_generated_request_gets_a_5xx(case):
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance,
                                   response_schema_conformance, negative_data_rejection])
