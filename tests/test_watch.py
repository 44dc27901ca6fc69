"""The feed watcher against feeds and pages served on 127.0.0.1: new items coded once across
rounds and restarts, failing feeds reported, backed off and retried while the others go on."""
from datetime import datetime, timedelta

import pytest

from communique.sample_web import english_articles, foreign_articles, render_page
from communique.sample_web.crawl import atom_feed, page_url, rss_feed
from communique.store import open_store
from communique.watch import MAX_ITEM_ATTEMPTS, Watcher, backoff_delay

from _web_fixtures import site  # noqa: F401  (fixture)


class Clock:
    def __init__(self):
        self.now = datetime(2024, 7, 1, 12, 0, 0)

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += timedelta(seconds=seconds)


def publish(site, feed_path, stories, kind="rss"):
    """Serve each story's page and a feed listing them; returns the feed URL."""
    for i, story in enumerate(stories):
        site.put("/" + page_url(story, site.base).split("/", 3)[3], render_page(story, ("wire", "blog", "portal")[i % 3], []))
    maker = rss_feed if kind == "rss" else atom_feed
    return site.put(feed_path, maker("World", site.base, stories, site.base), "application/rss+xml")


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "watch.duckdb"))
    yield s
    s.close()


STORIES = english_articles(8, seed=31)


def test_new_items_are_coded_once_across_rounds_and_restarts(site, store, tmp_path):
    rss = publish(site, "/rss.xml", STORIES[:3])
    atom = publish(site, "/atom.xml", STORIES[3:5], kind="atom")
    watcher = Watcher(store, [rss, atom], every_s=60, clock=Clock())
    first = watcher.poll()
    assert [(r.state, r.new, r.tally.coded) for r in first] == [("ok", 3, 3), ("ok", 2, 2)]
    assert first[0].tally.events > 0 and first[0].title == "World"
    assert store.counts()["documents"] == 5
    page_hits = sum(n for path, n in site.hits.items() if path.endswith(tuple(s.id for s in STORIES)))
    # a second round: the RSS feed answers 304 (ETag), the Atom feed gets one more story
    atom = publish(site, "/atom.xml", STORIES[3:6], kind="atom")
    second = watcher.poll()
    assert [(r.state, r.new, r.tally.coded) for r in second] == [("not modified", 0, 0), ("ok", 1, 1)]
    # a restarted watcher (a new object on the same store) fetches no page again
    restarted = Watcher(store, [rss, atom], every_s=60, clock=Clock())
    third = restarted.poll()
    assert sum(r.new for r in third) == 0 and store.counts()["documents"] == 6
    new_page_hits = sum(n for path, n in site.hits.items() if path.endswith(tuple(s.id for s in STORIES)))
    assert new_page_hits == page_hits + 1
    states = {s.url: s for s in restarted.log.states()}
    assert states[rss].items == 3 and states[atom].items == 3 and states[rss].failures == 0


def test_a_failing_feed_is_reported_backed_off_and_retried_while_others_go_on(site, store):
    good = publish(site, "/good.xml", STORIES[:2])
    bad = site.put("/bad.xml", "server exploded", "text/plain", status=500)
    clock = Clock()
    watcher = Watcher(store, [bad, good], every_s=60, clock=clock)
    reports = watcher.poll()
    assert reports[0].state == "error" and "HTTP 500" in reports[0].message and reports[0].failures == 1
    assert reports[1].state == "ok" and reports[1].tally.coded == 2
    assert reports[0].next_poll == clock.now + timedelta(seconds=backoff_delay(60, 1)) == clock.now + timedelta(seconds=120)
    # before its time the failing feed waits (and says why); a second failure doubles the wait
    clock.advance(30)
    assert watcher.poll()[0].state == "backing off"
    clock.advance(100)
    again = watcher.poll()[0]
    assert again.state == "error" and again.failures == 2
    assert again.next_poll == clock.now + timedelta(seconds=240)
    # once the feed is back, its retry codes its items and clears the failures
    publish(site, "/bad.xml", STORIES[2:4])
    clock.advance(240)
    healed = watcher.poll()[0]
    assert (healed.state, healed.tally.coded, healed.failures) == ("ok", 2, 0)
    assert store.counts()["documents"] == 4


def test_not_a_feed_and_unreachable_feeds_are_one_line_errors(site, store):
    page = site.put("/page.html", "<html><body><p>Hello</p></body></html>")
    closed = "http://127.0.0.1:9/feed.xml"  # the discard port: nothing listens
    reports = Watcher(store, [page, closed], every_s=60, clock=Clock()).poll()
    assert reports[0].state == "error" and "not an RSS or Atom feed" in reports[0].message
    assert reports[1].state == "error" and "127.0.0.1:9" in reports[1].message
    assert all("\n" not in r.message for r in reports)


def test_items_skipped_by_language_type_and_content_are_remembered(site, store):
    foreign = foreign_articles(2, seed=3)
    stories = [STORIES[0], *foreign]
    rss = publish(site, "/mixed.xml", stories)
    site.put("/" + page_url(STORIES[0], site.base).split("/", 3)[3] + "-pdf", b"%PDF-1.4", "application/pdf")
    watcher = Watcher(store, [rss], every_s=60, clock=Clock())
    report = watcher.poll()[0]
    assert report.tally.coded == 1 and report.tally.skipped["non-English"] == 2
    assert sorted(report.tally.languages) == sorted(a.language for a in foreign)
    assert watcher.log.item_counts(rss) == {"coded": 1, "skipped": 2}
    site.routes.pop("/mixed.xml")  # force a full fetch: drop the ETag match
    publish(site, "/mixed.xml", stories)
    assert watcher.poll()[0].new == 0


def test_an_article_that_cannot_be_fetched_is_retried_then_given_up(site, store):
    rss = publish(site, "/r.xml", STORIES[:2])
    missing = "/" + page_url(STORIES[1], site.base).split("/", 3)[3]
    site.routes.pop(missing)
    clock = Clock()
    watcher = Watcher(store, [rss], every_s=60, clock=clock)
    first = watcher.poll()[0]
    assert first.state == "ok" and first.tally.coded == 1 and first.tally.errors == 1
    assert "HTTP 404" in first.tally.error_messages[0]
    for _ in range(MAX_ITEM_ATTEMPTS):  # the feed is unchanged (304): pending articles are retried anyway
        watcher.poll()
    assert watcher.log.item_counts(rss) == {"coded": 1, "failed": 1}
    assert site.hits[missing] == MAX_ITEM_ATTEMPTS


def test_the_same_article_in_two_feeds_is_fetched_once(site, store):
    one = publish(site, "/one.xml", STORIES[:2])
    two = publish(site, "/two.xml", STORIES[1:3])
    reports = Watcher(store, [one, two], every_s=60, clock=Clock()).poll()
    assert reports[1].tally.skipped["duplicate"] == 1 and reports[1].tally.coded == 1
    assert site.hits["/" + page_url(STORIES[1], site.base).split("/", 3)[3]] == 1


def test_run_polls_on_schedule_and_stops(site, store):
    rss = publish(site, "/s.xml", STORIES[:1])
    clock = Clock()
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        clock.advance(seconds)

    rounds = []
    Watcher(store, [rss], every_s=90, clock=clock).run(rounds=3, on_round=rounds.append, sleep=sleep)
    assert [r[0].state for r in rounds] == ["ok", "not modified", "not modified"]
    assert slept == [90, 90]


def test_a_watcher_thread_writes_while_the_same_process_reads_the_store(site, tmp_path):
    """serve --watch: the dashboard's connection reads what the watcher's thread writes."""
    import threading

    from communique.watch import start_in_thread
    from communique.web import create_app
    from fastapi.testclient import TestClient

    db = str(tmp_path / "served.duckdb")
    rss = publish(site, "/served.xml", STORIES[:2])
    client = TestClient(create_app(db=db))
    assert client.get("/api/overview").json()["counts"]["documents"] == 0
    done = threading.Event()
    thread, stop = start_in_thread(lambda: open_store(db), [rss], every_s=3600, on_round=lambda reports: done.set())
    assert done.wait(60)
    stop.set()
    thread.join(10)
    assert not thread.is_alive()
    assert client.get("/api/overview").json()["counts"]["documents"] == 2
