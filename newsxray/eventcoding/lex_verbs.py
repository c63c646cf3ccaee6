"""Verb entries of the event lexicon, written for newsxray from the verbs' meanings.

Format: see ``lexicon``. Objects starting with ``@`` are classes the coder computes:
``@person`` (a person or a group of people), ``@actor`` (any named actor), ``@place``
(a country, city or region) and ``@any`` (any direct object). CAMEO codes are given to
three digits where the verb says that much, four where the object does.
"""
from __future__ import annotations

from .lex_nouns import DEMAND_MODIFIERS

# Support verbs: their object noun carries the event ("held talks", "imposed sanctions",
# "launched an attack"); with ``rev`` ones the subject undergoes it ("faced resistance").
LIGHT_VERBS = """
hold have make take give launch carry conduct stage mount undertake begin start continue
resume pay issue announce unveil adopt approve introduce impose slap level extend expand
tighten step intensify escalate express voice renew reiterate repeat deliver provide send
supply grant sign reach conclude deepen wage restart relaunch revive reopen
"""
REVERSED_LIGHT_VERBS = "face receive get suffer endure win gain meet draw attract"

VERBS = """
# ---- AGREE: promises and offers to cooperate (CAMEO 03) ---------------------------------
promise|pledge|vow|undertake = AGREE 030 frame=intent w=0.7
# "committed to sending troops" pledges; "committed atrocities" does not
commit ~to = AGREE 030 frame=intent w=0.7
offer|propose = AGREE 030 frame=intent w=0.7 inner
plan|intend|aim|prepare|hope|want|seek = AGREE 030 frame=intent w=0.55 inner
agree = AGREE 030 frame=intent sym tgt=with w=0.8
invite = AGREE 036 frame=invite w=0.8
accept +invitation|invite = AGREE 036
accept +mediation = AGREE 038
accept +proposal|plan|offer|deal|agreement|framework|proposition = AGREE 030
express|signal|voice|show|indicate +willingness|readiness|desire|interest|intention|openness|wish = AGREE 030 frame=intent w=0.6
reach|strike|clinch|seal|hammer +agreement|deal|accord|understanding|compromise|consensus|settlement|truce = AGREE 030 sym tgt=with
affirm|reaffirm|renew|pledge +commitment = AGREE 030 w=0.6
affirm|reaffirm|reassert|reiterate|express|voice|declare|show +friendship|support|solidarity|backing = SUPPORT 051
mediate = CONSULT 045 tgt=between
broker +deal|truce|ceasefire|agreement|accord|settlement|peace = CONSULT 045 tgt=between

# ---- CONSULT: meetings, visits, calls, negotiations (CAMEO 04) -------------------------
meet = CONSULT 040 sym tgt=with w=0.85
meet +demand|condition|target|goal|need|deadline|requirement|standard|criterion|obligation|expectation|request|wish|call = CONCEDE 083 w=0.5
convene|confer|huddle|consult = CONSULT 040 sym tgt=with w=0.8
talk ~with|to = CONSULT 040 sym tgt=with|to w=0.7
speak ~with|to = CONSULT 040 sym tgt=with|to w=0.45
discuss = CONSULT 040 sym tgt=with w=0.6
negotiate|bargain = CONSULT 046 sym tgt=with w=0.8
visit = CONSULT/visit 042 w=0.85
tour = CONSULT/visit 042 w=0.6
arrive ~in = CONSULT/visit 042 tgt=in w=0.55 official
travel|fly|head ~to = CONSULT/visit 042 tgt=to w=0.45 official
leave ~for = CONSULT/visit 042 tgt=for w=0.45 official
host = CONSULT 043 w=0.8
receive|welcome +delegation|visitor|minister|president|leader|envoy|counterpart|ambassador|guest|official|delegate|premier|chancellor|king|monarch = CONSULT 043
phone|telephone|ring = CONSULT/phone 041 tgt=with
call +counterpart|president|leader|minister|premier|chancellor = CONSULT/phone 041
summon|call ~in +ambassador|envoy|diplomat|chargé|charge = ACCUSE/disapprove 114
summon +ambassador|envoy|diplomat|chargé|charge = ACCUSE/disapprove 114
present +credential = CONSULT 040 tgt=to
contact|converse = CONSULT 040 sym tgt=with w=0.45 strict
attend +summit|meeting|talk|conference|session|negotiation|ceremony|inauguration|funeral = CONSULT 040 w=0.5
debate ~with = CONSULT 040 sym tgt=with w=0.4

# ---- SUPPORT: praise, endorsement, recognition, signed agreements (CAMEO 05) -----------
praise|commend|hail|laud|applaud|salute|congratulate|thank|compliment|extol = SUPPORT 051 w=0.8
welcome = SUPPORT 051 w=0.6
appreciate|admire|acclaim|greet = SUPPORT 051 w=0.45 strict
ally|align ~with = SUPPORT 050 sym tgt=with w=0.6
endorse|back|support|champion|bolster = SUPPORT 051 w=0.55
stand|side ~with|by|behind = SUPPORT 051 tgt=with|by|behind w=0.6 strict
rally ~behind|around = SUPPORT 053 tgt=behind|around
# defending someone or a decision in words; not troops defending a town
defend +@person|@org|decision|policy|move|plan|record|stance|position|remark|comment|action|choice|deal|government|minister|president|leader|law|approach|conduct|handling|response|strategy|agreement|right|verdict|ruling = SUPPORT 052 w=0.45
recognize|recognise = SUPPORT 054 w=0.6
forgive = SUPPORT 056 w=0.6
sign|ink|conclude|ratify|initial +agreement|treaty|accord|pact|deal|memorandum|protocol|declaration|contract|charter|convention|communique|mou|document|framework|partnership|arrangement = SUPPORT 057 sym tgt=with
sign = SUPPORT 057 sym tgt=with w=0.45
ratify = SUPPORT 057 w=0.7
restore|normalize|normalise|establish|resume|upgrade|strengthen|improve|deepen|renew|reestablish|re-establish|forge|enhance|cement|mend|warm|bolster|expand|boost|build|develop +tie|relation|relationship|contact|friendship|link|dialogue = SUPPORT 050 sym tgt=with
open|reopen|establish|build|set|create +embassy|consulate|office|mission|representation|liaison_office|presence = SUPPORT 050 tgt=in
set up +embassy|consulate|office|mission|representation|liaison_office = SUPPORT 050 tgt=in

# ---- COOPERATE: material cooperation (CAMEO 06) ---------------------------------------
cooperate|collaborate|partner|coordinate = COOPERATE 060 sym tgt=with w=0.8
team up = COOPERATE 060 sym tgt=with
join +force = COOPERATE 060 sym tgt=with
work ~with|alongside = COOPERATE 060 sym tgt=with|alongside w=0.45
strengthen|deepen|expand|boost|enhance|step|bolster|increase|improve +cooperation|collaboration|coordination|trade|partnership = COOPERATE 060 sym tgt=with w=0.7
trade ~with = COOPERATE 061 sym tgt=with w=0.6
invest ~in = COOPERATE 061 tgt=in w=0.5
extradite = COOPERATE 063 tgt=to w=0.7
hand over = COOPERATE 063 tgt=to w=0.5
share|exchange|pass +intelligence|information|data|evidence|intel = COOPERATE 064 sym tgt=with|to
build|construct|open|set|establish +base|facility|plant|factory|pipeline|port|railway|station|hub = COOPERATE 061 tgt=in w=0.45
sell +arm|weapon|missile|jet|tank|aircraft|drone|equipment|ammunition|system|submarine|warship = COOPERATE 061 tgt=to w=0.6

# ---- AID: material aid (CAMEO 07) ----------------------------------------------------
aid|assist = AID 070 w=0.6 strict
receive|get|accept|obtain|secure|win +aid|assistance|money|fund|funding|loan|credit|grant|weapon|arm|ammunition|equipment|support|help|relief|supplies|food|medicine|vaccine|donation|cash|package|shipment = AID 070 rev act=from|by
help = AID 070 w=0.35 strict
provide|give|send|deliver|supply|donate|ship|airlift|grant|extend|disburse|contribute|transfer|allocate|airdrop|dispatch|rush +food|medicine|water|tent|blanket|supplies|supply|vaccine|grain|wheat|rice|fuel|shelter|medical|relief|aid|assistance|doctor|medic|ration = AID 073 tgt=to|for
provide|give|send|deliver|supply|donate|ship|transfer|provide|grant|extend|dispatch +weapon|arm|missile|ammunition|tank|jet|drone|equipment|rifle|munition|shell|artillery|system|gun|helicopter|vehicle|howitzer|warplane|aircraft = AID 072 tgt=to
provide|give|send|deliver|donate|grant|extend|disburse|lend|loan|transfer|allocate|contribute|approve +money|fund|funding|loan|credit|grant|cash|dollar|euro|billion|million|payment|package|budget|bailout|financing|investment|rupee|yen|pound = AID 071 tgt=to|for
send|deploy|dispatch|contribute +peacekeeper|peacekeeping = AID 074 tgt=to own
donate|contribute = AID 070 tgt=to w=0.6 strict
# "Iran funds Hezbollah"; not "finance acquisitions", "the dam will be subsidized"
fund|finance|bankroll|subsidize|subsidise = AID 071 w=0.5 strict
lend|loan = AID 071 tgt=to w=0.6
arm|equip = AID 072 w=0.6
rescue|evacuate = AID 070 w=0.5
grant|offer|give|provide +asylum|refuge|sanctuary = AID 075 tgt=to
forgive|cancel|write|waive +debt|loan = AID 071

# ---- CONCEDE and RETREAT: concessions and material retreats (CAMEO 08) -----------------
# "conceded defeat", "conceded the point"; not "officials concede that time is short" (an admission)
concede +defeat|election|race|vote|point|ground|territory|seat|victory|argument|demand|concession|control|game|match|contest = CONCEDE 080 w=0.5
concede ~to = CONCEDE 083 tgt=to w=0.5
comply|abide ~with|by = CONCEDE 083 tgt=with|by w=0.6
submit|succumb ~to = CONCEDE 083 tgt=to w=0.55
cede|relinquish|surrender +territory|land|island|control|power|claim|region|town|city|area|sovereignty = RETREAT/return 0842 tgt=to
yield|cave|bow|capitulate ~to = CONCEDE 083 tgt=to w=0.7
give in = CONCEDE 083 tgt=to w=0.7
accede ~to = CONCEDE 083 tgt=to
back down = CONCEDE 080 w=0.6
accept +demand|condition|term|ultimatum|request = CONCEDE 083
ease|relax|loosen|lift|scrap|remove|end|drop|soften +restriction|rule|ban|control|curb|measure|limit|requirement = CONCEDE 081
pardon|amnesty|acquit = CONCEDE 081 w=0.7
grant +amnesty|pardon|clemency = CONCEDE 081
apologize|apologise = CONCEDE 055 w=0.8
express|offer|voice +regret|remorse|apology|apologies = CONCEDE 055
drop|withdraw|abandon|waive +demand|charge|claim|objection|opposition|veto|condition = CONCEDE 080 w=0.7
step|stand down = RETREAT/resign 0831 w=0.7
resign|quit = RETREAT/resign 0831 w=0.6
release|free|repatriate +@person|prisoner|hostage|detainee|captive|inmate|activist|journalist|soldier|sailor|crew|national|citizen|suspect|dissident|student|worker|people|man|woman|child|person|fisherman|tourist|pow|member|crewmember|reporter|captor = RETREAT/release 0841 w=0.85
exchange|swap|trade +prisoner|captive|detainee|pow|hostage = RETREAT/release 0841 sym tgt=with
return|hand|give +territory|land|island|property|asset|body|remains|artifact|village|town|control = RETREAT/return 0842 tgt=to
lift|ease|remove|suspend|end|drop|scrap|relax|waive|roll +sanction|embargo|boycott|tariff = RETREAT 085
# "cut tariffs on cosmetics", "lowered import duties": easing trade barriers, not sanctioning
cut|reduce|lower|slash|eliminate|abolish|trim +tariff|duty|levy|barrier = RETREAT 085
# "eliminate import quotas" eases them; "slashed its sugar import quota" restricts trade
eliminate|abolish|lift|scrap|remove|relax|ease +quota = RETREAT 085
lift|end|ease +blockade|siege = RETREAT 0872
lift|end|ease +curfew = RETREAT 0813
lift|end +emergency|martial_law = RETREAT 0814
allow|permit|let|admit|accept +inspector|observer|monitor|inspection = RETREAT/access 0862
allow|permit|let|accept +peacekeeper = RETREAT/access 0861
allow|permit|let +aid|access|delivery|convoy|evacuation|relief = RETREAT/access 0863
open|reopen +border|crossing|corridor|airspace|checkpoint|route = RETREAT/access 086
withdraw|pull|evacuate|remove|recall|redeploy +troop|force|soldier|unit|army|personnel|tank|ship|warship|contingent|battalion|brigade|division|military|forces = RETREAT/withdraw 087 tgt=from own
pull out = RETREAT/withdraw 087 tgt=from|of w=0.6
withdraw ~from = RETREAT/withdraw 087 tgt=from w=0.6
retreat = RETREAT/withdraw 0874 tgt=from w=0.65
surrender|capitulate = RETREAT/disarm 0874 tgt=to w=0.7
disarm|demobilize|demobilise|decommission = RETREAT/disarm 0873 w=0.7
declare|announce|call +ceasefire|truce|cease-fire|armistice = CONCEDE 0871
observe|respect|implement|honor|honour|hold +ceasefire|truce|cease-fire|armistice = RETREAT/ceasefire 0871
dismantle|remove +checkpoint|outpost|barrier|roadblock = RETREAT 087
de-escalate = RETREAT 087 w=0.55
stop|halt|end|cease|suspend|pause|scale +attack|fighting|violence|hostility|offensive|bombing|shelling|war|strike|raid|operation|airstrike|assault|march|advance|incursion = RETREAT 087 w=0.7

# ---- REQUEST: appeals (CAMEO 02) and demands (CAMEO 10) -------------------------------
urge|appeal|plead|implore|beg|exhort = REQUEST 020 frame=appeal tgt=to|with w=0.8
encourage = REQUEST 020 frame=appeal w=0.45 strict
# "advised X to leave" appeals; "advised against travel", "advised them of the findings" do not
advise = REQUEST 020 frame=appeal w=0.45 strict clause
call ~on|upon = REQUEST 020 frame=appeal tgt=on|upon w=0.8
call ~for = REQUEST 020 frame=appeal w=0.7
ask|request = REQUEST 020 frame=appeal w=0.55 strict
press = REQUEST 020 frame=appeal w=0.45 strict
lobby = REQUEST 020 frame=appeal w=0.5 strict
seek +aid|help|assistance|support|talk|meeting|mediation|asylum|refuge|shelter|protection|extradition|release|ceasefire|withdrawal|clarification|explanation|loan|funding|compensation = REQUEST 020 frame=appeal w=0.6
demand = REQUEST 100 frame=demand w=0.8
# bare "insist" mostly asserts ("insisted that it had done nothing wrong"); "insist on" demands
insist ~on|upon = REQUEST 100 frame=demand w=0.7
insist = REQUEST 100 frame=demand w=0.6 mandative
# "put pressure on Tokyo to buy", "pressured Seoul to drop": pressing for an action is a demand
put|pile|exert|step|increase|heap|ramp +pressure ~on = REQUEST 100 frame=demand tgt=on w=0.55 strict
pressure|pressurise|pressurize = REQUEST 100 frame=demand w=0.5 strict
# "came under pressure from the US to stimulate demand": the subject is pressed
come ~under +pressure = REQUEST 100 rev act=from|by tgt=from w=0.5 strict
# "will seek a timetable from Japan": asking someone for something
seek +@any ~from = REQUEST 020 frame=appeal tgt=from w=0.5 strict
push|press|lobby|campaign|clamour|clamor ~for = REQUEST 100 frame=demand w=0.5
petition = REQUEST 020 frame=appeal w=0.6
order = REQUEST 100 frame=demand w=0.4 inner

# ---- ACCUSE: disapproval, accusations, lawsuits, investigations (CAMEO 09, 11) --------
investigate|probe = ACCUSE/investigate 090 w=0.7
audit|scrutinize|scrutinise = ACCUSE/investigate 090 w=0.45 strict
open|launch|begin|start|order +investigation|probe|inquiry|enquiry = ACCUSE/investigate 090 tgt=into|of|against
prosecute = ACCUSE/allege 115 w=0.45 strict
# "tried the suspects", not "pledged to try to increase"
try +@person|suspect|defendant|fighter|militant|jihadist|official|leader|case|accused|member|people = ACCUSE/allege 115 w=0.45 strict
criticize|criticise|condemn|denounce|decry|deplore|slam|blast|lambaste|rebuke|censure|chide|berate|castigate|assail|scold|reprimand|admonish|excoriate|fault|disparage|deride|ridicule|mock|reproach|vilify|chastise|upbraid = ACCUSE/disapprove 111 w=0.85
attack|hit|lash|target +policy|plan|decision|remark|comment|statement|proposal|move|stance|approach|handling|law|bill|report|rhetoric|claim|position = ACCUSE/disapprove 111 w=0.55
lash out = ACCUSE/disapprove 111 tgt=at|against
accuse|blame = ACCUSE/allege 112 frame=accuse w=0.85
allege = ACCUSE/allege 112 w=0.5
charge|indict ~with|for = ACCUSE/allege 1121 w=0.7
indict = ACCUSE/allege 1121 w=0.7
complain|protest ~to = ACCUSE/disapprove 114 tgt=to|about|against w=0.65
complain = ACCUSE/disapprove 114 tgt=about|against w=0.55
lodge|file|register|make +protest|complaint|objection = ACCUSE/disapprove 114 tgt=with|against|to
sue = ACCUSE/allege 115 w=0.8
file|bring|launch +lawsuit|suit|case|charge|claim|complaint|action = ACCUSE/allege 115 tgt=against
press +charge = ACCUSE/allege 115 tgt=against
take ~to +court = ACCUSE/allege 115
convict = SANCTION/convict 116 w=0.8

# ---- REJECT: rejections, refusals, vetoes, defiance (CAMEO 12) ------------------------
reject|refuse|rebuff|spurn|repudiate|snub = REJECT 120 frame=refuse w=0.8
# "declined to attend", "declined the offer"; not "the dollar declined"
decline = REJECT 120 frame=refuse w=0.8 trans
dismiss +claim|accusation|allegation|report|charge|criticism|demand|call|proposal|offer|idea|suggestion|request|concern|warning = REJECT 120 w=0.65
turn down = REJECT 120 frame=refuse w=0.8
rule out = REJECT 120 frame=refuse w=0.7
resist = REJECT 120 w=0.6
# "fought back a takeover bid": resisting a bid is rejection, not violence
fight|beat back|off +bid|takeover|offer|challenge|proposal|attempt|move|claim|lawsuit = REJECT 120 w=0.6
# "would fight any unreasonable moves", "fought the plan": opposing a measure, not violence
fight|battle +bid|takeover|offer|proposal|attempt|move|plan|measure|law|bill|decision|policy|lawsuit|ruling|reform|cut|closure|change|legislation|rule|tax|tariff|charge|extradition|deportation|order|merger = REJECT 120 w=0.6
object ~to = REJECT 120 tgt=to w=0.7
# CAMEO files opposing and disputing under "disapprove" (110), not under "reject"
oppose|dispute|contest|challenge = ACCUSE/disapprove 110 w=0.55
contradict|rebut = ACCUSE/disapprove 110 w=0.45 strict
disagree|differ|quarrel|wrangle|argue ~with = ACCUSE/disapprove 110 sym tgt=with w=0.55
denigrate|belittle|insult|slander|malign|vilify|pillory|humiliate|smear|defame = ACCUSE/disapprove 111 w=0.7
lament|regret|bemoan|decry = ACCUSE/disapprove 110 w=0.45
hinder|impede|hamper|obstruct|stymie = REJECT 120 w=0.45 strict
veto = REJECT 129 w=0.9
block|thwart|stall|torpedo +resolution|bill|measure|proposal|motion|deal|plan|sale|bid|membership|accession|law|agreement|candidacy|nomination|package|statement|declaration|loan|funding = REJECT 129 w=0.7
# "Congress defied Reagan": defying a named actor
defy = REJECT 120 w=0.5 strict
defy|flout|violate|breach|ignore|disregard|contravene +law|norm|rule|order|ban|resolution|sanction|treaty|agreement|ultimatum|demand|call|warning|ruling|convention|obligation|accord = REJECT 128 w=0.7
cancel|postpone|delay|scrap|shelve|scrub +meeting|visit|talk|summit|trip|negotiation|session|conference|tour|dialogue = REJECT 125 tgt=with|to
call off +meeting|visit|talk|summit|trip|negotiation|session|conference|tour|dialogue = REJECT 125 tgt=with|to
refuse|deny +entry|visa|access|permission|landing|overflight = REJECT 120

# ---- THREATEN (CAMEO 13) --------------------------------------------------------------
threaten = THREATEN 130 frame=threat w=0.9
caution = THREATEN 130 frame=threat w=0.5 strict tgt=about|against|of
warn = THREATEN 130 frame=threat w=0.8 strict tgt=about|against|of
issue|give|deliver|present +ultimatum = THREATEN 139
menace = THREATEN 130 w=0.6

# ---- PROTEST: demonstrations, strikes, boycotts, riots (CAMEO 14) ---------------------
protest|demonstrate|rally|march|picket = PROTEST/demo 141 tgt=against|outside w=0.75
go|be ~on +strike|walkout = PROTEST/strike 143
go|be ~on +hunger_strike = PROTEST/hunger 142
strike = PROTEST/strike 143 w=0.4
walk out = PROTEST/strike 143 w=0.5
boycott = PROTEST/boycott 143 w=0.75
riot|rampage = PROTEST/riot 145 w=0.8
block|blockade|barricade|obstruct|occupy +road|highway|street|entrance|bridge|railway|traffic|square|motorway|junction|intersection|runway|gate = PROTEST/obstruct 144
take ~to +street = PROTEST/demo 141
vandalize|vandalise|deface = PROTEST/vandalize 145 w=0.6

# ---- MOBILIZE: shows of force (CAMEO 15) ----------------------------------------------
mobilize|mobilise = MOBILIZE/troops 154 w=0.7
deploy|station|send|dispatch|move|mass|amass|position|redeploy|reinforce|rush|concentrate +troop|force|soldier|army|unit|battalion|brigade|division|reservist|marine|paratrooper|personnel|contingent|military|forces|troops = MOBILIZE/troops 154 tgt=to|near|along|toward|towards|into|on own
deploy|station|send|dispatch|move|position|redeploy|mass +warship|ship|tank|missile|jet|aircraft|bomber|fighter|submarine|carrier|destroyer|frigate|drone|weapon|artillery|system|launcher|vessel|fleet|armada|battery|warplane|nuke|warhead = MOBILIZE/weapons 154 tgt=to|near|along|toward|towards|into|on own
deploy|send|dispatch|mobilize|mobilise +police|officer|riot_police|gendarme|guard|security_force = MOBILIZE/police 153 own
put|place ~on +alert|readiness|standby = MOBILIZE/troops 152 own
raise|heighten|increase +alert|readiness|alert_level = MOBILIZE/troops 152
test +missile|rocket|weapon|bomb|device|warhead|icbm|nuke|launcher|interceptor = MOBILIZE/weapons 150 w=0.55
test-fire = MOBILIZE/weapons 150 w=0.55
launch|fire +missile|rocket|icbm|warhead|projectile = MOBILIZE/weapons 150 w=0.55
patrol = MOBILIZE 150 w=0.4
deploy = MOBILIZE/troops 154 w=0.5

# ---- SANCTION: reduced relations and sanctions (CAMEO 16) -----------------------------
sanction|blacklist = SANCTION/discontinue 163 w=0.8
embargo = SANCTION/discontinue 163 w=0.7
bar|ban ~from = REJECT 120 w=0.5
cut|sever|break|downgrade|suspend|freeze|end|reduce|scale|rupture|terminate|abandon +tie|relation|contact|relationship = SANCTION/withdraw 161 tgt=with
break off +tie|relation|contact = SANCTION/withdraw 161 tgt=with
fall out ~with = SANCTION 160 tgt=with w=0.6
# "Sadat broke with its long-standing ally"; "break with tradition" names no actor
break ~with = SANCTION 160 tgt=with w=0.5 strict
recall|withdraw +ambassador|envoy|diplomat|consul|chargé = SANCTION/withdraw 161 tgt=from|to own
expel|oust|kick +diplomat|ambassador|envoy|attaché|attache|staff|consul|embassy = SANCTION/expel 166
close|shut +embassy|consulate|mission = SANCTION/withdraw 161
cut|suspend|halt|freeze|withhold|stop|reduce|end|slash|cancel|block +aid|assistance|funding|support|loan|payment|subsidy|grant|financing = SANCTION/discontinue 162 tgt=to|for
cut|suspend|halt|freeze|stop|restrict|ban|curb|block|limit +export|import|trade|shipment|flight|sale|supply|delivery|investment = SANCTION/discontinue 163 tgt=to|from|with
suspend|halt|freeze|abandon|quit|leave|end +talk|negotiation|dialogue|contact = SANCTION/withdraw 164 tgt=with
break off +talk|negotiation|dialogue = SANCTION/withdraw 164 tgt=with
walk out ~of = SANCTION/withdraw 164
withdraw|pull ~from|out +talk|negotiation|dialogue = SANCTION/withdraw 164
withdraw|pull ~from|out +treaty|agreement|accord|deal|pact|convention|organization|organisation|alliance|council|body|mission|bloc|union|court|framework = SANCTION/withdraw 161
quit|leave|exit|abandon|ditch|renounce +treaty|agreement|organization|organisation|alliance|union|bloc|accord|pact|council|deal|convention|court = SANCTION/withdraw 161
suspend|expel ~from = SANCTION/expel 166 w=0.6
freeze|seize +asset|account|fund|reserve = SANCTION/discontinue 163

# ---- COERCE: repression and coercion short of violence (CAMEO 17) ---------------------
arrest|detain|jail|imprison|apprehend|incarcerate|intern|nab|handcuff = COERCE/arrest 173 w=0.85
round up = COERCE/arrest 173 w=0.7
capture|seize|nab|snatch +@person|fighter|militant|soldier|suspect|foreigner|member|leader|commander|jihadist|rebel|insurgent|gunman|pilot|officer|spy = COERCE/arrest 173 w=0.75
take ~into +custody = COERCE/arrest 173
sentence = COERCE/arrest 173 w=0.65
raid|storm +home|house|office|premises|headquarters|compound|apartment|residence|newsroom = COERCE/seize 171
raid = COERCE/seize 171 w=0.6
search +home|house|office|premises|vessel|ship|residence|headquarters = COERCE/seize 171
seize|confiscate|impound|commandeer|expropriate|nationalize|nationalise = COERCE/seize 1711 w=0.75
seize|capture|take +control|territory|town|city|village|area|land|island|region|airport|base|province|district|border|crossing|port|hill|position = COERCE/seize 192
occupy|annex = COERCE/seize 192 w=0.75
demolish|bulldoze|raze = ASSAULT/destroy 1712 w=0.75
deport|expel = COERCE/deport 174 w=0.75
exile|banish = COERCE/deport 174 w=0.7
oust|evict|expel|drive +village|villager|resident|family|inhabitant|tenant|settler|squatter|population|civilian|community = COERCE/deport 174
repress|quell|subdue|suppress +protest|demonstration|dissent|uprising|revolt|rebellion|unrest|riot|opposition|demonstrator|protester = COERCE/restrict 172 w=0.8
tap|wiretap|bug|intercept|monitor +phone|line|link|call|communication|email|conversation|message|telephone = COERCE 170 w=0.6
ban|outlaw|prohibit|proscribe|dissolve +party|group|organization|organisation|opposition|movement|union|ngo|association|@org = COERCE/ban 1722
ban|outlaw|prohibit|proscribe = COERCE/restrict 172 w=0.55
restrict|curb|curtail|suppress|stifle = COERCE/restrict 172 w=0.45
impose|declare +curfew = COERCE/curfew 1723
impose|declare +emergency|martial_law = COERCE/martial-law 1724
crack down = COERCE/restrict 172 tgt=on w=0.8
cordon|seal off +road|area|street|district|neighbourhood|neighborhood|zone|border|crossing|town|village|city|square|building|region|pass = COERCE/restrict 172 w=0.75
cordon|seal off = COERCE/restrict 172 w=0.5 strict
close|shut|seal +border|crossing|checkpoint|airspace|frontier|pass = COERCE/restrict 172 w=0.6
censor|gag|muzzle = COERCE/censor 1721 w=0.75
block|shut|close|ban +website|internet|access|site|platform|broadcast|channel|newspaper|station|broadcaster|outlet|app|network = COERCE/censor 1721
shut down +internet|newspaper|station|broadcaster|website|outlet|office|ngo|channel = COERCE/censor 1721
blockade = COERCE/restrict 191 w=0.8
hack = COERCE/cyber 170 w=0.7
intimidate|harass|coerce = COERCE 170 w=0.6
evict = COERCE/deport 174 w=0.5

# ---- ASSAULT: violence (CAMEO 18, 19, 20) ---------------------------------------------
attack|assault = ASSAULT 190 w=0.8
invade = ASSAULT 190 w=0.85
kill|murder|slay = ASSAULT 190 w=0.7
shoot|gun = ASSAULT/firearms 193 w=0.7
shoot ~at = ASSAULT/firearms 193 tgt=at
exchange|trade +fire|gunfire|shot|artillery|salvo = ASSAULT 190 sym tgt=with
fire ~at|on|upon|into|toward|towards = ASSAULT/firearms 190 tgt=at|on|upon|into|toward|towards
fire|launch +missile|rocket|grenade|drone|projectile|round|salvo|bomb ~at|on|upon|into|toward|towards|against|near|across = ASSAULT 190 tgt=at|on|upon|into|toward|towards|against|near|across
fire|launch +shell|mortar|artillery|howitzer|shelling|barrage ~at|on|upon|into|toward|towards|against|near|across = ASSAULT/heavy-weapons 194 tgt=at|on|upon|into|toward|towards|against|near|across
open +fire = ASSAULT/firearms 193 tgt=on|at
bomb = ASSAULT/aerial 195 w=0.8
drop +bomb|munition|ordnance|explosive ~on|upon|over = ASSAULT/aerial 195 tgt=on|upon|over
shell|bombard|pound = ASSAULT/heavy-weapons 194 w=0.75
strike +@any = ASSAULT 190 w=0.65
hit +@actor|@place|target|town|city|village|base|position|convoy|facility|infrastructure|plant|ship|vessel|building|depot|airfield|port|bridge|refinery|airport|station|grid|hospital|school|camp|headquarters|warehouse|factory|terminal|tanker = ASSAULT 190 w=0.55
fight|battle = ASSAULT 190 sym tgt=against|with w=0.7
# "fought alongside the SDF": fighting on the same side is military cooperation
fight|battle ~alongside = COOPERATE 062 sym tgt=alongside w=0.6
clash = ASSAULT 190 sym tgt=with w=0.7
ambush = ASSAULT 190 w=0.8
storm = ASSAULT 190 w=0.55
recapture|overrun|retake = COERCE/seize 192 w=0.7
besiege|encircle = COERCE/restrict 191 w=0.6
repel|repulse = ASSAULT 190 w=0.6
retaliate ~against|on = ASSAULT 190 tgt=against|on w=0.5
skirmish = ASSAULT 190 sym tgt=with w=0.7
raze|flatten|obliterate|ransack|pillage|loot|plunder = ASSAULT/destroy 190 w=0.45
flog|whip|cane|lash = ASSAULT/beat 182 w=0.5 strict
dynamite = ASSAULT/explosives 183 w=0.6
wound|injure = ASSAULT 190 w=0.5
kidnap|abduct|hijack|snatch = ASSAULT/abduct 181 w=0.85
take|seize +hostage|captive = ASSAULT/abduct 181
beat|batter|lynch|stab|pummel|club = ASSAULT/beat 182 w=0.7
torture = ASSAULT/torture 1822 w=0.85
rape = ASSAULT/sexual 1821 w=0.85
assassinate = ASSAULT/targeted 186 w=0.9
execute|behead = ASSAULT/targeted 186 w=0.55
blow up = ASSAULT/explosives 183 w=0.7
detonate = ASSAULT/explosives 183 w=0.6
massacre|slaughter = ASSAULT/targeted 202 w=0.85
violate|breach|break +ceasefire|truce|cease-fire|armistice = ASSAULT 196
destroy = ASSAULT/destroy 190 w=0.45
torch|burn = ASSAULT/destroy 190 w=0.4
# "set the tanker on fire", "set fire to oil wells"
set ~on +fire|blaze = ASSAULT/destroy 190 w=0.6
set +fire ~to = ASSAULT/destroy 190 tgt=to w=0.6
gas = ASSAULT/unconventional 2041 w=0.5
come ~under +attack|fire|shelling|bombardment|assault = ASSAULT 190 rev act=from|by
"""

# Contexts in which a trigger word reports no event (type NONE; see ``lexicon``).
NOT_EVENTS = f"""
# "the plan met a mixed response", "was met with criticism": a reception, not a meeting
meet +response|reaction|reception|criticism|resistance|opposition|scepticism|skepticism|approval|acclaim|derision|silence|fate|end|death|success|failure|resolve|enthusiasm|outrage|anger|condemnation|praise|backlash|hostility|disbelief|dismay|applause|protest|fury|alarm|concern|suspicion|indifference|welcome = NONE 000
# "to meet declining demand for steel": supplying a market, not meeting a demand of someone
meet|satisfy +{"|".join(m + "_demand" for m in DEMAND_MODIFIERS.split("|"))} = NONE 000
# "voters would strike out the names": crossing out, not a strike
strike out|off|through = NONE 000
strike out|off|through +@any = NONE 000
# "asked about the attack": a question, not an appeal
ask|question ~about|over|regarding = NONE 000
# "meet its interest repayments", "meet stiffer competition": no meeting, no concession
meet +repayment|payment|competition|cost|expense|bill|shortfall|debt|interest|challenge|forecast|estimate|order|liability = NONE 000
# "trying to kill off speculation": no killing
kill +speculation|rumour|rumor|idea|plan|deal|hope|bill|proposal|talk|story|momentum|chance|debate|project|scheme = NONE 000
# "talks broke down with no agreement": a collapse, not a break with someone
break down ~with = NONE 000
# "shoot for a 10 percent share": aiming at a goal
shoot ~for = NONE 000
# "nationals hailing from Somalia": origin, not praise
hail ~from = NONE 000
# "will recognise the heavy financial burdens", "recognised the need for reform": acknowledging, not recognition
recognize|recognise +need|importance|problem|burden|difficulty|fact|role|right|value|contribution|effort|concern|necessity|achievement|danger|risk|threat|challenge|limit|reality|impact|cost|benefit|potential|significance|validity|legitimacy = NONE 000
# "will encourage flows of funds", "encouraged investment": promoting a thing, not an appeal to someone
encourage +flow|investment|growth|trade|export|import|use|development|competition|participation|demand|saving|spending|consumption|lending|production|innovation|tourism|dialogue|restraint = NONE 000
# "press its tough stance", "pressed home its advantage": pushing a position, not an appeal to someone
press +stance|position|case|claim|point|advantage|attack|offensive|issue|agenda|campaign|suit|button|argument|view|bid = NONE 000
# "seizing the opportunity", "took the chance": no seizure
seize|grab|take +chance|opportunity|moment|initiative|momentum|lead|headline|advantage|occasion = NONE 000
"""
