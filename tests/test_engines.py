"""Engines and batches: one bad document, or one dead worker, costs only its own documents."""

from __future__ import annotations

import contextlib
import ipaddress
import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from narrascope.config import Config, load_config
from narrascope.document import Document
from narrascope.engines import ProcessEngine, RayEngine, SerialEngine
from narrascope.pipeline import Pipeline, batches
from texts import ENGLISH, RUSSIAN

# A plugin module, written for each test: analyzers that fail on purpose. Worker processes
# import it through `pipeline.plugins`, as they would a user's own analyzers.
PLUGIN = """
import os

from narrascope.analyzers.base import Analyzer
from narrascope.registry import register


@register
class Fragile(Analyzer):
    name = "tests.fragile.v1"
    requires = ("paragraph",)
    provides = ("mark",)

    def pipe(self, docs):
        for doc in docs:  # marks the good ones first, then fails the whole batch
            self(doc)

    def __call__(self, doc):
        if "BOOM" in doc.text:
            raise RuntimeError("cannot read this one")
        self.span(doc, 0, 1, "mark", "seen")


@register
class Mortal(Analyzer):
    name = "tests.mortal.v1"
    requires = ("paragraph",)
    provides = ("pulse",)

    def __call__(self, doc):
        if "DIE" in doc.text:
            os._exit(3)  # the worker process dies, as under the OOM killer
        self.span(doc, 0, 1, "pulse", "alive")


@register
class Witness(Analyzer):
    # Says which process built it and which one ran it, and under which setting.

    name = "tests.witness.v1"
    requires = ("paragraph",)
    provides = ("witness",)
    defaults = {"tag": ""}

    def __init__(self, settings):
        super().__init__(settings)
        self.built_in = os.getpid()

    def __call__(self, doc):
        self.span(doc, 0, 1, "witness", self.settings["tag"], attrs={"built": self.built_in, "ran": os.getpid(), "inherits": "NARRASCOPE_PRELOAD" in os.environ})
"""


@pytest.fixture(scope="module")
def plugin_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plugin")
    (folder / "narrascope_test_plugin.py").write_text(PLUGIN, encoding="utf-8")
    return folder


@pytest.fixture
def plugin(plugin_dir: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.syspath_prepend(str(plugin_dir))
    # Spawned workers start from the environment, not from this process's sys.path.
    monkeypatch.setenv("PYTHONPATH", ":".join([str(plugin_dir), *(p for p in sys.path if p)]))
    return "narrascope_test_plugin"


def _config(plugin: str, analyzer: str) -> Config:
    base = load_config()
    pipeline = {"analyzers": ["narrascope.segment.v1", analyzer], "languages": [], "plugins": [plugin]}
    return Config({**base.data, "pipeline": pipeline})


def _witness(plugin: str, tag: str) -> Config:
    config = _config(plugin, "tests.witness.v1")
    return Config({**config.data, "analyzers": {"tests.witness.v1": {"tag": tag}}})


def _witnessed(engine: ProcessEngine, count: int) -> list[tuple[str, int, int]]:
    """(tag, pid that built the analyzer, pid that ran it) of each document, in order."""
    outcomes = sorted(engine.run(_docs(*(f"document {i}" for i in range(count)))), key=lambda o: o.name)
    seen = []
    for outcome in outcomes:
        assert outcome.document is not None and outcome.error is None
        (span,) = outcome.document.layer("witness")
        # what a worker starts must not build a pipeline again when it imports narrascope
        assert span.attrs["inherits"] is False
        seen.append((span.label, int(span.attrs["built"]), int(span.attrs["ran"])))
    return seen


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.skipif(sys.platform == "win32", reason="no fork server on Windows")
def test_workers_share_one_pipeline_built_before_they_forked(plugin: str) -> None:
    engine = ProcessEngine(_witness(plugin, "first"), workers=2, chunk=1)
    try:
        seen = _witnessed(engine, 8)
    finally:
        engine.close()
    assert {tag for tag, _, _ in seen} == {"first"}
    built = {pid for _, pid, _ in seen}
    ran = {pid for _, _, pid in seen}
    # Built once, in the fork server, and used by every worker: not built in each of them.
    assert len(built) == 1 and not built & ran and os.getpid() not in built | ran
    # The server holds a copy of every model: closing the engine stops it.
    assert _gone(built.pop())


@pytest.mark.skipif(sys.platform == "win32", reason="no fork server on Windows")
def test_an_engine_of_another_configuration_never_gets_a_pipeline_built_for_the_first(plugin: str) -> None:
    first = ProcessEngine(_witness(plugin, "first"), workers=1, chunk=1)
    second = ProcessEngine(_witness(plugin, "second"), workers=1, chunk=1)
    third = ProcessEngine(_witness(plugin, "first"), workers=1, chunk=1)
    try:
        one = _witnessed(first, 2)
        two = _witnessed(second, 2)
        three = _witnessed(third, 2)
        third.close()  # the first still uses the server: it stays
        first._drop_pool()
        again = _witnessed(first, 2)
    finally:
        first.close()
        second.close()
        third.close()
    assert {tag for tag, _, _ in one + three + again} == {"first"}
    assert {tag for tag, _, _ in two} == {"second"}
    # The server loaded the first configuration; the engine of another builds its own.
    assert all(built == ran for _, built, ran in two)
    shared = {built for _, built, ran in one + three + again if built != ran}
    assert len(shared) == 1 and len(one + three + again) == 6
    assert _gone(shared.pop())


@pytest.mark.skipif(sys.platform == "win32", reason="no fork server on Windows")
def test_workers_forked_from_the_server_are_replaced_after_their_share_and_nothing_is_lost(
    plugin: str,
) -> None:
    engine = ProcessEngine(_witness(plugin, "first"), workers=2, chunk=1, recycle=2)
    try:
        seen = _witnessed(engine, 12)  # asserts that every document came back analysed
    finally:
        engine.close()
    assert len(seen) == 12
    ran = [pid for _, _, pid in seen]
    # Each worker ran at most its share (2 chunks of 1), then a fresh fork took its place.
    assert max(ran.count(pid) for pid in set(ran)) <= 2 and len(set(ran)) >= 6
    assert len({built for _, built, _ in seen}) == 1  # every replacement forked from the server


@pytest.mark.skipif(sys.platform == "win32", reason="no fork server on Windows")
def test_spawned_workers_are_not_replaced_since_each_would_load_every_model_again(plugin: str) -> None:
    first = ProcessEngine(_witness(plugin, "first"), workers=1, chunk=1)
    second = ProcessEngine(_witness(plugin, "second"), workers=1, chunk=1, recycle=1)
    try:
        _witnessed(first, 1)  # the server now holds the first configuration: the second spawns
        seen = _witnessed(second, 4)
    finally:
        first.close()
        second.close()
    assert {(built, ran) for _, built, ran in seen} == {(seen[0][1], seen[0][1])}


@given(
    lengths=st.lists(st.integers(1, 120), max_size=40),
    size=st.integers(1, 8),
    characters=st.integers(1, 200),
)
def test_batches_hold_every_document_once_in_order_within_both_limits(
    lengths: list[int], size: int, characters: int
) -> None:
    docs = [Document("x" * n, metadata={"input": str(i)}) for i, n in enumerate(lengths)]
    made = list(batches(docs, size, characters))
    assert [d for batch in made for d in batch] == docs  # nothing lost, nothing twice, in order
    for batch in made:
        assert 1 <= len(batch) <= size
        # a document longer than the limit goes alone; otherwise the batch stays within it
        assert len(batch) == 1 or sum(len(d.text) for d in batch) <= characters
    for first, second in itertools.pairwise(made):
        # a batch is cut only when the next document would break a limit
        assert len(first) == size or sum(len(d.text) for d in first) + len(second[0].text) > characters


@given(
    count=st.integers(0, 300),
    total=st.integers(0, 400),
    shares=st.integers(1, 8),
    characters=st.sampled_from([64_000, 40]),
)
def test_batches_with_a_total_hold_every_document_once_and_shrink_as_the_work_runs_out(
    count: int, total: int, shares: int, characters: int
) -> None:
    docs = [Document(f"text {i}", metadata={"input": str(i)}) for i in range(count)]
    made = list(batches(docs, 16, characters, total=total, shares=shares))
    assert [d for batch in made for d in batch] == docs
    before = 0
    for batch in made:
        assert 1 <= len(batch) <= 16
        assert len(batch) == 1 or sum(len(d.text) for d in batch) <= characters
        left = total - before
        if left > 0:  # within the stated total, no batch takes more than its share of what is left
            assert len(batch) <= -(-left // shares)
        before += len(batch)


def test_batches_for_two_workers_end_small_enough_for_them_to_finish_together() -> None:
    docs = [Document(f"text {i}", metadata={"input": str(i)}) for i in range(100)]
    sizes = [len(batch) for batch in batches(docs, 16, total=100, shares=4)]
    assert sizes[:4] == [16, 16, 16, 13]  # full batches while there is plenty
    assert sizes[-4:] == [1, 1, 1, 1]  # the last ones are single documents
    assert sorted(sizes, reverse=True) == sizes and sum(sizes) == 100
    # without a total, batches stay full to the end
    assert [len(b) for b in batches(docs, 16)] == [16] * 6 + [4]


def _docs(*texts: str) -> list[Document]:
    return [Document(text, metadata={"input": f"in-{i}"}) for i, text in enumerate(texts)]


def test_an_analyzer_that_raises_on_one_document_costs_only_that_document(plugin: str) -> None:
    pipeline = Pipeline(_config(plugin, "tests.fragile.v1"))
    outcomes = list(pipeline.run(_docs("fine one", "BOOM here", "fine two", "fine three"), batch_size=4))
    assert [(o.name, o.error.code if o.error else None) for o in outcomes] == [
        ("in-0", None),
        ("in-1", "E107"),
        ("in-2", None),
        ("in-3", None),
    ]
    assert "cannot read this one" in str(outcomes[1].error)
    for outcome in (outcomes[0], outcomes[2], outcomes[3]):
        assert outcome.document is not None
        # the batch was retried one by one: each mark exactly once, not once per attempt
        assert [s.label for s in outcome.document.layer("mark")] == ["seen"]
        assert "tests.fragile.v1" in outcome.document.analyses


def test_a_worker_that_dies_costs_only_the_documents_it_held(plugin: str) -> None:
    config = _config(plugin, "tests.mortal.v1")
    texts = [f"document number {i}" for i in range(8)]
    texts[5] = "DIE now"
    engine = ProcessEngine(config, workers=2, chunk=1)
    try:
        outcomes = {o.name: o for o in engine.run(_docs(*texts))}
    finally:
        engine.close()
    assert sorted(outcomes) == [f"in-{i}" for i in range(8)]  # every input accounted for
    failed = {name for name, o in outcomes.items() if o.error is not None}
    assert "in-5" in failed
    assert all(outcomes[name].error.code == "E107" for name in failed)  # type: ignore[union-attr]
    # Each worker has an executor of its own: what the dying one held (at most two chunks of
    # one document) is lost, not what the other worker held; the rest goes on.
    assert len(failed) <= 2, failed
    serial = {o.name: o for o in SerialEngine(config).run(_docs(*texts[:5]))}
    for name, outcome in serial.items():
        if name not in failed:
            assert outcomes[name].document is not None and outcome.document is not None
            assert outcomes[name].document.to_json() == outcome.document.to_json()  # type: ignore[union-attr]


def _comparable(doc: Document) -> list[tuple[object, ...]]:
    # Scores may differ in the last digits between processes with different thread counts.
    return sorted((s.layer, s.label, s.start, s.end, round(s.score or 0.0, 2)) for s in doc.spans)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["process", "ray"])
def test_default_pipeline_with_real_models_matches_one_process(engine: str) -> None:
    from narrascope.engines import make_engine

    if engine == "ray":
        pytest.importorskip("ray")
    config = load_config()
    german = "Die Regierung warnte am Dienstag vor gefährlichen Provokationen der Nachbarn.\n\nDas sei ein Skandal."

    def docs() -> list[Document]:
        return _docs(ENGLISH, RUSSIAN, german, "")

    expected = {o.name: o for o in SerialEngine(config).run(docs())}
    runner = make_engine(engine, config, workers=2 if engine == "process" else 1)
    try:
        got = {o.name: o for o in runner.run(docs())}
    finally:
        runner.close()
    assert sorted(got) == sorted(expected)
    for name, outcome in got.items():
        if expected[name].error is not None:
            assert outcome.error is not None and outcome.error.code == expected[name].error.code  # type: ignore[union-attr]
            continue
        mine, theirs = outcome.document, expected[name].document
        assert mine is not None and theirs is not None
        assert _comparable(mine) == _comparable(theirs)
        assert mine.spans or not mine.text.strip()
        assert mine.metadata.get("not_covered") == theirs.metadata.get("not_covered")


# Local Ray: a run of its own, on loopback, with token authentication.

RAY_ENV = (
    "RAY_ADDRESS",
    "RAY_AUTH_MODE",
    "RAY_AUTH_TOKEN",
    "RAY_AUTH_TOKEN_PATH",
    "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER",
)
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _light_config() -> Config:
    base = load_config()
    return Config(
        {**base.data, "pipeline": {"analyzers": ["narrascope.segment.v1"], "languages": [], "plugins": []}}
    )


def _light_docs() -> list[Document]:
    return _docs("First sentence. Second one.", "Another text here.", "A third.")


def _ray_processes() -> dict[int, str]:
    """This process and every process under it (Ray's), by pid, with their names."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, todo = {os.getpid()}, [os.getpid()]
    while todo:
        pid = todo.pop()
        for child, parent in parents.items():
            if parent == pid and child not in found:
                found.add(child)
                todo.append(child)
    names = {}
    for pid in found:
        with contextlib.suppress(OSError):
            names[pid] = Path(f"/proc/{pid}/comm").read_text().strip()
    return names


def _listening() -> dict[int, ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Listening TCP sockets of this machine (network namespace): inode -> local address."""
    found: dict[int, ipaddress.IPv4Address | ipaddress.IPv6Address] = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] != "0A":  # TCP_LISTEN
                continue
            raw = bytes.fromhex(fields[1].split(":")[0])
            # the kernel writes each 32-bit word in host (little-endian) order
            packed = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
            found[int(fields[9])] = ipaddress.ip_address(packed)
    return found


def _listeners_of(pids: dict[int, str]) -> list[tuple[str, int, str]]:
    """(process name, pid, address) of every listening TCP socket the processes hold."""
    listening = _listening()
    held = []
    for pid, name in pids.items():
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        links = []
        for fd in fds:
            # a busy server closes descriptors while we read them; one gone must not hide the rest
            with contextlib.suppress(OSError):
                links.append(str(fd.readlink()))
        for link in links:
            if link.startswith("socket:["):
                inode = int(link[len("socket:[") : -1])
                if inode in listening:
                    held.append((name, pid, str(listening[inode])))
    return held


def _is_loopback(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


# A client that asks the GCS for its nodes; prints "served" or the error's class name.
GCS_CLIENT = """
import sys
from ray._raylet import GcsClient
try:
    GcsClient(address=sys.argv[1]).get_all_node_info(timeout=10)
    print("served")
except Exception as exc:
    print(type(exc).__name__)
"""


def _ask_gcs(address: str, **auth: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in RAY_ENV}
    env.update(auth)
    done = subprocess.run(
        [sys.executable, "-c", GCS_CLIENT, address], env=env, capture_output=True, text=True, timeout=120
    )
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-500:]


def test_each_local_ray_run_gets_a_fresh_token_and_puts_the_environment_back(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without starting Ray: what a local run asks ray.init for, and in which environment."""
    ray = pytest.importorskip("ray")
    calls: list[tuple[dict[str, Any], dict[str, str | None]]] = []

    def fake_init(**options: Any) -> None:
        calls.append((options, {name: os.environ.get(name) for name in RAY_ENV}))

    monkeypatch.setattr(ray, "init", fake_init)
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setenv("RAY_ADDRESS", "127.0.0.1:6379")
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    monkeypatch.delenv("RAY_AUTH_TOKEN", raising=False)
    monkeypatch.setenv("RAY_AUTH_TOKEN_PATH", "/nonexistent/token")
    before = {name: os.environ.get(name) for name in RAY_ENV}
    for _ in range(2):
        engine = RayEngine(_light_config(), 1)
        engine.close()
        assert {name: os.environ.get(name) for name in RAY_ENV} == before
    first_env, second_env = (env for _, env in calls)
    for options, env in calls:
        assert options["address"] == "local"  # a new instance, never a running cluster
        assert options["_node_ip_address"] == "127.0.0.1"
        assert options["include_dashboard"] is False
        assert env["RAY_ADDRESS"] is None and env["RAY_AUTH_TOKEN_PATH"] is None
        assert env["RAY_AUTH_MODE"] == "token"
        assert env["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] == "0"
        assert env["RAY_AUTH_TOKEN"] and len(env["RAY_AUTH_TOKEN"]) >= 32
    assert first_env["RAY_AUTH_TOKEN"] != second_env["RAY_AUTH_TOKEN"]
    out = capsys.readouterr()
    assert str(first_env["RAY_AUTH_TOKEN"]) not in out.out + out.err


@pytest.fixture(scope="class")
def local_ray() -> Iterator[RayEngine]:
    """A local Ray run that has analysed a batch and is still up."""
    pytest.importorskip("ray")
    with pytest.MonkeyPatch.context() as mp:
        for name in RAY_ENV:
            mp.delenv(name, raising=False)
        engine = RayEngine(_light_config(), 1)
        try:
            outcomes = list(engine.run(_light_docs()))
            assert sorted(o.name for o in outcomes) == ["in-0", "in-1", "in-2"]
            assert all(o.error is None and o.document is not None for o in outcomes), outcomes
            yield engine
        finally:
            engine.close()


@linux_only
class TestLocalRay:
    def test_listens_on_loopback_only(self, local_ray: RayEngine) -> None:
        for _ in range(20):  # a server can be between sockets at the moment we look
            held = _listeners_of(_ray_processes())
            names = {name for name, _, _ in held}
            if {"gcs_server", "raylet"} <= names:
                break
            time.sleep(0.5)
        assert {"gcs_server", "raylet"} <= names, held  # the check sees Ray's servers
        exposed = [entry for entry in held if not _is_loopback(entry[2])]
        assert not exposed, f"Ray listens beyond loopback: {exposed}"
        gcs_host = local_ray.ray.get_runtime_context().gcs_address.rsplit(":", 1)[0]
        assert _is_loopback(gcs_host.strip("[]"))

    def test_authenticates_with_a_token_of_its_own(self, local_ray: RayEngine) -> None:
        from ray._raylet import AuthenticationMode, get_authentication_mode  # type: ignore[attr-defined]

        assert os.environ["RAY_AUTH_MODE"] == "token"
        assert get_authentication_mode() == AuthenticationMode.TOKEN
        gcs = [pid for pid, name in _ray_processes().items() if name == "gcs_server"]
        assert len(gcs) == 1
        environ = Path(f"/proc/{gcs[0]}/environ").read_bytes().split(b"\0")
        assert b"RAY_AUTH_MODE=token" in environ
        address = local_ray.ray.get_runtime_context().gcs_address
        token = os.environ["RAY_AUTH_TOKEN"]
        assert _ask_gcs(address, RAY_AUTH_MODE="disabled") == "AuthenticationError"
        assert (
            _ask_gcs(address, RAY_AUTH_MODE="token", RAY_AUTH_TOKEN="not-" + token) == "AuthenticationError"
        )
        assert _ask_gcs(address, RAY_AUTH_MODE="token", RAY_AUTH_TOKEN=token) == "served"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def running_cluster() -> Iterator[tuple[str, str, subprocess.Popen[bytes]]]:
    """A Ray cluster started with `ray start --head`, as a user would: (RAY_TMPDIR, address, process).

    It runs in a session of its own under a temporary directory of its own, so that stopping
    it stops only what this fixture started (`ray stop` would stop every Ray on the machine).
    """
    pytest.importorskip("ray")
    # Short: Ray's unix sockets live under it, and their paths must stay under 108 bytes.
    tmp = tempfile.mkdtemp(prefix="nsray-", dir="/tmp")
    env = {k: v for k, v in os.environ.items() if k not in RAY_ENV}
    env.update(RAY_TMPDIR=tmp, RAY_AUTH_MODE="disabled", RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER="0")
    command = [
        str(Path(sys.executable).with_name("ray")),
        "start",
        "--head",
        "--block",
        f"--port={_free_port()}",
        "--num-cpus=1",
        "--include-dashboard=false",
        "--node-ip-address=127.0.0.1",
        "--disable-usage-stats",
    ]
    log = (Path(tmp) / "ray-start.log").open("wb")  # closed in the teardown
    proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        address_file = Path(tmp, "ray", "ray_current_cluster")
        deadline = time.monotonic() + 120
        while not (address_file.exists() and address_file.read_text().strip()):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    "ray start failed: " + (Path(tmp) / "ray-start.log").read_text(errors="replace")[-2000:]
                )
            time.sleep(0.5)
        yield tmp, address_file.read_text().strip(), proc
    finally:
        # `ray start --block` drains and stops its node on SIGTERM (a few seconds); its session
        # holds it and every process it started, nothing else, for whatever is left.
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=60)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


@linux_only
@pytest.mark.parametrize("found_by", ["ray_current_cluster", "RAY_ADDRESS"])
def test_a_local_run_starts_its_own_ray_beside_a_running_cluster(
    found_by: str,
    running_cluster: tuple[str, str, subprocess.Popen[bytes]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tmp, cluster_address, cluster = running_cluster
    for name in RAY_ENV:
        monkeypatch.delenv(name, raising=False)
    if found_by == "RAY_ADDRESS":
        monkeypatch.setenv("RAY_ADDRESS", cluster_address)
    else:  # `ray.init()` finds the cluster in $RAY_TMPDIR/ray/ray_current_cluster
        monkeypatch.setenv("RAY_TMPDIR", tmp)
    before = {name: os.environ.get(name) for name in RAY_ENV}
    engine = RayEngine(_light_config(), 1)  # used to fail: "num_cpus and num_gpus must not be provided"
    try:
        outcomes = list(engine.run(_light_docs()))
        run_address = engine.ray.get_runtime_context().gcs_address
        nodes = engine.ray.nodes()
    finally:
        engine.close()
    assert sorted(o.name for o in outcomes) == ["in-0", "in-1", "in-2"]
    assert all(o.error is None and o.document is not None for o in outcomes), outcomes
    assert run_address != cluster_address  # its own instance, not the running cluster
    assert len(nodes) == 1 and nodes[0]["Resources"].get("CPU") == (os.cpu_count() or 1)
    assert {name: os.environ.get(name) for name in RAY_ENV} == before
    assert cluster.poll() is None  # the user's cluster is still up


def test_a_worker_keeps_numpy_blas_to_its_share_of_the_cores() -> None:
    """spaCy multiplies with numpy's BLAS, whose threads start when numpy is imported: a worker
    given one core must not run two of them beside its neighbour's."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from threadpoolctl import threadpool_info

    from narrascope.engines import _init_worker

    config = _light_config()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        1, mp_context=context, initializer=_init_worker, initargs=(config.data, 1)
    ) as pool:
        pools = pool.submit(threadpool_info).result(timeout=300)
    blas = [p for p in pools if p["user_api"] == "blas"]
    assert blas and all(p["num_threads"] == 1 for p in blas)
