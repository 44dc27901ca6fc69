"""The relations monitor (communique.alerts: model, stats, evidence, store;
webhook, cli/alerts) on synthetic stores of hand-written reports (see _alert_fixtures)."""
from __future__ import annotations

import http.server
import json
import math
import threading
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from typer.testing import CliRunner

from communique.alerts.stats import lower_tail, normal_tail, score_of, upper_tail
from communique.alerts.store import after_ingest, get_alert, list_alerts, refresh, save_alerts
from communique.alerts import DEFAULT_SETTINGS, compute_alerts, weekly_rows
from communique.cli import app
from communique.store import open_store
from communique.webhook import check_url, deliver, send_unsent, WebhookError

from _alert_fixtures import (OUTLETS, START, SURGE_WEEK, history, load, load_one_by_one, report, republished,
                             scenario, surge)
from _store_fixtures import address, store  # noqa: F401  (fixtures: each backend)
from _web_fixtures import site  # noqa: F401  (fixture: a local web site)


def of(alerts, a, b=None):
    return [al for al in alerts if al.a == a and al.b == b]


@pytest.fixture(scope="module")
def scenario_store(tmp_path_factory):
    s = open_store(str(tmp_path_factory.mktemp("alerts") / "scenario.duckdb"))
    injected = scenario(s)
    yield s, injected
    s.close()


@pytest.fixture(scope="module")
def scenario_alerts(scenario_store):
    s, injected = scenario_store
    return compute_alerts(s), injected


# --- the acceptance cases ------------------------------------------------------------------

def test_an_injected_conflict_surge_fires_within_one_week(scenario_alerts):
    alerts, injected = scenario_alerts
    a, b, week = injected["surge"]
    fired = [al for al in of(alerts, a, b) if al.kind == "conflict_surge"]
    assert len(fired) == 1, "one change, one alert"
    alert = fired[0]
    assert timedelta(0) <= alert.week - week <= timedelta(weeks=1)
    assert alert.observed == 8 and alert.size > 5 and alert.score >= DEFAULT_SETTINGS.min_score
    assert alert.reports == 8 and alert.stories == 8 and alert.sources >= 2
    # explained: the figures, the baseline weeks and the reports with their sentences
    assert "8 conflict reports in the week" in alert.summary and "expected" in alert.summary
    assert len(alert.baseline) == DEFAULT_SETTINGS.baseline_weeks + 1 and alert.baseline[-1]["judged"]
    assert alert.baseline[-1]["conflict"] == 8
    assert {e["event"] for e in alert.events} <= {"ACCUSE", "THREATEN", "COERCE", "ASSAULT"}
    assert all(e["text"].startswith("Officials of") and e["sources"] for e in alert.events)
    assert alert.events[0]["goldstein"] == min(e["goldstein"] for e in alert.events)


def test_a_story_republished_by_30_outlets_does_not_fire(scenario_store, scenario_alerts):
    alerts, injected = scenario_alerts
    a, b, week = injected["story"]
    assert not [al for al in of(alerts, a, b) if week <= al.week <= week + timedelta(weeks=4)]
    # the copies are there: thirty articles, and more report groups than events (the copies
    # that take their publication date as the event's date do not share one group)
    s, _ = scenario_store
    [row] = [r for r in weekly_rows(s) if (r.scope, r.a, r.b, r.week) == ("dyad", a, b, week)]
    assert row.conflict > 4
    assert s.count_events(doc="story-CHNJPN-copy-17") == 4


def test_the_copy_check_is_what_keeps_the_republished_story_quiet(scenario_store):
    s, injected = scenario_store
    a, b, week = injected["story"]
    loose = compute_alerts(s, weeks=[week], settings=replace(DEFAULT_SETTINGS, copy_check=False))
    assert [al for al in of(loose, a, b) if al.week == week]


def test_a_quiet_dyad_with_two_stray_events_does_not_fire(scenario_alerts):
    alerts, injected = scenario_alerts
    a, b, _ = injected["stray"]
    assert of(alerts, a, b) == []
    assert of(alerts, a) == [] and of(alerts, b) == []


def test_the_same_alert_is_not_sent_twice_across_runs(tmp_path, receiver):
    s = open_store(str(tmp_path / "sent.duckdb"))
    try:
        load(s, history("ARM", "AZE", SURGE_WEEK, 2.0, 0.5, seed=1))
        load(s, surge("ARM", "AZE", SURGE_WEEK, 8, seed=4))
        first, new = refresh(s)
        assert new and send_unsent(s, receiver.url) == (len(new), 0)
        # a later run: more articles, the same weeks judged again, the same alert found again
        load(s, history("ARM", "AZE", 2, 2.0, 0.5, seed=9, start_week=SURGE_WEEK + 1))
        again, new_again = refresh(s)
        assert {a.id for a in first} <= {a.id for a in again} and not set(new_again) & set(new)
        send_unsent(s, receiver.url)
        refresh(s)
        send_unsent(s, receiver.url)
    finally:
        s.close()
    ids = [body["id"] for body in receiver.bodies]
    assert ids and len(ids) == len(set(ids))
    assert set(new) <= set(ids)


# --- the other kinds -------------------------------------------------------------------------

def test_cooperation_that_stops_is_a_drop(scenario_alerts):
    alerts, injected = scenario_alerts
    a, b, week = injected["drop"]
    drops = [al for al in of(alerts, a, b) if al.kind == "cooperation_drop"]
    assert len(drops) == 1 and timedelta(0) <= drops[0].week - week <= timedelta(weeks=2)
    assert drops[0].observed == 0 and drops[0].expected > 5


def test_reports_after_a_long_silence_are_a_first_contact(scenario_alerts):
    alerts, injected = scenario_alerts
    a, b, week = injected["contact"]
    assert [(al.kind, al.week) for al in of(alerts, a, b)] == [("first_contact", week)]


def test_an_actor_alert_that_its_dyad_explains_is_left_out(scenario_alerts):
    alerts, _ = scenario_alerts
    assert not [al for al in alerts if al.scope == "actor" and al.a in ("ARM", "AZE")]


def test_one_store_gives_the_same_alerts_twice_and_judging_a_week_agrees_with_judging_all(scenario_store,
                                                                                       scenario_alerts):
    s, injected = scenario_store
    alerts, _ = scenario_alerts
    assert [a.to_dict() for a in compute_alerts(s)] == [a.to_dict() for a in alerts]
    week = injected["surge"][2]
    assert [a.id for a in compute_alerts(s, weeks=[week])] == [a.id for a in alerts if a.week == week]
    assert [a.id for a in compute_alerts(s, dyad=("AZE", "ARM"))] == [a.id for a in of(alerts, "ARM", "AZE")]


# --- on both backends ------------------------------------------------------------------------

def test_alerts_are_computed_after_an_ingest_and_kept_on_each_backend(store):  # noqa: F811
    load(store, history("ARM", "AZE", SURGE_WEEK, 2.0, 0.5, seed=1))
    assert refresh(store)[1] == []
    started = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    load_one_by_one(store, surge("ARM", "AZE", SURGE_WEEK, 8, seed=4))   # as an ingest stores them
    alerts, new = after_ingest(store, started)
    assert [a.kind for a in alerts if a.b] == ["conflict_surge"] and new
    stored = get_alert(store, new[0])
    assert stored["kind"] == "conflict_surge" and stored["events"][0]["text"] and stored["sent_at"] is None
    first_seen = stored["first_seen"]
    assert save_alerts(store, alerts) == []                       # known: updated, not added
    assert get_alert(store, new[0])["first_seen"] == first_seen
    assert [r["id"] for r in list_alerts(store, dyad=("AZE", "ARM"))] == [new[0]]


# --- statistics ------------------------------------------------------------------------------

def test_tails_agree_with_sums_of_the_distribution():
    poisson = [math.exp(-2.5) * 2.5 ** j / math.factorial(j) for j in range(60)]
    assert upper_tail(6, 2.5) == pytest.approx(sum(poisson[6:]), rel=1e-9)
    assert lower_tail(1, 2.5) == pytest.approx(sum(poisson[:2]), rel=1e-9)
    assert upper_tail(3, 1.0, 4.0) + lower_tail(2, 1.0, 4.0) == pytest.approx(1.0)
    # overdispersion makes a large count less surprising
    assert upper_tail(10, 2.0, 2.0) > upper_tail(10, 2.0, 50.0) > upper_tail(10, 2.0)
    assert score_of(0.001) == 3.0 and normal_tail(0.0) == pytest.approx(0.5)


# --- the webhook -----------------------------------------------------------------------------

class _Receiver:
    def __init__(self, failures: int = 0):
        self.bodies: list[dict] = []
        self.failures = failures
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if outer.failures:
                    outer.failures -= 1
                    self.send_response(503)
                else:
                    outer.bodies.append(body)
                    self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    r = _Receiver()
    yield r
    r.close()


def _alert(i: int) -> dict:
    return {"id": f"a{i}", "week": "2023-07-31", "kind": "conflict_surge"}


def test_a_failed_post_is_retried():
    flaky = _Receiver(failures=2)
    try:
        [delivery] = deliver([_alert(1)], flaky.url, backoff=0.01)
    finally:
        flaky.close()
    assert delivery.ok and delivery.attempts == 3 and flaky.bodies == [_alert(1)]


def test_an_unreachable_receiver_loses_nothing(tmp_path, receiver):
    s = open_store(str(tmp_path / "down.duckdb"))
    try:
        load(s, history("ARM", "AZE", SURGE_WEEK, 2.0, 0.5, seed=1) + surge("ARM", "AZE", SURGE_WEEK, 8, seed=4))
        _, new = refresh(s)
        dead = receiver.url.rsplit(":", 1)[0] + ":9/hook"      # nothing listens on port 9
        assert send_unsent(s, dead, backoff=0.01) == (0, len(new))
        assert get_alert(s, new[0])["sent_at"] is None
        assert send_unsent(s, receiver.url) == (len(new), 0)
        assert get_alert(s, new[0])["sent_at"] is not None
    finally:
        s.close()


def test_a_webhook_address_must_be_http():
    assert check_url("https://hooks.example/x")
    with pytest.raises(WebhookError, match="not an http"):
        check_url("ftp://hooks.example/x")


# --- the command ------------------------------------------------------------------------------

def test_the_alerts_command_lists_filters_and_sends(scenario_store, tmp_path, receiver):
    s, _ = scenario_store
    runner = CliRunner()
    path = s.location  # the command opens the same file (the only test here that writes to it)
    result = runner.invoke(app, ["alerts", "--db", path, "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["week"] for r in rows] == sorted((r["week"] for r in rows), reverse=True)
    assert {("ARM", "AZE", "conflict_surge"), ("CHL", "NZL", "first_contact")} <= {(r["a"], r["b"], r["kind"]) for r in rows}
    only = json.loads(runner.invoke(app, ["alerts", "--db", path, "--json", "--dyad", "AZE", "ARM",
                                          "--no-refresh"]).stdout)
    assert {(r["a"], r["b"]) for r in only} == {("ARM", "AZE")}
    sent = runner.invoke(app, ["alerts", "--db", path, "--no-refresh", "--webhook", receiver.url])
    assert sent.exit_code == 0 and f"{len(rows)} alerts sent" in sent.output
    again = runner.invoke(app, ["alerts", "--db", path, "--webhook", receiver.url])
    assert again.exit_code == 0 and len(receiver.bodies) == len(rows)
    table = runner.invoke(app, ["alerts", "--db", path, "--no-refresh", "--evidence"])
    assert "conflict surge" in table.stdout and "Officials of ARM" in table.stdout


def test_the_alerts_command_refuses_bad_options(tmp_path):
    runner = CliRunner()
    bad_kind = runner.invoke(app, ["alerts", "--db", str(tmp_path / "x.duckdb"), "--kind", "war"])
    assert bad_kind.exit_code == 2 and "unknown kind 'war'" in bad_kind.output
    bad_hook = runner.invoke(app, ["alerts", "--db", str(tmp_path / "x.duckdb"), "--webhook", "hooks.example"])
    assert bad_hook.exit_code == 2 and "not an http" in bad_hook.output
    assert "Example" in runner.invoke(app, ["alerts", "--help"]).output


def test_an_ingest_run_judges_its_weeks_and_tells_the_webhook(tmp_path, receiver):
    from communique.cli.alerts import after_ingest as cli_after_ingest

    s = open_store(str(tmp_path / "ingest.duckdb"))
    try:
        load(s, history("ARM", "AZE", SURGE_WEEK, 2.0, 0.5, seed=1))
        started = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
        load(s, surge("ARM", "AZE", SURGE_WEEK, 8, seed=4))
        cli_after_ingest(s, started, receiver.url)
        stored = list_alerts(s)
    finally:
        s.close()
    assert [r["kind"] for r in stored] == ["conflict_surge"] and stored[0]["sent_at"]
    assert [b["id"] for b in receiver.bodies] == [stored[0]["id"]]
    assert receiver.bodies[0]["events"][0]["text"]


def test_old_weeks_ingested_late_are_kept_but_not_sent(tmp_path, receiver):
    from communique.cli.alerts import after_ingest as cli_after_ingest

    s = open_store(str(tmp_path / "backfill.duckdb"))
    try:
        load(s, history("CHN", "JPN", 60, 3.0, 0.5, seed=2))
        started = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
        load(s, history("ARM", "AZE", SURGE_WEEK, 2.0, 0.5, seed=1) + surge("ARM", "AZE", SURGE_WEEK, 8, seed=4))
        cli_after_ingest(s, started, receiver.url)
        stored = list_alerts(s, dyad=("ARM", "AZE"))
    finally:
        s.close()
    assert [r["kind"] for r in stored] == ["conflict_surge"] and receiver.bodies == []


def test_reports_of_one_outlet_need_a_second(tmp_path):
    s = open_store(str(tmp_path / "one-outlet.duckdb"))
    try:
        load(s, history("ARM", "AZE", SURGE_WEEK, 2.0, 0.5, seed=1))
        monday = START + timedelta(weeks=SURGE_WEEK)
        load(s, [report(f"solo-{i}", "190", "ARM", "AZE", monday + timedelta(days=i % 7), OUTLETS[0], 500 + i)
                 for i in range(8)])
        assert [a for a in compute_alerts(s) if a.b and a.week == monday] == []
    finally:
        s.close()


def test_a_republished_story_alone_is_one_story(tmp_path):
    from communique.alerts.evidence import merge_copies, read_rows

    s = open_store(str(tmp_path / "copies.duckdb"))
    try:
        load(s, republished("CHN", "JPN", 3, 30))
        week = START + timedelta(weeks=3)
        reports = merge_copies(read_rows(s, {("CHN", "JPN"): (week, week + timedelta(days=6))}))
    finally:
        s.close()
    assert reports.n == 4 and reports.story_count == 1 and reports.outlets == 30
    assert reports.without(reports.largest_story()).n == 0


def test_each_round_of_the_feed_watcher_is_judged(site, tmp_path, monkeypatch):  # noqa: F811
    import communique.cli.alerts as cli_alerts
    from test_cli_watch import STORIES, publish

    calls = []
    monkeypatch.setattr(cli_alerts, "after_ingest", lambda store, started, hook, quiet=False:
                        calls.append((store.counts()["documents"], started, hook, quiet)))
    feed = publish(site, "/alerts.xml", STORIES[:2])
    runner = CliRunner()
    result = runner.invoke(app, ["watch", "--once", "--quiet", feed, "--db", str(tmp_path / "w.duckdb"),
                                 "--webhook", "http://127.0.0.1:9/hook"])
    assert result.exit_code == 0, result.output
    assert [(n, hook, quiet) for n, _, hook, quiet in calls] == [(2, "http://127.0.0.1:9/hook", True)]
    assert isinstance(calls[0][1], datetime)
    again = runner.invoke(app, ["watch", "--once", "--quiet", "--no-alerts", feed, "--db", str(tmp_path / "w2.duckdb")])
    assert again.exit_code == 0 and len(calls) == 1
