"""`status --json` carries what scripts and other tools need to connect."""
import os
import stat


def test_status_json_names_every_service_and_endpoint(stack):
    st = stack.status()
    services = {s["name"]: s for s in st["services"]}
    assert set(services) == {"postgres", "seaweedfs", "kafka", "connect", "ingest", "silver"}
    for s in services.values():
        assert s["state"] == "ready" and s["pid"] > 0, s
    assert st["source"]["dsn"] == "postgresql://shoptest_app@127.0.0.1:35432/shoptest"
    assert st["kafka"]["bootstrap"] == "127.0.0.1:39092"
    assert st["s3"]["endpoint"] == "http://127.0.0.1:38333" and st["s3"]["bucket"] == "lakehouse-test"
    assert st["connector"]["state"] == "RUNNING" and st["connector"]["tasks"] == ["RUNNING"]
    assert st["slot"]["exists"] and st["slot"]["active"]
    tables = {(t["layer"], t["name"]): t for t in st["tables"]}
    orders = tables[("bronze", "demo_orders")]
    assert orders["uri"] == "s3a://lakehouse-test/bronze/demo_orders" and orders["version"] >= 0
    customers = tables[("bronze", "demo_customers")]
    assert customers["rows"] >= 2000 and customers["files"] >= 1, customers


def test_credentials_file_is_private_and_complete(stack):
    path = stack.status()["credentials_file"]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    creds = stack.credentials()
    for key in ("SOURCE_USER", "SOURCE_PASSWORD", "CDC_USER", "CDC_PASSWORD", "AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY"):
        assert creds.get(key), key
    assert len(creds["SOURCE_PASSWORD"]) >= 32


def _listeners(path):
    """(address hex, port) of every listening socket in /proc/net/tcp or tcp6."""
    with open(path) as f:
        rows = [line.split() for line in f.readlines()[1:]]
    return [(r[1].split(":")[0], int(r[1].split(":")[1], 16)) for r in rows if r[3] == "0A"]


IPV4_LOOPBACK = "0100007F"
IPV6_LOOPBACKS = {"00000000000000000000000001000000", "0000000000000000FFFF00000100007F"}


def test_services_listen_on_loopback_only(stack):
    ports = {35432, 39092, 39093, 38083, 38333, 39333, 38080, 38888}
    seen = set()
    for addr, port in _listeners("/proc/net/tcp"):
        if port in ports:
            seen.add(port)
            assert addr == IPV4_LOOPBACK, f"port {port} listens on {addr}, not 127.0.0.1"
    for addr, port in _listeners("/proc/net/tcp6"):
        if port in ports:
            seen.add(port)
            assert addr in IPV6_LOOPBACKS, f"port {port} listens on IPv6 {addr}, not loopback"
    assert seen == ports, f"not listening: {sorted(ports - seen)}"


def test_cdc_role_is_not_superuser(stack):
    with stack.admin() as conn:
        row = conn.execute("select rolsuper, rolreplication from pg_roles where rolname = 'shoptest_cdc'").fetchone()
    assert row == (False, True)


def test_second_up_changes_nothing(stack):
    from .stack import lakehouse
    before = {s["name"]: s["pid"] for s in stack.status()["services"]}
    out = lakehouse(stack.spec, "up").stdout
    assert "already running; nothing changed" in out
    assert {s["name"]: s["pid"] for s in stack.status()["services"]} == before
