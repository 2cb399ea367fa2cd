"""Session fixtures: one real stack for all end-to-end tests, purged at the end."""
from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest

from .stack import TestStack, lakehouse, write_spec


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> TestStack:
    # Under /tmp, not pytest's 0700 tmp dirs: the postgres OS user must reach its data dir.
    home = Path("/tmp") / f"lakehouse-e2e-{uuid.uuid4().hex[:8]}"
    spec = write_spec(tmp_path_factory.mktemp("spec") / "pipeline.yaml", home)
    try:
        lakehouse(spec, "up", timeout=1800)
        yield TestStack(spec=spec, home=home)
    finally:
        lakehouse(spec, "down", "--purge", check=False, timeout=600)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def spark(stack):
    """A Spark session of the tests' own, configured like the ingest job (same jars, S3 settings)."""
    from lakehouse_jobs import job_config, spark_session

    cfg = job_config.load(str(stack.job_config_path()))
    session = spark_session.build(cfg, app_name="lakehouse-e2e-tests")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def lake(stack, spark):
    from lakehouse_jobs import job_config

    cfg = job_config.load(str(stack.job_config_path()))

    class Lake:
        def bronze(self, table: str):
            schema, name = table.split(".")
            return spark.read.format("delta").load(cfg.bronze_uri(schema, name))

        def silver(self, table: str):
            schema, name = table.split(".")
            return spark.read.format("delta").load(cfg.s3.uri(f"silver_rt/{schema}_{name}"))

        def quarantine(self):
            return spark.read.format("delta").load(cfg.quarantine_uri("bronze"))

    return Lake()
