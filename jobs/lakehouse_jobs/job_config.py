"""The job configuration: JSON rendered by `lakehouse` from the pipeline spec.

Secrets are not in it: it names the credentials file (KEY=VALUE, mode 0600),
which is read here.
"""
from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path


class ConfigError(Exception):
    """The job configuration or the credentials file is unusable."""


@dataclass(frozen=True)
class S3Config:
    endpoint: str
    region: str
    bucket: str
    access_key: str
    secret_key: str

    def uri(self, key: str) -> str:
        return f"s3a://{self.bucket}/{key.lstrip('/')}"


@dataclass(frozen=True)
class JobConfig:
    app_name: str
    spark_master: str
    driver_memory: str
    shuffle_partitions: int
    jars: list[str]
    local_dir: str
    s3: S3Config
    kafka_bootstrap: str
    topic_pattern: str
    trigger_interval: str
    tables: list[str]
    sql_dir: Path
    state_file: Path
    timezone: str
    extra: dict = field(default_factory=dict)

    def bronze_uri(self, schema: str, table: str) -> str:
        return self.s3.uri(f"bronze/{schema}_{table}")

    def quarantine_uri(self, layer: str) -> str:
        return self.s3.uri(f"_quarantine/{layer}")

    def checkpoint_uri(self, query: str) -> str:
        return self.s3.uri(f"_checkpoints/{query}")


def read_credentials(path: str) -> dict[str, str]:
    """Parses the KEY=VALUE credentials file, refusing one readable by others."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError as e:
        raise ConfigError(f"credentials file {path} does not exist; run `lakehouse up`") from e
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigError(f"credentials file {path} is readable by others; chmod 600 {path}")
    values = {}
    for number, line in enumerate(Path(path).read_text().splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ConfigError(f"{path}:{number}: expected KEY=VALUE")
        values[key] = value
    return values


def load(path: str) -> JobConfig:
    try:
        raw = json.loads(Path(path).read_text())
    except (OSError, json.JSONDecodeError) as e:
        raise ConfigError(f"cannot read job config {path}: {e}") from e
    try:
        creds = read_credentials(raw["s3"]["credentials_file"])
        s3 = S3Config(
            endpoint=raw["s3"]["endpoint"],
            region=raw["s3"]["region"],
            bucket=raw["s3"]["bucket"],
            access_key=creds["AWS_ACCESS_KEY_ID"],
            secret_key=creds["AWS_SECRET_ACCESS_KEY"],
        )
        return JobConfig(
            app_name=raw["app_name"],
            spark_master=raw["spark"]["master"],
            driver_memory=raw["spark"]["driver_memory"],
            shuffle_partitions=int(raw["spark"]["shuffle_partitions"]),
            jars=list(raw["spark"]["jars"]),
            local_dir=raw["spark"]["local_dir"],
            s3=s3,
            kafka_bootstrap=raw["kafka"]["bootstrap"],
            topic_pattern=raw["kafka"]["topic_pattern"],
            trigger_interval=raw["trigger_interval"],
            tables=list(raw.get("tables", [])),
            sql_dir=Path(raw["sql_dir"]),
            state_file=Path(raw["state_file"]),
            timezone=raw["timezone"],
            extra=raw.get("extra", {}),
        )
    except KeyError as e:
        raise ConfigError(f"job config {path} lacks {e}") from e
