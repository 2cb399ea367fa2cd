"""A running test stack: the real `lakehouse` command on its own home and ports.

Everything goes through the product's own interfaces: the CLI (up, down,
status --json, generate, produce), the credentials file, PostgreSQL over TCP
with the application user, and Spark reading the Delta tables from S3.
"""
from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parents[2]
LAKEHOUSE = Path(os.environ.get("LAKEHOUSE_BUILD_DIR", REPO / "build")) / "src" / "cli" / "lakehouse"

# Ports of the test stack: apart from the demo's defaults, so both can run at once.
TEST_PORTS = dict(source=35432, kafka=39092, controller=39093, connect=38083,
                  s3=38333, master=39333, volume=38080, filer=38888)


def write_spec(path: Path, home: Path, ports: dict = TEST_PORTS, **extra) -> Path:
    spec = f"""
name: shoptest
home: {home}
timezone: Asia/Ho_Chi_Minh
source:
  port: {ports['source']}
  database: shoptest
  app_user: shoptest_app
  cdc_user: shoptest_cdc
  publication: shoptest_pub
  slot: shoptest_slot
kafka:
  port: {ports['kafka']}
  controller_port: {ports['controller']}
  topic_prefix: shoptest
  heap_mb: 384
connect:
  port: {ports['connect']}
  connector: shoptest-postgres
  heap_mb: 512
  heartbeat_interval_ms: 5000
s3:
  endpoint: http://127.0.0.1:{ports['s3']}
  bucket: lakehouse-test
  master_port: {ports['master']}
  volume_port: {ports['volume']}
  filer_port: {ports['filer']}
spark:
  trigger_interval: 3 seconds
"""
    path.write_text(spec + "".join(f"{k}: {v}\n" for k, v in extra.items()))
    return path


def lakehouse(spec: Path, *args, check=True, timeout=1200, env=None) -> subprocess.CompletedProcess:
    full_env = dict(os.environ, LAKEHOUSE_REPO=str(REPO))
    full_env.update(env or {})
    proc = subprocess.run([str(LAKEHOUSE), "--spec", str(spec), *args], capture_output=True, text=True,
                          timeout=timeout, env=full_env)
    if check and proc.returncode != 0:
        raise AssertionError(f"lakehouse {' '.join(args)} exited {proc.returncode}\n"
                             f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    return proc


def wait_for(predicate, timeout: float, what: str, interval: float = 2.0):
    """Polls `predicate` until it returns a truthy value; fails naming `what`."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what} (last: {last!r})")


@dataclass
class TestStack:
    spec: Path
    home: Path

    def status(self) -> dict:
        return json.loads(lakehouse(self.spec, "status", "--json").stdout)

    def credentials(self) -> dict:
        values = {}
        for line in (self.home / "credentials.env").read_text().splitlines():
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                values[key] = value
        return values

    def source(self, autocommit=True) -> psycopg.Connection:
        st = self.status()["source"]
        return psycopg.connect(host=st["host"], port=st["port"], dbname=st["database"], user=st["user"],
                               password=self.credentials()["SOURCE_PASSWORD"], autocommit=autocommit)

    def admin(self, dbname: str = "postgres") -> psycopg.Connection:
        """Superuser over the private unix socket (tests only; the product uses it to provision)."""
        return psycopg.connect(host=str(self.home / "run/postgres/socket"), port=TEST_PORTS["source"],
                               user="postgres", dbname=dbname, autocommit=True)

    def job_config_path(self) -> Path:
        return self.home / "run/ingest/conf/job.json"
