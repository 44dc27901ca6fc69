"""Built news stories and their variants, for measuring near-duplicate detection.

Every sentence here was written for this project from templates: four invented news
agencies, each with its own phrasing of the six paragraphs of a diplomatic story (lede,
detail, quote, reaction, background, outlook), filled with countries, officials, places and
topics. From them this module builds labelled pairs:

true copies (should be folded)
  - ``headline``: the same text under another headline line;
  - ``trimmed``: the last one, two or three paragraphs cut;
  - ``credit``: an agency dateline and credit line added, a "Reporting by" line at the end;
  - ``edited``: a few words changed ("said" -> "told reporters"), a paragraph split;
  - ``combined``: headline, credit line and a trimmed last paragraph together;
different stories (must not be folded)
  - ``same-event``: another agency's report of the same meeting (same actors, day, topic);
  - ``follow-up``: the same agency's next-day story reusing its background paragraphs;
  - ``same-outlet``: the same agency's template filled for another event.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

COUNTRIES = [
    ("Kenya", "Kenyan", "Nairobi"), ("Tanzania", "Tanzanian", "Dodoma"), ("Peru", "Peruvian", "Lima"),
    ("Chile", "Chilean", "Santiago"), ("Vietnam", "Vietnamese", "Hanoi"), ("the Philippines", "Philippine", "Manila"),
    ("Poland", "Polish", "Warsaw"), ("Lithuania", "Lithuanian", "Vilnius"), ("Egypt", "Egyptian", "Cairo"),
    ("Sudan", "Sudanese", "Khartoum"), ("India", "Indian", "New Delhi"), ("Bangladesh", "Bangladeshi", "Dhaka"),
    ("Norway", "Norwegian", "Oslo"), ("Iceland", "Icelandic", "Reykjavik"), ("Ghana", "Ghanaian", "Accra"),
    ("Togo", "Togolese", "Lome"), ("Turkey", "Turkish", "Ankara"), ("Greece", "Greek", "Athens"),
    ("Japan", "Japanese", "Tokyo"), ("South Korea", "South Korean", "Seoul"), ("Brazil", "Brazilian", "Brasilia"),
    ("Paraguay", "Paraguayan", "Asuncion"), ("Morocco", "Moroccan", "Rabat"), ("Spain", "Spanish", "Madrid"),
    ("Kazakhstan", "Kazakh", "Astana"), ("Uzbekistan", "Uzbek", "Tashkent"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Malaysia", "Malaysian", "Kuala Lumpur"), ("Serbia", "Serbian", "Belgrade"), ("Croatia", "Croatian", "Zagreb"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Somalia", "Somali", "Mogadishu"),
]
# (A, A's adjective, B, B's adjective, the city of the talks: A's capital)
PAIRS = [(a, aadj, b, badj, city) for a, aadj, city in COUNTRIES for b, badj, _ in COUNTRIES if a != b]
OFFICIALS = ["Amara Okafor", "Lucia Ferraz", "Tomas Lindqvist", "Hana Mori", "Rashid Benali", "Elena Petrova",
             "Daniel Kiprop", "Sofia Marquez", "Arjun Mehta", "Nadia Haddad", "Pavel Novak", "Grace Mensah",
             "Omar Farouk", "Ingrid Solberg", "Kenji Arai", "Marta Kowalska"]
TOPICS = [("fishing rights", "the fishing fleets"), ("a new border crossing", "cross-border traders"),
          ("water from a shared river", "farmers downstream"), ("grain exports", "grain traders"),
          ("a detained journalist", "press freedom groups"), ("a gas pipeline", "energy firms"),
          ("migrant returns", "aid agencies"), ("electricity sales", "the national grid operators"),
          ("a disputed island", "coastal communities"), ("rail links", "freight companies"),
          ("visa rules", "students and seasonal workers"), ("a hydropower dam", "riverside villages"),
          ("port fees", "shipping lines"), ("airspace closures", "airlines"), ("cattle herding routes", "herders"),
          ("a mining concession", "mining unions"), ("refugee camps near the border", "relief groups"),
          ("customs duties on steel", "steelmakers"), ("undersea cables", "telecoms operators"),
          ("a road toll", "lorry drivers")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
AGENCIES = ["Meridian News", "Continental Press", "Harbour Wire", "Atlas Report"]
REPORTERS = ["Lena Hart", "Victor Osei", "Mei Lin", "Carlos Ruiz", "Anika Berg"]

# TEMPLATES[agency][role] = alternatives; {A} {Aadj} {B} {Badj} {city} {day} {topic} {group} {n} {x} {y}
TEMPLATES = [
    {  # Meridian News: short sentences, officials first
        "lede": ["{Aadj} Foreign Minister {x} met {Badj} Foreign Minister {y} in {city} on {day} and the two agreed to set up a joint commission on {topic}, ending months of public quarrelling between the neighbours.",
                 "The foreign ministers of {A} and {B}, {x} and {y}, agreed in {city} on {day} to form a joint commission on {topic} after months of quarrelling."],
        "detail": ["The commission will meet every {n} weeks and report to both governments by the end of the year. Officials said it would first look at complaints from {group}, who have borne the cost of the dispute.",
                   "Under the deal the commission meets every {n} weeks. Its first task is to hear {group}, who say the dispute has cost them dearly, and to report to both capitals within the year."],
        "quote": ["\"We did not solve everything today, but we stopped shouting at each other,\" {x} told reporters after the talks, which lasted more than {n} hours.",
                  "\"Today we stopped shouting and started counting,\" {x} said after the talks, adding that the hard questions had been left for the commission."],
        "reaction": ["{y} called the meeting frank and said {B} would judge the agreement by what changed for {group} over the coming months.",
                     "{y} was more cautious, saying {B} would wait to see whether anything changed for {group} before speaking of a breakthrough."],
        "background": ["Relations soured last year when {A} accused {B} of breaking an earlier understanding on {topic}, and both sides recalled their ambassadors for several weeks.",
                       "Ties between the two worsened last year after {A} said {B} had broken an older understanding on {topic}; both recalled their envoys for a time."],
        "outlook": ["Diplomats in {city} said the next test would come in the spring, when the commission is due to publish its first findings on {topic}.",
                    "The first findings of the commission are due in the spring, and diplomats said those would show whether the truce on {topic} holds."],
    },
    {  # Continental Press: long sentences, context first
        "lede": ["After a year in which their dispute over {topic} threatened to spill into trade and security, {A} and {B} on {day} agreed to create a standing commission, following a meeting in {city} between their foreign ministers.",
                 "{A} and {B}, whose quarrel over {topic} had begun to affect trade and security, agreed on {day} to a standing commission, their foreign ministers announced in {city}."],
        "detail": ["According to a joint statement released after the meeting, the body will gather at regular intervals of {n} weeks, take evidence from {group} and recommend measures to the two cabinets before the year is out.",
                   "A joint statement said the new body would sit at intervals of {n} weeks, hear evidence from {group} and put recommendations to both cabinets before the end of the year."],
        "quote": ["Speaking at a news conference alongside his counterpart, {x} described the result as a first step rather than a settlement, and said the hardest issues had been passed to the commission.",
                  "{x}, standing beside his counterpart at a news conference, called the outcome a first step and not a settlement."],
        "reaction": ["His {Badj} counterpart {y} struck a guarded tone, telling journalists that {B} had entered the talks in good faith and expected the agreement to bring relief to {group}.",
                     "{y}, for {B}, said his government had negotiated in good faith and expected the agreement to bring relief to {group} soon."],
        "background": ["The row dates back to last year, when {A} accused its neighbour of going back on an earlier arrangement over {topic}, prompting both governments to withdraw their ambassadors.",
                       "The dispute began last year with accusations from {A} that its neighbour had gone back on an arrangement over {topic}, and both governments withdrew their ambassadors."],
        "outlook": ["Analysts cautioned that similar commissions in the region had often stalled, and said much would depend on whether the findings due in the spring were acted upon.",
                    "Regional analysts warned that such commissions often stall, and said the spring findings would be the real test."],
    },
    {  # Harbour Wire: reported speech, sources
        "lede": ["A joint commission on {topic} will be set up by {A} and {B}, the two governments said on {day} after their foreign ministers held talks in {city}, according to officials on both sides.",
                 "Officials from {A} and {B} said on {day} that the two countries would set up a joint commission on {topic}, following talks between their foreign ministers in {city}."],
        "detail": ["A senior official who asked not to be named said the commission would convene every {n} weeks and that {group} would be invited to give evidence at its first sessions.",
                   "The commission is to convene every {n} weeks, a senior official said on condition of anonymity, and {group} will be asked to testify first."],
        "quote": ["{x} was quoted by state media as saying that the talks had been difficult but useful, and that {A} wanted the dispute settled through dialogue.",
                  "State media quoted {x} as calling the talks difficult but useful and saying {A} preferred dialogue to confrontation."],
        "reaction": ["In a statement, the {Badj} foreign ministry said {y} had raised the concerns of {group} and that {B} would hold its neighbour to its commitments.",
                     "The {Badj} foreign ministry said in a statement that {y} had pressed the case of {group} and that {B} expected its neighbour to keep its word."],
        "background": ["Ambassadors were withdrawn by both countries last year after a quarrel over {topic}, which began when {A} accused {B} of breaching a previous deal.",
                       "Last year both countries pulled their ambassadors in a quarrel over {topic} that started with an accusation by {A} that {B} had breached a prior deal."],
        "outlook": ["The ministers are expected to meet again once the commission has delivered its first report, officials said.",
                    "Officials said the ministers would meet again after the commission's first report."],
    },
    {  # Atlas Report: analytical, numbers
        "lede": ["Months of friction over {topic} gave way to a cautious deal on {day}, as {A} and {B} agreed in {city} to establish a commission that both sides hope will take the heat out of the dispute.",
                 "{A} and {B} took a cautious step back from their dispute over {topic} on {day}, agreeing in {city} on a commission meant to cool tempers."],
        "detail": ["The commission, meeting every {n} weeks, is the first permanent body the two neighbours have created in a decade, and its remit covers the grievances of {group} as well as enforcement.",
                   "Meeting every {n} weeks, it will be the first permanent joint body in ten years, with a remit that includes enforcement and the grievances of {group}."],
        "quote": ["For {x}, who has staked much of his standing on the talks, the agreement was a vindication. \"Dialogue works when both sides show up,\" he said.",
                  "\"Dialogue works when both sides show up,\" said {x}, who had staked his standing on the talks."],
        "reaction": ["Across the border the mood was more sceptical. {y} told parliament that {B} had made no concessions and would walk away if {group} saw no improvement by the summer.",
                     "{y} told lawmakers in {B} that no concessions had been made and that {B} would walk away if {group} saw no gains by summer."],
        "background": ["The dispute erupted last year over accusations that {B} had broken an earlier understanding on {topic}, and trade between the two fell by about {n} percent in the months that followed.",
                       "Trade between the neighbours fell by roughly {n} percent after the row over {topic} erupted last year with claims that {B} had broken an earlier understanding."],
        "outlook": ["Whether the commission succeeds may depend less on its findings than on elections due in both countries next year, analysts said.",
                    "Analysts said elections in both countries next year might matter more to the commission's fate than its findings."],
    },
]
ROLES = ("lede", "detail", "quote", "reaction", "background", "outlook")
HEADLINES = ["{A} and {B} agree commission on {topic}", "Neighbours {A}, {B} seek to end row over {topic}",
             "{A}-{B} talks yield deal on {topic}", "Ministers meet in {city}, set up joint body"]
FOLLOW_UP = {
    "lede": "A day after agreeing to a joint commission on {topic}, {A} and {B} named its members on {next_day}, with {x} saying the first session would be held in {city} within {n} weeks.",
    "detail": "The {Badj} side appointed {n} members, including two representatives of {group}, while {A} chose senior civil servants, a choice {B} criticised as too cautious.",
}


@dataclass
class Story:
    agency: int
    slots: dict
    paragraphs: list[str]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def event_slots(rng: random.Random, pair: tuple | None = None, topic: tuple | None = None) -> dict:
    a, aadj, b, badj, city = pair or rng.choice(PAIRS)
    x, y = rng.sample(OFFICIALS, 2)
    topic, group = topic or rng.choice(TOPICS)
    day = rng.randrange(len(DAYS))
    return {"A": a, "Aadj": aadj, "B": b, "Badj": badj, "city": city, "x": x, "y": y, "topic": topic,
            "group": group, "day": DAYS[day], "next_day": DAYS[(day + 1) % 5], "n": rng.randint(2, 9)}


def write_story(agency: int, slots: dict, rng: random.Random) -> Story:
    paragraphs = [_fill(rng.choice(TEMPLATES[agency][role]), slots) for role in ROLES]
    return Story(agency, dict(slots), paragraphs)


def _fill(template: str, slots: dict) -> str:
    text = template.format(**slots)
    return text[0].upper() + text[1:]


# -- true copies --------------------------------------------------------------------

def headline_copy(story: Story, rng: random.Random) -> str:
    return _fill(rng.choice(HEADLINES), story.slots) + "\n\n" + story.text


def trimmed_copy(story: Story, rng: random.Random) -> str:
    return "\n\n".join(story.paragraphs[:-rng.randint(1, 3)])


def credit_copy(story: Story, rng: random.Random) -> str:
    agency = AGENCIES[story.agency]
    first = f"{story.slots['city'].upper()} ({agency}) - {story.paragraphs[0]}"
    tail = f"(Reporting by {rng.choice(REPORTERS)}; editing by {rng.choice(REPORTERS)})"
    return "\n\n".join([first, *story.paragraphs[1:], tail])


EDITS = [("said", "told reporters"), (" on ", " on "), ("agreed", "decided"), ("foreign ministers", "top diplomats"),
         ("commission", "panel"), ("the two", "both"), ("officials", "diplomats")]


def edited_copy(story: Story, rng: random.Random) -> str:
    text = story.text
    for old, new in rng.sample(EDITS, 3):
        text = text.replace(old, new, 1)
    paragraphs = text.split("\n\n")
    longest = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
    head, _, rest = paragraphs[longest].partition(". ")
    if rest:
        paragraphs[longest:longest + 1] = [head + ".", rest]
    return "\n\n".join(paragraphs)


def combined_copy(story: Story, rng: random.Random) -> str:
    trimmed = Story(story.agency, story.slots, story.paragraphs[:-1])
    return _fill(rng.choice(HEADLINES), story.slots) + "\n\n" + credit_copy(trimmed, rng)


COPY_KINDS = {"headline": headline_copy, "trimmed": trimmed_copy, "credit": credit_copy,
              "edited": edited_copy, "combined": combined_copy}


# -- different stories --------------------------------------------------------------

def same_event(story: Story, rng: random.Random) -> str:
    other = rng.choice([a for a in range(len(TEMPLATES)) if a != story.agency])
    return write_story(other, story.slots, rng).text


def follow_up(story: Story, rng: random.Random) -> str:
    new = [_fill(FOLLOW_UP["lede"], story.slots), _fill(FOLLOW_UP["detail"], story.slots)]
    return "\n\n".join(new + story.paragraphs[3:])


def same_outlet(story: Story, rng: random.Random) -> str:
    slots = event_slots(rng)
    while {slots["A"], slots["B"]} & {story.slots["A"], story.slots["B"]} or slots["topic"] == story.slots["topic"]:
        slots = event_slots(rng)
    return write_story(story.agency, slots, rng).text


DIFFERENT_KINDS = {"same-event": same_event, "follow-up": follow_up, "same-outlet": same_outlet}


def labelled_pairs(n_stories: int = 200, seed: int = 12) -> list[tuple[str, str, str, bool]]:
    """(kind, first text, second text, is a copy) for every kind, ``n_stories`` of each.

    Each story is about its own pair of countries (at most 496 stories): the templates
    tell one kind of story, so two of one agency on the same countries would be one story.
    """
    rng = random.Random(seed)
    unordered = list({tuple(sorted((p[0], p[2]))): p for p in PAIRS}.values())
    events = [(pair, rng.choice(TOPICS)) for pair in rng.sample(unordered, n_stories)]
    pairs = []
    for pair, topic in events:
        story = write_story(rng.randrange(len(TEMPLATES)), event_slots(rng, pair, topic), rng)
        for kind, make in COPY_KINDS.items():
            pairs.append((kind, story.text, make(story, rng), True))
        for kind, make in DIFFERENT_KINDS.items():
            pairs.append((kind, story.text, make(story, rng), False))
    return pairs


def archive(n_stories: int, copies_per_story: int = 3, seed: int = 7) -> list[tuple[str, str, str | None]]:
    """A stream of (id, text, id of the story it copies or None): stories, each followed
    later by a few copies, for throughput runs."""
    rng = random.Random(seed)
    # Distinct pairs of countries while they last (see labelled_pairs), then again.
    unordered = list({tuple(sorted((p[0], p[2]))): p for p in PAIRS}.values())
    rng.shuffle(unordered)
    stories = [write_story(rng.randrange(len(TEMPLATES)), event_slots(rng, unordered[i % len(unordered)]), rng)
               for i in range(n_stories)]
    keyed = [(float(i), f"story-{i}", s.text, None) for i, s in enumerate(stories)]
    kinds = list(COPY_KINDS.values())
    for i, story in enumerate(stories):
        for j in range(copies_per_story):
            # A copy comes after its story, within the next few dozen stories.
            keyed.append((i + rng.uniform(0.5, 40), f"copy-{i}-{j}", rng.choice(kinds)(story, rng), f"story-{i}"))
    return [(doc_id, text, original) for _, doc_id, text, original in sorted(keyed)]


def main() -> None:
    """Write a built archive as JSONL (for trying ingest, folding and Ray by hand)."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description="Write built wire stories and their copies as JSONL.")
    parser.add_argument("output")
    parser.add_argument("--stories", type=int, default=40)
    parser.add_argument("--copies", type=int, default=3, help="copies of each story")
    args = parser.parse_args()
    outlets = AGENCIES + ["Daily Coast", "Evening Post", "Valley Courier"]
    from datetime import date, timedelta

    published: dict[str, date] = {}
    with open(args.output, "w", encoding="utf-8") as out:
        for n, (doc_id, text, original) in enumerate(archive(args.stories, args.copies)):
            # A story a day from March 4th; its copies one to three days after it.
            day = published[original] + timedelta(days=1 + n % 3) if original else date(2024, 3, 4) + timedelta(days=n // 4)
            published.setdefault(doc_id, day)
            out.write(json.dumps({"id": doc_id, "text": text, "published": day.isoformat(),
                                  "source": outlets[n % len(outlets)]}) + "\n")


if __name__ == "__main__":
    main()
