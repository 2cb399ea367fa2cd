"""A bad start is a clear one-line error and a non-zero exit, and leaves nothing running."""
from __future__ import annotations

import socket
import uuid
from pathlib import Path

import pytest

from .stack import lakehouse, write_spec

OTHER_PORTS = dict(source=36432, kafka=36092, controller=36093, connect=36083,
                   s3=36333, master=36334, volume=36080, filer=36888)


@pytest.fixture
def other_spec(tmp_path):
    home = Path("/tmp") / f"lakehouse-badstart-{uuid.uuid4().hex[:8]}"
    spec = write_spec(tmp_path / "pipeline.yaml", home, OTHER_PORTS)
    yield spec
    lakehouse(spec, "down", "--purge", check=False)


def _error_lines(proc):
    return [line for line in proc.stderr.splitlines() if line.strip()]


def test_port_in_use_is_a_clear_error(other_spec):
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", OTHER_PORTS["source"]))
        blocker.listen()
        proc = lakehouse(other_spec, "up", check=False)
    assert proc.returncode != 0
    lines = _error_lines(proc)
    assert len(lines) == 1, proc.stderr
    assert "source.port (127.0.0.1:36432) is already in use" in lines[0]
    status = lakehouse(other_spec, "status", "--json").stdout
    assert '"state": "ready"' not in status


def test_missing_java_is_a_clear_error(other_spec):
    proc = lakehouse(other_spec, "up", check=False, env={"JAVA_HOME": "/nonexistent/jdk"})
    assert proc.returncode != 0
    lines = _error_lines(proc)
    assert len(lines) == 1, proc.stderr
    assert "java is not installed (tried /nonexistent/jdk/bin/java)" in lines[0]


def test_bad_spec_names_the_yaml_path(tmp_path):
    spec = tmp_path / "bad.yaml"
    spec.write_text("kafka:\n  prot: 9092\n")
    proc = lakehouse(spec, "status", check=False)
    assert proc.returncode == 2
    assert "kafka.prot: unknown key; did you mean `port`?" in proc.stderr
