"""Loads the SQL models under sql/<layer>/<name>.sql."""
from __future__ import annotations

from pathlib import Path


def load_model(sql_dir: Path, layer: str, name: str) -> str:
    path = sql_dir / layer / f"{name}.sql"
    try:
        return path.read_text()
    except OSError as e:
        raise FileNotFoundError(f"SQL model {layer}/{name} not found at {path}") from e
