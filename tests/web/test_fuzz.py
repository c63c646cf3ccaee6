"""Schemathesis fuzzes every operation of the OpenAPI schema: no input may cause a server error.

Each operation's Hypothesis strategy is driven directly (bounded by ``MAX_EXAMPLES``) so the
test does not depend on schemathesis' pytest plugin."""
from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, given, settings

import schemathesis
from schemathesis.checks import not_a_server_error
from newsxray.web import create_app

from .conftest import FakeAnalyzer

MAX_EXAMPLES = 15


@pytest.fixture(scope="module")
def fuzz_schema(corpus_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "corpus.db"
    shutil.copy(corpus_db, db)
    app = create_app(db=db, analyzer=FakeAnalyzer(), allowed_hosts=["testserver", "localhost", "127.0.0.1"])
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_schema_has_every_endpoint(fuzz_schema):
    names = {op.ok().label for op in fuzz_schema.get_all_operations()}
    assert len(names) >= 16 and "POST /api/analyze" in names and "GET /api/timeline" in names


def test_no_server_errors(fuzz_schema):
    failures = []
    for result in fuzz_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            case.call_and_validate(checks=[not_a_server_error])

        try:
            run()
        except Exception as exc:  # collect every operation's failure, then report them together
            failures.append(f"{operation.label}: {str(exc)[:800]}")
    assert not failures, "\n\n".join(failures)
