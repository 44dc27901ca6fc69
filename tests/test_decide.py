"""The one place where an event is decided: readings of a clause and of a pair, the rule chain, what a
story reports."""
from datetime import date

from communique.events.decide import Reading, report
from communique.model import Entity, Event, Trigger
from communique.pipeline import code_text


def test_each_visitor_of_a_hosted_visit_is_an_actor():
    # Before the decision was made once per pair, the second visitor came out backwards (EGY -> TUR).
    events = code_text("Ghana hosted delegations from Togo and Benin on Monday.", published=date(2024, 2, 7))
    assert sorted((e.event, e.cameo, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events) == [
        ("CONSULT", "042", ["BEN"], ["GHA"]), ("CONSULT", "042", ["TGO"], ["GHA"])]


def test_an_event_names_the_rules_that_decided_it():
    (event,) = code_text("Ghana hosted Togo's foreign minister on Monday.", published=date(2024, 2, 7))
    assert event.rule.startswith("events/data/triggers.tsv line ")
    assert event.rule.endswith("; decide: the visitor of a hosted visit is the actor")
    assert event.to_record()["rule"] == event.rule


def test_a_future_act_is_recoded_by_its_intent_line():
    (event,) = code_text("Kenya will send medical teams to Somalia next month.", published=date(2024, 2, 7))
    assert event.event == "AGREE" and "events/data/intent.tsv line " in event.rule


def test_what_an_act_is_for_is_an_intention_unless_a_meeting_or_a_law_makes_it_happen():
    published = date(2024, 3, 13)
    assert code_text("Brazil set up a task force to arrest illegal gold miners.", published=published) == []
    (visit,) = code_text("Qatar sent its foreign minister to Kabul on Sunday to negotiate with the Taliban.",
                         published=published)
    assert visit.event == "CONSULT"
    (ban,) = code_text("Ghana's parliament passed a law on Monday to ban protests near the presidency.",
                       published=published)
    assert (ban.event, ban.cameo) == ("COERCE", "172")


def test_a_reading_recoded_keeps_its_chain():
    first = Reading.of("043", ("events/data/triggers.tsv line 1",))
    second = first.recoded("042", "decide: the visitor of a hosted visit is the actor")
    assert (second.cameo, second.plover, second.mode) == ("042", "CONSULT", "visit")
    assert second.rules == ("events/data/triggers.tsv line 1", "decide: the visitor of a hosted visit is the actor")


def _event(category, actor, recipient, **flags):
    def side(codes):
        return [Entity(text=c or "the harbour board", code=c, sector=None) for c in codes]
    return Event(doc="d", event=category, cameo="010", actor=side(actor), recipient=side(recipient),
                 trigger=Trigger("x", 0, 1), text="x", sentence=0, **flags)


def test_a_story_reports_acts_between_named_parties_and_one_sided_acts():
    events = [_event("CONSULT", ["KEN"], ["SOM"]), _event("CONSULT", ["KEN"], []),
              _event("PROTEST", ["KEN"], []), _event("ACCUSE", ["KEN"], [None]),
              _event("ACCUSE", [None], ["SOM"]), _event("CONSULT", ["KEN"], ["SOM"], historical=True)]
    kept = report(events, sentences=5)
    assert [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in kept] == [
        ("CONSULT", ["KEN"], ["SOM"]), ("PROTEST", ["KEN"], [])]
    # A lone sentence has no story to consult: only the modalities filter it.
    assert len(report(events, sentences=1)) == 5
    assert report(events, sentences=5, all_modalities=True) == events


def test_a_pairs_side_no_table_places_is_of_the_other_sides_country():
    from communique.events.arguments import Arguments
    from communique.events.decide import _one_sided_pair
    from communique.model import ActorMention
    # "Honduras's government and opposition negotiators signed an accord": the negotiators are Honduran.
    government, negotiators = Entity("government", "HND", "GOV"), Entity("opposition negotiators", None, "OPP")
    args = Arguments(actor=[ActorMention([government], 0, 1, 0, "sector"), ActorMention([negotiators], 2, 4, 3, "sector")],
                     actor_compound=True)
    assert [e.code for e in _one_sided_pair([government, negotiators], args, "SUPPORT")] == ["HND", "HND"]
    # Not a pair that names its counterpart, nor acts that are not between the pair.
    args.recipient = [ActorMention([Entity("Cuba", "CUB", "GOV")], 6, 7, 6, "country")]
    assert [e.code for e in _one_sided_pair([government, negotiators], args, "SUPPORT")] == ["HND", None]
    args.recipient = []
    assert [e.code for e in _one_sided_pair([government, negotiators], args, "REQUEST")] == ["HND", None]
