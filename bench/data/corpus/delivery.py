"""One delivery of one bug: its release, time, host and values, and the chain as that
delivery's runtime reports it."""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

from .model import Bug, Company, Exc, Frame, Service, Values
from .rand import Rand, stable_hex
from .releases import chain_at, chunk_url
from .traces import ENGINES, exc_value

SLUGS = (
    "harissa-chickpea-bowl",
    "miso-glazed-salmon",
    "one-pot-orzo",
    "thai-green-curry",
    "intro-to-sql",
    "rust-for-pythonistas",
)


@dataclass
class Delivery:
    company: Company
    service: Service
    bug: Bug
    rand: Rand
    index: int
    release: int
    when: float  # epoch seconds
    opts: Mapping[str, object] = field(default_factory=dict)

    @cached_property
    def values(self) -> Values:
        values = Values(self.rand)
        values["ts"] = self.iso(6)
        values["tsms"] = self.iso(3)
        values["tsnaive"] = self.iso(6)[:-1]
        values["epoch"] = f"{self.when:.6f}"
        values["epochms"] = str(self.epoch_ms)
        values["nginxts"] = self.stamp("%Y/%m/%d %H:%M:%S")
        values["clf"] = self.stamp("%d/%b/%Y:%H:%M:%S +0000")
        values["gts"] = self.stamp("%Y-%m-%d %H:%M:%S")
        values["hms"] = self.stamp("%H:%M:%S")  # blind20: RQ's worker log
        if self.bug.entry.startswith("/") or " /" in self.bug.entry:
            values["path"] = self.request_path
        if self.service.origin:
            bundle = str(self.opts.get("chunk", "checkout"))
            values["chunkurl"] = chunk_url(
                self.company.key, self.service.origin, bundle, self.release
            )
        return values

    @cached_property
    def request_path(self) -> str:
        """The entry's path with its route parameters filled (``{recipe_id}`` -> 48211)."""
        path = self.bug.entry.split(" ", 1)[-1]
        return re.sub(r"\{([a-z_]+)\}", self._route_value, path)

    def _route_value(self, m: re.Match[str]) -> str:
        if m.group(1) == "slug":
            return self.rand.choice(SLUGS)
        return str(self.rand.randint(1_000, 99_999))

    # --- what the runtime saw ---

    @property
    def browser(self) -> str:
        return str(self.opts.get("browser", "chrome"))

    @property
    def engine(self) -> str:
        return ENGINES.get(self.browser, "v8")

    @property
    def minified(self) -> bool:
        """Browser and React Native code runs minified: messages carry minified names. An
        importmap-rails front end serves its modules as written."""
        if self.service.framework == "importmap":
            return False
        return self.service.platform in ("javascript", "react-native")

    @cached_property
    def chain(self) -> list[Exc]:
        """The bug's chain at this delivery's release, values filled in the engine's words."""
        out = []
        for exc in chain_at(self.bug.chain, self.release, self.bug.renames if self.release else {}):
            value = exc_value(exc, self.engine, self.release, self.minified)
            out.append(replace(exc, value=self.values.fill(value)))
        return out

    @property
    def thrown(self) -> Exc:
        return self.chain[-1]

    @property
    def frames(self) -> tuple[Frame, ...]:
        return self.thrown.frames

    @property
    def log_message(self) -> str:
        """What was logged; ``<exc>`` stands for the thrown exception as ``Type: message``."""
        if not self.bug.log:
            return self.thrown.value
        message = self.values.fill(self.bug.log)
        # Serilog-style properties ({OrderId}) render as the delivery's uuid.
        message = re.sub(r"\{[A-Z][A-Za-z]+\}", lambda _: self.values["uuid"], message)
        if "<exc>" in message:
            first = self.thrown.value.split("\n", 1)[0]
            message = message.replace("<exc>", f"{self.thrown.text_name}: {first}")
        return message

    @property
    def logger(self) -> str:
        if self.bug.logger:
            return self.bug.logger
        app = [f for f in self.frames if f.in_app]
        return app[-1].module if app and app[-1].module else self.service.name

    # --- where and when ---

    @property
    def release_name(self) -> str:
        if self.service.releases:
            return self.service.releases[self.release]
        return f"{self.service.name}@{self.company.releases[self.release]}"

    @cached_property
    def host(self) -> str:
        """A Kubernetes pod: the ReplicaSet hash changes with the release."""
        return self.pod(self.service.name)

    def pod(self, name: str) -> str:
        """A pod of deployment ``name`` at this delivery's release."""
        rs = stable_hex(10, self.company.key, name, self.release)
        rs = "".join(
            c if c.isdigit() or c in "bcdfghjklmnpqrstvwxz" else "bcdfg"[int(c, 16) % 5] for c in rs
        )
        return f"{name}-{rs}-{self.rand.alnum(5, 'bcdfghjklmnpqrstvwxz2456789')}"

    @property
    def epoch_ms(self) -> int:
        return int(self.when * 1000)

    def iso(self, digits: int = 6, z: bool = True) -> str:
        base = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(self.when))
        frac = f"{self.when % 1:.{digits}f}"[1:] if digits else ""
        return base + frac + ("Z" if z else "+00:00")

    def stamp(self, fmt: str) -> str:
        return time.strftime(fmt, time.gmtime(self.when))

    @property
    def millis(self) -> str:
        return f"{int(self.when * 1000) % 1000:03d}"
