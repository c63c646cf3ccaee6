"""Noun entries of the event lexicon, written for newsxray from the nouns' meanings.

A noun is an event when it reports one ("Macron's visit to China", "the opposition of
China to ...", "sanctions on Russia", "talks between Kyiv and Moscow"), when a support
verb's object ("held talks", "imposed sanctions", "faced resistance"), or when it says
what a frame is about ("vowed a strong response", "called for a ceasefire"): the
``content`` entries do only the last. ``of=actor``: "the visit of X" names the visitor;
the default reads an "of" phrase as the target ("the invasion of Ukraine");
``of=content`` reads it as what the event is about ("the threat of sanctions").
``NOT_NOUN_EVENTS`` lists contexts in which a noun names no event ("domestic demand").
"""
from __future__ import annotations

# modifiers of "demand" in the economy's sense ("domestic demand", "declining demand for steel")
DEMAND_MODIFIERS = (
    "domestic|consumer|world|global|internal|external|export|import|oil|energy|market|investment|credit|"
    "loan|fuel|gasoline|aggregate|private|strong|weak|weaker|stronger|sluggish|firm|growing|rising|"
    "falling|declining|seasonal|industrial|housing|customer|overseas|foreign|local|user|product|dollar|yen|"
    "money|gold|food|power|electricity|steel|crude|grain|wheat|coffee|sugar|copper|share|stock|bond|peak|"
    "total|underlying|overall|heavy|good|poor|slack|buoyant|robust|increased|reduced|lower|higher|"
    "increasing|slow|slowing|current|future|strengthening|weakening"
)
NOT_NOUN_EVENTS = f"""
# "boost domestic demand", "weak consumer demand": the economy's demand, not a demand of someone
demand ^{DEMAND_MODIFIERS} = NONE 000
"""

NOUNS = """
# ---- AGREE ---------------------------------------------------------------------------
plan|intention|intent|bid|readiness|willingness|commitment = AGREE 030 frame=intent of=actor w=0.5 inner
promise|pledge|offer|proposal|vow = AGREE 030 frame=intent of=actor w=0.6 inner
invitation|invite = AGREE 036 frame=invite of=actor tgt=to|for
agreement|deal|accord|pact|treaty|understanding|compromise|settlement|peace|reconciliation|solution = AGREE 037 content

# ---- CONSULT -------------------------------------------------------------------------
talk|consultation|discussion|dialogue|meeting|summit|conference|parley|meet|session = CONSULT 040 sym of=actor tgt=with|between
negotiation = CONSULT 046 sym of=actor tgt=with|between
visit|trip|tour|stopover = CONSULT/visit 042 of=actor tgt=to
call|conversation ^phone|telephone = CONSULT/phone 041 sym of=actor tgt=with
mediation = CONSULT 045 of=actor tgt=between

# ---- SUPPORT -------------------------------------------------------------------------
support|backing|endorsement|praise|solidarity = SUPPORT 051 of=actor tgt=for|to|of w=0.6
recognition = SUPPORT 054 tgt=of w=0.6
tie|relation|relationship ^diplomatic = SUPPORT 050 content

# ---- COOPERATE -----------------------------------------------------------------------
cooperation|collaboration|partnership|coordination = COOPERATE 060 sym of=actor tgt=with|between
exercise|drill|maneuver|manoeuvre|wargame|game|operation|patrol ^joint|combined|bilateral|trilateral|multinational = COOPERATE 062 sym of=actor tgt=with|between
extradition = COOPERATE 063 of=target tgt=to
trade|investment = COOPERATE 061 content

# ---- AID -----------------------------------------------------------------------------
aid|assistance|relief|help = AID 070 of=actor tgt=to|for w=0.65
aid|assistance ^humanitarian|food|emergency|medical|disaster|relief = AID 073 of=actor tgt=to|for
aid|assistance|support ^military|defense|defence|security|lethal|air|artillery = AID 072 of=actor tgt=to|for
aid|assistance|support ^economic|financial|development|budget|budgetary = AID 071 of=actor tgt=to|for
weapon|arm|ammunition|missile|tank|jet|munition|artillery|howitzer = AID 072 content
package ^military|weapon|arm|security|defense|defence|ammunition = AID 072 of=actor tgt=to|for
package ^aid|assistance|relief|humanitarian = AID 070 of=actor tgt=to|for
package ^financial|economic|loan|rescue|bailout = AID 071 of=actor tgt=to|for
loan|grant|funding|credit|bailout|package|money|fund|financing|donation = AID 071 content
food|medicine|vaccine|supplies|shelter|tent = AID 073 content
asylum|refuge = AID 075 content
peacekeeper = AID 074 content
rescue|evacuation = AID 070 of=target poss=target w=0.5

# ---- CONCEDE and RETREAT ---------------------------------------------------------------
release = RETREAT/release 0841 of=target poss=target w=0.6
withdrawal|pullout|pull-out|retreat|drawdown = RETREAT/withdraw 087 of=actor tgt=from w=0.6
ceasefire|truce|armistice|cease-fire = RETREAT/ceasefire 0871 content
resignation = RETREAT/resign 0831 of=actor w=0.6
concession = CONCEDE 080 content
amnesty|pardon = CONCEDE 081 content
reform|election|change|referendum = CONCEDE 083 content
calm|restraint|de-escalation|deescalation|disarmament|demilitarization = RETREAT 087 content
apology = CONCEDE 055 of=actor tgt=to w=0.7

# ---- REQUEST -------------------------------------------------------------------------
demand = REQUEST 100 frame=demand of=actor tgt=to|on w=0.6
call|appeal|plea|request = REQUEST 020 frame=appeal of=actor tgt=to|on w=0.5 inner

# ---- ACCUSE --------------------------------------------------------------------------
investigation|probe|inquiry|enquiry = ACCUSE/investigate 090 tgt=into|of w=0.6
criticism|condemnation|denunciation|rebuke|censure|disapproval = ACCUSE/disapprove 111 tgt=of|against|from w=0.7
broadside|tirade|diatribe|salvo ^verbal|new|fresh|latest = ACCUSE/disapprove 111 of=actor tgt=at|against|on w=0.6
broadside|tirade|diatribe = ACCUSE/disapprove 111 of=actor tgt=at|against|on w=0.6
accusation|allegation = ACCUSE/allege 112 tgt=against|of w=0.6
complaint|protest ^formal|diplomatic|official = ACCUSE/disapprove 114 tgt=against|to|with
complaint = ACCUSE/disapprove 114 tgt=against|to|with w=0.55
lawsuit|suit = ACCUSE/allege 115 tgt=against w=0.6

# ---- REJECT --------------------------------------------------------------------------
rejection|refusal = REJECT 120 frame=refuse of=actor w=0.6
opposition|resistance|objection|defiance = REJECT 120 of=actor tgt=to|against w=0.6
veto = REJECT 129 of=actor tgt=of|on|against w=0.7

# ---- THREATEN ------------------------------------------------------------------------
threat = THREATEN 130 frame=threat of=content tgt=against|to w=0.6
warning = THREATEN 130 frame=threat of=content tgt=to|against w=0.55 strict
ultimatum = THREATEN 139 of=actor tgt=to
response|retaliation|reprisal|revenge|countermeasure|consequence|retribution|punishment|reaction|measure|countermeasures = THREATEN 130 content

# ---- PROTEST -------------------------------------------------------------------------
protest|demonstration|rally|march|sit-in|picket|walkout|vigil = PROTEST/demo 141 of=actor tgt=against|outside w=0.65
strike ^hunger = PROTEST/hunger 142 of=actor
strike|stoppage ^general|national|nationwide|labour|labor|worker|teacher|rail|port|dock|transport|union|doctor|nurse|miner|warning|day|week|strike = PROTEST/strike 143 of=actor tgt=against
boycott = PROTEST/boycott 143 of=target tgt=of|against w=0.6
riot|rioting = PROTEST/riot 145 w=0.6

# ---- SANCTION ------------------------------------------------------------------------
sanction|embargo = SANCTION/discontinue 163 tgt=on|against of=target w=0.7
tariff|levy = SANCTION/discontinue 163 tgt=on|against w=0.45
expulsion = SANCTION/expel 166 of=target poss=target w=0.6
severance|suspension|downgrade ^tie|relation = SANCTION/withdraw 161 w=0.6

# ---- MOBILIZE ------------------------------------------------------------------------
mobilization|mobilisation|deployment|buildup|build-up|reinforcement = MOBILIZE/troops 154 of=content tgt=to|near|along|in w=0.55
exercise|drill|maneuver|manoeuvre|wargame = MOBILIZE 150 of=actor w=0.5
test ^missile|nuclear|weapon|rocket = MOBILIZE/weapons 150 of=actor w=0.55

# ---- COERCE --------------------------------------------------------------------------
arrest|detention|imprisonment|jailing|roundup = COERCE/arrest 173 of=target poss=target w=0.65
crackdown|clampdown|repression = COERCE/restrict 172 tgt=on|against w=0.7
raid = COERCE/seize 171 tgt=on|into w=0.6
seizure|confiscation = COERCE/seize 1711 of=target w=0.55
curfew = COERCE/curfew 1723 w=0.6
emergency = COERCE/martial-law 1724 content
law ^martial = COERCE/martial-law 1724 w=0.6
deportation = COERCE/deport 174 of=target poss=target w=0.6
ban|prohibition = COERCE/restrict 172 tgt=on|against of=content w=0.45
occupation|annexation = COERCE/seize 192 of=target w=0.6
blockade|siege = COERCE/restrict 191 of=target tgt=on|against w=0.6
censorship = COERCE/censor 1721 w=0.55
cyberattack|cyber-attack|hack|hacking = COERCE/cyber 170 tgt=on|against w=0.6

# ---- ASSAULT -------------------------------------------------------------------------
attack|assault|offensive|incursion|invasion|aggression|onslaught|strike|ambush = ASSAULT 190 tgt=on|against|in|at|into of=target w=0.7
strike|attack ^air|drone|missile|aerial = ASSAULT/aerial 195 tgt=on|against|in|at of=target w=0.75
operation|campaign ^military|ground|army|air|counter-terrorism|counterterrorism|counteroffensive = ASSAULT 190 tgt=on|against|in|at|into of=target w=0.6
airstrike|bombing|bombardment|air-strike = ASSAULT/aerial 195 tgt=on|against|in|of of=target w=0.75
shelling = ASSAULT/heavy-weapons 194 tgt=on|of|in of=target w=0.7
shooting|gunfire = ASSAULT/firearms 193 tgt=on|at|of of=target w=0.55
clash|fighting|battle|hostility|skirmish|firefight = ASSAULT 190 sym tgt=with|between|against w=0.6
killing|murder|slaying = ASSAULT 190 of=target poss=target w=0.6
massacre = ASSAULT/targeted 202 of=target w=0.7
assassination = ASSAULT/targeted 186 of=target poss=target w=0.75
execution = ASSAULT/targeted 186 of=target poss=target w=0.45
kidnapping|abduction|hijacking = ASSAULT/abduct 181 of=target poss=target w=0.7
torture = ASSAULT/torture 1822 of=target w=0.55
bombing ^suicide|car = ASSAULT/suicide-attack 183 tgt=in|on|at|against w=0.75
force|violence|war ^military = ASSAULT 190 content
war|violence|force|action = ASSAULT 190 content
"""
