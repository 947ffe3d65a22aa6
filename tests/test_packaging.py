"""The wheel installs into a fresh venv the way the Dockerfile does and serves the shipped KB.

No Docker engine runs here, so this test repeats the Dockerfile's steps by hand:
build the wheel, install it into an empty venv, start the console script from a
folder outside the repository, and ask it a question over HTTP.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

import pytest

from helpdesk.kb import load_knowledge_base

from .conftest import HANDOFF, REPO, SHIPPED_KB

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, data: dict[str, object] | None = None) -> dict[str, object]:
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers={"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        result: dict[str, object] = json.loads(response.read())
        return result


def test_dockerfile_steps_build_a_wheel_that_serves_the_shipped_knowledge_base(
    tmp_path: Path,
) -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    assert "python -m build --wheel" in dockerfile and "USER helpdesk" in dockerfile
    assert "HEALTHCHECK" in dockerfile and '"--host", "0.0.0.0"' in dockerfile
    # the records outlive the container: a database on a volume the service may write
    assert "HELPDESK_DATABASE_URL=sqlite:////data/records.sqlite3" in dockerfile
    assert "VOLUME /data" in dockerfile and "chown helpdesk /data" in dockerfile

    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("helpdesk-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    port = _free_port()
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(env_dir / "bin" / "helpdesk"), "serve", "--port", str(port)],
            cwd=workdir,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={"PATH": "/usr/bin:/bin"},
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                assert _get(f"{base}/healthz") == {"status": "ok"}
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"server did not start:\n{log.read_text()}")
                time.sleep(0.3)
        ready = _get(f"{base}/readyz")
        shipped = load_knowledge_base(SHIPPED_KB)
        assert ready["articles"] == len(shipped)
        assert ready["version"] == shipped.version
        answer = _get(f"{base}/api/ask", {"question": "미국 철강 관세율은?"})
        assert answer["answered"] is True
        assert isinstance(answer["answer"], dict)
        assert answer["answer"]["article_id"] == "steel-aluminum-232"
        assert answer["answer"]["sources"]
        assert f"Loaded {len(shipped)} articles" in log.read_text()
        ticket = _get(f"{base}/api/handoff", HANDOFF)
        assert str(ticket["ticket_id"]).startswith("T-")
        # by default the records live in the working folder's var/
        assert (workdir / "var" / "records.sqlite3").is_file()
        with urllib.request.urlopen(f"{base}/metrics", timeout=10) as response:
            assert b'helpdesk_handoff_tickets_total{lang="ko"} 1.0' in response.read()
    finally:
        server.terminate()
        server.wait(timeout=10)
