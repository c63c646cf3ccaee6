"""Prominent public figures: country and sector when the article does not say.

Heads of state and government, foreign ministers and heads of international bodies of
roughly 2015-2024, written as ``ISO3|- SECTOR Full Name|Variant|... ; Surname|...``.
The role an article gives always wins over this table; it only fills gaps ("Putin said"
-> RUS, GOV). Surnames after ``;`` are looked up alone only when they are distinctive.
"""
from __future__ import annotations

from .normalize import norm

_PEOPLE = """
RUS GOV Vladimir Putin|Vladimir Vladimirovich Putin ; Putin
RUS GOV Dmitry Medvedev|Dmitri Medvedev ; Medvedev
RUS GOV Mikhail Mishustin ; Mishustin
RUS DIP Sergei Lavrov|Sergey Lavrov ; Lavrov
RUS GOV Dmitry Peskov|Dmitri Peskov ; Peskov
RUS DIP Maria Zakharova ; Zakharova
RUS MIL Sergei Shoigu|Sergey Shoigu ; Shoigu
RUS MIL Valery Gerasimov ; Gerasimov
RUS MIL Yevgeny Prigozhin ; Prigozhin
RUS OPP Alexei Navalny|Alexey Navalny ; Navalny
CHN GOV Xi Jinping ; Xi
CHN GOV Li Keqiang
CHN GOV Li Qiang
CHN DIP Wang Yi
CHN DIP Qin Gang
CHN DIP Wang Wenbin
CHN DIP Mao Ning
CHN DIP Zhao Lijian
CHN GOV Hu Jintao
JPN GOV Fumio Kishida ; Kishida
JPN GOV Shinzo Abe ; Abe
JPN GOV Yoshihide Suga ; Suga
JPN GOV Shigeru Ishiba ; Ishiba
JPN DIP Yoshimasa Hayashi
JPN DIP Yoko Kamikawa ; Kamikawa
KOR GOV Yoon Suk Yeol|Yoon Suk-yeol
KOR GOV Moon Jae-in|Moon Jae In
PRK GOV Kim Jong Un|Kim Jong-un|Kim Jong-Un
PRK GOV Kim Yo Jong|Kim Yo-jong
USA GOV Joe Biden|Joseph Biden|Joseph R. Biden|Joseph R. Biden Jr. ; Biden
USA GOV Donald Trump|Donald J. Trump ; Trump
USA GOV Barack Obama ; Obama
USA GOV Kamala Harris
USA DIP Antony Blinken|Anthony Blinken ; Blinken
USA DIP Mike Pompeo ; Pompeo
USA DIP Rex Tillerson ; Tillerson
USA MIL Lloyd Austin
USA GOV Jake Sullivan
USA GOV John Kirby
USA GOV Karine Jean-Pierre
USA DIP Matthew Miller
USA LEG Nancy Pelosi ; Pelosi
USA LEG Mitch McConnell ; McConnell
USA LEG Kevin McCarthy
USA LEG Chuck Schumer ; Schumer
GBR GOV Rishi Sunak ; Sunak
GBR GOV Boris Johnson
GBR GOV Theresa May
GBR GOV Liz Truss
GBR GOV Keir Starmer ; Starmer
GBR DIP James Cleverly ; Cleverly
GBR DIP David Cameron
GBR GOV King Charles|King Charles III|Charles III
FRA GOV Emmanuel Macron ; Macron
FRA DIP Catherine Colonna ; Colonna
FRA DIP Jean-Yves Le Drian
DEU GOV Olaf Scholz ; Scholz
DEU GOV Angela Merkel ; Merkel
DEU DIP Annalena Baerbock ; Baerbock
DEU GOV Frank-Walter Steinmeier ; Steinmeier
ITA GOV Giorgia Meloni ; Meloni
ITA GOV Mario Draghi ; Draghi
ESP GOV Pedro Sánchez|Pedro Sanchez
UKR GOV Volodymyr Zelensky|Volodymyr Zelenskyy|Volodymyr Zelenskiy ; Zelensky|Zelenskyy|Zelenskiy
UKR DIP Dmytro Kuleba ; Kuleba
UKR MIL Oleksii Reznikov|Oleksiy Reznikov ; Reznikov
UKR MIL Valerii Zaluzhnyi|Valery Zaluzhny ; Zaluzhnyi|Zaluzhny
BLR GOV Alexander Lukashenko|Aleksandr Lukashenko ; Lukashenko
TUR GOV Recep Tayyip Erdogan|Recep Tayyip Erdoğan|Tayyip Erdogan ; Erdogan|Erdoğan
IND GOV Narendra Modi ; Modi
IND DIP Subrahmanyam Jaishankar|S. Jaishankar ; Jaishankar
PAK GOV Imran Khan
PAK GOV Shehbaz Sharif
ISR GOV Benjamin Netanyahu ; Netanyahu
ISR GOV Naftali Bennett
ISR GOV Yair Lapid ; Lapid
ISR MIL Yoav Gallant ; Gallant
IRN GOV Ebrahim Raisi ; Raisi
IRN REL Ali Khamenei|Ayatollah Ali Khamenei ; Khamenei
IRN GOV Hassan Rouhani ; Rouhani
IRN DIP Hossein Amir-Abdollahian ; Amir-Abdollahian
IRN DIP Mohammad Javad Zarif ; Zarif
SAU GOV Mohammed bin Salman|Mohammad bin Salman|MBS
SAU GOV King Salman
SYR GOV Bashar al-Assad|Bashar Assad ; Assad|al-Assad
EGY GOV Abdel Fattah el-Sisi|Abdel Fattah al-Sisi ; Sisi|el-Sisi|al-Sisi
QAT GOV Tamim bin Hamad Al Thani
ARE GOV Mohamed bin Zayed|Mohammed bin Zayed|MBZ
PSE GOV Mahmoud Abbas
PSE REB Ismail Haniyeh ; Haniyeh
PSE REB Yahya Sinwar ; Sinwar
LBN REB Hassan Nasrallah ; Nasrallah
AUS GOV Anthony Albanese ; Albanese
AUS GOV Scott Morrison
AUS DIP Penny Wong
NZL GOV Jacinda Ardern ; Ardern
NZL GOV Chris Hipkins ; Hipkins
CAN GOV Justin Trudeau ; Trudeau
BRA GOV Luiz Inácio Lula da Silva|Luiz Inacio Lula da Silva|Lula da Silva ; Lula
BRA GOV Jair Bolsonaro ; Bolsonaro
MEX GOV Andrés Manuel López Obrador|Andres Manuel Lopez Obrador ; Obrador|López Obrador
ARG GOV Javier Milei ; Milei
VEN GOV Nicolás Maduro|Nicolas Maduro ; Maduro
HUN GOV Viktor Orbán|Viktor Orban ; Orbán|Orban
POL GOV Andrzej Duda
POL GOV Donald Tusk ; Tusk
POL GOV Mateusz Morawiecki ; Morawiecki
SRB GOV Aleksandar Vučić|Aleksandar Vucic ; Vučić|Vucic
PHL GOV Ferdinand Marcos Jr.|Ferdinand Marcos Jr|Bongbong Marcos
PHL GOV Rodrigo Duterte ; Duterte
IDN GOV Joko Widodo|Jokowi ; Widodo|Jokowi
TWN GOV Tsai Ing-wen
TWN GOV Lai Ching-te
ZAF GOV Cyril Ramaphosa ; Ramaphosa
NGA GOV Bola Tinubu ; Tinubu
AFG REB Haibatullah Akhundzada ; Akhundzada
- IGO Jens Stoltenberg ; Stoltenberg
- IGO Mark Rutte ; Rutte
- IGO António Guterres|Antonio Guterres ; Guterres
- IGO Ursula von der Leyen ; von der Leyen
- IGO Charles Michel
- IGO Josep Borrell ; Borrell
- IGO Tedros Adhanom Ghebreyesus|Tedros Adhanom ; Tedros
- IGO Kristalina Georgieva ; Georgieva
- IGO Rafael Grossi ; Grossi
- IGO Christine Lagarde ; Lagarde
- VAT REL Pope Francis
"""

PEOPLE: dict[str, tuple[str | None, str]] = {}
_SURNAMES: dict[str, tuple[str | None, str]] = {}
for _line in _PEOPLE.strip().splitlines():
    _head, _, _surnames = _line.partition(" ; ")
    _code, _sector, _names = _head.split(" ", 2)
    _value = (None if _code == "-" else _code, _sector)
    for _name in _names.split("|"):
        PEOPLE[norm(_name)] = _value
    for _name in filter(None, _surnames.split("|")):
        _SURNAMES[norm(_name.strip())] = _value


def person_info(name: str, *, single: bool = False) -> tuple[str | None, str] | None:
    """(ISO3 or None, sector) of a known public figure by full name; by distinctive
    surname too when ``single`` (the article never gives a fuller name)."""
    key = norm(name)
    found = PEOPLE.get(key)
    if found is None and single:
        found = _SURNAMES.get(key)
    return found
