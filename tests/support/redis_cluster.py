"""A private 3-master Redis Cluster for tests: three ``redis-server`` children and one
``redis-cli --cluster create``.

    with RedisClusterServers(tmp_path) as cluster:
        store = RedisStore(cluster.url, prefix="t:")   # redis+cluster://127.0.0.1:P1
        ...

Nothing is persisted (``--save '' --appendonly no``): the cluster lives as long as the test
session that started it. Each node's cluster bus gets a free port of its own
(``--cluster-port``), so no port has to sit 10000 below a free one.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path
from types import TracebackType

import redis

from .redis_server import RedisServer

REDIS_CLI = shutil.which("redis-cli") or "/usr/bin/redis-cli"
MASTERS = 3
READY_TIMEOUT = 20.0


class RedisClusterServers:
    """Three cluster-enabled ``redis-server`` processes joined into one cluster, no replicas."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.servers = [self._node(directory / f"node-{n}") for n in range(MASTERS)]

    @staticmethod
    def _node(directory: Path) -> RedisServer:
        options = [
            "--cluster-config-file", str(directory / "nodes.conf"),
            "--cluster-node-timeout", "2000",
        ]  # fmt: skip
        return RedisServer(
            directory, appendonly=False, save="", extra_args=options, cluster_enabled=True
        )

    @property
    def url(self) -> str:
        """The store's URL for this cluster: any one node is enough to find the others."""
        return f"redis+cluster://127.0.0.1:{self.servers[0].port}"

    @property
    def ports(self) -> list[int]:
        return [server.port for server in self.servers]

    def start(self) -> RedisClusterServers:
        try:
            for server in self.servers:
                server.start()
            create = [
                REDIS_CLI, "--cluster", "create",
                *(f"127.0.0.1:{port}" for port in self.ports),
                "--cluster-replicas", "0", "--cluster-yes",
            ]  # fmt: skip
            subprocess.run(create, check=True, capture_output=True, timeout=READY_TIMEOUT)
            self._wait_until_ok()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for server in self.servers:
            server.stop()

    def client(self) -> redis.RedisCluster:
        """A plain synchronous cluster client, for looking behind the store's back."""
        return redis.RedisCluster(host="127.0.0.1", port=self.ports[0], decode_responses=True)

    def node_of(self, key: str) -> int:
        """The port of the master that serves ``key``."""
        with self.client() as client:
            node = client.get_node_from_key(key)
            return int(node.port)

    def _wait_until_ok(self) -> None:
        """Until every node says ``cluster_state:ok`` (slots assigned, nodes agree)."""
        deadline = time.monotonic() + READY_TIMEOUT
        for server in self.servers:
            probe = server.client()
            try:
                while probe.execute_command("CLUSTER INFO").get("cluster_state") != "ok":
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"cluster not ready on port {server.port}")
                    time.sleep(0.05)
            finally:
                probe.close()

    def __enter__(self) -> RedisClusterServers:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
