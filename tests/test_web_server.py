"""The server's own limits (web.server), with real sockets on 127.0.0.1: a connection that
never finishes its request head is closed, and past the connection cap new ones are refused,
while well-behaved clients are answered throughout."""
from __future__ import annotations

import select
import socket
import time

import httpx
import pytest

from _served import running_server
from communique.store import open_store
from communique.web import create_app

HEAD_TIMEOUT = 1.0


@pytest.fixture()
def app(tmp_path):
    store = open_store(str(tmp_path / "served.duckdb"))
    yield create_app(store=store)
    store.close()


def half_open(port: int, how: str) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    if how == "partial head":
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    elif how == "after an answer":  # a whole request, then the next one's head never ends
        s.sendall(f"GET /api/events?limit=1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        s.recv(65536)
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    return s  # "nothing": connected, silent


def still_open(sockets: list[socket.socket], wait: float) -> list[socket.socket]:
    """The sockets the server has not closed within ``wait`` seconds (one wait for all)."""
    deadline = time.monotonic() + wait
    pending = list(sockets)
    while pending and time.monotonic() < deadline:
        readable, _, _ = select.select(pending, [], [], max(0.0, deadline - time.monotonic()))
        for s in readable:
            if closed_by_server(s, 0.01):
                pending.remove(s)
    return pending


def closed_by_server(s: socket.socket, wait: float) -> bool:
    s.settimeout(wait)
    try:
        while True:
            data = s.recv(65536)
            if not data:
                return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except socket.timeout:
        return False


def test_connections_that_never_finish_their_head_are_closed(app):
    """Slowloris: 150 connections that send nothing, half a head, or stop after one answer."""
    with running_server(app, header_timeout=HEAD_TIMEOUT, keep_alive=30) as (base, port):
        sockets = [half_open(port, how) for how in ("nothing", "partial head", "after an answer") for _ in range(50)]
        try:
            # meanwhile, a normal client is answered
            assert httpx.get(base + "/api/events", timeout=10).status_code == 200
            time.sleep(HEAD_TIMEOUT + 0.5)
            assert len(still_open(sockets, 2.0)) == 0
            assert httpx.get(base + "/api/overview", timeout=10).status_code == 200
        finally:
            for s in sockets:
                s.close()


def test_a_slow_client_sending_its_head_byte_by_byte_is_cut_off(app):
    with running_server(app, header_timeout=HEAD_TIMEOUT) as (base, port):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        head = b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"a" * 100
        started, closed = time.monotonic(), False
        try:
            for byte in head:
                s.sendall(bytes([byte]))
                time.sleep(0.05)
                if time.monotonic() - started > HEAD_TIMEOUT + 2:
                    break
        except (BrokenPipeError, ConnectionResetError):
            closed = True
        closed = closed or closed_by_server(s, 2.0)
        s.close()
        assert closed and time.monotonic() - started < HEAD_TIMEOUT + 5


def test_past_the_connection_cap_new_connections_are_refused(app):
    with running_server(app, header_timeout=3.0, max_connections=20) as (base, port):
        held = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(20)]
        try:
            time.sleep(0.3)
            extra = socket.create_connection(("127.0.0.1", port), timeout=5)
            assert closed_by_server(extra, 2.0)
            extra.close()
        finally:
            for s in held:
                s.close()
        time.sleep(0.3)
        assert httpx.get(base + "/api/events", timeout=10).status_code == 200  # room again
