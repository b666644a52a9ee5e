"""Incident keys in Redis: records in one hash per project, the open ones and all of them
each in a sorted set by last seen, and per incident a list of its links (in the order they
came) and a hash of its keys (per value the rule matches on, the first link that held it).
Every key has the project's hash tag: an update is one slot's WATCH/MULTI.

A record written before links were kept apart holds them in its JSON: it reads as it did, and
the rule writes it whole (links to their list, keys made) the first time it changes it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from pydantic_core import to_json

from ...incidents.cache import CachedIncidents, Reopened, opened_from
from ...incidents.keys import dump_key, dump_link, load_key, writes_of
from ...incidents.model import (
    Incident,
    IncidentChanges,
    IncidentLink,
    IncidentState,
    IncidentWork,
    KeyId,
    KeyLinks,
)
from .connection import lua

_READ_LUA = lua("read_incidents")
_WRITE_LUA = lua("write_incidents")


class IncidentKeys(NamedTuple):
    """The names of one project's incident keys."""

    records: str
    open: str
    recent: str
    #: Bumped by every write of the project's incidents (``write_incidents.lua``).
    version: str
    #: The list of an incident's links, by incident id.
    links: Callable[[str], str]
    #: The hash of one key's value per incident (``incidents.keys``), by key.
    key: Callable[[str], str]
    #: An item's hash, by item id.
    item: Callable[[str], str]
    #: A cluster's record, by cluster id.
    cluster: Callable[[str], str]


async def read_state(
    pipe: Any,
    reader: Callable[[], Any],
    names: IncidentKeys,
    incident_ids: Sequence[str],
    since: float | str,
    keys: Sequence[str] | None,
    items: Sequence[tuple[str, str]],
) -> tuple[IncidentState, list[KeyId]]:
    """What ``update_incidents`` reads under WATCH (a batch's own step: ``read_batch``), on
    ``pipe`` (watching the records) and on pipelines without a transaction from ``reader``
    (what they read changes only with the records); and the keys of incidents no longer open
    (to drop). ``items``: ``(item id, its key)``."""
    held: dict[KeyId, KeyLinks] = {}
    stale: list[KeyId] = []
    asked = list(dict.fromkeys(incident_ids))
    replies: list[Any]
    if keys is None:
        ids = list(dict.fromkeys([*await pipe.zrangebyscore(names.open, since, "+inf"), *asked]))
    else:
        async with reader() as read:
            for key in keys:
                read.hgetall(names.key(key))
            replies = await read.execute() if keys else []
        by_key = {key: dict(reply) for key, reply in zip(keys, replies, strict=True)}
        ids = list(dict.fromkeys([*(i for r in by_key.values() for i in r), *asked]))
    async with reader() as read:
        if ids:
            read.hmget(names.records, ids)
        for incident_id in asked:
            read.lrange(names.links(incident_id), 0, -1)
        for _, key in items:
            read.hget(key, "incident_id")
        replies = await read.execute() if ids or asked or items else []
    raw: list[str | None] = replies.pop(0) if ids else []
    found = {i.id: i for i in (Incident.model_validate_json(r) for r in raw if r)}
    for incident_id, raw_links in zip(asked, replies, strict=False):
        # A record stored before links were kept apart has them in it (and an empty list).
        if incident_id in found:
            found[incident_id].links += [IncidentLink.model_validate_json(r) for r in raw_links]
    in_incident = replies[len(asked) :]
    placed = frozenset(i for (i, _), there in zip(items, in_incident, strict=True) if there)
    if keys is not None:
        bound = float("-inf") if since == "-inf" else float(since)
        for key, incidents in by_key.items():
            for incident_id, raw_places in incidents.items():
                incident = found.get(incident_id)
                if incident is None or incident.status != "open":
                    stale.append((incident_id, key))
                elif incident.last_seen.timestamp() * 1000 >= bound:
                    held[(incident_id, key)] = load_key(raw_places)
        # Only the open incidents of the window that hold a key, and those asked for.
        found = {
            i: incident
            for i, incident in found.items()
            if i in incident_ids or any((i, key) in held for key in keys)
        }
    return IncidentState(found, held, placed), stale


async def read_batch(
    redis: Any,
    names: IncidentKeys,
    cached: CachedIncidents | None,
    since: datetime | None,
    keys: Sequence[str],
    items: Sequence[tuple[str, str]],
    work: IncidentWork | None = None,
) -> tuple[IncidentState, list[KeyId], CachedIncidents]:
    """What a batch's own step reads (``read_incidents.lua``, one round trip), through the
    store's copy of the project's incidents: ``cached`` if it is as of the version read (else
    a new one), filled with what was read (and the open incidents of the window, if it lacks
    them). The state, the keys of incidents no longer open (to drop), and the copy, as of the
    version read (``stamp``: what the write is checked against). ``work``: the step, whose
    closed incidents to read again (``IncidentWork.reopens``) it says."""
    wants_open = cached is None or cached.lacks(since)
    start = opened_from(since)
    key_names = [names.key(key) for key in keys]
    flats, _, records, placed, version, opened = await redis.eval(
        _READ_LUA,
        3 + len(keys) + len(items),
        names.records,
        names.version,
        names.open,
        *key_names,
        *(key for _, key in items),
        len(keys),
        repr(start.timestamp() * 1000) if since and wants_open else "-inf" if wants_open else "",
    )
    stamp = int(version)
    if cached is None or cached.stamp != stamp:
        if not wants_open:  # another writer came: the copy is read anew, open incidents too
            return await read_batch(redis, names, None, since, keys, items, work)
        cached = CachedIncidents(stamp)
    if wants_open:
        cached.open((Incident.model_validate_json(r) for r in opened if r), start)
    found = {
        i.id: i
        for i in (Incident.model_validate_json(r) for r in records if r)
        if i.id not in cached.records
    }
    read: dict[str, dict[str, KeyLinks]] = {}
    stale: list[KeyId] = []
    again = Reopened()
    for key, flat in zip(keys, flats, strict=True):
        read[key] = {}
        for incident_id, raw_places in zip(flat[::2], flat[1::2], strict=True):
            record = cached.records.get(incident_id) or found.get(incident_id)
            if record is None or record.status != "open":
                if not (
                    work is not None and again.take(work, incident_id, key, raw_places, record)
                ):
                    stale.append((incident_id, key))
            else:
                read[key][incident_id] = load_key(raw_places)
    cached.fill(read, found.values())
    state, closed = cached.state(keys, _in_window(since))
    state.placed = frozenset(i for (i, _), there in zip(items, placed, strict=True) if there)
    return again.into(state), [*stale, *closed], cached


def _in_window(since: datetime | None) -> Callable[[Incident], bool]:
    bound = float("-inf") if since is None else since.timestamp() * 1000
    return lambda incident: incident.last_seen.timestamp() * 1000 >= bound


def cached_state(
    cached: CachedIncidents, since: datetime | None, keys: Sequence[str], reopen: bool = False
) -> tuple[IncidentState, list[KeyId]] | None:
    """A batch's state from the store's copy alone, if it holds all of it (its items are not
    read: the write checks that none is placed); never with keys an alert may fire again by
    (``reopen``: the copy keeps no closed incident)."""
    if reopen or cached.lacks(since) or cached.missing(keys):
        return None
    return cached.state(keys, _in_window(since))


def queue_writes(
    pipe: Any,
    names: IncidentKeys,
    changes: IncidentChanges,
    stale: Sequence[KeyId],
    held: Sequence[KeyId],
    version: int | None = None,
) -> bool:
    """Queue the writes of ``changes`` in ``pipe`` (its MULTI), as one script
    (``write_incidents.lua``: one command to send and answer, not one per record, list and
    key), last; whether there was any. ``held``: the keys stored for the incidents read with
    their links (``keys.held_keys``); ``version``: the version of the incidents read, if not
    under WATCH (the script then writes nothing, and answers 0, if it is not the version
    any more)."""
    named = _KeyNames([names.records, names.recent, names.open, names.version])
    writes = writes_of(changes)
    cleared = set(writes.cleared)
    dropped = [*stale, *(k for k in held if k[0] in cleared)]
    # The JSON texts go as arguments of their own, named by place in the plan: not encoded
    # again inside it.
    texts: list[str] = []

    def text(value: str) -> int:
        texts.append(value)
        return len(texts) + 2  # after the plan and the version (Lua counts from 1)

    plan = {
        "records": [
            [i.id, text(i.stored_json()), repr(i.last_seen.timestamp() * 1000), i.status == "open"]
            for i in changes.incidents
        ],
        "dropped": [[named(names.key(key)), incident_id] for incident_id, key in dropped],
        "cleared": [named(names.links(incident_id)) for incident_id in writes.cleared],
        "links": [
            [named(names.links(incident_id)), [text(dump_link(link)) for link in links]]
            for incident_id, links in writes.links.items()
            if links
        ],
        "keys": [
            [named(names.key(key)), incident_id, text(dump_key(places))]
            for (incident_id, key), places in writes.keys.items()
        ],
        "items": [[named(names.item(i)), incident or ""] for i, incident in changes.items],
        "clusters": [[named(names.cluster(c)), incident or ""] for c, incident in changes.clusters],
    }
    if not any(plan.values()):
        return False
    checked = "" if version is None else str(version)
    # pydantic's serializer: compact, and quicker than ``json``.
    pipe.eval(_WRITE_LUA, len(named.keys), *named.keys, to_json(plan), checked, *texts)
    return True


class _KeyNames:
    """Key names for a script's KEYS, each once: a name's place (from 1, as Lua counts)."""

    def __init__(self, first: Sequence[str]) -> None:
        self.keys = list(first)
        self._places = {name: n for n, name in enumerate(self.keys, 1)}

    def __call__(self, name: str) -> int:
        place = self._places.get(name)
        if place is None:
            self.keys.append(name)
            place = self._places[name] = len(self.keys)
        return place
