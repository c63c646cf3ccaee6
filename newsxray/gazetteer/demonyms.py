"""Demonyms and national adjectives mapped to ISO3 ("Chinese" -> CHN, "Britons" -> GBR).

Plurals ending in "s" are found by ``demonym_code`` from the singular ("Russians").
"""
from __future__ import annotations

from .normalize import norm

_TABLE = """
AFG Afghan
ALB Albanian
DZA Algerian
AND Andorran
AGO Angolan
ATG Antiguan
ARG Argentine Argentinian Argentinean
ARM Armenian
AUS Australian Aussie
AUT Austrian
AZE Azerbaijani Azeri
BHS Bahamian
BHR Bahraini
BGD Bangladeshi
BRB Barbadian Bajan
BLR Belarusian Belarussian Byelorussian
BEL Belgian
BLZ Belizean
BEN Beninese
BTN Bhutanese
BOL Bolivian
BIH Bosnian Herzegovinian
BWA Botswanan Motswana Batswana
BRA Brazilian
BRN Bruneian
BGR Bulgarian
BFA Burkinabe Burkinabé
BDI Burundian
KHM Cambodian
CMR Cameroonian
CAN Canadian
CPV Cape_Verdean Cabo_Verdean
CAF Central_African
TCD Chadian
CHL Chilean
CHN Chinese
COL Colombian
COM Comoran Comorian
COD Congolese
CRI Costa_Rican
CIV Ivorian
HRV Croatian Croat
CUB Cuban
CYP Cypriot
CZE Czech
DNK Danish Dane
DJI Djiboutian
DMA Dominican
DOM Dominican
ECU Ecuadorian Ecuadorean
EGY Egyptian
SLV Salvadoran Salvadorean
GNQ Equatoguinean Equatorial_Guinean
ERI Eritrean
EST Estonian
SWZ Swazi Emaswati
ETH Ethiopian
FJI Fijian
FIN Finnish Finn
FRA French Frenchman Frenchwoman Frenchmen Frenchwomen
GAB Gabonese
GMB Gambian
GEO Georgian
DEU German
GHA Ghanaian
GRC Greek
GRD Grenadian
GTM Guatemalan
GIN Guinean
GNB Bissau-Guinean
GUY Guyanese
HTI Haitian
HND Honduran
HUN Hungarian
ISL Icelandic Icelander
IND Indian
IDN Indonesian
IRN Iranian
IRQ Iraqi
IRL Irish Irishman Irishwoman
ISR Israeli
ITA Italian
JAM Jamaican
JPN Japanese
JOR Jordanian
KAZ Kazakh Kazakhstani
KEN Kenyan
KIR I-Kiribati
KWT Kuwaiti
KGZ Kyrgyz Kirghiz
LAO Lao Laotian
LVA Latvian
LBN Lebanese
LSO Basotho Mosotho
LBR Liberian
LBY Libyan
LIE Liechtensteiner
LTU Lithuanian
LUX Luxembourgish Luxembourger
MDG Malagasy
MWI Malawian
MYS Malaysian
MDV Maldivian
MLI Malian
MLT Maltese
MHL Marshallese
MRT Mauritanian
MUS Mauritian
MEX Mexican
FSM Micronesian
MDA Moldovan
MCO Monegasque Monacan
MNG Mongolian
MNE Montenegrin
MAR Moroccan
MOZ Mozambican
MMR Burmese Myanmar
NAM Namibian
NRU Nauruan
NPL Nepalese Nepali
NLD Dutch Dutchman Dutchwoman Netherlander
NZL New_Zealander Kiwi
NIC Nicaraguan
NER Nigerien
NGA Nigerian
PRK North_Korean
MKD Macedonian North_Macedonian
NOR Norwegian
OMN Omani
PAK Pakistani
PLW Palauan
PSE Palestinian
PAN Panamanian
PNG Papua_New_Guinean
PRY Paraguayan
PER Peruvian
PHL Filipino Filipina Philippine
POL Polish Pole
PRT Portuguese
QAT Qatari
KOR South_Korean
ROU Romanian
RUS Russian
RWA Rwandan Rwandese
KNA Kittitian Nevisian
LCA Saint_Lucian St_Lucian
VCT Vincentian
WSM Samoan
SMR Sammarinese
STP Santomean
SAU Saudi Saudi_Arabian
SEN Senegalese
SRB Serbian Serb
SYC Seychellois
SLE Sierra_Leonean
SGP Singaporean
SVK Slovak Slovakian
SVN Slovenian Slovene
SLB Solomon_Islander
SOM Somali Somalian
ZAF South_African
SSD South_Sudanese
ESP Spanish Spaniard
LKA Sri_Lankan
SDN Sudanese
SUR Surinamese
SWE Swedish Swede
CHE Swiss
SYR Syrian
TWN Taiwanese
TJK Tajik Tajikistani
TZA Tanzanian
THA Thai
TLS Timorese East_Timorese
TGO Togolese
TON Tongan
TTO Trinidadian Tobagonian
TUN Tunisian
TUR Turkish Turk
TKM Turkmen
TUV Tuvaluan
UGA Ugandan
UKR Ukrainian
ARE Emirati
GBR British Briton Brit Englishman Englishwoman Scottish Scot Scots Scotsman Welsh Welshman
USA American Yankee
URY Uruguayan
UZB Uzbek Uzbekistani
VUT Ni-Vanuatu
VEN Venezuelan
VNM Vietnamese
YEM Yemeni Yemenite
ZMB Zambian
ZWE Zimbabwean
HKG Hongkonger Hong_Konger
PRI Puerto_Rican
GRL Greenlandic Greenlander
"""

# words that name a demonym of several countries: the first listed country wins
# ("Dominican" -> Dominican Republic, the likelier one in news).
DEMONYMS: dict[str, str] = {}
for _line in _TABLE.strip().splitlines():
    _code, *_words = _line.split()
    for _word in _words:
        DEMONYMS.setdefault(_word.replace("_", " "), _code)

_BY_NORM: dict[str, str] = {norm(word): code for word, code in DEMONYMS.items()}
_IRREGULAR_PLURALS = {"frenchmen": "FRA", "englishmen": "GBR", "scotsmen": "GBR",
                      "welshmen": "GBR", "irishmen": "IRL", "dutchmen": "NLD"}


def demonym_code(word: str) -> str | None:
    """ISO3 of a demonym or national adjective, singular or plural ("Americans" -> USA)."""
    key = norm(word)
    code = _BY_NORM.get(key) or _IRREGULAR_PLURALS.get(key)
    if code is None and key.endswith("s"):
        code = _BY_NORM.get(key[:-1])
    return code
