"""Codes of frames: a promise, threat, appeal, demand or refusal takes its meaning from
what it is about ("pledged aid" is AGREE 033, "threatened sanctions" THREATEN 1312,
"demanded the release of" REQUEST 1053, "refused to meet" REJECT 125).

The same rules turn future and conditional events into what PLOVER codes them as
(manual 3.1 and 2.3): cooperation announced for the future is AGREE, a future retreat
is CONCEDE, future force or sanctions are a THREATEN.
"""
from __future__ import annotations

from dataclasses import dataclass

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE"})
YIELDING = frozenset({"RETREAT", "CONCEDE"})
FORCEFUL = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"})
VERBAL_CONFLICT = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST"})


@dataclass(frozen=True, slots=True)
class Code:
    type: str
    mode: str | None
    cameo: str
    weight: float = 0.75


# -- what a cooperative content is, as the digit CAMEO's 02x/03x/10x/12x families use ----
_YIELD_DIGIT = {"081": "1", "082": "2", "0841": "3", "0842": "3", "084": "3", "085": "4",
                "086": "5", "0861": "5", "0862": "5", "0863": "5", "087": "6", "0871": "6",
                "0872": "6", "0873": "6", "0874": "6"}
_MATERIAL_DIGIT = {"061": "1", "062": "2", "063": "3", "064": "4"}
_AID_DIGIT = {"071": "1", "072": "2", "073": "3", "074": "4"}


def content_class(code: Code) -> tuple[str, str]:
    """(family digit, refinement digit or "") of a content code, CAMEO 02x/03x/10x style."""
    t, c = code.type, code.cameo
    if t == "COOPERATE":
        return "1", _MATERIAL_DIGIT.get(c[:3], "")
    if t == "SUPPORT":
        return "2", ""
    if t == "AID":
        return "3", _AID_DIGIT.get(c[:3], "")
    if t == "CONCEDE" and c.startswith("083"):
        return "4", ""
    if t in YIELDING:
        return "5", _YIELD_DIGIT.get(c, _YIELD_DIGIT.get(c[:3], ""))
    if t == "CONSULT":
        return ("8", "") if c.startswith("045") else ("6", "")
    if t == "AGREE":
        return ("7", "") if c.startswith("037") else ("6", "") if c.startswith("036") else ("", "")
    return "", ""


def _family(prefix: str, code: Code | None, *, fine: bool = True) -> str:
    if code is None:
        return prefix + "0"
    digit, sub = content_class(code)
    if not digit:
        return prefix + "0"
    return prefix + digit + (sub if fine else "")


def intent(code: Code | None, default: Code) -> Code | None:
    """A promise or plan to do ``code`` (PLOVER: cooperation promised is AGREE)."""
    if code is None:
        return default
    t = code.type
    if t in COOPERATIVE:
        if t == "AGREE":
            return Code("AGREE", None, code.cameo, default.weight)
        if t == "CONSULT" and code.cameo.startswith("045"):
            return Code("AGREE", None, "039", default.weight)
        return Code("AGREE", None, _family("03", code), default.weight)
    if t in YIELDING:
        return Code("CONCEDE", None, _family("03", code), default.weight)
    if t in FORCEFUL:
        return threat(code, Code("THREATEN", None, "130", default.weight))
    return Code(t, code.mode, code.cameo, min(default.weight, code.weight))


_THREAT_BY_CODE = {
    "161": ("1313", "relations"), "162": ("1311", "relations"), "163": ("1312", "restrict"),
    "164": ("134", "relations"), "165": ("135", "relations"), "166": ("136", "expel"),
    "172": ("132", "restrict"), "1721": ("1321", "restrict"), "1722": ("1322", "restrict"),
    "1723": ("1323", "restrict"), "1724": ("1324", "restrict"), "173": ("132", "arrest"),
    "174": ("136", "expel"), "191": ("1381", "restrict"), "192": ("1382", "territory"),
    "175": ("137", "violence"),
}


def threat(code: Code | None, default: Code) -> Code:
    """A threat to do ``code``."""
    if code is None:
        return default
    c = code.cameo
    found = _THREAT_BY_CODE.get(c) or _THREAT_BY_CODE.get(c[:3])
    if found:
        return Code("THREATEN", found[1], found[0], default.weight)
    if code.type in ("ASSAULT", "MOBILIZE"):
        return Code("THREATEN", "violence", "1385" if c.startswith("20") else "138", default.weight)
    if code.type == "PROTEST":
        return Code("THREATEN", None, "133", default.weight)
    if code.type == "THREATEN":
        return Code("THREATEN", code.mode, code.cameo, default.weight)
    return default


RALLY_MODES = frozenset({"boycott", "demo"})


def appeal(code: Code | None, default: Code) -> Code:
    """An appeal (CAMEO 02x) for ``code``; coded as PLOVER REQUEST. A call for a boycott
    of, or demonstrations against, someone rallies opposition against them (CAMEO 113)."""
    if code is not None and code.type == "PROTEST" and code.mode in RALLY_MODES:
        return Code("ACCUSE", "disapprove", "113", default.weight)
    return Code("REQUEST", _request_mode(code), _family("02", code), default.weight)


def demand(code: Code | None, default: Code) -> Code:
    """A demand (CAMEO 10x) for ``code``."""
    return Code("REQUEST", _request_mode(code), _family("10", code), default.weight)


def _request_mode(code: Code | None) -> str | None:
    """PLOVER's REQUEST/REJECT modes: assist, change, yield, meet."""
    digit = content_class(code)[0] if code is not None else ""
    return {"1": "assist", "2": "assist", "3": "assist", "4": "change", "5": "yield",
            "6": "meet", "7": "meet", "8": "meet"}.get(digit)


_REFUSE = {"1": "121", "3": "122", "4": "123", "5": "124", "6": "125", "8": "126", "7": "127"}
_REFUSE_YIELD = {"1": "1241", "2": "1242", "3": "1243", "4": "1244", "5": "1245", "6": "1246"}
_REFUSE_MATERIAL = {"1": "1211", "2": "1212", "3": "1213", "4": "1214"}


def refuse(code: Code | None, default: Code) -> Code:
    """A refusal (CAMEO 12x) to do ``code``."""
    if code is None:
        return default
    digit, sub = content_class(code)
    cameo = _REFUSE.get(digit, "120")
    if digit == "5" and sub:
        cameo = _REFUSE_YIELD.get(sub, cameo)
    elif digit == "1" and sub:
        cameo = _REFUSE_MATERIAL.get(sub, cameo)
    return Code("REJECT", _request_mode(code), cameo, default.weight)


ACCUSATIONS = {
    "1121": frozenset({"corruption", "fraud", "bribery", "crime", "theft", "murder", "smuggling",
                       "trafficking", "embezzlement", "laundering", "terrorism", "kidnapping"}),
    "1122": frozenset({"abuse", "right", "rights", "torture", "persecution", "repression", "discrimination"}),
    "1124": frozenset({"genocide", "atrocity", "atrocities", "cleansing"}),
    "1125": frozenset({"espionage", "spying", "spy", "treason", "interference", "meddling", "sabotage"}),
    "1123": frozenset({"aggression", "attack", "provocation", "invasion", "violation", "incursion",
                       "shelling", "bombing", "militarization", "expansionism"}),
}


def accusation(words: set[str], default: Code) -> Code:
    """An accusation refined by what the target is accused of."""
    if "war" in words and "crime" in words:
        return Code("ACCUSE", "allege", "1124", default.weight)
    for cameo, keys in ACCUSATIONS.items():
        if words & keys:
            return Code("ACCUSE", "allege", cameo, default.weight)
    return default


def discontinued(code: Code) -> Code | None:
    """What stopping an event is ("stopped supplying arms to X" reduces aid, CAMEO 162x;
    "ceased shelling the city" is a retreat, 087), or None when stopping it is no event."""
    if code.type == "AID":
        digit = _AID_DIGIT.get(code.cameo, "")
        return Code("SANCTION", "discontinue", "162" + digit, code.weight)
    if code.type == "COOPERATE":
        return Code("SANCTION", "discontinue", "163" if code.cameo == "061" else "161", code.weight)
    if code.type == "CONSULT" and code.cameo in ("040", "046"):  # "stopped talking to", "ended negotiating with"
        return Code("SANCTION", "withdraw", "164", code.weight)
    if code.type in ("ASSAULT", "COERCE") and code.cameo[:2] in ("18", "19", "20"):
        return Code("RETREAT", None, "087", code.weight)
    return None


def future(code: Code) -> tuple[Code, str | None]:
    """What an event announced for the future is coded as, and its auxiliary mode."""
    if code.type in COOPERATIVE - {"AGREE"}:
        return intent(code, code), None
    if code.type == "RETREAT":
        return intent(code, code), None
    if code.type in FORCEFUL - {"MOBILIZE"}:
        return threat(code, Code("THREATEN", None, "130", code.weight)), None
    return code, "future"


def compose(frame: str, inner: Code | None, default: Code, words: set[str] | None = None) -> Code | None:
    """The code of a frame entry given the code of its content (None: no content found)."""
    if frame == "intent":
        return intent(inner, default)
    if frame == "threat":
        return threat(inner, default)
    if frame == "appeal":
        return appeal(inner, default)
    if frame == "demand":
        return demand(inner, default)
    if frame == "refuse":
        return refuse(inner, default)
    if frame == "accuse":
        return accusation(words or set(), default)
    return default  # invite: the content is what the invitation is to
