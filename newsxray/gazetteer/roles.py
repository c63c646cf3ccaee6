"""Role words and organisation head words mapped to PLOVER/CAMEO-style sector codes.

``PERSON_ROLES``: what a person is called ("ambassador" -> DIP, "prime minister" -> GOV).
``GENERIC_ROLES``: roles whose sector comes from the organisation they serve when the
article names one ("NATO Secretary General" -> IGO, "director of Human Rights Watch" ->
NGO). ``ORG_HEADS``: words in an organisation's name that say what kind it is.
Sector codes: GOV government, LEG legislature, MIL military, DIP diplomacy, COP police,
JUD judiciary, IGO intergovernmental, NGO non-governmental, MED media, BUS business,
EDU education/research, REB rebels/militants, OPP opposition, PTY party, CVL civilians,
REL religion, SPT sport.
"""
from __future__ import annotations

_PERSON_ROLES = """
DIP ambassador|envoy|diplomat|consul|consul general|consul-general|foreign minister|foreign secretary|secretary of state|chargé d'affaires|charge d'affaires|attaché|attache|special envoy|special representative|emissary|top diplomat|foreign affairs minister|minister of foreign affairs|deputy foreign minister
GOV president|vice president|vice-president|prime minister|premier|minister|chancellor|spokesperson|spokesman|spokeswoman|press secretary|official|officials|governor|mayor|leader|head of state|head of government|cabinet secretary|secretary|secretary general|secretary-general|chief of staff|adviser|advisor|national security adviser|commissioner|administrator|king|queen|prince|princess|emperor|crown prince|sultan|emir|sheikh|president-elect|gov.|pres.|first lady|dictator|ruler|strongman|autocrat|regulator|bureaucrat|finance minister|interior minister|home secretary|chancellor of the exchequer|treasury secretary|deputy prime minister|director|chairman|chairwoman|chair|head|chief|representative|inspector|director general|director-general|governor general|governor-general|inspector general|postmaster general|under-secretary general|under-secretary-general|undersecretary|under secretary|assistant secretary|deputy secretary|permanent secretary
LEG lawmaker|lawmakers|senator|congressman|congresswoman|legislator|parliamentarian|mp|mep|speaker|member of parliament|representative in congress|assemblyman|assemblywoman|rep.|sen.|rep|sen
MIL general|admiral|colonel|commander|lieutenant|major general|brigadier|brigadier general|lieutenant general|field marshal|marshal|captain|sergeant|soldier|soldiers|troops|officer|defence minister|defense minister|defence secretary|defense secretary|secretary of defense|chief of the general staff|chief of defence|army chief|military chief|gen.|adm.|col.|lt.|gen|adm|col|lt|maj|maj.|sgt|sgt.|capt|capt.|cpl|brig|brig.|commander-in-chief|air marshal|pilot
COP police|police officer|policeman|policewoman|police chief|detective|sheriff|constable|prosecutor|investigator
JUD judge|justice|chief justice|magistrate|attorney general|attorney-general|justice minister|solicitor general
MED journalist|reporter|correspondent|editor|editor-in-chief|columnist|anchor|presenter|commentator|blogger|photographer
BUS ceo|chief executive|chief executive officer|executive|businessman|businesswoman|entrepreneur|tycoon|billionaire|investor|banker|economist|analyst|founder|co-founder|chief financial officer|cfo|managing director|trader|oligarch
EDU professor|academic|scholar|researcher|scientist|lecturer|expert|historian|teacher|student|dean|rector|prof.
NGO activist|activists|campaigner|advocate|volunteer|aid worker|humanitarian
REB rebel|rebels|militant|militants|insurgent|insurgents|fighter|fighters|jihadist|warlord|guerrilla|separatist|separatists|terrorist|terrorists
OPP opposition leader|opposition figure|dissident|opposition politician
PTY party leader|party chairman|party secretary|general secretary|candidate|nominee|politician|strategist
CVL protester|protesters|civilian|civilians|resident|residents|villager|villagers|citizen|citizens|refugee|refugees|migrant|migrants|witness|worker|workers|farmer|farmers|voter|voters|victim|victims|hostage|hostages|prisoner
REL pope|cardinal|archbishop|bishop|imam|cleric|rabbi|priest|patriarch|ayatollah|grand ayatollah|supreme leader|mufti|dalai lama
SPT coach|manager|striker|midfielder|goalkeeper|defender|forward|skipper|batsman|bowler|champion|player|referee|jockey
"""

PERSON_ROLES: dict[str, str] = {}
for _line in _PERSON_ROLES.strip().splitlines():
    _sector, _words = _line.split(" ", 1)
    for _word in _words.split("|"):
        PERSON_ROLES.setdefault(_word, _sector)

# generic roles that say nothing about the sector without the organisation they serve
NO_SECTOR_ALONE: frozenset[str] = frozenset({
    "director", "head", "chief", "chairman", "chairwoman", "chair", "executive", "founder",
    "co-founder", "member", "managing director", "administrator", "inspector", "secretary",
    "representative", "director general", "director-general", "researcher", "expert",
})

# what an article calls an organisation before or after its name ("news agency TASS")
ORG_ROLES: dict[str, str] = {
    "news agency": "MED", "agency": "MED", "newspaper": "MED", "broadcaster": "MED",
    "tabloid": "MED", "daily": "MED", "outlet": "MED", "channel": "MED", "network": "MED",
    "website": "MED", "magazine": "MED", "news outlet": "MED", "media outlet": "MED",
    "news website": "MED", "weekly": "MED", "publisher": "MED", "wire service": "MED",
    "company": "BUS", "firm": "BUS", "giant": "BUS", "carmaker": "BUS", "bank": "BUS",
    "lender": "BUS", "conglomerate": "BUS", "retailer": "BUS", "airline": "BUS",
    "charity": "NGO", "watchdog": "NGO", "think tank": "EDU", "university": "EDU",
    "militant group": "REB", "armed group": "REB", "rebel group": "REB", "party": "PTY",
}

# roles whose sector is that of the organisation named with them, when there is one
GENERIC_ROLES: frozenset[str] = frozenset({
    "president", "vice president", "vice-president", "chairman", "chairwoman", "chair", "director",
    "head", "chief", "leader", "spokesman", "spokeswoman", "spokesperson", "secretary general",
    "secretary-general", "secretary", "official", "officials", "executive", "chief executive",
    "ceo", "founder", "co-founder", "representative", "adviser", "advisor", "commissioner",
    "managing director", "member", "administrator", "general secretary", "inspector",
    "researcher", "analyst", "expert", "economist", "editor", "correspondent", "reporter",
    "journalist", "director general", "director-general", "under-secretary general",
    "under-secretary-general", "undersecretary", "under secretary", "assistant secretary",
    "deputy secretary",
})

# words that may appear inside a title without being a role themselves
TITLE_MODIFIERS: frozenset[str] = frozenset({
    "former", "ex", "deputy", "vice", "acting", "interim", "senior", "top", "first", "then",
    "new", "outgoing", "incoming", "special", "permanent", "assistant", "associate", "executive",
    "foreign", "defence", "defense", "finance", "economy", "economic", "trade", "interior",
    "home", "justice", "health", "education", "energy", "state", "federal", "national",
    "regional", "local", "presidential", "press", "security", "military", "armed", "affairs",
    "staff", "chief", "general", "prime", "high", "supreme", "joint", "retired", "veteran",
    "lead", "principal", "junior", "provincial", "municipal", "district", "army", "navy",
    "naval", "air", "force", "police", "intelligence", "cabinet", "party", "opposition",
    "ruling", "news", "agency", "government", "ministry", "foreign-policy", "climate",
    "environment", "culture", "sports", "transport", "agriculture", "labour", "labor",
    "immigration", "treasury", "communications", "digital", "industry", "development",
    "international", "human", "rights", "campaign", "policy", "team", "club", "club's",
})

HONORIFICS: frozenset[str] = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord", "lady",
    "mx", "monsieur", "madame", "herr", "frau", "señor", "senor",
})

_ORG_HEADS = """
DIP foreign ministry|ministry of foreign affairs|foreign office|state department|embassy|consulate|mission to|foreign affairs
MIL defence ministry|defense ministry|ministry of defence|ministry of defense|defense department|department of defense|army|navy|air force|armed forces|military|marines|marine corps|forces|guard|guards|brigade|battalion|regiment|division|command|fleet|corps|militia
COP police|constabulary|gendarmerie|border guard|coast guard|interior ministry|ministry of interior|ministry of internal affairs
JUD court|tribunal|judiciary|prosecutor's office|prosecutors
LEG parliament|congress|senate|assembly|duma|legislature|house of representatives|national assembly|chamber of deputies
PTY party|parti|partei
GOV ministry|government|cabinet|administration|department|agency|office|council|commission|authority|bureau|directorate|presidency|secretariat|central bank|federal reserve|municipality|city hall|treasury|service|committee
MED news|times|post|journal|herald|gazette|tribune|daily|telegraph|chronicle|observer|monitor|tv|television|radio|broadcasting|broadcaster|press|media|newspaper|magazine|channel|news agency|wire|review|weekly|network
BUS inc|inc.|corp|corp.|corporation|company|co|co.|ltd|ltd.|plc|llc|gmbh|ag|sa|holdings|bank|airlines|airways|motors|industries|technologies|systems|energy|oil|petroleum|pharmaceuticals|capital|partners|investments|fund|exchange|markets|securities|insurance|telecom|electric
EDU university|college|school|institute|academy|polytechnic|laboratory|lab|think tank|research center|research centre
NGO foundation|charity|trust|watch|international|association|society|federation|coalition|alliance|movement|network|initiative|red cross|red crescent|human rights
REB rebels|front|liberation|mujahideen|brigades|jihad|army of
REL church|mosque|synagogue|diocese|vatican|holy see|caliphate
SPT fc|united|city|rovers|athletic|club
"""

ORG_HEADS: dict[str, str] = {}
for _line in _ORG_HEADS.strip().splitlines():
    _sector, _words = _line.split(" ", 1)
    for _word in _words.split("|"):
        ORG_HEADS.setdefault(_word, _sector)

# role phrases by first word, longest first, for matching token sequences
ROLE_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in sorted(PERSON_ROLES, key=lambda p: -len(p.split())):
    _words = tuple(_phrase.split())
    ROLE_FIRST.setdefault(_words[0], []).append(_words)
ORG_ROLE_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in sorted(ORG_ROLES, key=lambda p: -len(p.split())):
    ORG_ROLE_FIRST.setdefault(_phrase.split()[0], []).append(tuple(_phrase.split()))
ORG_HEAD_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in sorted(ORG_HEADS, key=lambda p: -len(p.split())):
    _words = tuple(_phrase.split())
    ORG_HEAD_FIRST.setdefault(_words[0], []).append(_words)


def find_phrases(words: list[str], table: dict[str, list[tuple[str, ...]]]) -> list[tuple[int, int, str]]:
    """Leftmost-longest matches of ``table`` phrases in lowercase ``words``: (i, j, phrase)."""
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for phrase in table.get(words[i], ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                found.append((i, i + len(phrase), " ".join(phrase)))
                i += len(phrase)
                break
        else:
            i += 1
    return found


def role_sector(role: str) -> str | None:
    """Sector of a person role phrase ("Foreign Minister" -> DIP), or None."""
    return PERSON_ROLES.get(role.lower())


def org_head_sector(name: str) -> str | None:
    """Sector from the head words of an organisation name ("Russian Defence Ministry" -> MIL).

    The most specific head phrase wins: the longest, then one that is not a generic
    government word ("agency", "office", "committee"), then the rightmost.
    """
    words = name.lower().replace("’", "'").split()
    found = find_phrases(words, ORG_HEAD_FIRST)
    if not found:
        return None
    best = max(found, key=lambda m: (m[1] - m[0], ORG_HEADS[m[2]] != "GOV", m[0]))
    return ORG_HEADS[best[2]]
