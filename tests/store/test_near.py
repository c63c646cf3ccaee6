"""Near-duplicates: syndicated copies with light edits are linked; other stories on the same topic are not."""
from __future__ import annotations

from newsxray.document import Document
from newsxray.store import near, open_store

ORIGINAL = """Harbour workers end three-week strike at Port Kestrel
PORT KESTREL, May 4 - Dock workers at Port Kestrel voted on Thursday to end a three-week strike that had
left more than forty container ships waiting offshore, the union said.
Members of the Harbour Workers Union approved a deal that raises wages by 6.5 percent this year and
a further 4 percent next year, union secretary Dana Morrow told reporters outside the terminal.
The port authority said cranes would restart on Friday morning and that the backlog should clear
within ten days if the weather held.
Shipping lines had diverted some vessels to Marlow Bay, about 200 kilometres to the north, adding
days to delivery times for retailers and car makers.
The strike began after talks over overtime rules broke down in April.
Employers had offered 4 percent before the walkout, arguing that higher labour costs would push
cargo to rival ports.
Local businesses welcomed the agreement but said the dispute had cost them weeks of sales.
The regional transport minister said the government had not intervened in the talks and would
review port labour rules later in the year.
Freight rates on routes to Port Kestrel rose by almost a fifth during the stoppage, according to
the logistics firm Corvane Data.
"""

SYNDICATED = ORIGINAL.replace(
    "Harbour workers end three-week strike at Port Kestrel",
    "Port Kestrel dockers vote to return to work after pay deal",
).replace(
    "The strike began after talks over overtime rules broke down in April.",
    "The walkout started in April after negotiations on overtime rules collapsed.",
).replace(
    "Local businesses welcomed the agreement but said the dispute had cost them weeks of sales.",
    "Shop owners near the docks welcomed the deal, saying the dispute had cost them weeks of trade.",
) + "Reporting by Lena Hart; editing by Tom Reyes\n"

SAME_TOPIC = """Port Kestrel strike enters third week as talks stall
PORT KESTREL, April 27 - A strike by dock workers at Port Kestrel entered its third week on Thursday
with no new talks scheduled, as shipping lines warned of longer delays for cargo bound for the region.
The Harbour Workers Union wants higher pay and changes to overtime rules, while employers say their
offer of a 4 percent raise is the most they can afford.
Around thirty container ships were anchored outside the harbour on Wednesday, according to vessel
tracking data, and some operators have begun sending ships to Marlow Bay instead.
Retailers said shortages of imported goods could appear within a fortnight if the dispute continued.
The regional transport minister urged both sides to return to the table but ruled out government
mediation for now.
Union secretary Dana Morrow said members were prepared to stay out for as long as it took.
"""


def doc(text: str, ident: str, url: str | None = None) -> Document:
    return Document(text=text, id=ident, url=url)


def test_the_edited_copy_is_similar_and_the_other_story_is_not():
    original = near.signature(ORIGINAL)
    assert near.similarity(original, near.signature(SYNDICATED)) >= 0.6
    assert near.similarity(original, near.signature(SAME_TOPIC)) < 0.15


def test_a_syndicated_copy_is_stored_with_a_link_to_the_original(tmp_path):
    with open_store(tmp_path / "c.db") as store:
        assert store.put(doc(ORIGINAL, "wire", "https://wire.example.com/a")).duplicate_of is None
        other = store.put(doc(SAME_TOPIC, "earlier", "https://paper.example.org/b"))
        copy = store.put(doc(SYNDICATED, "copy", "https://paper.example.org/c"))
        assert other.status == "stored" and other.duplicate_of is None
        assert copy.status == "stored" and copy.duplicate_of == "wire" and copy.similarity >= 0.6
        assert store.counts()["near_duplicates"] == 1


def test_detection_works_across_runs_and_links_to_the_original(tmp_path):
    path = tmp_path / "c.db"
    with open_store(path) as store:
        store.put(doc(ORIGINAL, "wire"))
    second_copy = SYNDICATED.replace("Freight rates", "Shipping rates")
    with open_store(path) as store:  # a new process would see the same: signatures are stored
        assert store.put(doc(SYNDICATED, "copy-1")).duplicate_of == "wire"
        assert store.put(doc(second_copy, "copy-2")).duplicate_of == "wire"
        hits = store.search("Corvane")
        assert {h.id: h.duplicate_of for h in hits} == {"wire": None, "copy-1": "wire", "copy-2": "wire"}


def test_band_keys_are_stable_and_one_per_band():
    sig = near.signature(ORIGINAL)
    assert near.band_keys(sig) == near.band_keys(near.signature(ORIGINAL))
    assert len(near.band_keys(sig)) == near.bands()[0]
    assert near.from_blob(near.to_blob(sig)).tolist() == sig.tolist()


def test_near_duplicate_detection_can_be_turned_off(tmp_path):
    with open_store(tmp_path / "c.db", near_duplicates=False) as store:
        store.put(doc(ORIGINAL, "wire"))
        assert store.put(doc(SYNDICATED, "copy")).duplicate_of is None
