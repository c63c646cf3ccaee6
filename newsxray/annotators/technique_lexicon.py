"""Word and phrase lists for the techniques model, written by the newsxray team.

Each category is a cue the model may weigh (it learns how much from the PTC data); a
cue alone never makes a span. Single words are matched on the lower-cased token, phrases
(entries with a space or inner punctuation) on the lower-cased text at word boundaries.
"""
from __future__ import annotations

LOADED = """
outrageous disgusting horrific horrifying shocking disgraceful evil vicious brutal brutally savage
slaughter slaughtered massacre devastating devastated catastrophic catastrophe disaster disastrous
insane crazy absurd ridiculous pathetic shameful shameless despicable sinister nefarious corrupt
treacherous betray betrayed betrayal hysteria hysterical rampant scourge onslaught crackdown
bombshell explosive stunning slammed slams blasted blasts smear smears hoax sham farce fiasco
draconian tyranny tyrannical totalitarian dystopian apocalyptic carnage bloodbath chaos chaotic
mayhem havoc wreak wreaking rigged brainwash brainwashed brainwashing lies lying deceptive deceitful
scam fraud fraudulent crooked disgrace heinous monstrous atrocious atrocity atrocities grotesque
vile wicked diabolical demonic satanic terrifying alarming frightening deadly lethal toxic
poisonous staggering blatant blatantly flagrant egregious reckless incompetent clueless desperate
desperately frantic furious fury rage raging outrage outraged scandal scandalous damning shock
destroy destroyed destroying obliterate annihilate crush crushed cripple crippling gut gutted
swarm swarms horde hordes infest infested vermin parasite parasites plague ruthless merciless
bloody bloodthirsty barbaric barbarism inhuman cruel cruelty sick sickening vicious venomous
hateful hate hatred rabid unhinged deranged delusional lunacy madness mad idiotic stupid
stupidity foolish moronic dumb ignorant arrogant arrogance smug greedy greed sleazy slimy
filthy dirty nasty ugly disgusted appalling appalled abhorrent repugnant revolting obscene
tragic tragedy horror horrors nightmare nightmarish doom doomed ravaged ravaging decimated
purge purged persecute persecution persecuted oppress oppression oppressive enslave slavery
tirade rant ranting meltdown tantrum screeching shrieking hysterically lashed lash crusade
witch-hunt hypocrisy hypocritical traitorous treason treasonous sedition seditious subversive
illegal illegals invasion invaders invade infiltrate infiltrated infiltration sabotage
collusion conspiracy conspire conspired cover-up coverup rig rigging stolen steal stealing
looting loot thugs radical radicals extremist extremists fanatic fanatical militant
massive huge enormous gigantic colossal monumental sweeping unprecedented astonishing incredible
unbelievable insanely wildly utterly totally completely absolutely
"""

NAME_CALLING = """
thug thugs traitor traitors extremist extremists radical radicals leftist leftists lefty
globalist globalists communist communists commie socialist socialists marxist marxists fascist
fascists nazi nazis snowflake snowflakes moron morons idiot idiots clown clowns puppet puppets
stooge stooges crony cronies regime dictator dictators tyrant tyrants warmonger warmongers
warmongering neocon neocons establishment propagandist propagandists shill shills hack hacks
zealot zealots fanatic fanatics lunatic lunatics maniac maniacs crook crooks racist racists
bigot bigots islamist islamists jihadist jihadists jihadi jihadis chickenhawk chickenhawks
bureaucrats apologist apologists sycophant sycophants loon loons crackpot crackpots demagogue
demagogues despot despots henchmen minions mob cabal junta oligarch oligarchs elites elitist
elitists libtard libtards rino rinos cuck cucks sjw sjws antifa alt-right supremacist
supremacists xenophobe xenophobes misogynist homophobe homophobic deplorables deplorable
pedophile pedophiles predator predators criminal criminals terrorist terrorists murderer
murderers butcher butchers liar liars cheat cheats fraudster fraudsters swamp hypocrite
hypocrites coward cowards cowardly traitorous useful-idiot agitator agitators anarchist
anarchists insurrectionist insurrectionists rioters looters mobster mobsters gangster gangsters
"""

FEAR = """
threat threats threaten threatens threatening danger dangers dangerous risk risks peril perilous
die dies dying death deaths kill kills killed killing collapse collapsing nuclear annihilation
extinction crisis epidemic outbreak pandemic terror terrorism fear fears afraid frightened scared
imminent looming catastrophe destroy destruction wipe invasion invade overrun overwhelmed
lose losing ruin ruined ruining bankrupt poverty starvation starve famine violence violent
warning warns warned alarm alarming deadly lethal toxic disease infected contagious apocalypse
"""

FLAG = """
patriot patriots patriotic patriotism homeland motherland fatherland sovereignty sovereign
freedom freedoms liberty liberties constitution founders un-american anti-american nation
nationhood heritage greatness flag troops heroes hero veterans allegiance
"""

DOUBT = """
so-called alleged allegedly supposedly purported purportedly questionable dubious suspicious
suspiciously mysteriously conveniently unverified unproven unsubstantiated baseless debunked
credibility narrative narratives claims claimed claiming hoax whether really why
"""

EXAGGERATION = """
never always everyone everybody nobody nothing everything all every worst best greatest
biggest largest ever history entire entirely completely totally absolutely utterly literally
unprecedented countless endless infinite millions billions merely mere tiny minor only just
massive huge enormous gigantic colossal extreme extremely incredibly insanely most
"""

CAUSAL = """
because caused cause causes causing due result resulted results led leads blame blamed blames
responsible fault thanks reason therefore consequently hence thus so since
"""

AUTHORITY = """
expert experts scientist scientists doctor doctors study studies research researchers
professor professors official officials report reports according survey analysts analyst
authority authorities pope bishop cardinal church fbi cia pentagon
"""

BLACK_WHITE = """
either only choice alternative unless otherwise or-else must
"""

THOUGHT_TERMINATING = """
period enough simply obviously clearly course fact facts
"""

WHATABOUT = """
hypocrisy hypocrite hypocrites hypocritical double-standard meanwhile yet ignore ignored ignoring
"""

BANDWAGON_HITLER = """
nazi nazis hitler fascist fascism fascists gestapo reich stalin stalinist mao kkk holocaust
goebbels majority everyone everybody millions join joining movement
"""

PHRASES = {
    "loaded": [
        "witch hunt", "fake news", "deep state", "wreak havoc", "sent shockwaves", "war on",
        "out of control", "beyond belief", "hell bent", "hell-bent", "tear apart", "rip apart",
    ],
    "name_calling": [
        "deep state", "mainstream media", "fake news media", "liberal elite", "liberal elites",
        "globalist elites", "radical left", "far left", "far right", "alt right", "illegal aliens",
        "open borders crowd", "useful idiots", "enemy of the people", "enemies of the people",
        "crime family", "swamp creatures", "drive-by media", "lamestream media", "never trumpers",
        "social justice warriors", "conspiracy theorist", "conspiracy theorists", "white supremacist",
        "white supremacists", "con man", "con artist",
    ],
    "fear": [
        "before it's too late", "before it is too late", "will be next", "your children",
        "our children", "at risk", "world war", "world war iii", "wipe out", "wiped out",
        "mass casualties", "point of no return", "ticking time bomb", "on the brink", "brink of",
        "existential threat", "could be you", "no one is safe", "nobody is safe",
    ],
    "flag": [
        "our nation", "our country", "america first", "american people", "the american way",
        "our values", "our way of life", "our freedoms", "national interest", "national security",
        "our troops", "our heroes", "make america great", "god bless america", "real americans",
        "true americans", "we the people", "founding fathers", "this great nation", "our great",
        "our democracy", "our republic", "our borders", "our sovereignty", "proud to be",
        "british people", "the people of this country", "our motherland", "our homeland",
    ],
    "doubt": [
        "so called", "we are told", "we're told", "we have been told", "is it really",
        "cover up", "official story", "official narrative", "no evidence", "without evidence",
        "what are they hiding", "how can", "how could", "why would", "why did", "why is",
        "is there any", "can we trust", "questions remain", "raises questions", "doubts about",
        "it is not clear", "it remains unclear", "who knows", "yet to provide",
    ],
    "exaggeration": [
        "of all time", "in history", "the most", "the worst", "the biggest", "the greatest",
        "nothing but", "only a", "just a", "a few", "no one", "not a single", "each and every",
        "like never before", "once in a generation", "of epic proportions", "by far",
    ],
    "causal": [
        "due to", "result of", "as a result", "led to", "leads to", "responsible for",
        "thanks to", "the reason", "that's why", "that is why", "which is why", "because of",
        "is to blame", "are to blame", "the cause of", "caused by", "directly responsible",
    ],
    "authority": [
        "according to", "studies show", "research shows", "experts say", "experts warn",
        "scientists say", "doctors say", "officials say", "officials said", "a study",
        "the study", "a report", "the report", "former director", "the pope", "told reporters",
    ],
    "black_white": [
        "either you", "you are either", "with us or against us", "or else", "there is no alternative",
        "no choice", "the only way", "the only option", "the only solution", "only two",
        "one or the other", "there is no middle ground", "no other choice", "if we don't",
        "if you don't", "there are only", "nothing less than",
    ],
    "thought_terminating": [
        "it is what it is", "enough is enough", "end of story", "that's it", "the fact is",
        "facts are facts", "let's face it", "it's that simple", "plain and simple",
        "that's just the way it is", "go figure", "so be it", "nothing to see here",
        "mark my words", "make no mistake", "of course", "the bottom line", "at the end of the day",
        "time will tell", "wake up", "you know what", "it's common sense", "common sense",
        "and that's that", "no matter what", "whatever it takes", "it's over", "it is over",
    ],
    "whatabout": [
        "what about", "but what about", "double standard", "double standards", "where was the outrage",
        "where were", "when was the last time", "the same people who", "never said a word",
        "at the same time", "while ignoring", "look who's talking", "pot calling the kettle",
    ],
    "bandwagon_hitler": [
        "everyone knows", "everybody knows", "most people", "the majority of", "millions of americans",
        "the people have spoken", "growing number", "join the", "third reich", "nazi germany",
        "like hitler", "just like the nazis", "the whole world", "all over the world",
    ],
    "slogan": [
        "make america great again", "drain the swamp", "lock her up", "build the wall",
        "america first", "never again", "black lives matter", "all lives matter", "me too",
        "no justice no peace", "yes we can", "not my president", "stop the steal", "believe women",
        "take back control", "law and order", "peace through strength", "defund the police",
        "hands off", "keep america great", "love trumps hate", "the resistance", "never forget",
        "not in my name", "refugees welcome", "build back better", "save our",
    ],
}

WORDS = {
    "loaded": LOADED, "name_calling": NAME_CALLING, "fear": FEAR, "flag": FLAG, "doubt": DOUBT,
    "exaggeration": EXAGGERATION, "causal": CAUSAL, "authority": AUTHORITY,
    "black_white": BLACK_WHITE, "thought_terminating": THOUGHT_TERMINATING,
    "whatabout": WHATABOUT, "bandwagon_hitler": BANDWAGON_HITLER,
}

CATEGORIES: tuple[str, ...] = tuple(PHRASES)  # every category has phrases; words where WORDS has them


def word_categories() -> dict[str, list[int]]:
    """Lower-cased single word -> indexes of its categories in ``CATEGORIES``."""
    found: dict[str, list[int]] = {}
    for name, block in WORDS.items():
        index = CATEGORIES.index(name)
        for word in block.split():
            found.setdefault(word, [])
            if index not in found[word]:
                found[word].append(index)
    return found
