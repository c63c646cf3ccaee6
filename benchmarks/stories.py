"""Story clusters and claim matching: what they cost during ingest, and how well stories cluster.

    .venv/bin/python benchmarks/stories.py [--analysis-texts 120] [--reuters 2000] [--skip-analysis]

1. Cost. Analyses ``--analysis-texts`` texts (Reuters-21578 and Guardian, 5:1) with every layer,
   then stores the same records twice into fresh databases, once with story clustering and claim
   matching off and once on: the difference is what they add, reported per article and as a
   share of the analysis time (CPU time), with how many story texts and claims were embedded
   (only articles and claims that are compared with another one are).
2. Written pairs (``tests/store/story_pairs.py``): cosine similarity of same-story and
   different-story pairs, and the share on the right side of ``stories.THRESHOLD``; then all 40
   articles are stored (same day) and the resulting clusters are scored pairwise (precision and
   recall of "same story" over the 10 known same-story pairs and the 10 known different pairs).
3. Reuters-21578 (dated 1987 newswire, ~500 stories a day, so a ±3-day window holds thousands):
   ``--reuters`` stories stored in date order with stories on and claims off; reports the time per
   article of clustering at that density and a proxy for false merges: among pairs of single-topic
   ``earn`` stories (quarterly results, a few hundred a day, worded alike) put in one story, the
   share whose headlines name different companies (first word differs): these are surely wrong.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import tempfile
import time
from datetime import datetime
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "store"))
from corpora import SHARED, mixed  # noqa: E402
from story_pairs import DIFFERENT_STORY, SAME_STORY, article  # noqa: E402

import newsxray  # noqa: E402
from newsxray.document import Document  # noqa: E402
from newsxray.embed import embed  # noqa: E402
from newsxray.store import open_store  # noqa: E402
from newsxray.store import stories as clusters  # noqa: E402

_DOC = re.compile(r"<REUTERS[^>]*>(.*?)</REUTERS>", re.S)
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "BODY", "TOPICS")}


def cost(n_texts: int) -> None:
    texts = [d["text"] for d in mixed(n_texts - n_texts // 6, n_texts // 6)]
    nx = newsxray.load()
    start = time.process_time()
    records = [doc.to_dict() for doc in nx.pipe(texts)]
    analysis = time.process_time() - start
    embed(["warm up"])  # the model is loaded once per process, like spaCy's: not part of the cost
    times = {}
    for on in (False, True):
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "c.db", stories=on, claims=on) as store:
            start = time.process_time()
            with store.transaction():
                for record in records:
                    store.put(record)
            times[on] = time.process_time() - start
            vectors = store.conn.execute("SELECT (SELECT count(*) FROM story_members WHERE length(vector) > 0), "
                                         "(SELECT count(*) FROM claim_items WHERE vector IS NOT NULL)").fetchone()
    extra = times[True] - times[False]
    claims = sum(1 for r in records for c in r.get("claims") or [] if c.get("check_worthy"))
    print(f"cost: {len(records)} texts analysed in {analysis:.1f} s ({1000 * analysis / len(records):.0f} ms each); "
          f"store without stories/claims {times[False]:.2f} s, with {times[True]:.2f} s: stories + claims add "
          f"{1000 * extra / len(records):.1f} ms per article = {100 * extra / analysis:.1f} % of analysis "
          f"({claims} check-worthy claims); whole store step {100 * times[True] / analysis:.1f} %; embedded "
          f"{vectors[0]} story texts and {vectors[1]} claims")


def written_pairs() -> None:
    def cosine(pair):
        a, b = ({"text": article(side), "title": side[0]} for side in pair)
        v = embed([clusters.story_text(a), clusters.story_text(b)])
        return float(v[0] @ v[1])

    same = [cosine(p) for p in SAME_STORY]
    diff = [cosine(p) for p in DIFFERENT_STORY]
    t = clusters.THRESHOLD
    print(f"written pairs: same-story cosine {min(same):.3f}..{max(same):.3f} ({sum(s >= t for s in same)}/"
          f"{len(same)} >= {t}); different-story {min(diff):.3f}..{max(diff):.3f} "
          f"({sum(d < t for d in diff)}/{len(diff)} < {t})")
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "p.db", claims=False) as store:
        ids = {}
        for kind, pairs in (("s", SAME_STORY), ("d", DIFFERENT_STORY)):
            for n, pair in enumerate(pairs):
                for side, (title, lede) in zip("ab", pair):
                    ident = f"{kind}{n}{side}"
                    store.put(Document(text=article((title, lede)), id=ident, title=title, published="2024-03-05"))
                    ids[ident] = (clusters.story_of(store, ident) or {}).get("story")
    together_same = sum(ids[f"s{n}a"] == ids[f"s{n}b"] for n in range(len(SAME_STORY)))
    apart_diff = sum(ids[f"d{n}a"] != ids[f"d{n}b"] for n in range(len(DIFFERENT_STORY)))
    print(f"written pairs clustered together (40 articles, one day): same-story pairs joined "
          f"{together_same}/{len(SAME_STORY)}, different-story pairs kept apart {apart_diff}/{len(DIFFERENT_STORY)}")


def reuters_dated(limit: int) -> list[dict]:
    docs = []
    for path in sorted((SHARED / "reuters21578").glob("reut2-*.sgm")):
        for n, chunk in enumerate(_DOC.findall(path.read_text(encoding="latin-1"))):
            fields = {k: rx.search(chunk) for k, rx in _FIELD.items()}
            if not (fields["BODY"] and fields["TITLE"] and fields["DATE"]):
                continue
            when = datetime.strptime(fields["DATE"].group(1).split()[0], "%d-%b-%Y")
            topics = re.findall(r"<D>(.*?)</D>", fields["TOPICS"].group(1)) if fields["TOPICS"] else []
            docs.append({"id": f"{path.stem}-{n}", "title": html.unescape(fields["TITLE"].group(1)).strip(),
                         "text": html.unescape(fields["BODY"].group(1)).replace("\x03", "").strip(),
                         "published": when.isoformat(), "topics": topics})
    docs.sort(key=lambda d: d["published"])
    return docs[:limit]


def reuters(limit: int) -> None:
    docs = reuters_dated(limit)
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "r.db", claims=False) as store:
        start = time.process_time()
        with store.transaction():
            for d in docs:
                store.put(Document(text=d["text"], id=d["id"], title=d["title"], published=d["published"]))
        with_stories = time.process_time() - start
        groups = clusters.stories(store, limit=100000, min_size=2)
        vectors = store.conn.execute("SELECT count(*) FROM story_members WHERE length(vector) > 0").fetchone()[0]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "r.db", claims=False, stories=False) as store:
        start = time.process_time()
        with store.transaction():
            for d in docs:
                store.put(Document(text=d["text"], id=d["id"], title=d["title"], published=d["published"]))
        without = time.process_time() - start
    by_id = {d["id"]: d for d in docs}
    earn = wrong = 0
    for story in groups:
        members = [by_id[a["id"]] for a in story["articles"] if by_id[a["id"]]["topics"] == ["earn"]]
        for a, b in combinations(members, 2):
            earn += 1
            wrong += a["title"].split()[0] != b["title"].split()[0]
    span = f"{docs[0]['published'][:10]}..{docs[-1]['published'][:10]}"
    clustered = sum(s["size"] for s in groups)
    print(f"reuters: {len(docs)} stories ({span}) -> {len(groups)} stories of 2+ holding {clustered} articles; "
          f"clustering adds {1000 * (with_stories - without) / len(docs):.1f} ms per article at this density "
          f"({vectors} story texts embedded); "
          f"earn-earn pairs put together: {earn}, naming different companies: {wrong}")
    for story in groups[:5]:
        print("   ", story["size"], "|", " / ".join(a["title"][:50] for a in story["articles"][:4]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--analysis-texts", type=int, default=120)
    parser.add_argument("--reuters", type=int, default=2000)
    parser.add_argument("--skip-analysis", action="store_true")
    args = parser.parse_args()
    written_pairs()
    if args.reuters:
        reuters(args.reuters)
    if not args.skip_analysis:
        cost(args.analysis_texts)


if __name__ == "__main__":
    main()
