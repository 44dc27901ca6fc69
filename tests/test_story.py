"""What the story around a sentence adds (events/story.py): folded protest demands, without changing
events already emitted."""
from communique.events.story import fold_protest_demands
from communique.model import Entity, Event, Trigger


def _event(category, actor, recipient, sentence=0):
    def side(parties):
        return [Entity(text=t, code=c, sector=s) for t, c, s in parties]
    return Event(doc="d", event=category, cameo="140", actor=side(actor), recipient=side(recipient),
                 trigger=Trigger("x", 0, 1), text="x", sentence=sentence)


def test_a_protests_demand_becomes_its_target_without_changing_the_emitted_protest():
    protest = _event("PROTEST", [("farmers", "KEN", "AGR")], [("Kenya", "KEN", None)])
    demand = _event("REQUEST", [("farmers", "KEN", "AGR")], [("finance ministry", "KEN", "GOV")])
    kept = fold_protest_demands([protest, demand])
    assert [e.event for e in kept] == ["PROTEST"]
    assert [(r.text, r.sector) for r in kept[0].recipient] == [("finance ministry", "GOV")]
    # The protest emitted first is untouched: the story gives a new record.
    assert [r.text for r in protest.recipient] == ["Kenya"] and kept[0] is not protest
