"""Capitals of the 193 UN member states, seats of government, and world regions.

``CAPITALS`` maps each member state's ISO3 to its capital(s) and common spellings
(the first is the usual one; several where a state has more than one seat).
``SEATS`` are buildings and addresses that news uses for a government or its parts
("the Kremlin" -> Russia's government). ``REGIONS`` are supranational areas (no country).
"""
from __future__ import annotations

_CAPITALS = """
AFG Kabul
ALB Tirana|Tirane
DZA Algiers
AND Andorra la Vella
AGO Luanda
ATG St. John's|Saint John's|St John's
ARG Buenos Aires
ARM Yerevan
AUS Canberra
AUT Vienna
AZE Baku
BHS Nassau
BHR Manama
BGD Dhaka|Dacca
BRB Bridgetown
BLR Minsk
BEL Brussels
BLZ Belmopan
BEN Porto-Novo|Cotonou
BTN Thimphu
BOL Sucre|La Paz
BIH Sarajevo
BWA Gaborone
BRA Brasília|Brasilia
BRN Bandar Seri Begawan
BGR Sofia
BFA Ouagadougou
BDI Gitega|Bujumbura
CPV Praia
KHM Phnom Penh
CMR Yaoundé|Yaounde
CAN Ottawa
CAF Bangui
TCD N'Djamena|Ndjamena
CHL Santiago
CHN Beijing|Peking
COL Bogotá|Bogota
COM Moroni
COG Brazzaville
CRI San José
CIV Yamoussoukro|Abidjan
HRV Zagreb
CUB Havana
CYP Nicosia
CZE Prague
PRK Pyongyang
COD Kinshasa
DNK Copenhagen
DJI Djibouti City|Djibouti
DMA Roseau
DOM Santo Domingo
ECU Quito
EGY Cairo
SLV San Salvador
GNQ Malabo|Ciudad de la Paz
ERI Asmara
EST Tallinn
SWZ Mbabane|Lobamba
ETH Addis Ababa
FJI Suva
FIN Helsinki
FRA Paris
GAB Libreville
GMB Banjul
GEO Tbilisi
DEU Berlin
GHA Accra
GRC Athens
GRD St. George's|Saint George's
GTM Guatemala City
GIN Conakry
GNB Bissau
GUY Georgetown
HTI Port-au-Prince
HND Tegucigalpa
HUN Budapest
ISL Reykjavik|Reykjavík
IND New Delhi
IDN Jakarta
IRN Tehran|Teheran
IRQ Baghdad
IRL Dublin
ISR Jerusalem
ITA Rome
JAM Kingston
JPN Tokyo
JOR Amman
KAZ Astana|Nur-Sultan
KEN Nairobi
KIR Tarawa|South Tarawa
KWT Kuwait City
KGZ Bishkek
LAO Vientiane
LVA Riga
LBN Beirut
LSO Maseru
LBR Monrovia
LBY Tripoli
LIE Vaduz
LTU Vilnius
LUX Luxembourg City
MDG Antananarivo
MWI Lilongwe
MYS Kuala Lumpur|Putrajaya
MDV Malé|Male
MLI Bamako
MLT Valletta
MHL Majuro
MRT Nouakchott
MUS Port Louis
MEX Mexico City
FSM Palikir
MCO Monaco-Ville
MNG Ulaanbaatar|Ulan Bator
MNE Podgorica
MAR Rabat
MOZ Maputo
MMR Naypyidaw|Naypyitaw|Nay Pyi Taw
NAM Windhoek
NRU Yaren
NPL Kathmandu
NLD Amsterdam|The Hague
NZL Wellington
NIC Managua
NER Niamey
NGA Abuja
MKD Skopje
NOR Oslo
OMN Muscat
PAK Islamabad
PLW Ngerulmud
PAN Panama City
PNG Port Moresby
PRY Asunción|Asuncion
PER Lima
PHL Manila
POL Warsaw
PRT Lisbon
QAT Doha
KOR Seoul
MDA Chisinau|Chișinău
ROU Bucharest
RUS Moscow
RWA Kigali
KNA Basseterre
LCA Castries
VCT Kingstown
WSM Apia
SMR City of San Marino
STP São Tomé|Sao Tome
SAU Riyadh
SEN Dakar
SRB Belgrade
SYC Victoria
SLE Freetown
SGP Singapore City
SVK Bratislava
SVN Ljubljana
SLB Honiara
SOM Mogadishu
ZAF Pretoria|Cape Town|Bloemfontein
SSD Juba
ESP Madrid
LKA Sri Jayawardenepura Kotte|Colombo
SDN Khartoum
SUR Paramaribo
SWE Stockholm
CHE Bern|Berne
SYR Damascus
TJK Dushanbe
THA Bangkok
TLS Dili
TGO Lomé|Lome
TON Nuku'alofa
TTO Port of Spain
TUN Tunis
TUR Ankara
TKM Ashgabat
TUV Funafuti
UGA Kampala
UKR Kyiv|Kiev
ARE Abu Dhabi
GBR London
TZA Dodoma|Dar es Salaam
USA Washington|Washington DC|Washington, D.C.|Washington D.C.
URY Montevideo
UZB Tashkent
VUT Port Vila
VEN Caracas
VNM Hanoi
YEM Sanaa|Sana'a|Aden
ZMB Lusaka
ZWE Harare
"""

CAPITALS: dict[str, tuple[str, ...]] = {
    line[:3]: tuple(line[4:].split("|")) for line in _CAPITALS.strip().splitlines()
}

# every UN member state (193): the keys of CAPITALS
UN_MEMBERS: frozenset[str] = frozenset(CAPITALS)

# capitals that are also common words or places elsewhere: not used to find a country
AMBIGUOUS_CAPITALS: frozenset[str] = frozenset({"Victoria", "Kingston", "Georgetown", "Male", "Nassau"})

# seat-of-government metonyms: name -> (ISO3, sector)
SEATS: dict[str, tuple[str, str]] = {
    "Kremlin": ("RUS", "GOV"), "White House": ("USA", "GOV"), "Oval Office": ("USA", "GOV"),
    "Downing Street": ("GBR", "GOV"), "Number 10": ("GBR", "GOV"), "No 10": ("GBR", "GOV"),
    "Whitehall": ("GBR", "GOV"), "Westminster": ("GBR", "LEG"), "Pentagon": ("USA", "MIL"),
    "Capitol Hill": ("USA", "LEG"), "Foggy Bottom": ("USA", "DIP"), "Élysée": ("FRA", "GOV"),
    "Elysee": ("FRA", "GOV"), "Élysée Palace": ("FRA", "GOV"), "Elysee Palace": ("FRA", "GOV"),
    "Quai d'Orsay": ("FRA", "DIP"), "Zhongnanhai": ("CHN", "GOV"), "Blue House": ("KOR", "GOV"),
    "Bankova": ("UKR", "GOV"), "Chigi Palace": ("ITA", "GOV"), "Palazzo Chigi": ("ITA", "GOV"),
    "Moncloa": ("ESP", "GOV"), "Kantei": ("JPN", "GOV"),
    "Great Hall of the People": ("CHN", "GOV"),
}

# world regions and seas (no single country); "Crimea"-like places are in cities.py
REGIONS: frozenset[str] = frozenset({
    "Indo-Pacific", "Asia-Pacific", "Asia Pacific", "Middle East", "Near East", "Far East",
    "Europe", "Eastern Europe", "Western Europe", "Central Europe", "Southern Europe",
    "Northern Europe", "Asia", "Central Asia", "South Asia", "Southeast Asia", "East Asia",
    "Africa", "North Africa", "West Africa", "East Africa", "Southern Africa",
    "Sub-Saharan Africa", "Horn of Africa", "Sahel", "Maghreb", "Latin America",
    "South America", "North America", "Central America", "Caribbean", "Oceania", "Pacific",
    "South Pacific", "Arctic", "Antarctic", "Antarctica", "Balkans", "Western Balkans",
    "Baltics", "Baltic", "Caucasus", "South Caucasus", "North Caucasus", "Scandinavia",
    "Nordic", "Gulf", "Persian Gulf", "Arabian Peninsula", "Levant", "Eurasia",
    "South China Sea", "East China Sea", "Taiwan Strait", "Black Sea", "Baltic Sea",
    "Mediterranean", "Mediterranean Sea", "Red Sea", "Caspian Sea", "North Sea",
    "Atlantic", "Atlantic Ocean", "Pacific Ocean", "Indian Ocean", "Arctic Ocean",
    "North Atlantic", "Strait of Hormuz", "Gulf of Aden", "Bab el-Mandeb", "Korean Peninsula",
    "Sea of Japan", "Yellow Sea", "Sea of Azov", "English Channel", "Suez Canal",
    "Panama Canal", "Himalayas", "Alps", "Amazon", "Sahara", "Global South", "West",
})
