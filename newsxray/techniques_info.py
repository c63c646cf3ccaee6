"""What each persuasion technique is: a short definition and an example, for users.

The 14 techniques are those of the Propaganda Techniques Corpus (PTC, SemEval-2020
Task 11), named exactly as in the record. The definitions and the examples were written
by the newsxray team (the examples are invented sentences, not quotations).
"""
from __future__ import annotations

from dataclasses import dataclass

from .document import Technique

TECHNIQUES: tuple[str, ...] = Technique.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class TechniqueInfo:
    name: str          # the PTC name used in the record
    label: str         # a short human label
    definition: str
    example: str


_INFO = [
    TechniqueInfo(
        "Loaded_Language", "Loaded language",
        "Words or phrases chosen for their emotional charge rather than their meaning, so that the "
        "reader feels something about the subject before thinking about it.",
        "The council's reckless scheme will gut our neighbourhood and wreck the lives of ordinary families."),
    TechniqueInfo(
        "Name_Calling,Labeling", "Name calling, labelling",
        "Attaching a label to a person or group, something the audience fears, hates or admires, "
        "in place of an argument about what they do.",
        "The bill was written by a gang of out-of-touch bureaucrats and their corporate cronies."),
    TechniqueInfo(
        "Repetition", "Repetition",
        "Saying the same word, phrase or claim again and again, so that it sticks and starts to "
        "feel true through familiarity.",
        "The plan is unfair. Unfair to workers, unfair to pensioners, unfair to every taxpayer in the region."),
    TechniqueInfo(
        "Exaggeration,Minimisation", "Exaggeration or minimisation",
        "Making something bigger, worse or better than it is, or playing down something that "
        "matters, to steer the reader's judgement.",
        "This is the worst budget in the history of the country; the small cuts to hospitals hardly matter."),
    TechniqueInfo(
        "Doubt", "Doubt",
        "Questioning the credibility of a person, institution or fact without offering evidence, "
        "to make the audience distrust it.",
        "Can we really believe the ministry's figures, given who wrote them and when they were released?"),
    TechniqueInfo(
        "Appeal_to_fear-prejudice", "Appeal to fear or prejudice",
        "Building support for an idea by making the audience afraid of the alternative, or by "
        "playing on prejudice against a group.",
        "If the border stays open, our towns will be overrun and no family will be safe at night."),
    TechniqueInfo(
        "Flag-Waving", "Flag-waving",
        "Justifying an idea by appealing to national, group or patriotic pride instead of "
        "giving reasons for it.",
        "Every true patriot who loves this great nation will stand behind our troops and this mission."),
    TechniqueInfo(
        "Causal_Oversimplification", "Causal oversimplification",
        "Giving a single cause or culprit for an outcome that has many causes.",
        "Prices went up for one reason only: the new governor took office in January."),
    TechniqueInfo(
        "Slogans", "Slogans",
        "A short, striking phrase, often a call to action or a label for a cause, used in place of "
        "an argument.",
        "Our message to the capital is simple: hands off our harbour!"),
    TechniqueInfo(
        "Appeal_to_Authority", "Appeal to authority",
        "Presenting a claim as true because an authority or expert said so, without other "
        "evidence, including authorities speaking outside their field.",
        "A famous actor says the vaccine is unsafe, so parents should think twice."),
    TechniqueInfo(
        "Black-and-White_Fallacy", "Black-and-white fallacy",
        "Presenting two options as the only possible ones when more exist, often one of them "
        "unthinkable.",
        "Either we pass this law today or we hand the country over to criminals."),
    TechniqueInfo(
        "Thought-terminating_Cliches", "Thought-terminating cliché",
        "A stock phrase that discourages further thought or discussion of a point.",
        "Rules are rules, and that is the end of the matter."),
    TechniqueInfo(
        "Whataboutism,Straw_Men,Red_Herring", "Whataboutism, straw man, red herring",
        "Deflecting criticism by pointing at the opponent's supposed hypocrisy (whataboutism), "
        "attacking a distorted version of their position (straw man), or changing the subject "
        "to something irrelevant (red herring).",
        "They complain about our emissions, but what about the private jets their leaders fly in?"),
    TechniqueInfo(
        "Bandwagon,Reductio_ad_hitlerum", "Bandwagon, reductio ad Hitlerum",
        "Urging the audience to agree because everyone else does (bandwagon), or to reject an idea "
        "because a hated group or figure supported it (reductio ad Hitlerum).",
        "Millions of people have already switched, so why are you still waiting?"),
]

INFO: dict[str, TechniqueInfo] = {info.name: info for info in _INFO}


def info(technique: str) -> TechniqueInfo:
    """The definition and example of a technique (by its PTC name)."""
    return INFO[technique]
