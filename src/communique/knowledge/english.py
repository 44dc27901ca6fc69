"""English: the words of the language itself that several stages read.

Month and weekday names, number words, the verbs that report speech, and the words that
make a weekday a name rather than a date. These are facts of English, not knowledge of the
world (countries, bodies and office holders are in the knowledge tables) and not rules of
one stage; the date grammar, the dateline reader, the actors and the events stages all take
them from here. This is the first step toward a second language: a module with the same
names for that language.
"""
from __future__ import annotations

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
# Written abbreviations, without their full stop.
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                       "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
# Abbreviations that are also words or names ("to mar", "Jun"): dates only with their full stop.
ABBREVIATIONS_NEEDING_STOP = frozenset({"mar", "jun", "jul"})
# Every form of a month name (lower case, no full stop) -> its number.
MONTHS = {**{name: number for number, name in enumerate(MONTH_NAMES, start=1)},
          **{name[:3]: number for number, name in enumerate(MONTH_NAMES, start=1)},
          **MONTH_ABBREVIATIONS}
# A month as one word of the parse (lower case): "March", "Sept." (spaCy keeps an abbreviation's stop).
MONTH_TOKENS = frozenset(MONTH_NAMES) | {f"{abbreviation}." for abbreviation in MONTH_ABBREVIATIONS}

# Words that make "America" a region, not the United States ("Latin America", "Central American").
AMERICAN_REGION_WORDS = frozenset({"latin", "south", "central", "north", "pan", "meso", "hispanic"})


def names_american_region(token) -> bool:
    """Is ``token`` ("America", "American", "Americas") the second word of a region's name?"""
    before = token.nbor(-1) if token.i > 0 else None
    if before is not None and before.text == "-" and before.i > 0:
        before = before.nbor(-1)  # "Pan-American"
    return token.lower_ in ("america", "americas", "american", "americans") and before is not None \
        and before.lower_ in AMERICAN_REGION_WORDS


WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = {name: number for number, name in enumerate(WEEKDAY_NAMES)}  # Monday is 0, as in datetime

# Counts written as words, as in "three days ago" ("several" and "a few" are taken as three).
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3,
                "a few": 3, "few": 3}

# A weekday followed by one of these is a newspaper's title, not a date ("Sunday Times").
WEEKDAY_TITLE_WORDS = frozenset({"Times", "Telegraph", "Express", "Mirror", "Post", "Herald", "Star",
                                 "Independent", "Mail", "Observer", "Tribune", "Sport", "People"})
# A weekday after one of these is a feast, a sale or a historical name ("Good Friday").
WEEKDAY_NAME_WORDS = frozenset({"good", "black", "bloody", "ash", "palm", "holy", "super", "cyber",
                                "maundy", "easter", "whit", "blue"})

# Verbs that report speech (lemmas): a clause they govern may be what the speaker did, and a
# date right after them ("said on Wednesday") is the date of the saying.
REPORTING_VERBS = frozenset(
    "say tell announce state add note stress declare insist conclude claim report confirm reiterate "
    "emphasize emphasise assert maintain explain write argue indicate reveal disclose acknowledge admit "
    "warn vow pledge promise swear "
    # stances held out loud, whose "that" clause is what was said ("stayed adamant that Minsk would not yield")
    "adamant insistent".split())

# The word classes of this module that the trigger lexicon refers to by name (``@month``).
WORD_CLASSES = {"month": frozenset(MONTH_NAMES), "report": REPORTING_VERBS}

# Adverbs that deny an act as "not" does: "has rarely backed down" tells of no climb-down.
SELDOM_WORDS = frozenset({"rarely", "seldom", "scarcely", "hardly"})
# Verbs of promise, whose "that" clause says what will be done ("pledged that Tokyo would send ...").
PROMISING_VERBS = frozenset({"vow", "pledge", "promise", "swear"})

# Verbs that let their object act: "allowed a UN convoy to enter", "let inspectors in".
LETTING_VERBS = frozenset({"let", "allow", "permit", "help", "enable"})

# Pronouns in the object case: one after a verb is its object, never the subject of a clause ("ordered him
# held", not "ordered he held").
# Verbs whose participle says what a crowd is doing ("striking doctors", "fleeing villagers"), not what is
# done to it: with a bare plural for people after them they modify it (nlp.participle_crowds).
CROWD_PARTICIPLES = frozenset({"strike", "protest", "riot", "demonstrate", "flee", "march", "mutiny", "rebel",
                               "rampage", "retreat", "picket", "starve"})
ACCUSATIVE_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
