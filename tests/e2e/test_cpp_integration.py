"""The C++ integration tests, run against the test stack's real PostgreSQL and S3.

They skip themselves when their servers are not named in the environment;
here they are, so a skip would be a failure.
"""
import os
import subprocess

from .stack import REPO, TEST_PORTS


def test_cpp_integration_tests_pass_against_live_servers(stack):
    creds = stack.credentials()
    env = dict(os.environ,
               LAKEHOUSE_TEST_PG_DSN=f"host={stack.home}/run/postgres/socket port={TEST_PORTS['source']} "
                                     f"user=postgres dbname=postgres",
               LAKEHOUSE_TEST_S3_ENDPOINT=f"http://127.0.0.1:{TEST_PORTS['s3']}",
               LAKEHOUSE_TEST_S3_ACCESS_KEY=creds["AWS_ACCESS_KEY_ID"],
               LAKEHOUSE_TEST_S3_SECRET_KEY=creds["AWS_SECRET_ACCESS_KEY"])
    build = os.environ.get("LAKEHOUSE_BUILD_DIR", str(REPO / "build"))
    proc = subprocess.run(["ctest", "--test-dir", build, "--output-on-failure", "-R", "Integration|PgTest"],
                          capture_output=True, text=True, env=env, timeout=900)
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert "No tests were found" not in proc.stdout
    assert "Skipped" not in proc.stdout and "Not Run" not in proc.stdout, proc.stdout[-3000:]
    assert "100% tests passed" in proc.stdout
