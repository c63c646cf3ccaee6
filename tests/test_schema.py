"""The shipped JSON Schema is generated from the code and current."""
import json
from pathlib import Path

from newsxray.schema import record_schema

SHIPPED = Path(__file__).resolve().parents[1] / "newsxray" / "record.schema.json"


def test_shipped_schema_is_current():
    assert json.loads(SHIPPED.read_text()) == record_schema(), "run `make schema` and commit the result"


def test_schema_names_the_contract_fields():
    schema = record_schema()
    assert schema["required"][:8] == ["schema", "id", "url", "title", "published", "language", "outlet", "text"]
    assert set(schema["$defs"]["Segment"]["properties"]["type"]["enum"]) == {
        "title", "byline", "dateline", "lede", "body", "related", "sources", "caption", "boilerplate"}
    assert len(schema["$defs"]["Event"]["properties"]["type"]["enum"]) == 16
    assert len(schema["$defs"]["TechniqueSpan"]["properties"]["technique"]["enum"]) == 14
