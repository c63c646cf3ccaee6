"""Major cities and sub-national places (states, provinces, regions) mapped to ISO3.

Written as ``ISO3 name|name|...`` lines. Used to give a GPE/LOC entity the country it
lies in (Osaka -> JPN, Crimea -> UKR, California -> USA); a city never becomes the
country itself.
"""
from __future__ import annotations

_CITIES = """
USA New York|New York City|NYC|Los Angeles|Chicago|Houston|Philadelphia|Phoenix|San Antonio|San Diego|Dallas|San Francisco|Seattle|Boston|Miami|Atlanta|Detroit|Denver|Las Vegas|New Orleans|Baltimore|Pittsburgh|Cleveland|Minneapolis|St Louis|St. Louis|Portland|Austin|Nashville|Honolulu|Anchorage|Silicon Valley|Brooklyn|Manhattan
USA Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Guam
GBR England|Scotland|Wales|Northern Ireland|Manchester|Birmingham|Liverpool|Glasgow|Edinburgh|Belfast|Cardiff|Leeds|Bristol|Sheffield|Newcastle|Oxford|Cambridge|Salisbury|Dover|Brighton|Nottingham|Leicester|Aberdeen
CAN Toronto|Montreal|Montréal|Vancouver|Calgary|Edmonton|Winnipeg|Quebec City|Ontario|Quebec|Québec|Alberta|British Columbia|Nova Scotia
CHN Shanghai|Shenzhen|Guangzhou|Canton|Wuhan|Chengdu|Chongqing|Tianjin|Nanjing|Hangzhou|Xi'an|Xian|Urumqi|Lhasa|Harbin|Dalian|Qingdao|Xiamen|Xinjiang|Tibet|Inner Mongolia|Guangdong|Fujian|Hubei|Sichuan|Yunnan|Hainan|Zhejiang|Jiangsu
JPN Osaka|Kyoto|Yokohama|Hiroshima|Nagasaki|Fukushima|Sapporo|Okinawa|Nagoya|Kobe|Fukuoka|Sendai|Hokkaido|Kyushu|Honshu|Shikoku
KOR Busan|Pusan|Incheon|Daegu|Gwangju|Jeju
PRK Kaesong|Wonsan|Hamhung|Yongbyon
TWN Taipei|Kaohsiung|Taichung
HKG Kowloon
IND Mumbai|Bombay|Kolkata|Calcutta|Chennai|Madras|Bangalore|Bengaluru|Hyderabad|Delhi|Ahmedabad|Pune|Lucknow|Srinagar|Uttar Pradesh|Maharashtra|Gujarat|Kerala|Tamil Nadu|Bihar|West Bengal|Assam|Manipur
PAK Karachi|Lahore|Peshawar|Rawalpindi|Quetta|Balochistan|Khyber Pakhtunkhwa|Sindh
AFG Kandahar|Herat|Mazar-i-Sharif|Jalalabad|Helmand|Kunduz
RUS St Petersburg|St. Petersburg|Saint Petersburg|Vladivostok|Novosibirsk|Yekaterinburg|Kaliningrad|Sochi|Kazan|Murmansk|Belgorod|Kursk|Rostov|Rostov-on-Don|Siberia|Chechnya|Grozny|Dagestan|Volgograd|Bryansk
UKR Kharkiv|Kharkov|Odesa|Odessa|Lviv|Mariupol|Donetsk|Luhansk|Lugansk|Zaporizhzhia|Zaporizhia|Kherson|Dnipro|Bakhmut|Avdiivka|Sevastopol|Crimea|Donbas|Donbass|Bucha|Mykolaiv|Sumy|Chernihiv|Kramatorsk|Izium|Chernobyl
DEU Munich|Hamburg|Frankfurt|Cologne|Bonn|Stuttgart|Dresden|Leipzig|Düsseldorf|Dusseldorf|Hanover|Nuremberg|Bavaria
FRA Marseille|Lyon|Toulouse|Bordeaux|Strasbourg|Lille|Nantes|Calais|Normandy|Corsica|Brittany
ITA Milan|Naples|Turin|Venice|Florence|Genoa|Palermo|Bologna|Sicily|Sardinia|Lampedusa
ESP Barcelona|Seville|Valencia|Bilbao|Malaga|Catalonia|Basque Country|Andalusia|Canary Islands
PRT Porto
NLD Rotterdam|Utrecht|Eindhoven
BEL Antwerp|Ghent|Bruges|Flanders|Wallonia
CHE Geneva|Zurich|Zürich|Basel|Davos|Lausanne
AUT Salzburg|Graz|Innsbruck
POL Krakow|Kraków|Gdansk|Gdańsk|Wroclaw|Lodz|Rzeszow
CZE Brno
HUN Debrecen
SRB Novi Sad
GRC Thessaloniki|Piraeus|Lesbos|Crete
TUR Istanbul|Izmir|Antalya|Gaziantep|Diyarbakir|Adana
SAU Jeddah|Mecca|Makkah|Medina|Dammam
ARE Dubai|Sharjah
EGY Alexandria|Giza|Sinai|Port Said|Sharm el-Sheikh
IRQ Basra|Mosul|Erbil|Irbil|Kirkuk|Fallujah|Najaf|Karbala|Tikrit|Ramadi|Kurdistan
SYR Aleppo|Idlib|Homs|Hama|Raqqa|Deir ez-Zor|Deir Ezzor|Latakia|Daraa|Golan|Golan Heights
PSE Gaza|Gaza Strip|West Bank|Ramallah|Hebron|Nablus|Jenin|Rafah|Khan Younis|East Jerusalem
ISR Tel Aviv|Haifa|Eilat|Negev
LBN Sidon|Tyre
IRN Isfahan|Mashhad|Qom|Tabriz|Shiraz|Natanz|Bushehr|Fordow
YEM Hodeidah|Taiz|Marib
LBY Benghazi|Misrata|Sirte
NGA Lagos|Kano|Ibadan|Maiduguri|Port Harcourt|Borno
ZAF Johannesburg|Durban|Soweto
KEN Mombasa|Kisumu
ETH Tigray|Amhara|Oromia|Mekelle
SDN Darfur|Omdurman|Port Sudan
MAR Casablanca|Marrakesh|Marrakech|Tangier
SOM Puntland|Somaliland
AUS Sydney|Melbourne|Brisbane|Perth|Adelaide|Darwin|Hobart|Queensland|New South Wales|Tasmania|Western Australia
NZL Auckland|Christchurch
BRA São Paulo|Sao Paulo|Rio de Janeiro|Rio|Salvador|Manaus|Recife|Belo Horizonte
ARG Córdoba|Rosario
MEX Guadalajara|Monterrey|Tijuana|Cancun|Cancún|Ciudad Juárez|Ciudad Juarez|Acapulco|Sinaloa|Chihuahua
COL Medellín|Medellin|Cali|Cartagena
CHL Valparaíso|Valparaiso
VEN Maracaibo
VNM Ho Chi Minh City|Saigon|Da Nang
PHL Cebu|Davao|Mindanao|Quezon City
IDN Surabaya|Bali|Aceh|Papua|Java|Sumatra
MYS Penang|Sabah|Sarawak
THA Chiang Mai|Phuket|Pattaya
MMR Yangon|Rangoon|Mandalay|Rakhine
KAZ Almaty
UZB Samarkand
AZE Nagorno-Karabakh|Karabakh
GEO Abkhazia|South Ossetia|Batumi
MDA Transnistria
BLR Grodno|Gomel|Homel
"""

CITIES: dict[str, str] = {}
for _line in _CITIES.strip().splitlines():
    _code, _names = _line[:3], _line[4:]
    for _name in _names.split("|"):
        CITIES.setdefault(_name, _code)

# place names that are also common given names or words: never looked for in text alone
NAMELIKE: frozenset[str] = frozenset({
    "Austin", "Phoenix", "Darwin", "Florence", "Adelaide", "Victoria", "Charlotte", "Orlando",
    "Salvador", "Rio", "Regina", "Reading", "Nice", "Mobile", "Cali", "Java", "Tyre", "Kent",
    "Virginia", "Indiana", "Montana", "Washington", "Georgia", "Jordan", "Sydney", "Perth",
    "Lincoln", "Jackson", "Houston", "Denver", "Chester", "Madison", "Dallas", "Hamilton",
    "Santiago", "Valencia", "Sinai", "Sofia", "Lima", "Male", "Nassau", "Kingston", "Georgetown",
    "Brest", "Aden", "Bern", "Praia", "Apia", "Victoria", "Rabat", "Manama", "Doha", "Amman",
    "Cairo", "Alexandria", "Medina", "Mecca", "Hebron", "Sidon", "Guam", "Wales", "Diet",
    "Delaware", "Dover", "Cambridge", "Oxford", "Brighton", "Sucre", "Roseau", "Castries",
})

