"""Invented news stories from this project's own templates: English wire stories with varied
countries, actors and verbs; stories in five other languages; near copies; pages that are
not news. Deterministic: the same seed gives the same stories.
"""
from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Optional

OUTLETS = (
    ("Meridian Wire", "meridian-wire.example"),
    ("Harbour Post", "harbour-post.example"),
    ("Northern Ledger", "northern-ledger.example"),
    ("Atlas Daily", "atlas-daily.example"),
    ("Civic Observer", "civic-observer.example"),
    ("Lantern News", "lantern-news.example"),
)

# name, demonym, capital
COUNTRIES = (
    ("Kenya", "Kenyan", "Nairobi"), ("Uganda", "Ugandan", "Kampala"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Egypt", "Egyptian", "Cairo"),
    ("Nigeria", "Nigerian", "Abuja"), ("Ghana", "Ghanaian", "Accra"),
    ("India", "Indian", "New Delhi"), ("Pakistan", "Pakistani", "Islamabad"),
    ("China", "Chinese", "Beijing"), ("Japan", "Japanese", "Tokyo"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Brazil", "Brazilian", "Brasilia"), ("Argentina", "Argentine", "Buenos Aires"),
    ("Peru", "Peruvian", "Lima"), ("Colombia", "Colombian", "Bogota"),
    ("Poland", "Polish", "Warsaw"), ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"), ("Turkey", "Turkish", "Ankara"),
    ("Iran", "Iranian", "Tehran"), ("Iraq", "Iraqi", "Baghdad"),
    ("Canada", "Canadian", "Ottawa"), ("Mexico", "Mexican", "Mexico City"),
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")

TOPICS = ("water sharing on their common rivers", "the security of their shared border",
          "fishing rights in disputed waters", "a stalled railway project", "energy supplies for the winter",
          "the return of refugees", "tariffs on steel and grain", "a new air services deal")
AGREEMENTS = ("reopen their border crossings to trade", "resume direct flights between their capitals",
              "set up a joint commission on water sharing", "exchange prisoners held since last year",
              "hold joint naval exercises next spring", "extend a fishing agreement by five years")
ACCUSATIONS = ("spying on its naval bases", "arming rebels in its border provinces",
               "jamming civilian aircraft signals", "blocking food shipments at the border",
               "interfering in its elections", "dumping cheap steel on its market")
GRIEVANCES = ("the detention of its citizens", "a dam built on a shared river",
              "the seizure of a cargo ship", "troop movements near the frontier",
              "the arrest of an opposition journalist", "a ban on its farm exports")
REQUESTS = ("release detained fishermen", "hand over suspects in a bombing case",
            "withdraw troops from the frontier", "reopen its consulate in the port city",
            "share data on river flows", "lift a ban on its airlines")
PROPOSALS = ("build a joint hydropower dam", "share patrols along the coast",
             "cut tariffs on farm goods", "hold a referendum in the border districts")
DEMANDS = ("the smuggling of fuel stops", "its detained truck drivers are freed",
           "the militia camps near the frontier are closed")

# Each lead is one event; {a}/{b} are country names, {ad}/{bd} demonyms, {acap} a capital.
LEADS = (
    ("{a}'s foreign minister held talks with his {bd} counterpart in {acap} on {day}, focusing on {topic}.",
     "{ad} and {bd} ministers hold talks on {short}"),
    ("{a} and {b} agreed on {day} to {agreement}, officials from both governments said.",
     "{a} and {b} agree to {short}"),
    ("{a} accused {b} on {day} of {accusation}, in a statement from its foreign ministry.",
     "{a} accuses {b} of {short}"),
    ("The {ad} government condemned {b} on {day} over {grievance}.",
     "{a} condemns {b} over {short}"),
    ("{a} imposed sanctions on {bd} officials on {day} over {grievance}.",
     "{a} imposes sanctions on {bd} officials"),
    ("{a} expelled two {bd} diplomats on {day}, accusing them of {accusation}.",
     "{a} expels {bd} diplomats"),
    ("{ad} troops shelled positions held by {bd} forces near the border on {day}, killing {n} soldiers, the {bd} army said.",
     "{n} {bd} soldiers killed in {ad} shelling"),
    ("{a} sent {n} tonnes of food and medicine to {b} on {day} after floods swept the country's north.",
     "{a} sends flood aid to {b}"),
    ("{a} threatened on {day} to close its border with {b} unless {demand}.",
     "{a} threatens to close border with {b}"),
    ("Thousands of protesters marched outside the {bd} embassy in {acap} on {day} to denounce {grievance}.",
     "Protesters march on {bd} embassy in {acap}"),
    ("{a} asked {b} on {day} to {request}.",
     "{a} asks {b} to {short}"),
    ("{b} rejected a proposal from {a} on {day} to {proposal}.",
     "{b} rejects {ad} proposal"),
    ("{a} signed a trade agreement with {b} on {day} covering {topic}.",
     "{a} and {b} sign trade deal"),
    ("{ad} police arrested {n} {bd} fishermen on {day} for fishing illegally in {ad} waters.",
     "{ad} police arrest {n} {bd} fishermen"),
)
FOLLOW_UPS = (
    "A spokesman for the {ad} foreign ministry said the two sides would meet again next month.",
    "{b}'s foreign ministry said it would study the statement before giving a full reply.",
    "The {bd} ambassador was summoned to the foreign ministry in {acap} on the same day.",
    "Officials in {bcap} declined to comment on the matter when reached by telephone.",
    "The {ad} president is due to visit {bcap} later this year, according to his office.",
    "Opposition lawmakers in {acap} called for a parliamentary debate on the issue.",
)
BACKGROUNDS = (
    "Relations between the two neighbours have been strained since a border dispute flared in {year}.",
    "The two countries signed a friendship treaty in {year} that has been renewed twice since.",
    "Trade between {a} and {b} reached about {n} billion dollars last year, official figures show.",
    "Talks on the issue broke down in {year} after a row over the treaty's wording.",
    "Both governments are members of a regional bloc that meets every spring.",
)
CLOSERS = (
    "Analysts said the dispute was unlikely to be settled before the end of the year.",
    "Markets in both countries were little changed after the announcement.",
    "Diplomats expect the matter to come up at a regional summit in the autumn.",
    "",
)


@dataclass
class Article:
    """One invented story: what a page shows as headline, byline date and body paragraphs."""

    id: str
    headline: str
    paragraphs: list[str]
    published: date
    outlet: str
    host: str
    language: str = "en"
    kind: str = "news"  # news | index | contact | video
    credit: Optional[str] = None
    links: list[str] = field(default_factory=list)  # headlines of other stories (index pages)

    @property
    def url(self) -> str:
        ascii_headline = unicodedata.normalize("NFKD", self.headline).encode("ascii", "ignore").decode()
        slug = "-".join(w.strip(".,':").lower() for w in ascii_headline.split()[:8])
        return f"https://{self.host}/{self.published:%Y/%m/%d}/{slug}-{self.id}"

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _fill(template: str, values: dict) -> str:
    text = template.format(**values)
    return text[0].upper() + text[1:]


_DANGLING = {"a", "an", "the", "in", "on", "of", "its", "to", "by", "for", "from", "between", "near", "since", "at"}


def _short(phrase: str) -> str:
    """The first words of a phrase for a headline, never ending on "of" or "the"."""
    words = phrase.split()[:5]
    while len(words) > 1 and words[-1] in _DANGLING:
        words.pop()
    return " ".join(words)


def english_articles(count: int, seed: int = 12, start: date = date(2024, 1, 8)) -> list[Article]:
    """``count`` invented English wire stories, each with a dated dateline and 3-5 paragraphs."""
    rng = random.Random(seed)
    stories = []
    for index in range(count):
        (a, ad, acap), (b, bd, bcap) = rng.sample(COUNTRIES, 2)
        published = start + timedelta(days=rng.randrange(0, 170))
        event_day = published - timedelta(days=rng.choice((0, 1, 1, 2)))
        outlet, host = OUTLETS[index % len(OUTLETS)]
        values = dict(a=a, ad=ad, acap=acap, b=b, bd=bd, bcap=bcap, day=WEEKDAYS[event_day.weekday()],
                      topic=rng.choice(TOPICS), agreement=rng.choice(AGREEMENTS),
                      accusation=rng.choice(ACCUSATIONS), grievance=rng.choice(GRIEVANCES),
                      request=rng.choice(REQUESTS), proposal=rng.choice(PROPOSALS),
                      demand=rng.choice(DEMANDS), n=rng.randrange(3, 40), year=rng.randrange(2009, 2022))
        lead, headline = LEADS[index % len(LEADS)]
        key = next((k for k in ("topic", "agreement", "accusation", "grievance", "request") if "{" + k + "}" in lead), "topic")
        values["short"] = _short(values[key])
        dateline = f"{acap.upper()}, {MONTHS[published.month - 1]} {published.day} ({outlet}) -- "
        paragraphs = [dateline + _fill(lead, values)]
        for pool in rng.sample((FOLLOW_UPS, FOLLOW_UPS[::-1], BACKGROUNDS), rng.randrange(2, 4)):
            sentence = _fill(rng.choice(pool), values)
            if sentence not in paragraphs:
                paragraphs.append(sentence)
        closer = rng.choice(CLOSERS)
        if closer:
            paragraphs.append(closer)
        stories.append(Article(f"s{index:04d}", _fill(headline, values), paragraphs, published, outlet, host))
    return stories


# Stories in other languages (written for this project), one event each.
FOREIGN = {
    "fr": ("Le gouvernement de {a} a condamné {day} la décision de {b} de fermer sa frontière aux camions de marchandises.",
           "Le ministre des affaires étrangères a convoqué l'ambassadeur pour lui demander des explications sur cette mesure.",
           "Selon les autorités, plus de {n} camions attendent depuis plusieurs jours au poste frontière principal.",
           "Les deux pays doivent se retrouver le mois prochain pour une nouvelle série de négociations commerciales."),
    "es": ("El gobierno de {a} acusó {day} a {b} de bloquear los envíos de alimentos en la frontera común.",
           "El ministro de relaciones exteriores dijo que su país presentará una queja formal ante el organismo regional.",
           "Según fuentes oficiales, unos {n} camiones permanecen detenidos desde hace una semana en el paso fronterizo.",
           "Las autoridades de ambos países no han fijado todavía una fecha para reanudar las conversaciones."),
    "de": ("Die Regierung von {a} hat am {day} Gespräche mit {b} über die Nutzung der gemeinsamen Flüsse aufgenommen.",
           "Der Außenminister sagte nach dem Treffen, beide Seiten wollten bis zum Sommer eine Einigung erreichen.",
           "Nach Angaben der Behörden sind seit dem Frühjahr mehr als {n} Dörfer von der Wasserknappheit betroffen.",
           "Die Verhandlungen sollen im kommenden Monat in der Hauptstadt fortgesetzt werden."),
    "pt": ("O governo de {a} anunciou {day} o envio de {n} toneladas de alimentos e remédios para {b} após as enchentes.",
           "O ministro das relações exteriores afirmou que a ajuda humanitária chegará às regiões mais atingidas nesta semana.",
           "Segundo as autoridades locais, milhares de famílias perderam suas casas e continuam sem abrigo.",
           "Os dois países mantêm um acordo de cooperação em casos de desastres naturais desde o ano passado."),
    "it": ("Il governo di {a} ha espulso {day} due diplomatici di {b}, accusati di spionaggio nei porti militari.",
           "Il ministro degli esteri ha dichiarato che il paese non tollererà interferenze nei propri affari interni.",
           "Secondo la stampa locale, i due funzionari avevano fotografato almeno {n} navi nel porto principale.",
           "L'ambasciata ha respinto le accuse e ha annunciato che presenterà una protesta formale."),
}
FOREIGN_DAYS = {"fr": "mardi", "es": "el martes", "de": "Dienstag", "pt": "nesta terça-feira", "it": "martedì"}
FOREIGN_HEADLINES = {"fr": "{a} condamne la fermeture de la frontière", "es": "{a} acusa a {b} de bloquear envíos",
                     "de": "{a} und {b} verhandeln über Flüsse", "pt": "{a} envia ajuda para {b}",
                     "it": "{a} espelle due diplomatici di {b}"}


def foreign_articles(count: int, seed: int = 13, start: date = date(2024, 1, 8)) -> list[Article]:
    """``count`` stories in French, Spanish, German, Portuguese and Italian, in turn."""
    rng = random.Random(seed)
    languages = sorted(FOREIGN)
    stories = []
    for index in range(count):
        language = languages[index % len(languages)]
        (a, _, _), (b, _, _) = rng.sample(COUNTRIES, 2)
        values = dict(a=a, b=b, day=FOREIGN_DAYS[language], n=rng.randrange(5, 400))
        outlet, host = OUTLETS[index % len(OUTLETS)]
        paragraphs = [_fill(p, values) for p in FOREIGN[language]]
        stories.append(Article(f"f{index:04d}", _fill(FOREIGN_HEADLINES[language], values), paragraphs,
                               start + timedelta(days=rng.randrange(0, 170)), outlet, host, language))
    return stories


CREDITS = ("Reporting by the {outlet} desk; editing by the night team.",
           "({outlet}) -- additional reporting from regional bureaux.",
           "This story was first published by {outlet} and is republished with permission.")


def near_copy(story: Article, variant: int, outlet: tuple[str, str] = OUTLETS[-1]) -> Article:
    """The same story republished: another headline, the last paragraph cut, a credit line."""
    paragraphs = list(story.paragraphs)
    if len(paragraphs) > 3:
        paragraphs = paragraphs[:-1]
    credit = CREDITS[variant % len(CREDITS)].format(outlet=story.outlet)
    return replace(story, id=f"{story.id}-copy{variant}", headline=f"UPDATE {variant + 1}: {story.headline}",
                   paragraphs=paragraphs + [credit], outlet=outlet[0], host=outlet[1], credit=credit)


def not_news_pages(count: int, headlines: list[str], start: date = date(2024, 1, 8)) -> list[Article]:
    """Section fronts (lists of links), contact pages and video stubs: pages a crawl holds that carry no story."""
    pages = []
    for index in range(count):
        outlet, host = OUTLETS[index % len(OUTLETS)]
        kind = ("index", "contact", "video")[index % 3]
        published = start + timedelta(days=index)
        if kind == "index":
            links = headlines[index:index + 12] or headlines[:12]
            pages.append(Article(f"n{index:04d}", "World news", [], published, outlet, host, kind=kind, links=links))
        elif kind == "contact":
            pages.append(Article(f"n{index:04d}", "Contact us", [f"Write to the {outlet} newsroom at our office."],
                                 published, outlet, host, kind=kind))
        else:
            pages.append(Article(f"n{index:04d}", f"Watch: {headlines[index % len(headlines)]}",
                                 ["Video, 2 minutes."], published, outlet, host, kind=kind))
    return pages
