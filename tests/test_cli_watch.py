"""`communique watch`: --once from cron codes new items once across runs, a failing feed is
reported (exit status 1) and retried on a later run, the others go on; durations; help."""
import json

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.cli.watch import parse_every
from communique.sample_web import english_articles, render_page
from communique.sample_web.crawl import page_url, rss_feed

from _web_fixtures import site  # noqa: F401  (fixture)

runner = CliRunner()
STORIES = english_articles(6, seed=41)


def publish(site, path, stories):
    for story in stories:
        site.put("/" + page_url(story, site.base).split("/", 3)[3], render_page(story, "wire", []))
    return site.put(path, rss_feed("Desk", site.base, stories, site.base), "application/rss+xml")


def _once(*args):
    result = runner.invoke(app, ["watch", "--once", "--json", *args])
    rounds = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return result, {f["feed"]: f for f in rounds[-1]["feeds"]} if rounds else {}


def test_watch_once_codes_new_items_once_across_runs_and_retries_a_failing_feed(site, tmp_path):
    db = str(tmp_path / "w.duckdb")
    a = publish(site, "/a.xml", STORIES[:2])
    b = publish(site, "/b.xml", STORIES[2:3])
    broken = site.put("/c.xml", "<html>maintenance</html>", "text/html", status=503)
    result, feeds = _once(a, b, broken, "--db", db)
    assert result.exit_code == 1  # a feed failed: cron sees it
    assert (feeds[a]["state"], feeds[a]["coded"]) == ("ok", 2) and (feeds[b]["state"], feeds[b]["coded"]) == ("ok", 1)
    assert feeds[broken]["state"] == "error" and "HTTP 503" in feeds[broken]["message"]
    assert feeds[broken]["failures"] == 1 and feeds[broken]["next_poll"]
    # the next run: one more story in a, nothing new in b; c still backing off, reported as such
    publish(site, "/a.xml", STORIES[:2] + STORIES[3:4])
    result, feeds = _once(a, b, broken, "--db", db)
    assert result.exit_code == 0, result.output
    assert (feeds[a]["new"], feeds[a]["coded"]) == (1, 1) and feeds[b]["coded"] == 0
    assert feeds[broken]["state"] == "backing off" and "HTTP 503" in feeds[broken]["message"]
    from communique.store import open_store
    from communique.store.feeds import FeedLog

    with open_store(db) as store:
        assert store.counts()["documents"] == 4
        state = FeedLog(store).state(broken)  # let its wait pass, as a later cron run would find it
        state.next_poll = state.last_polled
        FeedLog(store).save(state)
    publish(site, "/c.xml", STORIES[4:6])
    result, feeds = _once(a, b, broken, "--db", db)
    assert result.exit_code == 0 and (feeds[broken]["state"], feeds[broken]["coded"]) == ("ok", 2)
    assert feeds[broken]["failures"] == 0


def test_watch_quiet_prints_one_line_per_feed(site, tmp_path):
    a = publish(site, "/q.xml", STORIES[:1])
    result = runner.invoke(app, ["watch", "--once", "--quiet", a, "--db", str(tmp_path / "q.duckdb")])
    assert result.exit_code == 0, result.output
    assert f"{a}: ok, 1 new, 1 coded" in result.output


def test_watch_table_names_each_feed_and_its_state(site, tmp_path):
    a = publish(site, "/t.xml", STORIES[:1])
    result = runner.invoke(app, ["watch", "--once", a, "--db", str(tmp_path / "t.duckdb")], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "round 1 of communique watch" in result.output and "Desk" in result.output and " ok " in result.output


@pytest.mark.parametrize("text, seconds", [("15m", 900), ("90s", 90), ("1h", 3600), ("1h30m", 5400), ("45", 45)])
def test_durations(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("args, message", [
    (["watch", "https://example.org/rss.xml", "--every", "soon"], "not a duration"),
    (["watch", "ftp://example.org/rss.xml", "--once"], "not an http(s) feed URL"),
])
def test_bad_arguments_are_one_line_errors(args, message, tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_DB", str(tmp_path / "e.duckdb"))
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and message in result.output


@pytest.mark.parametrize("command", ["watch", "serve"])
def test_help_has_an_example_and_the_watch_options(command):
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0 and "Example:" in result.output and "--every" in result.output
    assert "--watch" in result.output or command == "watch"
