"""Reading gold data: the three formats ``communique eval`` scores, each checked on load.

* ``gsr``: the PLOVER gold-standard records (a JSON list, first record a ``DOCUMENT`` header),
  one sentence and one gold event each (``parse_gsr``).
* ``articles``: whole articles (documents as ``communique code`` reads them) and a
  ``.gold.jsonl`` file of events (``load_gold_events``).
* ``plv``: sentences with a marked actor pair and the PLOVER root category between them
  (``load_plv``).

A file that cannot be read is a ``GoldFormatError`` naming the file and the line or record.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Optional

from ..knowledge.codes import NON_STATE_CODES
from ..model import PLOVER_CATEGORIES, CodingError, Document

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Codes in the GSR file that are not ISO 3166 alpha-3 (found with a script over the file). Its IMG
# (an armed group acting across borders) is the contract's own code and stays IMG.
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "KOS": "XKX"}  # KOS: the PLOVER manual's code for Kosovo
GSR_PLACEHOLDER_DATE = date(2000, 1, 1)
SALIENCE = ("main", "secondary")


class GoldFormatError(ValueError):
    """A gold file that cannot be read; the message names the file and line."""


def map_label(label: str) -> str:
    """A PLOVER 0.5 label in its 0.8 form (DEMAND -> REQUEST, ...); 0.8 labels pass through."""
    label = (label or "").strip().upper()
    return OLD_LABELS.get(label, label)


def map_code(code: Optional[str]) -> Optional[str]:
    """An old or non-ISO country code in its ISO alpha-3 form (IGO, NGO, MNC, IMG pass through)."""
    if not code:
        return None
    code = code.strip().upper()
    return OLD_CODES.get(code, code)



def entity_codes(entities: Any) -> set[str]:
    """The codes of a side: a list of entities (``code`` or ``country`` key), one entity, or empty."""
    if not entities:
        return set()
    if isinstance(entities, dict):
        entities = [entities]
    if not isinstance(entities, list):  # e.g. a stray string where a list belongs
        return set()
    codes = set()
    for e in entities:
        if isinstance(e, dict):
            code = map_code(e.get("code") if "code" in e else e.get("country"))
            if code:
                codes.add(code)
    return codes


# --------------------------------------------------------------------------- GSR format

@dataclass
class GsrRecord:
    id: str
    text: str
    event: str  # PLOVER 0.8 category
    source: set[str]
    target: set[str]
    compound: bool
    published: Optional[date]  # a placeholder (GSR_PLACEHOLDER_DATE), never a gold event date
    source_text: list[str] = field(default_factory=list)
    target_text: list[str] = field(default_factory=list)


def parse_gsr(records: list[dict], origin: str = "gsr") -> list[GsrRecord]:
    """Turn the GSR JSON list into records (skipping the DOCUMENT header)."""
    out = []
    for i, r in enumerate(records):
        if not isinstance(r, dict):
            raise GoldFormatError(f"{origin}: record {i} is not an object")
        if r.get("event") == "DOCUMENT":
            continue
        if not r.get("text") or not r.get("event") or not r.get("id"):
            raise GoldFormatError(f"{origin}: record {i} ({r.get('id')}) lacks id, event or text")
        event = map_label(r["event"])
        if event not in PLOVER_CATEGORIES:
            raise GoldFormatError(f"{origin}: record {r['id']}: unknown category {r['event']!r}")
        source, target = r.get("source") or [], r.get("target")
        # One record puts a context word in "target"; anything not a list is no target.
        target = target if isinstance(target, list) else []
        published = _parse_date(r.get("date"))
        out.append(GsrRecord(
            id=r["id"], text=r["text"], event=event, source=entity_codes(source),
            target=entity_codes(target), compound=len(source) > 1 and not target,
            published=published,
            source_text=[e.get("actorText", "") for e in source if isinstance(e, dict)],
            target_text=[e.get("actorText", "") for e in target if isinstance(e, dict)],
        ))
    return out


def load_gsr(path: Path | str) -> list[GsrRecord]:
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc}") from None
    if not isinstance(data, list):
        raise GoldFormatError(f"{path}: expected a JSON list of records")
    return parse_gsr(data, str(path))


def gsr_documents(records: list[GsrRecord]) -> list[Document]:
    """One document per GSR sentence (id = record id, no publication date).

    The GSR dates are placeholders (2000-01-01), not publication dates: passing them on would
    resolve "last year" or "on September 29" against a made-up day and mark events as
    background. The sentences are coded as undated text instead."""
    return [Document(id=r.id, text=r.text, published=None, origin=r.id) for r in records]


# --------------------------------------------------------------------------- articles format

GOLD_FIELDS = ("article", "event", "source", "target", "date", "salience", "symmetric", "evidence")


def _parse_date(value: Any) -> Optional[date]:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _valid_code(code: Optional[str]) -> bool:
    """ISO alpha-3, a non-state code, or a code the project's country table adds (Kosovo's XKX)."""
    code = map_code(code)
    if code is None or code in NON_STATE_CODES:
        return True
    import pycountry

    from ..actors.knowledge import country

    return pycountry.countries.get(alpha_3=code) is not None or country(code) is not None


def _check_side(side: Any, name: str, where: str, required: bool) -> None:
    if side in (None, {}, []):
        if required:
            raise GoldFormatError(f"{where}: {name} is required")
        return
    items = side if isinstance(side, list) else [side]
    for item in items:
        if not isinstance(item, dict) or "country" not in item:
            raise GoldFormatError(f"{where}: {name} must be {{text, country, sector}}")
        if not _valid_code(item["country"]):
            raise GoldFormatError(f"{where}: {name} country {item['country']!r} is not ISO alpha-3, IGO, NGO, MNC or IMG")


def validate_gold_event(obj: Any, where: str) -> dict:
    """Check one gold event object; raise GoldFormatError naming ``where`` (file:line)."""
    if not isinstance(obj, dict):
        raise GoldFormatError(f"{where}: expected a JSON object")
    missing = [f for f in GOLD_FIELDS if f not in obj]
    if missing:
        raise GoldFormatError(f"{where}: missing field(s) {', '.join(missing)}")
    event = map_label(obj["event"])
    if event not in PLOVER_CATEGORIES:
        raise GoldFormatError(f"{where}: unknown PLOVER category {obj['event']!r}")
    _check_side(obj["source"], "source", where, required=True)
    _check_side(obj["target"], "target", where, required=False)
    if obj["date"] is not None and _parse_date(obj["date"]) is None:
        raise GoldFormatError(f"{where}: date {obj['date']!r} is not YYYY-MM-DD")
    if obj["salience"] not in SALIENCE:
        raise GoldFormatError(f"{where}: salience must be main or secondary")
    if not isinstance(obj["symmetric"], bool):
        raise GoldFormatError(f"{where}: symmetric must be true or false")
    if not isinstance(obj["evidence"], str) or not obj["evidence"].strip():
        raise GoldFormatError(f"{where}: evidence must be the sentence the event is coded from")
    return {**obj, "event": event}


def jsonl_objects(path: Path | str) -> Iterator[tuple[str, Any]]:
    """``(file:line, object)`` for each line of a JSONL file (blank and ``#`` lines skipped); a file
    that cannot be read or a line that is not JSON is a GoldFormatError naming it."""
    path = Path(path)
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc}") from None
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{lineno}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{where}: not JSON: {exc.msg}") from None


def load_gold_events(path: Path | str) -> list[dict]:
    """Read and validate a ``.gold.jsonl`` file (blank lines and ``#`` lines are skipped)."""
    return [validate_gold_event(obj, where) for where, obj in jsonl_objects(path)]


def gold_path_for(documents_path: Path | str) -> Path:
    """``x/articles.jsonl`` -> ``x/articles.gold.jsonl``."""
    p = Path(documents_path)
    name = p.name[: -len(".jsonl")] if p.name.endswith(".jsonl") else p.stem
    return p.with_name(name + ".gold.jsonl")


def read_article_documents(path: Path | str) -> list[Document]:
    """The documents of an articles file, read the way ``communique code`` reads them
    (datelines and date lines included); a malformed record is a GoldFormatError."""
    from ..ingest import read_documents

    docs = []
    for item in read_documents([str(path)]):
        if isinstance(item, CodingError):
            raise GoldFormatError(str(item))
        docs.append(item)
    return docs


# --------------------------------------------------------------------------- PLV sentence pairs

# PLV labels name PLOVER root categories; YIELD stands for RETREAT or CONCEDE.
PLV_LABELS = {"YIELD": frozenset({"RETREAT", "CONCEDE"})}


@dataclass
class PlvPair:
    """One marked actor pair of a PLV sentence and the PLOVER root category between them."""

    id: str  # the pair's uid
    doc: str  # id of the document its sentence is coded as (sentences shared by pairs are coded once)
    sentence: str
    source: str  # the marked source text
    target: str  # the marked target text
    label: str  # gold_root as written (YIELD kept)

    @property
    def categories(self) -> frozenset[str]:
        """The PLOVER 0.8 categories that count as right for this pair."""
        return PLV_LABELS.get(self.label, frozenset({self.label}))


def load_plv(path: Path | str) -> list[PlvPair]:
    """Read a PLV JSONL file (``uid``, ``sentence``, ``source``, ``target``, ``gold_root`` per line)."""
    pairs: list[PlvPair] = []
    doc_of_sentence: dict[str, str] = {}
    for where, obj in jsonl_objects(path):
        if not isinstance(obj, dict):
            raise GoldFormatError(f"{where}: expected a JSON object")
        missing = [f for f in ("uid", "sentence", "source", "target", "gold_root") if not obj.get(f)]
        if missing:
            raise GoldFormatError(f"{where}: missing field(s) {', '.join(missing)}")
        label = str(obj["gold_root"]).strip().upper()
        if label not in PLV_LABELS and label not in PLOVER_CATEGORIES:
            raise GoldFormatError(f"{where}: unknown category {obj['gold_root']!r}")
        sentence = str(obj["sentence"])
        doc = doc_of_sentence.setdefault(sentence, str(obj["uid"]))
        pairs.append(PlvPair(id=str(obj["uid"]), doc=doc, sentence=sentence, source=str(obj["source"]),
                             target=str(obj["target"]), label=label))
    return pairs


def plv_documents(pairs: list[PlvPair]) -> list[Document]:
    """One undated document per distinct sentence (lone sentences, as the scoring asks)."""
    seen: dict[str, Document] = {}
    for p in pairs:
        if p.doc not in seen:
            seen[p.doc] = Document(id=p.doc, text=p.sentence, published=None, origin=p.id)
    return list(seen.values())
