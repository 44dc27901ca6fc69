"""Host names and security headers (web.security); the CSP in a real browser is checked in
test_web_browser."""
from __future__ import annotations

import re
import socket

import pytest
from fastapi.testclient import TestClient

from communique.store import open_store
from communique.web import create_app
from communique.web.security import allowed_host_names, normalise_host
from test_web_api import fill_store

PAGES = ("/", "/dyad/CHN/JPN", "/documents/asia-2021-03-02", "/actors/CHN", "/search?q=talks", "/api",
         "/no/such/page")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("security") / "events.duckdb"))
    fill_store(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def local(store):
    """A client that sends Host: 127.0.0.1:8000, as a browser on this machine does."""
    with TestClient(create_app(store=store, allowed_hosts=allowed_host_names("127.0.0.1")),
                    base_url="http://127.0.0.1:8000") as client:
        yield client


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000", "127.0.0.1"])
def test_loopback_names_are_answered(local, host):
    assert local.get("/api/events", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:8000", "127.0.0.1.attacker.example",
                                  "localhost.attacker.example", "10.0.0.5:8000"])
def test_other_host_names_are_refused_with_a_message(local, host):
    """DNS rebinding: a page on attacker.example whose name now points at 127.0.0.1."""
    for url in ("/api/events", "/", "/api/documents/asia-2021-03-02", "/static/style.css"):
        response = local.get(url, headers={"Host": host})
        assert response.status_code == 400, (url, host)
        assert "host name" in response.json()["detail"] and "--allowed-host" in response.json()["detail"]
        assert "Officials" not in response.text and "Beijing" not in response.text


def test_writes_from_another_host_name_are_refused_before_the_token_is_read(local, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_TOKEN", "s3cret")
    response = local.post("/api/documents", json={"id": "x", "text": "Words."},
                          headers={"Host": "attacker.example", "Authorization": "Bearer s3cret"})
    assert response.status_code == 400


def test_configured_names_are_answered(store, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_ALLOWED_HOSTS", "events.example.org, dash.example.org")
    names = allowed_host_names("192.168.1.20", ["intranet-box"])
    assert {"127.0.0.1", "localhost", "::1", "192.168.1.20", "intranet-box", "events.example.org",
            "dash.example.org"} <= set(names)
    with TestClient(create_app(store=store, allowed_hosts=names)) as client:
        assert client.get("/api/events", headers={"Host": "events.example.org:8080"}).status_code == 200
        assert client.get("/api/events", headers={"Host": "Intranet-Box."}).status_code == 200
        assert client.get("/api/events", headers={"Host": "other.example.org"}).status_code == 400


def test_a_wildcard_address_answers_this_machines_names_and_ip_addresses(store, monkeypatch):
    monkeypatch.delenv("COMMUNIQUE_ALLOWED_HOSTS", raising=False)
    names = allowed_host_names("0.0.0.0")
    assert normalise_host(socket.gethostname()) in names
    with TestClient(create_app(store=store, allowed_hosts=names, any_ip_host=True)) as client:
        assert client.get("/api/events", headers={"Host": "10.1.2.3:8000"}).status_code == 200
        assert client.get("/api/events", headers={"Host": "[fe80::1]:8000"}).status_code == 200
        assert client.get("/api/events", headers={"Host": "attacker.example"}).status_code == 400


def test_a_star_turns_the_check_off(store):
    with TestClient(create_app(store=store, allowed_hosts=["*"])) as client:
        assert client.get("/api/events", headers={"Host": "behind-a-proxy.example"}).status_code == 200


@pytest.mark.parametrize("url", PAGES + ("/api/events", "/api/overview", "/static/chart.js", "/openapi.json"))
def test_every_answer_carries_the_security_headers(local, url):
    headers = local.get(url).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_pages_hold_no_inline_script_style_or_handler(local):
    """What the CSP forbids: the pages must not need it (checked in Chromium too)."""
    for url in PAGES:
        html = local.get(url).text
        assert not re.search(r"\sstyle\s*=", html), url
        assert not re.search(r"\son[a-z]+\s*=", html), url
        for script in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in script or 'type="application/json"' in script, (url, script)
