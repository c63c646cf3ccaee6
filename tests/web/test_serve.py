"""``newsxray serve`` prints its address once it listens, and serves the API there."""
from __future__ import annotations

import re
import subprocess
import sys
import time

import httpx
import pytest


@pytest.mark.slow
def test_serve_prints_its_address_and_answers(tmp_path):
    cmd = [sys.executable, "-c", "from newsxray.cli import main; main()", "serve", "--db", str(tmp_path / "c.db"),
           "--port", "0", "--layers", "segments"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = proc.stdout.readline()
        found = re.fullmatch(r"newsxray UI: (http://127\.0\.0\.1:(\d+)/)\n", line)
        assert found, line
        with httpx.Client(base_url=found.group(1), trust_env=False, timeout=30) as http:
            assert http.get("/api/stats").json()["counts"]["articles"] == 0
            r = http.post("/api/analyze", json={"text": "Talks resumed in Geneva on Monday.", "store": True})
            assert r.status_code == 200 and r.json()["stored"]["status"] == "stored"
            assert http.get("/api/documents").json()["total"] == 1
    finally:
        proc.terminate()
        proc.wait(15)


def test_serve_refuses_a_bad_database(tmp_path):
    bad = tmp_path / "not.db"
    bad.write_text("this is not a database")
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-c", "from newsxray.cli import main; main()", "serve", "--db", str(bad)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "not a newsxray database" in out.stderr
    assert "Traceback" not in out.stderr and time.monotonic() - started < 60
