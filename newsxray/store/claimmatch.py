"""Claim matching: check-worthy claims that recur across articles, and claims that fact-checks cover.

When an article is stored, each of its check-worthy claims (the ``claims`` layer, at most
``MAX_CLAIMS`` per article, highest scores first) is reduced to its content terms
(``claimtext.terms``). Lexical candidates are the stored claims of *other* articles that share
at least two of its rarest terms (an inverted index with term counts, so a lookup touches only
short posting lists) and overlap it by at least ``LEX_FLOOR`` (Jaccard). Only a claim that has
candidates is embedded (``newsxray.embed``; candidates that have no vector yet get one then), so
the embedding cost is paid for plausible matches only. The claim joins the group of the most
similar candidate that passes ``claimtext.same_claim``, or starts a group.

Fact-checks imported with ``import_factchecks`` are matched the same way, both ways: the new
fact-checks against every stored claim, and every claim stored later against the fact-checks.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from . import claimtext
from .schema import now
from .vectors import embed_texts, from_blobs, to_blob

MAX_CLAIMS = 8
RARE_TERMS = 6
MAX_DF = 1000          # terms in more claims than this are too common to look candidates up by
MAX_CANDIDATES = 20
LEX_FLOOR = 0.3
FACTCHECK_LEX_FLOOR = 0.15


@dataclass(frozen=True)
class Claim:
    key: int               # claim_items.item, or factchecks.factcheck
    text: str
    terms: frozenset
    article: int | None = None
    grp: int | None = None
    vector: np.ndarray | None = None


# -- the claims of a record ------------------------------------------------------------------
def claims_of(record: dict) -> list[tuple[int, str | None, str, str | None, float | None]]:
    """``(idx, claim id, text, speaker name, score)`` of the record's check-worthy claims to match."""
    text = record.get("text") or ""
    names = {e.get("id"): e.get("name") for e in record.get("entities") or [] if isinstance(e, dict)}
    found = []
    for idx, claim in enumerate(record.get("claims") or []):
        if not isinstance(claim, dict) or not claim.get("check_worthy"):
            continue
        start, end = claim.get("start"), claim.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            speaker = claim.get("speaker")
            found.append((idx, claim.get("id"), " ".join(text[start:end].split()), names.get(speaker, speaker),
                          claim.get("score")))
    best = sorted(found, key=lambda c: -(c[4] or 0.0))[:MAX_CLAIMS]
    return sorted(best)


# -- lexical candidates ------------------------------------------------------------------------
def _marks(values: list) -> str:
    return ",".join("?" * len(values))


def claim_candidates(conn: sqlite3.Connection, terms: Iterable[str], *, article: int | None,
                     floor: float = LEX_FLOOR) -> list[Claim]:
    """Stored claims of other articles sharing rare terms with ``terms`` (best overlap first)."""
    terms = list(terms)
    if not terms:
        return []
    dfs = dict(conn.execute(f"SELECT term, n FROM claim_df WHERE term IN ({_marks(terms)})", terms).fetchall())
    rare = [term for _, term in sorted((dfs[t], t) for t in terms if 0 < dfs.get(t, 0) <= MAX_DF)][:RARE_TERMS]
    if not rare:
        return []
    need = 1 if len(rare) == 1 or len(terms) <= 2 else 2
    rows = conn.execute(
        f"SELECT c.item, c.text, c.terms, c.article, c.grp, c.vector FROM claim_items c JOIN "
        f"(SELECT item, count(*) AS shared FROM claim_terms WHERE term IN ({_marks(rare)}) GROUP BY item "
        f"HAVING shared >= ? ORDER BY shared DESC, item DESC LIMIT ?) t ON t.item = c.item",
        rare + [need, MAX_CANDIDATES * 4]).fetchall()
    return _by_overlap(rows, set(terms), article, floor)


def _by_overlap(rows: list[tuple], terms: set, article: int | None, floor: float) -> list[Claim]:
    scored = []
    for item, text, item_terms, item_article, grp, blob in rows:
        if article is not None and item_article == article:
            continue
        other = frozenset(item_terms.split())
        overlap = claimtext.jaccard(terms, other)
        if overlap >= floor:
            vector = from_blobs([blob])[0] if blob else None
            scored.append((overlap, Claim(item, text, other, item_article, grp, vector)))
    scored.sort(key=lambda pair: (-pair[0], -pair[1].key))
    return [claim for _, claim in scored[:MAX_CANDIDATES]]


def factcheck_candidates(conn: sqlite3.Connection, terms: Iterable[str]) -> list[Claim]:
    terms = list(terms)
    if not terms:
        return []
    need = 1 if len(terms) <= 2 else 2
    rows = conn.execute(
        f"SELECT f.factcheck, f.claim, f.terms, NULL, NULL, f.vector FROM factchecks f JOIN "
        f"(SELECT factcheck, count(*) AS shared FROM factcheck_terms WHERE term IN ({_marks(terms)}) "
        f"GROUP BY factcheck HAVING shared >= ? ORDER BY shared DESC LIMIT ?) t ON t.factcheck = f.factcheck",
        terms + [need, MAX_CANDIDATES * 4]).fetchall()
    return _by_overlap(rows, set(terms), None, FACTCHECK_LEX_FLOOR)


def with_vectors(conn: sqlite3.Connection, claims: list[Claim]) -> list[Claim]:
    """The claims with their vectors, embedding (and storing) those of stored claims that lack one."""
    missing = [n for n, claim in enumerate(claims) if claim.vector is None]
    if not missing:
        return claims
    vectors = embed_texts([claims[n].text for n in missing])
    out = list(claims)
    for n, vector in zip(missing, vectors):
        out[n] = replace(claims[n], vector=vector)
        conn.execute("UPDATE claim_items SET vector = ? WHERE item = ?", (to_blob(vector), claims[n].key))
    return out


def best_match(claim: Claim, candidates: list[Claim], *, factcheck: bool = False) -> list[tuple[Claim, float]]:
    """The candidates that state the same claim, most similar first, with their cosine similarity."""
    if not candidates:
        return []
    sims = from_blobs([to_blob(c.vector) for c in candidates]) @ claim.vector
    found = [(c, round(float(s), 4)) for c, s in zip(candidates, sims)
             if claimtext.same_claim(float(s), claim.terms, c.terms, factcheck=factcheck)]
    return sorted(found, key=lambda pair: -pair[1])


# -- adding the claims of a stored article -------------------------------------------------------
def add_claims(conn: sqlite3.Connection, record: dict, article: int) -> int:
    """Index, group and fact-check-match the check-worthy claims of a newly stored article."""
    found = claims_of(record)
    if not found:
        return 0
    checks = _has_factchecks(conn)
    pending = []
    for idx, claim_id, text, speaker, score in found:
        terms, candidates, facts = _candidates(conn, text, article=article, checks=checks)
        item = _insert_item(conn, article, idx, claim_id, text, terms, speaker, score)
        pending.append((Claim(item, text, frozenset(terms), article), candidates, facts))
    needed = [n for n, (_, cands, facts) in enumerate(pending) if cands or facts]
    vectors = embed_texts([pending[n][0].text for n in needed]) if needed else []
    vector_of = dict(zip(needed, vectors))
    for n, (claim, candidates, facts) in enumerate(pending):
        if n in vector_of:
            claim = replace(claim, vector=vector_of[n])
            conn.execute("UPDATE claim_items SET vector = ? WHERE item = ?", (to_blob(claim.vector), claim.key))
        _group(conn, claim, best_match(claim, with_vectors(conn, candidates)) if candidates else [])
        for fact, similarity in (best_match(claim, facts, factcheck=True) if facts else []):
            conn.execute("INSERT OR REPLACE INTO factcheck_matches VALUES (?, ?, ?)", (fact.key, claim.key, similarity))
    return len(pending)


def texts_to_compare(conn: sqlite3.Connection, records: Iterable[dict]) -> list[str]:
    """The texts ``add_claims`` would embed for ``records`` if they were stored now: their claims that
    have candidates (stored claims or fact-checks sharing rare words), and those stored candidates that
    have no vector yet. Claims of these records matching each other are not foreseen (put embeds them)."""
    checks = _has_factchecks(conn)
    texts: list[str] = []
    for record in records:
        for _, _, text, _, _ in claims_of(record):
            _, candidates, facts = _candidates(conn, text, article=None, checks=checks)
            if candidates or facts:
                texts.append(text)
                texts.extend(c.text for c in candidates if c.vector is None)
    return texts


def _has_factchecks(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM factchecks LIMIT 1").fetchone() is not None


def _candidates(conn: sqlite3.Connection, text: str, *, article: int | None,
                checks: bool) -> tuple[list[str], list[Claim], list[Claim]]:
    """A claim's terms, the stored claims and the fact-checks it may match (numbers agreeing)."""
    terms = claimtext.terms(text)
    candidates = _agreeing(terms, claim_candidates(conn, terms, article=article))
    facts = _agreeing(terms, factcheck_candidates(conn, terms)) if checks else []
    return terms, candidates, facts


def _agreeing(terms: list[str], candidates: list[Claim]) -> list[Claim]:
    """The candidates whose numbers do not rule them out (``claimtext.numbers_agree``)."""
    own = set(terms)
    return [c for c in candidates if claimtext.numbers_agree(own, c.terms)]


def _insert_item(conn: sqlite3.Connection, article: int, idx: int, claim_id: str | None, text: str,
                 terms: list[str], speaker: str | None, score: float | None) -> int:
    item = conn.execute("INSERT OR REPLACE INTO claim_items (article, idx, claim_id, text, terms, speaker, score) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (article, idx, claim_id, text, " ".join(terms), speaker, score)).lastrowid
    conn.executemany("INSERT OR IGNORE INTO claim_terms VALUES (?, ?)", [(t, item) for t in terms])
    conn.executemany("INSERT INTO claim_df VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET n = n + 1",
                     [(t,) for t in terms])
    return item


def _group(conn: sqlite3.Connection, claim: Claim, matches: list[tuple[Claim, float]]) -> None:
    stamp = now()
    if not matches:
        grp = conn.execute("INSERT INTO claim_groups (item, first_seen, last_seen) VALUES (?, ?, ?)",
                           (claim.key, stamp, stamp)).lastrowid
        conn.execute("UPDATE claim_items SET grp = ? WHERE item = ?", (grp, claim.key))
        return
    best, similarity = matches[0]
    seen = conn.execute("SELECT 1 FROM claim_items WHERE grp = ? AND article = ? LIMIT 1",
                        (best.grp, claim.article)).fetchone()
    conn.execute("UPDATE claim_items SET grp = ?, similarity = ? WHERE item = ?", (best.grp, similarity, claim.key))
    conn.execute("UPDATE claim_groups SET claims = claims + 1, articles = articles + ?, last_seen = ? WHERE grp = ?",
                 (0 if seen else 1, stamp, best.grp))


def retire(conn: sqlite3.Connection, article: int) -> None:
    """Take the claims of an article's older revision out of their groups (the new revision's come in)."""
    rows = conn.execute("SELECT item, grp, terms FROM claim_items WHERE article = ?", (article,)).fetchall()
    if not rows:
        return
    items = [row[0] for row in rows]
    conn.executemany("UPDATE claim_df SET n = n - 1 WHERE term = ?", [(t,) for row in rows for t in row[2].split()])
    for table in ("claim_terms", "factcheck_matches"):
        conn.execute(f"DELETE FROM {table} WHERE item IN ({_marks(items)})", items)
    conn.execute(f"DELETE FROM claim_items WHERE item IN ({_marks(items)})", items)
    for grp in {row[1] for row in rows if row[1] is not None}:
        left = conn.execute("SELECT min(item), count(*), count(DISTINCT article) FROM claim_items WHERE grp = ?",
                            (grp,)).fetchone()
        if left[1]:
            conn.execute("UPDATE claim_groups SET item = ?, claims = ?, articles = ? WHERE grp = ?", (*left, grp))
        else:
            conn.execute("DELETE FROM claim_groups WHERE grp = ?", (grp,))


# -- fact-checks ---------------------------------------------------------------------------------
def import_factchecks(store: Any, path: str | Path) -> int:
    """Import a ClaimReview JSON/JSONL file or a CSV (claim, verdict, url) and match it against every
    stored claim; returns how many fact-checks were new. Later claims are matched as they arrive."""
    from ..factchecks import load_factchecks

    checks = load_factchecks(path)
    vectors = embed_texts([check.claim for check in checks])
    added = 0
    with store.transaction(), store._guard():
        for check, vector in zip(checks, vectors):
            if store.conn.execute("SELECT 1 FROM factchecks WHERE claim = ? AND url IS ?",
                                  (check.claim, check.url)).fetchone():
                continue
            terms = claimtext.terms(check.claim)
            key = store.conn.execute(
                "INSERT INTO factchecks (claim, verdict, rating, url, author, published, source, imported_at, "
                "terms, vector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (check.claim, check.verdict, check.rating, check.url, check.author, check.published,
                 Path(path).name, now(), " ".join(terms), to_blob(vector))).lastrowid
            store.conn.executemany("INSERT OR IGNORE INTO factcheck_terms VALUES (?, ?)", [(t, key) for t in terms])
            _match_stored(store.conn, Claim(key, check.claim, frozenset(terms), vector=vector))
            added += 1
    return added


def _match_stored(conn: sqlite3.Connection, fact: Claim) -> None:
    candidates = _agreeing(fact.terms, claim_candidates(conn, fact.terms, article=None, floor=FACTCHECK_LEX_FLOOR))
    for claim, similarity in best_match(fact, with_vectors(conn, candidates), factcheck=True):
        conn.execute("INSERT OR REPLACE INTO factcheck_matches VALUES (?, ?, ?)", (fact.key, claim.key, similarity))


# -- reading ---------------------------------------------------------------------------------------
_ITEM = ("SELECT c.item, c.grp, c.claim_id, c.text, c.speaker, c.score, a.id, a.title, "
         "coalesce(a.outlet_domain, a.outlet_name), a.published, a.url FROM claim_items c "
         "JOIN articles a ON a.key = c.article")


def _summary(row: tuple) -> dict:
    return dict(zip(("id", "title", "outlet", "published", "url"), row))


def _claim_dict(row: tuple) -> dict:
    return {"article": _summary(row[6:11]), "claim_id": row[2], "text": row[3], "speaker": row[4], "score": row[5]}


def claim_groups(store: Any, *, limit: int = 50, min_articles: int = 2) -> list[dict]:
    """Claims that recur in at least ``min_articles`` articles, the most widespread first."""
    with store._guard():
        conn = store.conn
        groups = conn.execute(
            "SELECT g.grp, c.text, g.claims, g.articles FROM claim_groups g JOIN claim_items c ON c.item = g.item "
            "WHERE g.articles >= ? ORDER BY g.articles DESC, g.claims DESC, g.last_seen DESC, g.grp DESC LIMIT ?",
            (min_articles, max(0, limit))).fetchall()
        return [_group_dict(conn, *group) for group in groups]


def _group_dict(conn: sqlite3.Connection, grp: int, text: str, count: int, articles: int) -> dict:
    claims = [_claim_dict(row) for row in conn.execute(f"{_ITEM} WHERE c.grp = ? ORDER BY c.item", (grp,))]
    facts = conn.execute(
        "SELECT f.claim, f.verdict, f.url, max(m.similarity) FROM factcheck_matches m "
        "JOIN factchecks f ON f.factcheck = m.factcheck JOIN claim_items c ON c.item = m.item "
        "WHERE c.grp = ? GROUP BY f.factcheck ORDER BY 4 DESC", (grp,)).fetchall()
    return {"group": grp, "text": text, "count": count, "articles": articles, "claims": claims,
            "factchecks": [dict(zip(("claim", "verdict", "url", "similarity"), f)) for f in facts]}


def factcheck_matches(store: Any, *, limit: int = 100) -> list[dict]:
    """Stored claims that an imported fact-check covers, most similar first.

    Each: ``{"factcheck": {"claim","verdict","rating","url","author","published"}, "similarity",
    "group", "article": summary, "claim_id", "text", "speaker", "score"}``.
    """
    with store._guard():
        rows = store.conn.execute(
            "SELECT f.claim, f.verdict, f.rating, f.url, f.author, f.published, m.similarity, m.item "
            "FROM factcheck_matches m JOIN factchecks f ON f.factcheck = m.factcheck "
            "ORDER BY m.similarity DESC, m.factcheck, m.item LIMIT ?", (max(0, limit),)).fetchall()
        out = []
        for row in rows:
            item = store.conn.execute(f"{_ITEM} WHERE c.item = ?", (row[7],)).fetchone()
            fact = dict(zip(("claim", "verdict", "rating", "url", "author", "published"), row[:6]))
            out.append({"factcheck": fact, "similarity": row[6], "group": item[1], **_claim_dict(item)})
        return out


def rebuild(store: Any, *, everything: bool = True, batch: int = 64) -> int:
    """Regroup every stored claim (``everything``) or add the articles whose claims are not indexed yet
    (stored before migration 2); fact-checks are matched again. Returns how many articles were read."""
    from .records import restore

    conn = store.conn
    if everything:
        with store.transaction():
            for table in ("factcheck_matches", "claim_terms", "claim_df", "claim_items", "claim_groups"):
                conn.execute(f"DELETE FROM {table}")
    done, last = 0, 0
    while True:
        rows = conn.execute(
            "SELECT a.key, a.record, a.text FROM articles a WHERE a.key > ? AND a.latest = 1 AND NOT EXISTS "
            "(SELECT 1 FROM claim_items c WHERE c.article = a.key) ORDER BY a.key LIMIT ?", (last, batch)).fetchall()
        if not rows:
            break
        with store.transaction():
            for key, record, text in rows:
                add_claims(conn, restore(record, text), key)
        done += len(rows)
        last = rows[-1][0]
    return done
