"""A real server on 127.0.0.1 in a background thread, for tests that need sockets (shared by
test_web_server and test_web_concurrency)."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(app, **settings):
    """Yield the base URL of ``app`` served by communique's server settings (web.server)."""
    from communique.web.server import make_server

    port = free_port()
    server = make_server(app, "127.0.0.1", port, log_level="warning", **settings)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}", port
    finally:
        server.should_exit = True
        thread.join(timeout=15)
