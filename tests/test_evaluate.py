"""The evaluation harness: matching, scoring (figures checked by hand), label mapping, gold files."""
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from communique.evaluate import (
    GoldFormatError, dyad_matches, gold_path_for, load_gold_events, map_code, map_label,
    match_events, parse_gsr, read_article_documents, same_sentence, score_articles, score_gsr,
    validate_gold_event,
)
from communique.model import PLOVER_CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
GOLD_DOCS = ROOT / "benchmarks" / "gold" / "articles.jsonl"
GOLD_EVENTS = ROOT / "benchmarks" / "gold" / "articles.gold.jsonl"
GSR_DEV = Path(__file__).parents[2] / "shared" / "eval" / "plover-gsr-dev.json"


def pred(event, actor=(), recipient=(), text="", date=None, mode=None):
    """A predicted event record cut down to the fields the scorer reads."""
    return {"event": event, "mode": mode, "date": date, "text": text,
            "actor": [{"text": c, "code": c} for c in actor],
            "recipient": [{"text": c, "code": c} for c in recipient]}


def gold(article, event, source, target=None, symmetric=False, date=None, salience="main",
         evidence="", mode=None):
    side = lambda c: None if c is None else {"text": c or "x", "country": c, "sector": None}
    return {"article": article, "event": event, "mode": mode, "source": side(source),
            "target": side(target), "date": date, "salience": salience, "symmetric": symmetric,
            "evidence": evidence}


def gsr_record(id, event, source, target, text="Some sentence."):
    return {"id": id, "event": event, "date": "2000-01-01", "text": text,
            "source": [{"actorText": c, "code": c} for c in source],
            "target": [{"actorText": c, "code": c} for c in target] if target else ""}


# --------------------------------------------------------------- labels and codes

@pytest.mark.parametrize("old,new", [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"),
                                     ("INVESTIGATE", "ACCUSE"), ("FIGHT", "ASSAULT"),
                                     ("AGREE", "AGREE"), ("demand", "REQUEST")])
def test_plover_05_labels_map_to_08(old, new):
    assert map_label(old) == new


@pytest.mark.parametrize("old,new", [("JAP", "JPN"), ("ITL", "ITA"), ("KOS", "XKX"), ("IMG", "IMG"), ("CHN", "CHN"),
                                     ("igo", "IGO"), ("", None), (None, None)])
def test_old_country_codes_map_to_iso(old, new):
    assert map_code(old) == new


def test_gsr_header_skipped_and_labels_mapped():
    records = parse_gsr([
        {"id": "DOC", "event": "DOCUMENT"},
        gsr_record("a", "DEMAND", ["JAP"], ["USA"]),
        gsr_record("b", "AGREE", ["HUN", "ROU"], None),
        {**gsr_record("c", "AGREE", ["TUR", "GRC"], None), "target": "diplomatic"},
    ])
    assert [r.id for r in records] == ["a", "b", "c"]
    assert records[0].event == "REQUEST" and records[0].source == {"JPN"}
    assert records[1].compound and records[2].compound  # a stray string target is no target
    assert not records[0].compound
    assert records[0].published == date(2000, 1, 1)


# --------------------------------------------------------------- dyads

def test_dyad_direct_and_free_sides():
    assert dyad_matches({"CHN"}, {"JPN"}, {"CHN"}, {"JPN"})
    assert not dyad_matches({"JPN"}, {"CHN"}, {"CHN"}, {"JPN"})  # reversed, not symmetric
    assert dyad_matches({"CHN"}, {"USA"}, {"CHN"}, set())  # no gold target: anything
    assert dyad_matches({"CHN"}, set(), {"CHN"}, set())
    assert not dyad_matches({"CHN"}, set(), {"CHN"}, {"JPN"})  # gold target missed


def test_symmetric_event_matches_either_direction():
    assert dyad_matches({"JPN"}, {"CHN"}, {"CHN"}, {"JPN"}, symmetric=True)
    assert not dyad_matches({"JPN"}, {"USA"}, {"CHN"}, {"JPN"}, symmetric=True)


@pytest.mark.parametrize("actor,recipient,ok", [
    ({"HUN"}, {"ROU"}, True), ({"ROU"}, {"HUN"}, True),        # either direction
    ({"HUN", "ROU"}, set(), True),                             # one compound actor
    ({"HUN"}, set(), False), ({"HUN"}, {"AUT"}, False),        # only one party joined
    ({"AUT"}, {"ROU"}, False),
])
def test_compound_gold_matches_when_the_event_joins_the_parties(actor, recipient, ok):
    assert dyad_matches(actor, recipient, {"HUN", "ROU"}, set(), compound=True) is ok


# --------------------------------------------------------------- GSR scoring, figures by hand

def test_score_gsr_by_hand():
    records = parse_gsr([
        gsr_record("s1", "AGREE", ["HUN", "ROU"], None),   # compound
        gsr_record("s2", "DEMAND", ["PSE"], ["ISR"]),
        gsr_record("s3", "FIGHT", ["IRQ"], ["IRN"]),
        gsr_record("s4", "REJECT", ["SRB"], ["AUS"]),
    ])
    predictions = {
        "s1": [pred("AGREE", ["ROU"], ["HUN"])],                        # cat TP, triple TP (reversed)
        "s2": [pred("REQUEST", ["ISR"], ["PSE"]), pred("ACCUSE", ["PSE"], ["ISR"])],
        # s2: cat TP REQUEST + FP ACCUSE; triple FN (reversed dyad) + FP REQUEST + FP ACCUSE
        "s3": [pred("ASSAULT", ["IRQ"], ["IRN"]), pred("ASSAULT", ["IRQ"], ["IRN"])],  # duplicates count once
        "s4": [],                                                       # FN both
    }
    report = score_gsr(records, predictions)
    cat, tri = report["category"], report["triple"]
    assert cat["overall"] == {"tp": 3, "fp": 1, "fn": 1, "precision": 0.75, "recall": 0.75, "f1": 0.75}
    assert cat["by_category"]["ACCUSE"]["fp"] == 1
    assert cat["by_category"]["REJECT"]["recall"] == 0.0
    # triple: TP s1, s3; FN s2, s4; FP: REQUEST(reversed) and ACCUSE of s2
    assert tri["overall"]["tp"] == 2 and tri["overall"]["fn"] == 2 and tri["overall"]["fp"] == 2
    assert tri["overall"]["precision"] == 0.5 and tri["overall"]["recall"] == 0.5
    assert tri["by_category"]["REQUEST"] == {"tp": 0, "fp": 1, "fn": 1, "precision": 0.0,
                                             "recall": 0.0, "f1": 0.0}
    # macro F1 over AGREE(1), REQUEST(cat 1.0), ASSAULT(1), REJECT(None->0), ACCUSE(0)
    assert cat["macro_f1"] == pytest.approx(3 / 5)
    assert report["confusion"]["matrix"]["REJECT"] == {"NONE": 1}
    assert report["confusion"]["matrix"]["REQUEST"] == {"REQUEST": 1}
    assert {e["id"] for e in report["errors"]} == {"s2", "s4"}
    assert report["date"]["gold_dated"] == 0


def test_gsr_confusion_lists_the_wrong_categories():
    records = parse_gsr([gsr_record("s1", "THREATEN", ["USA"], ["IRN"])])
    report = score_gsr(records, {"s1": [pred("ACCUSE", ["USA"], ["IRN"]), pred("SANCTION", ["USA"], ["IRN"])]})
    assert report["confusion"]["matrix"]["THREATEN"] == {"ACCUSE": 1, "SANCTION": 1}


# --------------------------------------------------------------- articles matching and scoring

def test_same_sentence_allows_whitespace_and_merged_sentences():
    assert same_sentence("Police  arrested\nten people.", "Police arrested ten people.")
    assert same_sentence("TOKYO, May 2 -- Police arrested ten people.", "Police arrested ten people.")
    assert not same_sentence("Police arrested ten people.", "Troops fired on a crowd.")
    assert not same_sentence("", "Troops fired on a crowd.")


def test_symmetric_gold_matches_reversed_prediction_one_to_one():
    gold_events = [gold("A", "CONSULT", "CHN", "JPN", symmetric=True, evidence="Wang met Motegi."),
                   gold("A", "CONSULT", "CHN", "KOR", symmetric=True, evidence="Wang met Chung.")]
    predicted = [pred("CONSULT", ["KOR"], ["CHN"], text="Wang met Chung."),
                 pred("CONSULT", ["JPN"], ["CHN"], text="Wang met Motegi."),
                 pred("CONSULT", ["JPN"], ["CHN"], text="Wang met Motegi.")]  # a duplicate: one FP
    assert match_events(gold_events, predicted, triple=True) == [(0, 1), (1, 0)]
    not_symmetric = [{**g, "symmetric": False} for g in gold_events]
    assert match_events(not_symmetric, predicted, triple=True) == []
    assert len(match_events(not_symmetric, predicted, triple=False)) == 2


def test_matching_prefers_the_evidence_sentence():
    gold_events = [gold("A", "ACCUSE", "USA", None, evidence="First."),
                   gold("A", "ACCUSE", "USA", None, evidence="Second.")]
    predicted = [pred("ACCUSE", ["USA"], text="Second."), pred("ACCUSE", ["USA"], text="First.")]
    assert match_events(gold_events, predicted, triple=True) == [(0, 1), (1, 0)]


def test_score_articles_by_hand():
    gold_events = [
        gold("A", "CONSULT", "CHN", "JPN", symmetric=True, date="2020-07-28", evidence="s1", mode="phone"),
        gold("A", "ACCUSE", "USA", "CHN", salience="secondary", evidence="s2"),
        gold("B", "ASSAULT", "NGA", None, date="2021-01-05", evidence="s3"),
        gold("B", "PROTEST", "NGA", "NGA", salience="secondary", evidence="s4"),
    ]
    predictions = {
        "A": [pred("CONSULT", ["JPN"], ["CHN"], text="s1", date="2020-07-28", mode="phone"),  # triple TP
              pred("ACCUSE", ["CHN"], ["USA"], text="s2"),                                    # cat TP, triple miss
              pred("AID", ["USA"], ["CHN"], text="s9")],                                      # false
        "B": [pred("ASSAULT", ["NGA"], ["NGA"], text="s3", date="2021-01-04"),               # TP, wrong date
              pred("COERCE", ["NGA"], ["NGA"], text="s4")],                                  # confused with PROTEST
        "C": [],
    }
    report = score_articles(["A", "B", "C"], gold_events, predictions)
    cat, tri = report["category"]["overall"], report["triple"]["overall"]
    assert (cat["tp"], cat["fp"], cat["fn"]) == (3, 2, 1)
    assert cat["precision"] == 0.6 and cat["recall"] == 0.75 and cat["f1"] == pytest.approx(0.6667, abs=1e-4)
    assert (tri["tp"], tri["fp"], tri["fn"]) == (2, 3, 2)
    assert tri["precision"] == 0.4 and tri["recall"] == 0.5
    assert report["date"]["gold_dated"] == 2 and report["date"]["matched"] == 2
    assert report["date"]["correct"] == 1 and report["date"]["accuracy"] == 0.5
    assert report["false_events_per_article"] == 1.0  # 3 unmatched predicted / 3 articles
    assert report["salience"]["main"] == {"gold": 2, "found": 2, "recall": 1.0}
    assert report["salience"]["secondary"] == {"gold": 2, "found": 0, "recall": 0.0}
    assert report["mode"] == {"gold_with_mode": 1, "same": 1, "agreement": 1.0}
    matrix = report["confusion"]["matrix"]
    assert matrix["PROTEST"] == {"COERCE": 1}
    assert matrix["NONE"] == {"AID": 1}
    assert matrix["CONSULT"] == {"CONSULT": 1}
    assert {e["article"] for e in report["errors"]} == {"A", "B"}


def test_null_gold_target_matches_any_recipient():
    g = [gold("A", "REQUEST", "IGO", None, evidence="x")]
    assert match_events(g, [pred("REQUEST", ["IGO"], ["SDN"], text="x")], triple=True) == [(0, 0)]
    assert match_events(g, [pred("REQUEST", ["SDN"], ["IGO"], text="x")], triple=True) == []


def test_list_sides_match_any_listed_party():
    g = [{**gold("A", "REQUEST", "CHN", None, evidence="x"),
          "target": [{"text": "Tokyo", "country": "JPN", "sector": "GOV"},
                     {"text": "Manila", "country": "PHL", "sector": "GOV"}]}]
    assert match_events(g, [pred("REQUEST", ["CHN"], ["PHL"])], triple=True) == [(0, 0)]
    assert match_events(g, [pred("REQUEST", ["CHN"], ["USA"])], triple=True) == []


# --------------------------------------------------------------- gold file validation

def test_invalid_gold_lines_name_file_and_line(tmp_path):
    good = gold("A", "AGREE", "CHN", "JPN", evidence="x")
    path = tmp_path / "x.gold.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "event": "HUG"}) + "\n")
    with pytest.raises(GoldFormatError, match=r"x.gold.jsonl:2: unknown PLOVER category 'HUG'"):
        load_gold_events(path)
    for bad, message in [({**good, "salience": "big"}, "salience"), ({**good, "date": "July 4"}, "date"),
                         ({**good, "source": {"text": "x", "country": "XXX"}}, "XXX"),
                         ({k: v for k, v in good.items() if k != "evidence"}, "evidence")]:
        with pytest.raises(GoldFormatError, match=message):
            validate_gold_event(bad, "f:1")


def test_gold_codes_outside_iso_that_the_country_table_knows_are_valid():
    good = gold("A", "ASSAULT", "SRB", "IGO", evidence="x")
    for code in ("XKX", "KOS"):  # Kosovo: the country table's code, and the PLOVER manual's
        assert validate_gold_event({**good, "source": {"text": "Kosovo police", "country": code}}, "f:1")


def test_gold_path_for_documents():
    assert gold_path_for("a/articles.jsonl") == Path("a/articles.gold.jsonl")


@pytest.fixture(scope="module")
def gold_set():
    documents = read_article_documents(GOLD_DOCS)
    return documents, load_gold_events(GOLD_EVENTS)


def test_gold_set_is_large_enough_and_parses(gold_set):
    documents, events = gold_set
    assert len(documents) >= 40
    assert len({d.id for d in documents}) == len(documents)
    for line in GOLD_DOCS.read_text("utf-8").splitlines():
        record = json.loads(line)
        date.fromisoformat(record["published"])
        assert 3 <= len(record["text"].split("\n\n")) <= 7, record["id"]


def test_gold_set_has_every_category_at_least_twice(gold_set):
    _, events = gold_set
    counts = {c: sum(e["event"] == c for e in events) for c in PLOVER_CATEGORIES}
    assert all(n >= 2 for n in counts.values()), counts


def test_gold_events_point_at_real_articles_sentences_and_dates(gold_set):
    documents, events = gold_set
    by_id = {d.id: d for d in documents}
    for e in events:
        assert e["article"] in by_id, e
        document = by_id[e["article"]]
        assert e["evidence"] in document.text, e["evidence"]
        if e["date"]:
            event_date = date.fromisoformat(e["date"])
            assert event_date <= document.published, e  # events are reported after they happen
            assert (document.published - event_date).days <= 14, e


# --------------------------------------------------------------- end to end

def _coder_missing() -> str | None:
    try:
        import communique.actors  # noqa: F401
        import communique.events  # noqa: F401
    except ImportError as exc:
        return f"the coder is not built yet: {exc}"
    return None


@pytest.mark.skipif(not GSR_DEV.exists(), reason=f"{GSR_DEV} is not here")
def test_eval_command_on_the_plover_gsr_reports_every_category():
    missing = _coder_missing()
    if missing:
        pytest.skip(missing)
    run = subprocess.run([sys.executable, "-m", "communique.cli", "eval", str(GSR_DEV), "--format", "gsr",
                          "--json", "--workers", "2"], capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout)
    assert report["documents"] == 164
    for part in ("category", "triple"):
        assert set(PLOVER_CATEGORIES) <= set(report[part]["by_category"])
        for figures in report[part]["by_category"].values():
            assert {"precision", "recall", "f1", "tp", "fp", "fn"} <= set(figures)
    assert report["category"]["overall"]["tp"] + report["category"]["overall"]["fn"] == 164


def test_evaluate_scores_saved_predictions_without_coding(tmp_path):
    from communique.evaluate import evaluate

    docs = tmp_path / "mini.jsonl"
    docs.write_text(json.dumps({"id": "M1", "published": "2022-05-06",
                                "text": "Chile and Peru signed a fisheries pact on Thursday.\n\nNo talks followed."}) + "\n")
    (tmp_path / "mini.gold.jsonl").write_text(json.dumps(
        gold("M1", "SUPPORT", "CHL", "PER", symmetric=True, date="2022-05-05",
             evidence="Chile and Peru signed a fisheries pact on Thursday.")) + "\n")
    saved = tmp_path / "events.jsonl"
    saved.write_text(json.dumps({**pred("SUPPORT", ["PER"], ["CHL"], date="2022-05-05",
                                        text="Chile and Peru signed a fisheries pact on Thursday."),
                                 "doc": "M1"}) + "\n")
    report = evaluate(docs, predictions_path=saved)
    assert report["format"] == "articles"
    assert report["triple"]["overall"]["f1"] == 1.0 and report["date"]["accuracy"] == 1.0


# --------------------------------------------------------------------------- PLV pairs

def plv_line(uid, sentence, source, target, label):
    return json.dumps({"uid": uid, "sentence_id": uid, "gold_root": label, "sentence": sentence,
                       "source": source, "target": target})


def test_plv_pairs_found_right_and_extra_categories(tmp_path):
    from communique.evaluate import load_plv, score_plv

    path = tmp_path / "pairs.jsonl"
    one = "Ruritania's defence minister accused Freedonia of shelling a border post."
    two = "The two leaders met in Geneva and agreed to reopen the crossing."
    path.write_text("\n".join([
        plv_line("p1", one, "Ruritania's defence minister", "Freedonia", "ACCUSE"),
        plv_line("p2", two, "Ruritanian leader", "Freedonian president", "AGREE"),
        plv_line("p3", two, "Freedonian president", "Ruritanian leader", "CONSULT"),
    ]) + "\n")
    pairs = load_plv(path)
    assert [p.doc for p in pairs] == ["p1", "p2", "p2"]  # a shared sentence is coded once
    preds = {
        "p1": [pred("ACCUSE", ["minister"], ["Freedonia"]), pred("ASSAULT", ["Freedonia"], ["post"])],
        # AGREE is joint: found in reverse; CONSULT missing; THREATEN asked by nobody.
        "p2": [pred("AGREE", ["president"], ["leader"]), pred("THREATEN", ["leader"], ["president"])],
    }
    for records in preds.values():  # entity texts are words, not codes, in these cases
        for r in records:
            for e in r["actor"] + r["recipient"]:
                e["code"] = None
    report = score_plv(pairs, preds)
    # p2 (leader -> president) is linked by AGREE in reverse (a joint category); p3 (president ->
    # leader) by AGREE forward, with the wrong category; THREATEN (leader -> president) links p2 only.
    assert report["pairs_found"] == 3
    assert report["pairs_right"] == 2
    assert report["right"] == round(2 / 3, 4)
    # p1 predicted ASSAULT, p2 predicted THREATEN: neither asked for in its sentence.
    assert report["extra_categories_per_sentence"] == 1.0
    assert report["triple"]["by_category"]["CONSULT"]["fn"] == 1


def test_plv_yield_counts_retreat_and_concede(tmp_path):
    from communique.evaluate import load_plv, score_plv

    path = tmp_path / "pairs.jsonl"
    path.write_text(plv_line("y1", "Ruritania pulled its troops back from Freedonia.", "Ruritania",
                             "Freedonia", "YIELD") + "\n")
    report = score_plv(load_plv(path), {"y1": [pred("RETREAT", ["Ruritania"], ["Freedonia"])]})
    assert report["right"] == 1.0 and report["extra_categories_per_sentence"] == 0.0


def test_plv_function_words_do_not_link(tmp_path):
    from communique.evaluate import load_plv, score_plv

    path = tmp_path / "pairs.jsonl"
    path.write_text(plv_line("f1", "The council of the city condemned the mayor.", "The council of the city",
                             "the mayor", "ACCUSE") + "\n")
    report = score_plv(load_plv(path), {"f1": [pred("ACCUSE", ["the governor"], ["the office"])]})
    assert report["pairs_found"] == 0


def test_plv_file_errors_name_the_line(tmp_path):
    from communique.evaluate import load_plv

    path = tmp_path / "bad.jsonl"
    path.write_text(plv_line("a", "x y", "x", "y", "AGREE") + "\n" + plv_line("b", "x y", "x", "y", "HUG") + "\n")
    with pytest.raises(GoldFormatError, match=r"bad.jsonl:2: unknown category 'HUG'"):
        load_plv(path)


def test_detect_format_tells_plv_from_articles(tmp_path):
    from communique.evaluate import detect_format

    path = tmp_path / "pairs.jsonl"
    path.write_text(plv_line("a", "x y", "x", "y", "AGREE") + "\n")
    assert detect_format(path) == "plv"
    assert detect_format(GOLD_DOCS) == "articles"
