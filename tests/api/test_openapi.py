"""Schemathesis over /openapi.json: no generated request gets a 5xx."""
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.checks import not_a_server_error

from service.api.app import create_app
from service.api.settings import Settings

# Small limits, so generated bodies reach the 413 paths as well as the 200 ones.
schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(Settings(max_text_chars=400, max_batch_documents=4)))


@schema.parametrize()
@settings(max_examples=80, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_openapi_no_generated_request_gets_a_5xx(case):
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance,
                                   response_schema_conformance, negative_data_rejection])
