"""What part of a news page an element or a line of text is, from its markup and wording.

Labels are the block types of ``newsxray.document.SegmentType`` that HTML can signal
(``related``, ``sources``, ``caption``, ``byline``, ``dateline``, ``boilerplate``) plus
``nav``: site navigation (menus, breadcrumbs, page headers and footers), which is dropped
from the text when it is a list of links outside the article.
"""
from __future__ import annotations

import re
from functools import lru_cache

_SPLIT = re.compile(r"[^a-z0-9]+")

# Words of class/id/role/itemprop values, by label (checked in this order).
_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("caption", frozenset({"caption", "figcaption", "captions", "credit", "credits", "photocredit"})),
    ("related", frozenset({"related", "recommended", "recommendations", "recommendation", "outbrain",
                           "taboola", "readmore", "alsoread", "morestories", "seealso"})),
    ("sources", frozenset({"sources", "references", "citations", "footnotes", "bibliography"})),
    ("boilerplate", frozenset({"comment", "comments", "disqus", "respond", "discussion"})),
    ("byline", frozenset({"byline", "bylines", "author", "authors", "contributor", "contributors",
                          "writer", "reporter"})),
    ("dateline", frozenset({"dateline", "date", "datetime", "timestamp", "pubdate", "published",
                            "updated", "posted", "publishdate", "datepublished"})),
    ("boilerplate", frozenset({
        "share", "sharing", "sharebar", "social", "newsletter", "subscribe", "subscription",
        "signup", "cookie", "cookies", "consent", "gdpr", "promo", "advert", "advertisement",
        "ad", "ads", "adslot", "sponsor", "sponsored", "copyright", "legal", "comments",
        "comment", "disqus", "paywall", "login", "popup", "modal", "toolbar", "print",
        "donate", "tags", "tag", "keywords", "banner"})),
    ("nav", frozenset({"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb",
                       "breadcrumbs", "pagination", "pager", "sitemap", "footer", "header",
                       "masthead", "skip", "skiplink", "topbar"})),
)
# Two-word phrases of class/id values ("more-stories", "read-more", "by-line").
_PAIRS: dict[tuple[str, str], str] = {
    ("more", "stories"): "related", ("more", "news"): "related", ("more", "articles"): "related",
    ("read", "more"): "related", ("also", "read"): "related", ("see", "also"): "related",
    ("read", "next"): "related", ("up", "next"): "related", ("more", "coverage"): "related",
    ("you", "may"): "related", ("further", "reading"): "related", ("more", "from"): "related",
    ("by", "line"): "byline", ("fig", "caption"): "caption", ("wp", "caption"): "caption",
}
TAG_LABELS = _TAGS = {"figcaption": "caption", "caption": "caption", "nav": "nav", "time": "dateline",
         "header": "nav", "footer": "nav", "address": "byline"}
_ROLES = {"navigation": "nav", "menu": "nav", "menubar": "nav", "banner": "nav",
          "contentinfo": "nav", "complementary": None, "search": "nav"}
_PROPS = {"author": "byline", "datepublished": "dateline", "datemodified": "dateline",
          "caption": "caption", "citation": "sources"}

# Headings (or "Label:" lines) that introduce a list of a given kind.
_RELATED_HEADING = re.compile(
    r"^(?:(?:more\s+)?(?:related|recommended)(?:\s+(?:stories|articles|news|content|coverage|"
    r"reading|links|posts|videos|topics))?|more\s+(?:stories|news|articles|coverage|on\s+this(?:\s+story)?)"
    r"|(?:read|see)\s+(?:more|also)|(?:what\s+to\s+)?read\s+next|up\s+next|also\s+read|further\s+reading|you\s+(?:may|might)\s+(?:also\s+)?"
    r"(?:like|enjoy|be\s+interested\s+in)|related\s+(?:stories|articles|coverage)?\s*from.*)\s*:?$",
    re.IGNORECASE)
_SOURCES_HEADING = re.compile(
    r"^(?:sources?|references|citations|bibliography|footnotes|notes\s+and\s+sources|works\s+cited)"
    r"(?:\s+(?:include|included|used|cited|for\s+this\s+(?:article|story)))?\s*:?$", re.IGNORECASE)
# A short block that is itself a related link ("Related: ...", "READ MORE: ...").
_RELATED_LINE = re.compile(r"^\(?\s*(?:related|read\s+more|see\s+also|also\s+read|more|watch)\s*:\s*\S",
                           re.IGNORECASE)
_SOURCES_LINE = re.compile(r"^(?:sources?|references)\s*:\s*\S", re.IGNORECASE)
_BYLINE = re.compile(r"^(?i:by|written\s+by|words\s+by|reporting\s+by|story\s+by)\s+[A-Z\u00C0-\u00DE]")
_SENTENCE_END = (".", "!", "?", '"', "\u201d")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|last\s+updated|first\s+published|modified)\s*(?:on|at)?\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    r"\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:\s*(?:,|at|-|\u2014|\u2013|\|)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE)
_BOILER_LINE = re.compile(
    r"(?:^\s*(?:share\s+(?:this|on)|follow\s+us|sign\s+up\s+for|subscribe\s+(?:to|now|for)|"
    r"advertisement\s*$|click\s+here\s+to)|all\s+rights\s+reserved|^\s*(?:\u00a9|\(c\)|copyright)\s*\d{4}"
    r"|we\s+use\s+cookies)", re.IGNORECASE)


def element_label(el) -> str | None:
    """The label an element's tag or attributes give it, or None."""
    tag = el.tag
    label = _TAGS.get(tag)
    if label:
        return label
    get = el.get
    role = get("role")
    if role and role.lower() in _ROLES:
        return _ROLES[role.lower()]
    prop = get("itemprop")
    if prop and prop.lower() in _PROPS:
        return _PROPS[prop.lower()]
    if get("rel") == "author":
        return "byline"
    names = " ".join(v for v in (get("class"), get("id")) if v)
    return words_label(names) if names else None


@lru_cache(maxsize=8192)
def words_label(names: str) -> str | None:
    """The label a class/id string such as ``"story-related links"`` signals, or None."""
    words = [w for w in _SPLIT.split(names.lower()) if w]
    found = set(words)
    for (a, b), label in _PAIRS.items():
        if a in found and b in found and _adjacent(words, a, b):
            return label
    for label, vocab in _WORDS:
        if not found.isdisjoint(vocab):
            return label
    return None


def _adjacent(words: list[str], a: str, b: str) -> bool:
    return any(words[i] == a and words[i + 1] == b for i in range(len(words) - 1))


def heading_label(text: str) -> str | None:
    """``related`` / ``sources`` for a heading that introduces such a list, else None."""
    text = text.strip()
    if not text or len(text) > 60:
        return None
    if _SOURCES_HEADING.match(text):
        return "sources"
    if _RELATED_HEADING.match(text):
        return "related"
    return None


def line_label(text: str) -> str | None:
    """The label a short block's own wording gives it ("By ...", "Related: ...", a date)."""
    if len(text) > 300:
        return None
    if _RELATED_LINE.match(text):
        return "related"
    if _SOURCES_LINE.match(text):
        return "sources"
    if len(text) <= 100 and _BYLINE.match(text) and not (len(text) > 40 and text.endswith(_SENTENCE_END)):
        return "byline"
    if len(text) <= 80 and _DATE_LINE.match(text):
        return "dateline"
    if len(text) <= 200 and _BOILER_LINE.search(text):
        return "boilerplate"
    return heading_label(text)
