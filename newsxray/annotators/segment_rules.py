"""Line rules for the ``segments`` annotator: what one line of an article looks like.

Every rule here looks at a single stripped line (or the start of a paragraph) and answers
a narrow question: is it a "Sources include:" header, a photo caption, a byline, a
subscribe prompt, a date line...? The layout logic that strings lines into paragraphs and
lists lives in ``segment_layout``. All patterns are compiled once at import.
"""
from __future__ import annotations

import re

# -- small word lists ------------------------------------------------------------------
FUNCTION_WORDS = frozenset("""
a an the of with to in on at by for from and or but nor as that which who whom whose this
these those its his her their our your my is are was were be been being has have had will
would can could should may might must shall do does did into onto upon about over under
between among amid than if when while where whether because although though after before
during via per not also such both either neither each every some any all more most said
says say told mr mrs ms dr so yet including against without within through toward towards
across behind beyond like unlike until since what how why it he she they we i you there
just very only even much many other another whose than then
""".split())

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_WEEKDAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?"
_BYLINE_STOP = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december today tonight tomorrow "
    "yesterday now then noon midnight christmas easter contrast comparison far".split()
)
_BYLINE_CONNECT = frozenset(
    "and of for in at the with via staff writer writers reporter reporters correspondent "
    "correspondents editor editors contributor contributors senior chief special political "
    "foreign news desk de van von der den la le da di del dos bin al y".split()
)
_ROLE_WORDS = re.compile(
    r"(?i)\b(?:writer|reporter|correspondent|editor|contributor|columnist|journalist|staff|"
    r"author|bureau|producer|analyst|freelance|intern)s?\b"
)

# -- line shape ---------------------------------------------------------------------------
_OPENERS = "\"'“‘«([{*•-–—·▪►» \t"
_TERMINAL = frozenset(".!?:…")
_QUOTES_CLOSE = frozenset("\"”’'»)]")
_BULLET = re.compile(r"^(?:[-*•·▪►»>–—]|\d{1,2}[.)])\s+")
_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*)\W*$")
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?][\"”’)]?\s+[\"“‘(]?[A-Z]")
_URL = re.compile(r"(?i)\bhttps?://\S+|\bwww\.\S+")
_DOMAIN = re.compile(r"(?i)^(?:https?://)?(?:www\.)?(?:[a-z0-9-]{1,63}\.)+[a-z]{2,12}(?:/\S*)?\.?$")
_HAS_DOMAIN = re.compile(r"(?i)\b(?:[a-z0-9-]{1,63}\.)+(?:com|org|net|gov|edu|info|io|news|co|uk|de|fr|ru|jp|cn|int|eu|tv)\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def first_char(text: str) -> str:
    """The first character after opening quotes, brackets and bullets ('' if none)."""
    stripped = text.lstrip(_OPENERS)
    return stripped[:1]


def starts_lower(text: str) -> bool:
    return first_char(text).islower()


def starts_capital(text: str) -> bool:
    ch = first_char(text)
    return ch.isupper() or ch.isdigit()


def last_word(text: str) -> str:
    m = _LAST_WORD.search(text[-40:])
    return m.group(1).lower() if m else ""


def ends_function_word(text: str) -> bool:
    return text[-1:].isalpha() and last_word(text) in FUNCTION_WORDS


def ends_sentence(text: str) -> bool:
    """The line ends a sentence: . ! ? : … or a closing quote/bracket right after one."""
    if not text:
        return False
    ch = text[-1]
    if ch in _TERMINAL:
        return True
    if ch in _QUOTES_CLOSE:
        body = text.rstrip("\"”’'»)] ")
        return bool(body) and body[-1] in _TERMINAL
    return False


def ends_open(text: str) -> bool:
    """The line clearly continues: trailing comma, hyphen, dash, open bracket, or function word."""
    return text[-1:] in ",;-–—(/&" or ends_function_word(text)


def has_inner_sentence_break(text: str) -> bool:
    return _SENTENCE_INSIDE.search(text) is not None


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text, count=1)


def is_bullet(text: str) -> bool:
    return _BULLET.match(text) is not None


def title_cased(text: str) -> bool:
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# -- headers of lists ----------------------------------------------------------------------
_TAIL = r"\s*(?:(?P<sep>[:|»›>–—]|\s-)\s*(?P<rest>.*))?$"
_SOURCES_HEADER = re.compile(
    r"(?i)^(?:(?:main|primary|additional|other|further|selected)\s+)?"
    r"(?:sources?|references?|citations?|bibliography|works\s+cited|notes\s+and\s+sources|"
    r"sources\s+and\s+(?:references|notes|further\s+reading))"
    r"(?:\s+(?:for|used\s+in|used\s+for|of|in)\s+this\s+(?:article|story|report|post|piece|video))?"
    r"(?:\s+(?:include|included|includes|used|are|cited|consulted))?" + _TAIL
)
_RELATED_HEADER = re.compile(
    r"(?i)^(?:"
    r"(?:more\s+)?(?:related|recommended|similar|suggested|popular|trending)(?:\s+(?:stories|story|"
    r"articles|article|posts|news|content|reading|reads|links|coverage|videos|topics|items|now))?"
    r"|more\s+(?:stories|articles|news|coverage|headlines)(?:\s+(?:from|on|about)\s+[\w .'’&-]{1,40})?"
    r"|most\s+(?:read|popular|viewed|shared|recent)(?:\s+(?:stories|articles|news))?"
    r"|top\s+(?:stories|news|headlines)|latest(?:\s+(?:news|stories|headlines))?"
    r"|editor'?’?s\s+picks?|don'?’?t\s+miss|what\s+to\s+read\s+next|further\s+reading"
    r"|keep\s+reading|in\s+other\s+news|see\s+also|also\s+see|read\s+(?:more|next|also)"
    r"|also\s+read|also\s+on\s+[\w.]+|watch|more|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|"
    r"want\s+to\s+read|be\s+interested\s+in)(?:\s+these)?)" + _TAIL
)
_INLINE_RELATED = re.compile(
    r"(?i)[(\[]\s*(?:related(?:\s+(?:story|stories|article|articles|coverage))?|see\s+also|"
    r"read\s+more|also\s+read|read\s+also|more|recommended|watch)\s*:[^()\[\]]{1,300}?[)\]]"
)
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n|\r[^\S\r\n]*\r")


def list_header(text: str) -> tuple[str, bool, bool] | None:
    """(type, bare, inline) when ``text`` heads a sources/related list.

    ``bare``: no colon or separator (needs an entry after it to count); ``inline``: the
    entries follow on the same line ("Source: Reuters").
    """
    if len(text) > 120:
        return None
    for kind, pattern in (("sources", _SOURCES_HEADER), ("related", _RELATED_HEADER)):
        m = pattern.match(text)
        if m is None:
            continue
        sep, rest = m.group("sep"), (m.group("rest") or "").strip()
        if sep is None:
            if kind == "related" and text.lower().startswith("watch"):
                return None
            return kind, True, False
        if rest and len(rest.split()) > 25:
            return None
        if kind == "related" and sep == "-" and not rest:
            return None
        return kind, False, bool(rest)
    return None


def inline_related_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"(Related: ...)" style asides in ``text[start:end]`` (not crossing a blank line)."""
    out = []
    for m in _INLINE_RELATED.finditer(text, start, end):
        if _BLANK_LINE.search(m.group()) is None:
            out.append((m.start(), m.end()))
    return out


def related_entry(text: str) -> bool:
    """A headline-like line of a related-stories list."""
    body = strip_bullet(text)
    n = len(body.split())
    return (0 < n <= 20 and len(body) <= 180 and not body.endswith(":")
            and not ends_open(body) and not has_inner_sentence_break(body))


def bare_related_entry(text: str) -> bool:
    """A related entry after a header without colon: a headline that is not a sentence."""
    body = strip_bullet(text)
    return related_entry(text) and len(body.split()) <= 15 and (not ends_sentence(body) or title_cased(body))


def strict_source_entry(text: str) -> bool:
    body = strip_bullet(text)
    return bool(_DOMAIN.match(body)) or (_URL.match(body) is not None and " " not in body.strip())


def bare_source_entry(text: str) -> bool:
    """A source entry after a header without colon: a URL, a domain or a short name."""
    body = strip_bullet(text)
    return strict_source_entry(text) or (len(body.split()) <= 6 and not ends_sentence(body) and not ends_open(body))


def source_entry(text: str) -> bool:
    """A line of a sources list: a domain, a URL, an outlet name, or a citation."""
    body = strip_bullet(text)
    if strict_source_entry(text):
        return True
    n = len(body.split())
    if 0 < n <= 12 and not ends_open(body):
        return True
    return n <= 60 and bool(_URL.search(body) or _HAS_DOMAIN.search(body) or _YEAR.search(body))


# -- boilerplate -------------------------------------------------------------------------------
_BOILER_START = re.compile(
    r"(?i)^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}|by\b|of\b)|all\s+rights\s+reserved|"
    r"(?:tags?|topics?|filed\s+under|categories|category|keywords)\s*:|"
    r"this\s+(?:article|story|post|piece|content)\s+(?:was\s+|is\s+|has\s+been\s+|first\s+)?"
    r"(?:originally\s+|first\s+)?(?:published|appeared|republished|reproduced|syndicated|posted)\b|"
    r"(?:follow|visit|check\s+out|go\s+to)\s+\S+\.[a-z]{2,6}\b.{0,80}\bfor\s+(?:more|the\s+latest)\b)"
)
_BOILER_WHOLE = re.compile(
    r"(?i)^(?:advertisements?|advertising|sponsored(?:\s+content)?|ad|promoted|"
    r"story\s+continues\s+below(?:\s+advertisement)?|scroll\s+to\s+continue(?:\s+with\s+content)?|"
    r"continue\s+reading(?:\s+(?:below|the\s+main\s+story))?|share(?:\s+this)?(?:\s+(?:article|story|post|page))?|"
    r"like\s+this|tweet|email|print|menu|home|search|log\s*in|sign\s*in|sign\s*up|subscribe(?:\s+now)?|"
    r"newsletter|comments?(?:\s*\(\d+\))?|\d+\s+comments?|leave\s+a\s+(?:comment|reply)|"
    r"show\s+comments|view\s+comments|more|back\s+to\s+top|skip\s+to\s+(?:main\s+)?content)\s*:?\W*$"
)
_BOILER_PHRASE = re.compile(
    r"(?i)(?:\bour\s+(?:free\s+|daily\s+|weekly\s+)?newsletters?\b|\bsign\s+up\s+(?:for|to|now|here|today)\b|"
    r"\bsubscribe\s+(?:to\s+(?:our|the)|now|today|here|for\s+(?:free|just|only|\$))|\bclick\s+here\b|"
    r"\btap\s+here\b|\bfollow\s+us\b|\blike\s+us\s+on\b|\bshare\s+(?:this|on|via)\b|"
    r"\b(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b|\bcookie\s+(?:policy|settings|preferences)\b|"
    r"\baccept\s+(?:all\s+)?cookies\b|\bleave\s+a\s+(?:comment|reply)\b|\bin\s+the\s+comments\b|"
    r"\bjoin\s+the\s+(?:conversation|discussion)\b|\bdownload\s+(?:our|the)\s+(?:free\s+)?app\b|"
    r"\bskip\s+to\s+(?:main\s+)?content\b|\bback\s+to\s+top\b|\byour\s+inbox\b|"
    r"\bsupport\s+(?:our|independent)\s+journalism\b|\bbecome\s+a\s+(?:member|patron|subscriber)\b|"
    r"\b(?:sign|log)\s+in\s+to\s+(?:comment|continue|read)\b|\benable\s+javascript\b|"
    r"\ball\s+rights\s+reserved\b|\bby\s+(?:subscribing|signing\s+up)\b|"
    r"\b(?:read|see)\s+our\s+(?:privacy|cookie)\s+policy\b)"
)
# A cheap pre-check: every _BOILER_PHRASE match contains one of these (lowercased).
_BOILER_HINTS = (
    "newsletter", "sign", "log", "subscri", "click", "tap", "follow", "like", "share", "cookie",
    "leave", "comments", "join", "download", "skip", "top", "inbox", "journalism", "become",
    "javascript", "reserved", "policy",
)
_NAV_SEPARATORS = re.compile(r"\s+/\s+|\s*[|»›•·>]\s*")


def is_boilerplate(text: str, words: int) -> bool:
    if words <= 60 and _BOILER_START.match(text):
        return True
    if words <= 6 and _BOILER_WHOLE.match(text):
        return True
    if words <= 30 and _has_boiler_hint(text) and _BOILER_PHRASE.search(text):
        return True
    return _is_navigation(text, words)


def _has_boiler_hint(text: str) -> bool:
    low = text.lower()
    return any(h in low for h in _BOILER_HINTS)


def _is_navigation(text: str, words: int) -> bool:
    """'Home | World | Politics | Business': three or more short items in a row."""
    if words > 30 or text.count(" ") == 0:
        return False
    items = _NAV_SEPARATORS.split(text)
    if len(items) < 3:
        return False
    return all(0 < len(item.split()) <= 3 and not ends_sentence(item) for item in items)


# -- captions ---------------------------------------------------------------------------
_CAPTION_START = re.compile(
    r"(?i)^[(\[]?\s*(?:(?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?|videos?|captions?|"
    r"screenshots?|screengrabs?|credits?|image\s+credits?|photo\s+credits?|image\s+source|"
    r"photo\s+source|top\s+image|featured\s+image|header\s+image|main\s+image|pictured|"
    r"file\s+(?:photo|image|picture))\s*(?:\d{1,2}\s*)?(?:\([^()]{0,60}\)\s*)?[:|–—]"
    r"|(?:photo(?:graph)?|image|picture|illustration|graphic|video)s?\s+(?:by|courtesy\s+of|credit|via)\s"
    r"|(?:file\s+(?:photo|image|picture)|pictured)\b|this\s+video\s+is\s+from\b)"
)
_CAPTION_CREDIT_END = re.compile(
    r"(?:(?:\(|\b)(?:AP\s+Photo|AP|AFP|Reuters|REUTERS|EPA(?:-EFE)?|Xinhua|Getty\s+Images|Sputnik|"
    r"TASS|Anadolu|Photo|Image|Bloomberg)\s*/\s*[\w .'’-]{2,60}(?:/\s*File(?:\s+Photo)?)?\)?"
    r"|(?:\bvia|\bfor|/)\s*Getty\s+Images\)?|\((?:Photos?|Images?|Pictures?)(?:\s+by|\s+credit|"
    r"\s+courtesy(?:\s+of)?)?:?\s[^()]{2,80}\))\.?\s*$"
)


def is_caption_line(text: str) -> bool:
    return _CAPTION_START.match(text) is not None


def ends_with_photo_credit(text: str) -> bool:
    tail = text[-140:]
    if "/" not in tail and not tail.endswith((")", ").")) and "Getty" not in tail:
        return False
    return _CAPTION_CREDIT_END.search(tail) is not None


# -- bylines and dates ------------------------------------------------------------------------
_BY = re.compile(
    r"(?i:by|written\s+by|posted\s+by|words\s+by|story\s+by|reported\s+by|text\s+by|"
    r"authors?\s*:|written\s+and\s+reported\s+by)\s*:?\s+(?P<rest>\S.*)$"
)
_CREDITS = re.compile(
    r"(?i)^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|graphics?|research|"
    r"translation|translated|edited|fact-checked|contributing|additional\s+reporting)\s+by\s+[A-Z]"
)
_NAME = r"(?:[A-Z][\w'’.\-]*\.?\s+){0,3}[A-Z][\w'’.\-]+"
_NAME_ROLE = re.compile(rf"^(?P<name>{_NAME})\s*(?P<sep>[|•·,—–]|\s-)\s*(?P<role>\S.{{0,60}})$")
_DATE_TOKEN = re.compile(
    rf"(?i)\b(?:{_MONTHS}\.?|{_WEEKDAYS}\.?|\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,2}}:\d\d(?::\d\d)?|"
    r"[ap]\.?m\.?|gmt|utc|[ecmp][sd]?t|bst|cet|cest|ist|jst|msk|"
    r"published|updated|posted|last|first|modified|date|on|at|ago|mins?|minutes?|hours?|hrs?|"
    r"days?|weeks?|months?|years?)\b|[-/.,:|·•—–+()]"
)
_DATE_ANCHOR = re.compile(rf"(?i)\b(?:{_MONTHS}|{_WEEKDAYS})\b|\d|\bago\b")


def is_byline(text: str, words: int) -> bool:
    """'By Jane Doe', 'By Jane Doe and John Roe, Reuters', 'Reporting by ...; Editing by ...'."""
    if words <= 50 and _CREDITS.match(text):
        return True
    if words > 18:
        return False
    m = _BY.match(text)
    if m is None:
        return False
    tokens = m.group("rest").replace(",", " ").split()
    if not tokens or tokens[0].lower().strip(".:") in _BYLINE_STOP or not tokens[0][0].isupper():
        return False
    if text.endswith(".") and len(tokens[-1]) > 4:
        return False
    lower = [t for t in tokens if t[0].islower() and t.lower() not in _BYLINE_CONNECT]
    return not lower


def is_header_byline(text: str, words: int) -> bool:
    """At the top of an article: 'Jane Doe | Staff writer', 'Jane Doe, Senior Correspondent'."""
    if is_byline(text, words):
        return True
    if words > 12:
        return False
    m = _NAME_ROLE.match(text)
    if m is None or ends_sentence(text):
        return False
    role = m.group("role")
    if m.group("sep") in "|•·":
        return len(role.split()) <= 6
    return _ROLE_WORDS.search(role) is not None


def is_date_line(text: str, words: int) -> bool:
    """A line that is only a date/time ('August 3, 2023', 'Updated 10:05 AM EDT', '3 hours ago')."""
    if words > 14 or _DATE_ANCHOR.search(text) is None:
        return False
    return not _DATE_TOKEN.sub("", text).strip()


# -- datelines ------------------------------------------------------------------------------
_AGENCY = (r"(?:Reuters|AP|AFP|UPI|Xinhua|TASS|dpa|DPA|Bloomberg|CNN|IANS|PTI|ANI|Yonhap|Kyodo|"
           r"EFE|ANSA|AAP|CP|Interfax|Anadolu|BBC|NHK|KCNA|Sputnik|RIA\s+Novosti|"
           r"[A-Z][A-Za-z]{1,15}(?:\s[A-Z][A-Za-z]{1,15}){0,2})")
_DL_DATE = rf"(?:,?\s*(?i:{_MONTHS})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|,?\s*\d{{1,2}}\s+(?i:{_MONTHS})\.?(?:\s+\d{{4}})?)?"
_DL_REGION = r"(?:,\s*[A-Z][A-Za-z.'’\-]+(?:\s[A-Z][A-Za-z.'’\-]+){0,2})?"
_DL_DASH = r"\s*(?:--|[-–—])(?=\s)"
_DATELINE = re.compile(
    rf"^(?:(?P<caps>[A-Z][A-Z'’.\-]{{2,}}(?:\s[A-Z][A-Z'’.\-]+){{0,3}}){_DL_REGION}{_DL_DATE}"
    rf"(?:\s*\({_AGENCY}\))?(?:{_DL_DASH}|:(?=\s+[A-Z]))"
    rf"|[A-Z][a-z'’.\-]+(?:\s[A-Z][a-z'’.\-]+){{0,3}}{_DL_REGION}{_DL_DATE}\s*\({_AGENCY}\){_DL_DASH}"
    rf"|\({_AGENCY}\){_DL_DASH})"
)
_DATELINE_STOP = frozenset(
    "UPDATE UPDATED BREAKING EXCLUSIVE ANALYSIS OPINION EDITORIAL WATCH LIVE VIDEO PHOTOS NEWS "
    "REVIEW COMMENT URGENT ALERT SPONSORED NATO OPEC FBI CIA NASA WHO FACT CHECK".split()
)


def dateline_end(text: str, start: int) -> int | None:
    """End offset of a 'MOSCOW, Aug 3 (Reuters) -' prefix at ``text[start:]``, if any."""
    m = _DATELINE.match(text[start:start + 160])
    if m is None:
        return None
    caps = m.group("caps")
    if caps and caps.split()[0].strip(".:") in _DATELINE_STOP:
        return None
    return start + m.end()
