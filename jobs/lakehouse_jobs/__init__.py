"""Thin Spark drivers for the lakehouse: I/O and orchestration only.

Transformations live in SQL files under sql/<layer>/; the job configuration is
rendered by the C++ `lakehouse` command from the pipeline spec.
"""
