"""Outlets, journals and institutions an article may cite, with their web domains.

Written for newsxray from public facts. One line per outlet:
``COUNTRY KIND Name|Alias|... ; domain, domain`` (``-`` for no country). The
state-affiliated outlets live in ``newsxray.gazetteer.state_media``; the outlets of
``newsxray.gazetteer.orgs`` (sector MED) are joined to these by name, so every alias
either list gives reaches the same outlet.
"""
from __future__ import annotations

_OUTLETS = """
GBR agency Reuters|Thomson Reuters ; reuters.com
USA agency Associated Press|AP|The Associated Press ; apnews.com, ap.org
FRA agency Agence France-Presse|AFP ; afp.com
GBR broadcaster BBC|BBC News|British Broadcasting Corporation|BBC World Service ; bbc.co.uk, bbc.com
USA broadcaster CNN|Cable News Network ; cnn.com
QAT broadcaster Al Jazeera|Al-Jazeera|Aljazeera ; aljazeera.com, aljazeera.net
SAU broadcaster Al Arabiya|Al-Arabiya ; alarabiya.net
LBN broadcaster Al Mayadeen ; almayadeen.net
JPN agency Kyodo News|Kyodo ; kyodonews.net, kyodo.co.jp
JPN broadcaster NHK|NHK World|NHK World-Japan ; nhk.or.jp
JPN newspaper Nikkei Asia|Nikkei|Nikkei Asian Review ; nikkei.com
JPN newspaper Asahi Shimbun|Asahi ; asahi.com
JPN newspaper Yomiuri Shimbun|Yomiuri ; yomiuri.co.jp
JPN newspaper Mainichi Shimbun|Mainichi ; mainichi.jp
JPN newspaper Japan Times ; japantimes.co.jp
JPN agency Jiji Press|Jiji ; jiji.com
KOR agency Yonhap|Yonhap News Agency ; yna.co.kr
KOR newspaper Korea Herald ; koreaherald.com
KOR newspaper Chosun Ilbo ; chosun.com
KOR newspaper JoongAng Ilbo ; joongang.co.kr
HKG newspaper South China Morning Post|SCMP ; scmp.com
RUS agency Interfax ; interfax.ru, interfax.com
RUS newspaper Kommersant ; kommersant.ru
RUS newspaper Izvestia ; iz.ru
RUS website Meduza ; meduza.io
RUS newspaper Moscow Times ; themoscowtimes.com
RUS newspaper Novaya Gazeta ; novayagazeta.ru
DEU broadcaster Deutsche Welle|DW ; dw.com
DEU magazine Der Spiegel|Spiegel ; spiegel.de
DEU newspaper Bild ; bild.de
DEU agency dpa|DPA|Deutsche Presse-Agentur ; dpa.com
FRA newspaper Le Monde ; lemonde.fr
FRA newspaper Le Figaro ; lefigaro.fr
FRA broadcaster France 24 ; france24.com
ITA agency ANSA ; ansa.it
ESP agency EFE ; efe.com
ESP newspaper El País|El Pais ; elpais.com
IND agency Press Trust of India|PTI ; ptinews.com
IND newspaper Times of India ; indiatimes.com
IND broadcaster NDTV ; ndtv.com
IND newspaper Hindustan Times ; hindustantimes.com
IND newspaper The Hindu ; thehindu.com
PAK newspaper Dawn ; dawn.com
ISR newspaper Haaretz ; haaretz.com
ISR newspaper Times of Israel ; timesofisrael.com
ISR newspaper Jerusalem Post ; jpost.com
UKR agency Ukrinform ; ukrinform.net, ukrinform.ua
UKR newspaper Kyiv Independent ; kyivindependent.com
UKR newspaper Ukrainska Pravda ; pravda.com.ua
AUS broadcaster Australian Broadcasting Corporation|ABC News Australia ; abc.net.au
AUS newspaper Sydney Morning Herald ; smh.com.au
CAN broadcaster CBC|CBC News|Canadian Broadcasting Corporation ; cbc.ca
CAN newspaper Globe and Mail ; theglobeandmail.com
IRL newspaper Irish Times ; irishtimes.com
SGP newspaper Straits Times ; straitstimes.com
SGP broadcaster Channel NewsAsia|CNA ; channelnewsasia.com
TUR newspaper Daily Sabah ; dailysabah.com
USA newspaper New York Times|NYT ; nytimes.com
USA newspaper Washington Post ; washingtonpost.com
USA newspaper Wall Street Journal|WSJ ; wsj.com
USA agency Bloomberg|Bloomberg News ; bloomberg.com
USA broadcaster Fox News|Fox ; foxnews.com
USA broadcaster NBC News|NBC ; nbcnews.com
USA broadcaster CBS News|CBS ; cbsnews.com
USA broadcaster ABC News ; abcnews.go.com
USA broadcaster MSNBC ; msnbc.com
USA broadcaster CNBC ; cnbc.com
USA broadcaster NPR|National Public Radio ; npr.org
USA broadcaster PBS ; pbs.org
USA broadcaster Voice of America|VOA ; voanews.com
USA broadcaster Radio Free Europe/Radio Liberty|Radio Free Europe|RFE/RL ; rferl.org
USA website Politico ; politico.com, politico.eu
USA website Axios ; axios.com
USA magazine Newsweek ; newsweek.com
USA magazine Time|Time magazine ; time.com
USA magazine Forbes ; forbes.com
USA magazine The Atlantic ; theatlantic.com
USA newspaper Los Angeles Times|LA Times ; latimes.com
USA newspaper USA Today ; usatoday.com
USA newspaper New York Post ; nypost.com
USA newspaper Washington Times ; washingtontimes.com
USA newspaper Boston Globe ; bostonglobe.com
USA newspaper Chicago Tribune ; chicagotribune.com
USA website The Hill ; thehill.com
USA website Breitbart|Breitbart News ; breitbart.com
USA website HuffPost|Huffington Post ; huffpost.com
USA website BuzzFeed News ; buzzfeednews.com
USA website Business Insider|Insider ; businessinsider.com
USA website Daily Beast|The Daily Beast ; thedailybeast.com
USA website ProPublica ; propublica.org
USA website Vox ; vox.com
USA website Daily Caller ; dailycaller.com
USA website Epoch Times|The Epoch Times ; theepochtimes.com
USA website Gateway Pundit ; thegatewaypundit.com
USA website Infowars ; infowars.com
USA website Natural News ; naturalnews.com
USA website Zero Hedge|ZeroHedge ; zerohedge.com
USA broadcaster Newsmax ; newsmax.com
USA website Yahoo News ; yahoo.com
GBR newspaper Guardian|The Guardian|Observer ; theguardian.com
GBR newspaper Financial Times|FT ; ft.com
GBR newspaper Daily Telegraph|Telegraph ; telegraph.co.uk
GBR newspaper Daily Mail|MailOnline|Mail on Sunday|Mail Online|the Mail ; dailymail.co.uk
GBR magazine Economist|The Economist ; economist.com
GBR broadcaster Sky News ; sky.com
GBR newspaper Independent|The Independent ; independent.co.uk
GBR newspaper The Times|Times of London|Sunday Times ; thetimes.co.uk
GBR newspaper The Sun|Sun ; thesun.co.uk
GBR newspaper Daily Mirror|Mirror ; mirror.co.uk
GBR broadcaster ITV News|ITV ; itv.com
GBR newspaper Evening Standard ; standard.co.uk
- journal Nature ; nature.com
- journal Nature Medicine ; nature.com
- journal Nature Communications ; nature.com
- journal Science ; science.org
- journal Science Advances ; science.org
- journal The Lancet|Lancet ; thelancet.com
- journal New England Journal of Medicine|NEJM ; nejm.org
- journal BMJ|British Medical Journal ; bmj.com
- journal JAMA|Journal of the American Medical Association ; jamanetwork.com
- journal Proceedings of the National Academy of Sciences|PNAS ; pnas.org
- journal Cell ; cell.com
- journal PLOS One|PLoS One|PLOS ONE ; plos.org
- journal medRxiv ; medrxiv.org
- journal bioRxiv ; biorxiv.org
- journal arXiv ; arxiv.org
USA magazine Foreign Affairs ; foreignaffairs.com
USA magazine Foreign Policy ; foreignpolicy.com
USA institution Pentagon|Department of Defense|Defense Department ; defense.gov
USA institution White House ; whitehouse.gov
USA institution State Department|US State Department|Department of State ; state.gov
USA institution Centers for Disease Control and Prevention|CDC ; cdc.gov
USA institution Pew Research Center ; pewresearch.org
RUS institution Kremlin ; kremlin.ru
- institution World Health Organization|WHO ; who.int
- institution United Nations|UN|U.N. ; un.org
- institution North Atlantic Treaty Organization|NATO ; nato.int
- institution World Bank ; worldbank.org
- institution International Monetary Fund|IMF ; imf.org
"""

# kinds whose citation is a media source (told X, an interview with X, published in X)
MEDIA_KINDS = frozenset({"agency", "broadcaster", "newspaper", "magazine", "website", "journal"})
OUTLET_TABLE = _OUTLETS
