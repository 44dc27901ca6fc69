import os
from pathlib import Path

import pytest

# Starlette's TestClient sends "Host: testserver"; the server answers only to the host names
# it is given (communique.web.security), and this is how a deployment adds one.
os.environ.setdefault("COMMUNIQUE_ALLOWED_HOSTS", "testserver")

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """The project's shared folder (seed article, eval sets); tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not here")
    return SHARED


def hand_events(sdoc, document, triggers, event="CONSULT", cameo="040", actor="NOR"):
    """Events built by hand on the given trigger words (in text order), one per word, so that
    the dates and places stages are tested without the events stage."""
    from communique.model import Entity, Event, Trigger

    text = document.text
    sentences = list(sdoc.sents)
    events, position = [], 0
    for word in triggers:
        start = text.index(word, position)
        position = start + 1
        index = next(i for i, s in enumerate(sentences) if s.start_char <= start < s.end_char)
        events.append(Event(document.id, event, cameo, [Entity("x", actor)], [],
                            Trigger(word, start, start + len(word)), sentences[index].text, index))
    return events
