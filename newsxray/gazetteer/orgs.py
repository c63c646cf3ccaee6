"""Organisations news names often: international bodies, news agencies and outlets,
national institutions, armed groups, parties and large companies.

One line per organisation: ``COUNTRY SECTOR Name|Alias|... [; generic noun, ...]``
(``-`` for no country). The first name is the canonical one. Generic nouns are the
common nouns an article uses for it once named ("the alliance" for NATO); they are
linked only when no other organisation in the article takes the same noun.
"""
from __future__ import annotations

from dataclasses import dataclass

from .normalize import norm

_ORGS = """
- IGO North Atlantic Treaty Organization|North Atlantic Treaty Organisation|NATO|Nato ; alliance, bloc
- IGO United Nations|UN|U.N.|United Nations Organization ; world body
- IGO UN Security Council|U.N. Security Council|United Nations Security Council|Security Council|UNSC ; council
- IGO UN General Assembly|United Nations General Assembly|General Assembly|UNGA ; assembly
- IGO European Union|EU|E.U. ; bloc, union
- IGO European Commission|EC ; commission
- IGO European Parliament ; parliament
- IGO European Council
- IGO European Central Bank|ECB
- IGO Council of Europe
- IGO Association of Southeast Asian Nations|Association of South East Asian Nations|ASEAN|Asean ; bloc
- IGO Group of Seven|G7|G-7 ; group
- IGO Group of 20|Group of Twenty|G20|G-20 ; group
- IGO Group of Eight|G8|G-8
- IGO World Health Organization|World Health Organisation|WHO ; agency
- IGO International Monetary Fund|IMF ; fund
- IGO World Bank ; bank
- IGO Organization of the Petroleum Exporting Countries|Organisation of the Petroleum Exporting Countries|OPEC|Opec|OPEC+|Opec+ ; cartel, group
- IGO Shanghai Cooperation Organization|Shanghai Cooperation Organisation|SCO ; bloc
- IGO BRICS|Brics ; bloc, group
- IGO African Union|AU ; union, bloc
- IGO Organization for Security and Co-operation in Europe|Organization for Security and Cooperation in Europe|OSCE
- IGO World Trade Organization|World Trade Organisation|WTO
- IGO International Atomic Energy Agency|IAEA ; agency, watchdog
- IGO Interpol|International Criminal Police Organization
- IGO Arab League|League of Arab States ; league
- IGO Gulf Cooperation Council|GCC ; council, bloc
- IGO Organisation of Islamic Cooperation|Organization of Islamic Cooperation|OIC
- IGO Organization of American States|OAS
- IGO Commonwealth of Independent States|CIS
- IGO Collective Security Treaty Organization|CSTO ; bloc
- IGO Eurasian Economic Union|EAEU
- IGO Asia-Pacific Economic Cooperation|APEC|Apec ; forum
- IGO Organisation for Economic Co-operation and Development|Organization for Economic Cooperation and Development|OECD
- IGO International Criminal Court|ICC ; court
- IGO International Court of Justice|ICJ|World Court ; court
- IGO UN Human Rights Council|UNHRC|Human Rights Council ; council
- IGO UN High Commissioner for Refugees|UNHCR|UN refugee agency ; agency
- IGO UNICEF|Unicef|United Nations Children's Fund
- IGO UNESCO|Unesco
- IGO World Food Programme|World Food Program|WFP
- IGO International Organization for Migration|IOM
- IGO UN Relief and Works Agency|UNRWA|Unrwa
- IGO Economic Community of West African States|ECOWAS|Ecowas ; bloc
- IGO Quad|Quadrilateral Security Dialogue
- IGO AUKUS|Aukus ; pact
- IGO Mercosur|Mercosul ; bloc
- IGO Frontex
- IGO Europol
- IGO Bank for International Settlements|BIS
- IGO International Energy Agency|IEA
- IGO Warsaw Pact
- IGO Commonwealth
RUS MED TASS|Tass|ITAR-TASS ; agency
RUS MED RIA Novosti|RIA ; agency
RUS MED RT|Russia Today
RUS MED Sputnik
RUS MED Interfax
RUS MED Kommersant
RUS MED Izvestia
RUS MED Rossiya 1
RUS MED Channel One
RUS MED Meduza
CHN MED Xinhua|Xinhua News Agency ; agency
CHN MED CGTN|China Global Television Network
CHN MED Global Times
CHN MED China Daily
CHN MED People's Daily
CHN MED CCTV|China Central Television
CHN MED China News Service
HKG MED South China Morning Post|SCMP
JPN MED Kyodo|Kyodo News ; agency
JPN MED NHK
JPN MED Nikkei Asia|Nikkei Asian Review
JPN MED Asahi Shimbun|Asahi
JPN MED Yomiuri Shimbun|Yomiuri
JPN MED Mainichi Shimbun|Mainichi
JPN MED Japan Times
JPN MED Jiji Press|Jiji
KOR MED Yonhap|Yonhap News Agency ; agency
KOR MED Korea Herald
KOR MED Chosun Ilbo
KOR MED JoongAng Ilbo
PRK MED Korean Central News Agency|KCNA ; agency
PRK MED Rodong Sinmun
GBR MED Reuters ; agency
USA MED Associated Press|AP ; agency
FRA MED Agence France-Presse|Agence France Presse|AFP ; agency
GBR MED BBC|British Broadcasting Corporation ; broadcaster
USA MED CNN|Cable News Network
QAT MED Al Jazeera|Al-Jazeera|Aljazeera
SAU MED Al Arabiya|Al-Arabiya
IRN MED Press TV|PressTV
IRN MED IRNA|Islamic Republic News Agency
IRN MED Fars|Fars News Agency
IRN MED Tasnim|Tasnim News Agency
TUR MED Anadolu|Anadolu Agency
TUR MED TRT|TRT World
DEU MED Deutsche Welle|DW
DEU MED Der Spiegel|Spiegel
DEU MED Bild
DEU MED dpa|DPA|Deutsche Presse-Agentur
FRA MED Le Monde
FRA MED Le Figaro
FRA MED France 24
ITA MED ANSA
ESP MED EFE
ESP MED El País|El Pais
IND MED Press Trust of India|PTI
IND MED Times of India
IND MED NDTV
IND MED Hindustan Times
PAK MED Dawn
ISR MED Haaretz
ISR MED Times of Israel
ISR MED Jerusalem Post
UKR MED Ukrinform
UKR MED Kyiv Independent
UKR MED Ukrainska Pravda
BLR MED BelTA
AUS MED Australian Broadcasting Corporation|ABC News Australia
AUS MED Sydney Morning Herald
CAN MED CBC|Canadian Broadcasting Corporation
USA MED New York Times|NYT
USA MED Washington Post
USA MED Wall Street Journal|WSJ
USA MED Bloomberg
USA MED Fox News|Fox
USA MED NBC|NBC News
USA MED CBS|CBS News
USA MED ABC News
- MED ABC
USA MED MSNBC
USA MED NPR|National Public Radio
USA MED PBS
USA MED Politico
USA MED Axios
USA MED Newsweek
USA MED Los Angeles Times|LA Times
USA MED USA Today
USA MED Voice of America|VOA
USA MED Radio Free Europe|Radio Free Europe/Radio Liberty|RFE/RL
USA MED Breitbart
USA MED Huffington Post|HuffPost
USA MED BuzzFeed News
GBR MED Guardian|Observer
GBR MED Financial Times|FT
GBR MED Daily Telegraph|Telegraph
GBR MED Daily Mail|Mail on Sunday|MailOnline
GBR MED Economist
GBR MED Sky News
GBR MED ITV|ITV News
GBR MED Sun
GBR MED Mirror|Daily Mirror
GBR MED Evening Standard
QAT MED Qatar News Agency|QNA
SAU MED Saudi Press Agency|SPA
EGY MED Al-Ahram|Al Ahram
USA GOV Central Intelligence Agency|CIA ; agency
USA COP Federal Bureau of Investigation|FBI ; bureau
USA GOV National Security Agency|NSA
USA DIP State Department|US State Department|Department of State ; department
USA MIL Defense Department|Department of Defense|DoD
USA GOV Justice Department|Department of Justice|DoJ|DOJ
USA GOV Treasury|US Treasury|Treasury Department
USA GOV Department of Homeland Security|Homeland Security|DHS
USA LEG Congress|US Congress ; congress
USA LEG Senate|US Senate
USA LEG House of Representatives
USA JUD Supreme Court|US Supreme Court
USA GOV Federal Reserve|Fed ; central bank
USA MIL Central Command|Centcom|CENTCOM
USA COP Immigration and Customs Enforcement|ICE
GBR LEG House of Commons|Commons
GBR LEG House of Lords|Lords
GBR GOV Foreign Office|Foreign, Commonwealth and Development Office|FCDO
GBR MIL Ministry of Defence|MoD
GBR GOV MI6|Secret Intelligence Service
GBR GOV MI5
GBR GOV Bank of England
RUS GOV Federal Security Service|FSB
RUS MIL Wagner|Wagner Group|Wagner PMC
RUS LEG State Duma|Duma
RUS LEG Federation Council
RUS BUS Gazprom
RUS BUS Rosneft
RUS BUS Rosatom
CHN MIL People's Liberation Army|PLA
CHN PTY Communist Party of China|Chinese Communist Party|CPC|CCP ; party
CHN GOV Politburo
CHN LEG National People's Congress|NPC
CHN GOV People's Bank of China|PBOC
CHN BUS Huawei
CHN BUS Alibaba
CHN BUS Tencent
CHN BUS ByteDance
CHN BUS TikTok
JPN MIL Self-Defense Forces|Self-Defence Forces|JSDF
JPN GOV Bank of Japan|BOJ
JPN PTY Liberal Democratic Party|LDP
JPN BUS Toyota
JPN BUS Sony
KOR BUS Samsung
TWN BUS TSMC|Taiwan Semiconductor Manufacturing Company
DEU LEG Bundestag
DEU GOV Bundesbank
ISR LEG Knesset
ISR MIL Israel Defense Forces|IDF
ISR GOV Mossad
ISR PTY Likud
UKR LEG Verkhovna Rada|Rada
IND PTY Bharatiya Janata Party|BJP
IND PTY Indian National Congress
IRN MIL Islamic Revolutionary Guard Corps|Revolutionary Guards|IRGC
GBR PTY Conservative Party|Tories|Tory Party ; party
GBR PTY Labour Party|Labour ; party
GBR PTY Liberal Democrats|Lib Dems
GBR PTY Scottish National Party|SNP
USA PTY Democratic Party|Democrats ; party
USA PTY Republican Party|Republicans|GOP ; party
RUS PTY United Russia
ZAF PTY African National Congress|ANC
PSE REB Hamas
LBN REB Hezbollah|Hizbollah|Hizbullah
AFG REB Taliban
YEM REB Houthis|Houthi|Ansar Allah
- REB Islamic State|ISIS|Isis|ISIL|Isil|Daesh|IS
- REB al-Qaeda|al-Qaida|Al-Qaeda|Al-Qaida|al Qaeda|Al Qaeda
SOM REB al-Shabaab|Al-Shabaab|al-Shabab|Al-Shabab
NGA REB Boko Haram
SYR REB Hayat Tahrir al-Sham|HTS
SYR REB Syrian Democratic Forces|SDF
TUR REB Kurdistan Workers' Party|PKK
- NGO Amnesty International|Amnesty
- NGO Human Rights Watch|HRW
- NGO International Committee of the Red Cross|ICRC|Red Cross|Red Crescent
- NGO Médecins Sans Frontières|Medecins Sans Frontieres|Doctors Without Borders|MSF
- NGO Save the Children
- NGO International Rescue Committee|IRC
- NGO International Crisis Group|Crisis Group
- NGO Norwegian Refugee Council|NRC
- NGO White Helmets|Syria Civil Defence
- NGO Oxfam
- NGO Greenpeace
- NGO Reporters Without Borders|RSF
- NGO Committee to Protect Journalists|CPJ
- NGO Transparency International
- NGO International Olympic Committee|IOC
- NGO FIFA|Fifa
USA BUS Apple
USA BUS Google|Alphabet
USA BUS Microsoft
USA BUS Amazon
USA BUS Meta|Facebook
USA BUS Tesla
USA BUS Boeing
USA BUS Nvidia
USA BUS OpenAI
USA BUS Twitter|X Corp
USA BUS Lockheed Martin
USA BUS ExxonMobil|Exxon
USA BUS Goldman Sachs
USA BUS JPMorgan|JP Morgan|JPMorgan Chase
FRA BUS Airbus
GBR BUS BP
GBR BUS Shell
SAU BUS Saudi Aramco|Aramco
CHN BUS Sinopec|China Petrochemical Corporation
CHN BUS China National Petroleum Corporation|CNPC|PetroChina
CHN BUS China National Offshore Oil Corporation|CNOOC
QAT BUS QatarEnergy|Qatar Petroleum
IRN BUS National Iranian Oil Company|NIOC
"""


@dataclass(frozen=True, slots=True)
class Org:
    """A known organisation: canonical name, ISO3 (or None), sector, generic nouns."""

    name: str
    names: tuple[str, ...]
    country: str | None
    sector: str
    generic: tuple[str, ...]


def _parse(table: str) -> list[Org]:
    orgs = []
    for line in table.strip().splitlines():
        line, _, generic = line.partition(" ; ")
        country, sector, names = line.split(" ", 2)
        parts = tuple(n.strip() for n in names.split("|"))
        orgs.append(Org(name=parts[0], names=parts, country=None if country == "-" else country,
                        sector=sector, generic=tuple(g.strip() for g in generic.split(",") if g.strip())))
    return orgs


ORGS: tuple[Org, ...] = tuple(_parse(_ORGS))
# surface form as written -> Org (case-sensitive, for scanning text)
SURFACES: dict[str, Org] = {}
for _org in ORGS:
    for _name in _org.names:
        SURFACES.setdefault(_name, _org)
_BY_NORM: dict[str, Org] = {}
for _name, _org in SURFACES.items():
    _BY_NORM.setdefault(norm(_name), _org)

# short acronyms that are also English words or sit in all-caps headlines
WORDY: frozenset[str] = frozenset({"WHO", "IS", "US", "AU", "FT", "Sun", "Mirror", "Fox", "Fed",
                                   "Commons", "Lords", "Observer", "Guardian", "Commonwealth",
                                   "Labour", "Amazon", "Apple", "Shell", "Meta", "Dawn", "Quad",
                                   "Treasury", "Congress", "Senate", "ICE", "SPA", "EC", "CIS",
                                   "RIA", "Fars", "Bild", "Rio", "Democrats", "Republicans"})


def org_info(name: str) -> Org | None:
    """The known organisation a name refers to ("Nato" -> NATO), case-insensitively.

    Acronyms of up to three letters must match case exactly ("Who" is not the WHO).
    """
    org = _BY_NORM.get(norm(name))
    if org is None:
        return None
    stripped = name.strip()
    if len(stripped.replace(".", "")) <= 3 and stripped not in SURFACES:
        return None
    return org
