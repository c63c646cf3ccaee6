"""The techniques layer: the shipped model, its calibration, the annotator and its output."""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from rich.console import Console

from newsxray.annotators.technique_model import MODEL_DIR, load_model
from newsxray.annotators.techniques import SEGMENTS, Techniques, technique_spans
from newsxray.document import Document, Segment, Technique, TechniqueSpan
from newsxray.errors import ConfigError
from newsxray.techniques_info import INFO, info

TECHNIQUES = Technique.__args__
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

PROPAGANDA = [  # team-written sentences and the technique each must carry
    ("If we do nothing, criminals will overrun our towns and no family will be safe.",
     {"Appeal_to_fear-prejudice"}),
    ("Why should anyone believe the so-called experts this time, after all their lies?", {"Doubt"}),
    ("The government's insane, reckless policy is a catastrophe for ordinary families.", {"Loaded_Language"}),
    ("The thugs and traitors in the ministry must be stopped.", {"Loaded_Language", "Name_Calling,Labeling"}),
    ("Wake up, patriots: our troops and our freedom are under attack from the radical left.", {"Flag-Waving"}),
    ("Make America great again!", {"Slogans"}),
    ("Every true patriot who loves this great nation will stand behind our troops.", {"Flag-Waving"}),
    ("This is the worst budget in the history of the country.", {"Exaggeration,Minimisation"}),
    ("Either we pass this law today or we hand the country over to criminals.", {"Black-and-White_Fallacy"}),
    ("They complain about our emissions, but what about the private jets their leaders fly in?",
     {"Whataboutism,Straw_Men,Red_Herring"}),
]
NEUTRAL = [
    "The central bank raised its main interest rate by a quarter point to 4.5 percent on Tuesday.",
    "The ministry said 40 trucks carrying flour and medicine crossed the border on Monday.",
    "Officials expect the new terminal to open in March, the port authority said in a statement.",
    "The company reported a net profit of 1.2 billion euros for the second quarter.",
    "Rainfall in the region was 20 percent below the average for the season, the weather service said.",
]


# -- the model and the explanations (no spaCy) -------------------------------------------------
def test_model_loads_with_consistent_shapes():
    model = load_model()
    assert model.techniques == TECHNIQUES
    assert sorted(model.short + model.long) == list(range(14))
    f = model.featurizer
    assert model.sent_w.shape == (f.sent_layout.size, 14)
    assert model.tok_w.shape == (f.tok_layout.size,)
    assert model.span_w.shape == (f.span_layout.size, len(model.short))
    assert np.isfinite(model.platt).all() and model.platt.shape == (14, 3)
    assert ((model.threshold > 0) & (model.threshold < 1)).all()


def test_model_is_small():
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert size < 5_000_000
    assert (MODEL_DIR / "MODEL_CARD.md").exists()


def test_calibrated_score_rises_with_the_evidence():
    model = load_model()
    low, high = np.full(14, 0.2), np.full(14, 0.8)
    techs = np.arange(14)
    for tech_p in (0.3, 0.5):
        lo = model.calibrate(techs, low, np.full(14, tech_p))
        hi = model.calibrate(techs, high, np.full(14, tech_p))
        assert (hi > lo).all()
        assert ((lo >= 0) & (hi <= 1)).all()


def test_calibration_held_on_the_dev_split():
    dev = load_model().info["dev"]
    assert dev["ece"] < 0.05
    well_filled = [row for row in dev["reliability"] if row["n"] >= 100]
    assert well_filled and all(abs(row["accuracy"] - row["mean_score"]) < 0.08 for row in well_filled)


def test_stored_figures_hold_the_floor():
    # floors for the figures the training script stores with the model (dev split and out of
    # fold, see MODEL_CARD.md): a retrain that loses accuracy fails here
    info = load_model().info
    assert info["dev"]["si"]["f1"] >= 0.375 and info["dev"]["aware"]["f1"] >= 0.23
    assert info["out_of_fold"]["si_f1"] >= 0.385 and info["out_of_fold"]["aware_f1"] >= 0.232


def test_missing_model_folder_says_how_to_build_it(tmp_path):
    with pytest.raises(ConfigError, match="train-techniques"):
        load_model(tmp_path / "nowhere")


def test_threshold_option_is_checked():
    with pytest.raises(ConfigError):
        Techniques(threshold=1.5)
    with pytest.raises(ConfigError):
        Techniques(thresold=0.2)


def test_every_technique_has_a_definition_and_an_example():
    assert set(INFO) == set(TECHNIQUES)
    for name in TECHNIQUES:
        item = info(name)
        assert item.label and len(item.definition.split()) >= 8 and len(item.example.split()) >= 5


def test_layer_items_are_ordered_with_ids_and_bounded_scores():
    doc = Document(text="a b c d e f g")
    found = [(8, 11, "Doubt", 0.4), (0, 3, "Loaded_Language", 1.2), (4, 5, "Slogans", -0.1), (10, 40, "Doubt", 0.5)]
    items = technique_spans(doc, found)
    assert [(t.id, t.start) for t in items] == [("T1", 0), ("T2", 4), ("T3", 8)]
    assert items[0].score == 1.0 and items[1].score == 0.0


def test_panel_shows_spans_labels_and_definitions():
    from newsxray.cli.panels.techniques import technique_spans as highlights, technique_table
    text = "The reckless bureaucrats struck again."
    doc = Document(text=text)
    doc.set_layer("segments", [Segment(start=0, end=len(text), type="lede")])
    doc.set_layer("techniques", [TechniqueSpan(start=4, end=24, id="T1", technique="Loaded_Language", score=0.41)])
    marks = list(highlights(doc))
    assert marks[0].start == 4 and "T1 loaded 0.41" in marks[0].close_label and marks[0].style
    out = io.StringIO()
    Console(file=out, width=200).print(technique_table(doc))
    shown = out.getvalue()
    assert "reckless bureaucrats" in shown and "Loaded language" in shown and info("Loaded_Language").example[:30] in shown
    assert technique_table(Document(text="x")) is None


# -- the annotator on real text (spaCy) ---------------------------------------------------------
@pytest.fixture(scope="module")
def nx():
    import newsxray
    return newsxray.load(["techniques"])


def _layer(nx, text: str) -> list[TechniqueSpan]:
    return nx.analyze(text=text).layer("techniques")


@pytest.mark.slow
def test_example_article_headlines_carry_techniques(nx, example_text):
    doc = nx.analyze(text=example_text)
    spans = doc.layer("techniques")
    allowed = [s for s in doc.segments if s.type in SEGMENTS]
    for t in spans:
        assert t.technique in TECHNIQUES and 0.0 <= t.score <= 1.0
        assert any(s.start <= t.start and t.end <= s.end for s in allowed), t
    assert [t.id for t in spans] == [f"T{i}" for i in range(1, len(spans) + 1)]
    assert [(t.start, t.end) for t in spans] == sorted((t.start, t.end) for t in spans)
    for headline in ("NATO claims Russia is preparing 200,000 troops for MASSIVE new attack on Ukraine.",
                     "Z-DAY APPROACHES as Russia prepares massive assault wave against Ukraine and NATO."):
        start = example_text.index(headline)
        inside = [t for t in spans if start <= t.start and t.end <= start + len(headline)]
        assert inside, f"no technique in the related headline {headline!r}"


@pytest.mark.slow
def test_team_written_propaganda_mostly_gets_its_technique(nx):
    missed = []
    for sentence, expected in PROPAGANDA:
        found = {t.technique for t in _layer(nx, sentence)}
        if not found & expected:
            missed.append((sentence, sorted(found)))
    # a weak model on a hard task: most, not all (dev F1 per technique is 0.0-0.3)
    assert len(missed) <= 3, missed


@pytest.mark.slow
@pytest.mark.parametrize("sentence", NEUTRAL)
def test_neutral_wire_sentences_get_none(nx, sentence):
    assert _layer(nx, sentence) == []


@pytest.mark.slow
def test_propaganda_pieces_are_denser_than_wire_pieces(nx):
    def density(names):
        spans = words = 0
        for name in names:
            path = next(EXAMPLES.glob(f"{name}_*.txt"), None)
            if path is None:
                pytest.skip("examples/ is not available")
            text = path.read_text(encoding="utf-8")
            spans += sum(t.score for t in _layer(nx, text))
            words += len(text.split())
        return spans / words
    wire, propaganda = density(["01", "02", "03", "04"]), density(["05", "06", "07"])
    assert propaganda > 3 * wire


@pytest.mark.slow
def test_rerunning_is_idempotent_and_threshold_filters(nx):
    text = (EXAMPLES / "05_propaganda_nato_drills.txt").read_text(encoding="utf-8")
    doc = nx.analyze(text=text, title=None)
    first = list(doc.layer("techniques"))
    from newsxray.pipeline import Pipeline
    again = Pipeline(["techniques"], keep_cache=True)
    again.run([doc])
    assert doc.layer("techniques") == first
    strict = Pipeline(["techniques"], config={"techniques": {"threshold": 0.5}}).run([doc])[0]
    kept = strict.layer("techniques")
    assert kept and all(t.score >= 0.5 for t in kept) and len(kept) < len(first)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    '"" ... !!! ??? — « » “ ”',
    "İSTANBUL – İzmir'deki DEVASA İhanet! The İnönü plan is a disgrace, a disgrace, a disgrace.",
    "Title line\nMore related stories:\nSHOCKING betrayal as elites LIE again.\nSources include:\nexample.com",
    ("The corrupt regime lies. " * 400).strip(),
])
def test_odd_inputs_give_spans_inside_the_text(nx, text):
    spans = _layer(nx, text)
    for t in spans:
        assert 0 <= t.start < t.end <= len(text) and text[t.start:t.end].strip() == text[t.start:t.end]
