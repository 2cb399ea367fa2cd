"""What every long-running Spark driver shares: its state file and its main loop.

The state file is how `lakehouse status` (and the supervisor's readiness check)
sees a job: written atomically, status starting -> running -> stopping ->
stopped, or failed with the error.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import threading
from datetime import datetime, timezone
from typing import Callable

from pyspark.sql import SparkSession

from . import job_config, spark_session


class Startup:
    """What a driver has once it has started: its config, state file and session."""

    def __init__(self, cfg: job_config.JobConfig, state: "StateFile", spark: SparkSession):
        self.cfg, self.state, self.spark = cfg, state, spark


def start(description: str, job: str, **initial_state) -> "Startup | int":
    """Parses --job-config, loads it, opens the state file and the SparkSession.

    Returns the exit code (2) instead when the configuration is unusable, after
    printing why on stderr, so a driver's main is `started = start(...); if
    isinstance(started, int): return started`.
    """
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--job-config", required=True)
    args = parser.parse_args()
    try:
        cfg = job_config.load(args.job_config)
    except job_config.ConfigError as e:
        print(f"{job}: {e}", file=sys.stderr)
        return 2
    state = StateFile(cfg.state_file, **initial_state)
    state.update(status="starting")
    return Startup(cfg, state, spark_session.build(cfg))


class StateFile:
    """Progress for `lakehouse status`, rewritten atomically on each update."""

    def __init__(self, path, **initial):
        self.path = path
        self.state = {"status": "starting", **initial}

    def update(self, **changes):
        self.state.update(changes)
        self.state["updated_at"] = datetime.now(timezone.utc).isoformat()
        tmp = f"{self.path}.tmp"
        with open(tmp, "w") as f:
            json.dump(self.state, f, indent=2)
        os.replace(tmp, self.path)


class QueryIds:
    """Query ids by name, for batch functions that run before start() returns.

    A foreachBatch function needs its query's id (the Delta txnAppId), which is
    stable across restarts from the same checkpoint, but the first batch may
    begin before `start()` has returned it.
    """

    def __init__(self):
        self._ids: dict[str, str] = {}
        self._cond = threading.Condition()

    def set(self, name: str, query_id: str) -> None:
        with self._cond:
            self._ids[name] = query_id
            self._cond.notify_all()

    def get(self, name: str) -> str:
        with self._cond:
            self._cond.wait_for(lambda: name in self._ids)
            return self._ids[name]


def run_until_signalled(spark: SparkSession, state: StateFile, job: str,
                        every_second: Callable[[], None] = lambda: None) -> int:
    """Waits on the session's streaming queries until SIGTERM/SIGINT or a failure.

    The signal handler only sets a flag: calling into the JVM from a handler
    while the main thread waits in another JVM call can deadlock Py4J.
    Returns the process exit code.
    """
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stopping.set())
    signal.signal(signal.SIGINT, lambda signum, frame: stopping.set())
    try:
        while not stopping.is_set():
            for query in spark.streams.active:
                if query.exception() is not None:
                    raise RuntimeError(f"query {query.name}: {query.exception()}")
            spark.streams.awaitAnyTermination(1)
            spark.streams.resetTerminated()
            every_second()
        state.update(status="stopping")
        for query in spark.streams.active:
            query.stop()
    except Exception as e:  # a stream failed: say so where `status` looks, then exit non-zero
        state.update(status="failed", error=str(e)[:2000])
        print(f"{job}: stream failed: {e}", file=sys.stderr)
        return 1
    state.update(status="stopped")
    return 0
