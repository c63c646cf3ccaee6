"""The two coding schemes the events layer speaks: PLOVER types and CAMEO codes.

PLOVER (Open Event Data Alliance, manual draft 0.8) has 16 event types in four quad
classes; CAMEO (Schrodt, Gerner and Yilmaz) has 20 two-digit roots refined to 3 and 4
digits. ``ROOT_TYPES`` says which PLOVER types a CAMEO root may be coded as (root 08 is
split between CONCEDE and RETREAT, a few 3-digit codes were moved by the PLOVER manual);
roots 01 (statements) and 02 (appeals) have no PLOVER type of their own: appeals are
coded here as REQUEST, statements are not coded at all.

``goldstein`` gives the conflict-cooperation intensity of a CAMEO code on the -10..+10
Goldstein (1992) scale at the level of the two-digit root; ``plover_score`` the PLOVER
manual's score of an event type (Table 2.2, type level).
"""
from __future__ import annotations

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# PLOVER manual Table 7.2: 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict
QUAD: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

# the PLOVER types each CAMEO root may be coded as
ROOT_TYPES: dict[str, frozenset[str]] = {
    "02": frozenset({"REQUEST"}),
    "03": frozenset({"AGREE"}),
    "04": frozenset({"CONSULT"}),
    "05": frozenset({"SUPPORT"}),
    "06": frozenset({"COOPERATE"}),
    "07": frozenset({"AID"}),
    "08": frozenset({"CONCEDE", "RETREAT"}),
    "09": frozenset({"ACCUSE"}),
    "10": frozenset({"REQUEST"}),
    "11": frozenset({"ACCUSE"}),
    "12": frozenset({"REJECT"}),
    "13": frozenset({"THREATEN"}),
    "14": frozenset({"PROTEST"}),
    "15": frozenset({"MOBILIZE"}),
    "16": frozenset({"SANCTION"}),
    "17": frozenset({"COERCE"}),
    "18": frozenset({"ASSAULT"}),
    "19": frozenset({"ASSAULT"}),
    "20": frozenset({"ASSAULT"}),
}

# CAMEO quad classes as GDELT uses them (by root)
_CAMEO_QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2,
               "09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "14": 4, "15": 4, "16": 4,
               "17": 4, "18": 4, "19": 4, "20": 4}

# Goldstein-scale intensity of each CAMEO root (-10 most conflictual .. +10 most cooperative)
_GOLDSTEIN = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0,
              "08": 5.0, "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -4.4,
              "14": -6.5, "15": -7.2, "16": -4.0, "17": -5.0, "18": -9.0, "19": -10.0,
              "20": -10.0}

# PLOVER manual Table 2.2, the score of each type without a mode
_PLOVER_SCORE = {"AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "CONCEDE": 4.5, "COOPERATE": 9.5,
                 "AID": 10.0, "RETREAT": 6.5, "REQUEST": 0.0, "ACCUSE": 3.0, "REJECT": -2.0,
                 "THREATEN": -3.5, "PROTEST": -5.0, "SANCTION": -6.0, "MOBILIZE": -5.5,
                 "COERCE": -7.0, "ASSAULT": -9.0}

# the auxiliary modes (PLOVER manual 2.3) this layer uses for events not reported as facts
AUX_MODES: tuple[str, ...] = ("future", "hypothetical", "negated", "historical")


def root(cameo: str | None) -> str | None:
    """The two-digit root of a CAMEO code ("1312" -> "13")."""
    return cameo[:2] if cameo and len(cameo) >= 2 and cameo[:2].isdigit() else None


def cameo_quad(cameo: str | None) -> int | None:
    """GDELT's quad class of a CAMEO code (1..4)."""
    return _CAMEO_QUAD.get(root(cameo) or "")


def goldstein(cameo: str | None) -> float | None:
    """Goldstein-scale intensity of a CAMEO code, from its root."""
    return _GOLDSTEIN.get(root(cameo) or "")


def plover_score(event_type: str) -> float | None:
    return _PLOVER_SCORE.get(event_type)


# CAMEO codes the CAMEO->PLOVER translation table moves out of their root's type
MOVED: dict[str, str] = {"1712": "ASSAULT", "175": "ASSAULT", "191": "COERCE", "192": "COERCE"}

# Where this layer follows the PLOVER manual's text rather than the translation table
MANUAL: dict[str, tuple[str, str]] = {
    "055": ("CONCEDE", "expressions of regret and apologies are CONCEDE (manual 3.3, 3.4)"),
    "034": ("CONCEDE", "promised concessions stay CONCEDE, they do not reduce to AGREE (manual 3.4)"),
    "035": ("CONCEDE", "announced retreats and promised concessions are CONCEDE (manual 3.4, 3.7)"),
    "0871": ("CONCEDE", "declared, not yet implemented, ceasefires are CONCEDE (manual 3.4)"),
    "0831": ("RETREAT", "resignations of officials are RETREAT 'resign' (manual 3.7)"),
    "116": ("SANCTION", "convictions are SANCTION 'convict' (manual 3.13)"),
    "163": ("SANCTION", "international sanctions are SANCTION 'discontinue' (manual 3.13)"),
}


def types_of(cameo: str | None) -> frozenset[str]:
    """The PLOVER types a CAMEO code may be coded as in this layer."""
    if not cameo:
        return frozenset()
    manual = next((MANUAL[k][0] for k in (cameo, cameo[:3]) if k in MANUAL), None)
    moved = next((MOVED[k] for k in (cameo, cameo[:3]) if k in MOVED), None)
    found = frozenset({moved}) if moved else ROOT_TYPES.get(root(cameo) or "", frozenset())
    return found | {manual} if manual else found


def type_fits_root(event_type: str, cameo: str | None) -> bool:
    """Whether a PLOVER type may carry this CAMEO code."""
    return event_type in types_of(cameo)
