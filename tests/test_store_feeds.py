"""The feed watcher's tables on each backend: feed state upserts, items and their attempts."""
from datetime import datetime

from _store_fixtures import address, store  # noqa: F401  (fixtures)
from communique.store.feeds import FeedLog


def test_feed_state_round_trips_and_updates(store):
    log = FeedLog(store)
    state = log.state("https://d.example/rss.xml")
    assert state.failures == 0 and state.last_polled is None
    state.failures, state.last_error, state.etag = 2, "HTTP 500", '"abc"'
    state.next_poll = datetime(2024, 7, 1, 12, 30)
    log.save(state)
    state.items = 4
    log.save(state)
    again = log.state("https://d.example/rss.xml")
    assert (again.failures, again.last_error, again.etag, again.items) == (2, "HTTP 500", '"abc"', 4)
    assert again.next_poll == datetime(2024, 7, 1, 12, 30)
    assert [s.url for s in log.states()] == ["https://d.example/rss.xml"]


def test_items_count_their_attempts_and_are_known_by_url(store):
    log = FeedLog(store)
    feed = "https://d.example/rss.xml"
    assert log.seen(feed, "a") is None
    log.mark(feed, "a", "https://d.example/a", "retry", "HTTP 503")
    log.mark(feed, "a", "https://d.example/a", "retry", "HTTP 503")
    assert log.seen(feed, "a") == ("retry", 2)
    assert log.pending(feed) == [("a", "https://d.example/a")]
    assert not log.url_known("https://d.example/a")
    log.mark(feed, "a", "https://d.example/a", "coded", doc="d-a")
    assert log.seen(feed, "a") == ("coded", 3) and log.pending(feed) == []
    assert log.url_known("https://d.example/a")
    assert log.item_counts(feed) == {"coded": 1}
