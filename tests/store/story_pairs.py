"""Written article pairs for story clustering: the same story told by two outlets in their own
words, and two different stories on the same topic. Each article is (title, lede). Invented
events, written for newsxray's tests and benchmark."""
from __future__ import annotations

SAME_STORY = [
    (("Dockworkers walk out at Port Halden over pay",
      "Thousands of dockworkers at Port Halden stopped work on Tuesday, demanding a 9 percent raise after "
      "talks with terminal operators collapsed overnight."),
     ("Port Halden strike halts container traffic",
      "Container ships were left waiting off Port Halden as dock unions began a walkout over wages, "
      "saying the operators' offer of 4 percent was an insult.")),
    (("Earthquake of magnitude 6.4 strikes northern Veloria",
      "A strong earthquake shook northern Veloria early on Sunday, damaging homes in the mountain town of "
      "Karsk and cutting power to tens of thousands."),
     ("Quake damages buildings in Karsk, knocks out power",
      "Residents of Karsk fled into the streets before dawn when a 6.4 magnitude tremor hit the north of "
      "Veloria, officials said, with several houses collapsed.")),
    (("Central bank of Ostmark raises rates to 5.25%",
      "Ostmark's central bank raised its main interest rate by a quarter point to 5.25 percent on Thursday, "
      "citing stubborn food and energy inflation."),
     ("Ostmark lifts borrowing costs again as inflation bites",
      "Policymakers in Ostmark increased the benchmark rate to 5.25% in a widely expected move, warning "
      "that price pressures had not yet eased.")),
    (("Tessaly Airlines cancels 300 flights as pilots strike",
      "Tessaly Airlines scrapped more than 300 flights on Friday as its pilots began a two-day strike over "
      "rosters and pensions, stranding holidaymakers."),
     ("Pilot walkout grounds hundreds of Tessaly flights",
      "Travellers faced chaos at airports on Friday after pilots at Tessaly Airlines walked off the job, "
      "forcing the carrier to cancel about 300 departures.")),
    (("Wildfire forces evacuation of 5,000 near Lake Morrow",
      "Authorities ordered some 5,000 people to leave their homes near Lake Morrow as a wildfire driven by "
      "strong winds jumped a highway on Wednesday."),
     ("Lake Morrow blaze spreads, thousands told to flee",
      "A fast-moving fire crossed the main road near Lake Morrow and firefighters urged about five thousand "
      "residents to evacuate immediately.")),
    (("Merger of Brightline Foods and Corra Dairy approved",
      "Competition regulators cleared the $2.1 billion takeover of Corra Dairy by Brightline Foods on "
      "Monday, on condition that three plants are sold."),
     ("Regulator clears Brightline's Corra deal with conditions",
      "Brightline Foods can go ahead with its purchase of Corra Dairy, the competition authority ruled, "
      "after the company agreed to divest three factories.")),
    (("Flooding kills 12 in southern Amaria after record rain",
      "At least twelve people died and hundreds were displaced as rivers burst their banks across southern "
      "Amaria following two days of record rainfall."),
     ("Amaria floods: death toll rises to twelve",
      "Rescue teams in southern Amaria recovered more bodies on Monday as floodwaters began to recede, "
      "bringing the number of dead to 12.")),
    (("Prime Minister Dalen survives confidence vote",
      "Prime Minister Ivo Dalen won a parliamentary confidence vote on Tuesday by 182 votes to 160, ending "
      "weeks of speculation about the coalition's collapse."),
     ("Dalen's government clings on after no-confidence motion fails",
      "The opposition's attempt to topple Ivo Dalen failed in parliament, where lawmakers backed the prime "
      "minister 182 to 160.")),
    (("Hackers steal data of 2 million Norra Telecom customers",
      "Norra Telecom said on Wednesday that hackers had taken names, addresses and phone numbers of about 2 "
      "million customers in a breach discovered last week."),
     ("Norra Telecom hit by massive customer data breach",
      "Personal details of two million people were stolen from Norra Telecom's systems, the operator "
      "admitted, urging customers to watch for phishing.")),
    (("Museum returns looted bronze statues to Kemet",
      "The National Museum of Arlen handed back four bronze statues to Kemet on Friday, more than a century "
      "after they were taken by a colonial expedition."),
     ("Arlen museum repatriates four bronzes to Kemet",
      "Four bronze figures taken from Kemet in the 1890s were formally returned in a ceremony at Arlen's "
      "national museum.")),
]

DIFFERENT_STORY = [
    (("Dockworkers walk out at Port Halden over pay",
      "Thousands of dockworkers at Port Halden stopped work on Tuesday, demanding a 9 percent raise after "
      "talks with terminal operators collapsed overnight."),
     ("Nurses in Vessa begin strike over staffing",
      "Nurses at hospitals across Vessa went on strike on Tuesday, saying chronic understaffing put "
      "patients at risk, and the health ministry called the action irresponsible.")),
    (("Tessaly Airlines cancels 300 flights as pilots strike",
      "Tessaly Airlines scrapped more than 300 flights on Friday as its pilots began a two-day strike over "
      "rosters and pensions, stranding holidaymakers."),
     ("Rail workers in Tessaly announce weekend stoppage",
      "Train drivers in Tessaly will stop work on Saturday and Sunday in a dispute over automation, their "
      "union said, warning of disruption to commuter services.")),
    (("Central bank of Ostmark raises rates to 5.25%",
      "Ostmark's central bank raised its main interest rate by a quarter point to 5.25 percent on Thursday, "
      "citing stubborn food and energy inflation."),
     ("Vessa's central bank holds rates steady",
      "The central bank of Vessa kept its key rate unchanged at 3 percent, saying inflation was close to "
      "target and growth was slowing.")),
    (("Earthquake of magnitude 6.4 strikes northern Veloria",
      "A strong earthquake shook northern Veloria early on Sunday, damaging homes in the mountain town of "
      "Karsk and cutting power to tens of thousands."),
     ("Volcano erupts off the coast of Amaria",
      "An undersea volcano off Amaria's eastern coast erupted on Sunday, sending ash several kilometres "
      "into the air and prompting a tsunami warning.")),
    (("Wildfire forces evacuation of 5,000 near Lake Morrow",
      "Authorities ordered some 5,000 people to leave their homes near Lake Morrow as a wildfire driven by "
      "strong winds jumped a highway on Wednesday."),
     ("Firefighters contain forest blaze in Dunrey hills",
      "Crews brought a forest fire in the Dunrey hills under control on Wednesday after three days, and "
      "residents evacuated at the weekend were allowed home.")),
    (("Merger of Brightline Foods and Corra Dairy approved",
      "Competition regulators cleared the $2.1 billion takeover of Corra Dairy by Brightline Foods on "
      "Monday, on condition that three plants are sold."),
     ("Regulator blocks Halvard Steel bid for Ormo Metals",
      "The competition authority prohibited Halvard Steel's proposed acquisition of Ormo Metals, saying "
      "the deal would raise prices for car makers.")),
    (("Flooding kills 12 in southern Amaria after record rain",
      "At least twelve people died and hundreds were displaced as rivers burst their banks across southern "
      "Amaria following two days of record rainfall."),
     ("Drought leaves Amaria's northern farms parched",
      "Farmers in northern Amaria said their harvest had failed after a fourth month without rain, and "
      "asked the government for emergency aid.")),
    (("Prime Minister Dalen survives confidence vote",
      "Prime Minister Ivo Dalen won a parliamentary confidence vote on Tuesday by 182 votes to 160, ending "
      "weeks of speculation about the coalition's collapse."),
     ("Vessa's president dissolves parliament, calls election",
      "President Mara Olsk dissolved Vessa's parliament on Tuesday and called an early election for "
      "March, after the budget was voted down.")),
    (("Hackers steal data of 2 million Norra Telecom customers",
      "Norra Telecom said on Wednesday that hackers had taken names, addresses and phone numbers of about 2 "
      "million customers in a breach discovered last week."),
     ("Ransomware attack shuts Dunrey city hospital systems",
      "A ransomware attack forced Dunrey's main hospital to divert ambulances on Wednesday as staff went "
      "back to paper records.")),
    (("Museum returns looted bronze statues to Kemet",
      "The National Museum of Arlen handed back four bronze statues to Kemet on Friday, more than a century "
      "after they were taken by a colonial expedition."),
     ("Stolen painting recovered in Arlen raid",
      "Police in Arlen recovered a 17th-century painting stolen from a private collection ten years ago, "
      "arresting two men at a warehouse.")),
]


def article(pair_side: tuple[str, str]) -> str:
    """The article text: headline line, then the lede."""
    title, lede = pair_side
    return f"{title}\n{lede}\n"
