"""The words that make a name a source: "according to X", "told X", "X reported".

Two kinds of cue. A *leading* cue comes before the name ("according to Reuters", "told
TASS", "in an interview with CNN", "a study published in Nature", "a report by the
Pentagon"); a *trailing* cue follows it ("the Pentagon said", "TASS news agency
reported", "a Reuters report"). Some cues only make sense with a news outlet or journal
("told", "an interview with", "published in"): a person or a parliament told something is
an audience, not a source. The others accept any organisation. People are never
sources here; who said what is the quotes layer's business.
"""
from __future__ import annotations

import re

# -- leading cues --------------------------------------------------------------------------
_MEDIA_ONLY = (r"told|tells|tell|(?:interviews?|conversation|remarks|comments|statement|speaking|spoke|"
               r"speaks|talking|talked|talks)\s+(?:with|to)|(?:published|appeared|appearing|printed|"
               r"wrote|writing|writes)\s+(?:in|on)|(?:broadcast|aired|carried)\s+(?:by|on)|citing|quoting")
_ANY_ORG = r"according\s+to|(?:reported|cited|quoted|published|released|compiled|conducted|issued)\s+by"
_EVIDENCE = (r"(?:(?:an?|the|this|that|its|their|new|recent|latest)\s+)?(?:[\w-]+\s+){0,3}?(?:reports?|"
             r"study|studies|survey|poll|analysis|statement|article|investigation|paper|data|figures|"
             r"estimates?|tally|count|review|research|documents?|assessment|findings)\s+(?:by|from|in|of|"
             r"(?:published|released|conducted|compiled|carried)\s+(?:by|in))\s+")
LEADING = re.compile(
    rf"\b(?:(?P<media>{_MEDIA_ONLY})|(?P<any>{_ANY_ORG})|(?P<inverted>said|says|reported|reports|wrote|writes))"
    rf"\s+(?P<evidence>{_EVIDENCE})?", re.I)

# what may stand between a leading cue and the name: "the", "the journal", "the Russian news agency"
NAME_PREFIX = re.compile(
    r"(?:the\s+)?(?:(?:[A-Z][a-z]+|medical|scientific|peer-reviewed|state|state-run|state-owned|official|"
    r"government|pro-government|independent|online|local)\s+){0,2}(?:journal|newspaper|news\s+agency|agency|"
    r"broadcaster|website|magazine|daily|outlet|channel|network|news\s+site|tabloid|television|radio|"
    r"station|news\s+outlet)\s+(?=[A-Z0-9])")
THE = re.compile(r"the\s+", re.I)

# -- trailing cues -------------------------------------------------------------------------
_VERBS = (r"said|says|say|reported|reports|report|stated|states|announced|announces|confirmed|confirms|"
          r"noted|notes|added|adds|wrote|writes|quoted|quotes|cited|cites|estimated|estimates|found|finds|"
          r"showed|shows|revealed|reveals|learned|learnt|published|publishes|claimed|claims|warned|warns|"
          r"told|tells|broadcast|aired|disclosed|discloses|acknowledged|acknowledges|insisted|insists")
TRAILING = re.compile(
    r"(?:\s+(?:news\s+agency|news\s+service|newspaper|agency|daily|broadcaster|television|TV|"
    r"channel|website|magazine|journal|outlet))?"
    r"(?:\s*,\s*(?:citing|quoting|which|the|a|an|according|in)\b[^,.;:\"“”]{0,80},)?"
    r"\s+(?:(?:also|later|earlier|previously|first|then|has|had|have|reportedly|officially|"
    r"separately|quickly)\s+){0,2}"
    rf"(?P<verb>{_VERBS})\b(?!\s+to\b)")
NOUN = re.compile(r"(?P<own>'s|’s)?\s+(?P<verb>report|reports|reporting|study|survey|poll|analysis|"
                  r"investigation|tally|count|review|article|story|interview|dispatch|bulletin|assessment|estimate|estimates|"
                  r"data|figures|statement|findings)\b")
# a name that is the object of a preposition is not the subject of the verb after it
# ("occupied by Islamic State said", "members of Congress said")
OBJECT_BEFORE = re.compile(r"\b(?:by|of|from|against|with|at|in|on|to|into|over|than)\s+(?:the\s+)?$", re.I)
# words after a known outlet's name that keep it the same outlet ("BBC Radio 4", "Guardian Australia")
OUTLET_SUFFIXES = frozenset("""
Radio TV Television News Online Digital World International America Americas UK US Australia Africa
Asia Europe English Arabic Español Espanol Mundo Live Channel Service Network Today
""".split())
ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|in|from|to|by|per)\s+$", re.I)
CLAUSE_END = re.compile(r"\s*(?:[.,;:!?\"”)]|$|\s+(?:in|on|at|late|early|last|this|earlier)\b)")

# -- names that are not entities -----------------------------------------------------------
_GEN_CORE = (r"(?i:state|state-run|state-owned|state-controlled|state-backed|state-affiliated|"
             r"government-run|government-controlled|official|local|national|independent|domestic|"
             r"foreign|international|western|kremlin-controlled|kremlin-backed|pro-kremlin|"
             r"pro-government|party-run|party)"
             r"\s+(?i:media(?:\s+outlets?)?|news\s+agenc(?:y|ies)|news\s+outlets?|news\s+channels?|"
             r"television|tv|broadcasters?|press|newspapers?|outlets?|radio|news)")
GENERIC = re.compile(rf"\b(?P<core>{_GEN_CORE})\b(?![-\w])")
ADJECTIVE_BEFORE = re.compile(r"\b(?P<adj>[A-Z][a-z]+)\s+$")
STATE_WORDS = ("state", "official", "government", "kremlin", "party")

CAPS = re.compile(r"[A-Z][\w&'’.-]*(?:(?:\s+(?:of|for|the|de|du|&))*\s+[A-Z0-9][\w&'’.-]*){0,6}")
MEDIA_HEADS = frozenset("""
News Times Post Journal Herald Tribune Telegraph Gazette Daily Press Agency TV Television Radio
Channel Network Broadcasting Magazine Review Chronicle Observer Guardian Express Mail Standard Star
Monitor Report Reporter Insider Today Weekly Wire Sentinel Courier Examiner Inquirer Dispatch
Bulletin Digest Online Media Newswire Info Live Pravda Izvestia Vedomosti Shimbun Ilbo Zeitung
""".split())
ORG_HEADS = frozenset("""
Institute Institution University Center Centre Council Foundation Ministry Department Office Bureau
Commission Committee Service Services Association Organization Organisation Group Fund Bank
Authority Administration Survey Laboratory Lab Academy Society Corporation Company Inc Ltd LLC
Forces Army Navy Police Court Party Union Board School College Hospital Agency Program Programme
Project Initiative Observatory Watch Trust Coalition Federation Alliance Secretariat Command
Directorate Inspectorate Registry Statistics
""".split())


_SENTENCE_END = re.compile(r"[.!?](?=\s)")
# "told TASS and Reuters": more names joined to the first
COORDINATED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)")


def caps_name(text: str, pos: int) -> tuple[int, int] | None:
    """A run of capitalised words starting at ``pos`` (trailing "of the" trimmed), or None."""
    m = CAPS.match(text, pos)
    if not m:
        return None
    end = m.end()
    stop = _SENTENCE_END.search(text, pos, end)
    if stop:
        end = stop.start()
    while end > pos and text[end - 1] in ".'’-":
        end -= 1
    return (pos, end) if end > pos else None


def head_kind(name: str) -> str | None:
    """``media``, ``org`` or None from a name's words ("Moscow Times" -> media)."""
    words = set(re.findall(r"[A-Za-z]+", name))
    if words & MEDIA_HEADS:
        return "media"
    if words & ORG_HEADS:
        return "org"
    return None
