"""Registry and pipeline: ordering from requires/provides, checks, failure policy."""
from __future__ import annotations

import pytest

from newsxray import registry
from newsxray.document import Document, Segment
from newsxray.errors import AnnotatorError, ConfigError
from newsxray.pipeline import Pipeline, resolve
from newsxray.registry import Annotator, register


@pytest.fixture
def clean_registry(monkeypatch):
    """A registry holding only what the test registers (plus nothing built in)."""
    monkeypatch.setattr(registry, "_REGISTRY", {})
    monkeypatch.setattr(registry, "_load_builtins", lambda: None)
    monkeypatch.setattr(registry, "_entry_points_loaded", True)
    return registry._REGISTRY


def make(name, provides, requires=(), action=None, defaults=None):
    def annotate(self, doc):
        (action or (lambda d: d.cache.setdefault("trace", []).append(name)))(doc)
    cls = type(name.title(), (Annotator,), {"name": name, "provides": provides, "requires": requires,
                                           "defaults": defaults or {}, "annotate": annotate})
    return register(cls)


def test_order_follows_requires_not_registration(clean_registry):
    make("c", ("lc",), ("lb",))
    make("b", ("lb",), ("la",))
    make("a", ("la",))
    assert [cls.name for cls in resolve(["lc"])] == ["a", "b", "c"]
    pipe = Pipeline(["lc"], keep_cache=True)
    doc = Document(text="x")
    pipe.run([doc])
    assert doc.cache["trace"] == ["a", "b", "c"]


def test_only_what_is_needed_runs(clean_registry):
    make("a", ("la",))
    make("b", ("lb",), ("la",))
    make("z", ("lz",))
    assert Pipeline(["lb"]).names == ["a", "b"]


def test_unknown_layer_and_cycle_are_config_errors(clean_registry):
    make("a", ("la",), ("lb",))
    make("b", ("lb",), ("la",))
    with pytest.raises(ConfigError, match="cycle"):
        Pipeline(["la"])
    with pytest.raises(ConfigError, match="no annotator provides layer 'nope'"):
        Pipeline(["nope"])


def test_unknown_option_is_rejected(clean_registry):
    make("a", ("la",), defaults={"threshold": 0.5})
    assert Pipeline(["la"], config={"a": {"threshold": 0.7}}).annotators[0].config == {"threshold": 0.7}
    with pytest.raises(ConfigError, match="no option"):
        Pipeline(["la"], config={"a": {"treshold": 0.7}})
    with pytest.raises(ConfigError, match="not in this pipeline"):
        Pipeline(["la"], config={"b": {}})


def fail_on_bad(doc):
    if "bad" in doc.text:
        raise ValueError("cannot handle this one")
    doc.set_layer("segments", [Segment(0, len(doc.text), "body")])


def test_failure_raises_by_default(clean_registry):
    make("a", ("segments",), action=fail_on_bad)
    with pytest.raises(AnnotatorError, match="cannot handle"):
        Pipeline(["segments"]).run([Document(text="bad")])


def test_batch_failure_is_isolated_and_recorded(clean_registry):
    make("a", ("segments",), action=fail_on_bad)
    make("b", ("lb",), ("segments",), action=lambda d: d.set_layer("lb", ["ok"]))
    docs = [Document(text="good one"), Document(text="bad one"), Document(text="good two")]
    Pipeline(["lb"]).run(docs, on_error="record")
    assert [d.errors for d in docs[::2]] == [[], []]
    assert all(d.layer("lb") == ["ok"] for d in docs[::2])
    bad = docs[1]
    assert [(e.layer, e.message.split(":")[0]) for e in bad.errors] == [("segments", "ValueError"), ("lb", "not computed")]
    assert bad.layer("lb") == []


def test_entry_point_plugins_register(monkeypatch, clean_registry):
    class Plugin(Annotator):
        name = "plugin"
        provides = ("plugged",)

        def annotate(self, doc):
            doc.set_layer("plugged", ["yes"])

    class FakeEP:
        value = "pkg:Plugin"

        def load(self):
            return Plugin

    monkeypatch.setattr(registry, "_entry_points_loaded", False)
    monkeypatch.setattr(registry, "entry_points", lambda group: [FakeEP()] if group == "newsxray.annotators" else [])
    assert "plugged" in registry.available_layers()
    doc = Document(text="x")
    Pipeline(["plugged"]).run([doc])
    assert doc.layer("plugged") == ["yes"]


def test_builtin_layers_are_registered():
    layers = registry.available_layers()
    for layer in ("segments", "sentences", "entities"):
        assert layer in layers
    assert "_parse" not in layers


def test_cache_is_cleared_after_run(clean_registry):
    make("a", ("la",))
    doc = Document(text="x")
    Pipeline(["la"]).run([doc])
    assert doc.cache == {}
