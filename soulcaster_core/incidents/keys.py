"""An incident's keys: per value the rule matches on, what the first of its links that held
it says.

A key is ``<kind>\\x1f<value>`` for a trace, a cluster, a host or a service, and one key
``near\\x1f`` for the project (what failed there lately); its value maps a place (the
environment a service or a ``near`` item was named in, ``""`` for none and for the other
kinds) to the first link there, as a ``KeyLink`` (its item, service and environment: what the
rule reads of it), stored as a JSON array. The stores keep them per incident, so a batch reads only
the keys its items name of the open incidents it may join, however many items those incidents
hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from pydantic_core import to_json

from .model import Incident, IncidentChanges, IncidentLink, KeyId, KeyLink, KeyLinks

_LINK_JSON = IncidentLink.__pydantic_serializer__.to_json
#: The kinds of values a key is made of, as the rule matches on them.
KINDS = ("trace", "cluster", "host", "service", "near")
#: The one key of what failed in the project lately (``near``), per environment it was named
#: in ("" for none), as a service's key is.
NEAR_KEY = "near\x1f"


def key_of(kind: str, value: str) -> str:
    return f"{kind}\x1f{value}"


def kind_of(key: str) -> str:
    return key.split("\x1f", 1)[0]


def link_keys(link: IncidentLink) -> Iterator[tuple[str, str]]:
    """``(key, place)`` of each value ``link`` holds."""
    if link.trace_id:
        yield key_of("trace", link.trace_id), ""
    if link.cluster_id:
        yield key_of("cluster", link.cluster_id), ""
    if link.service:
        yield key_of("service", link.service), link.environment or ""
    if link.peers:
        for peer in link.peers:
            yield key_of("host", peer), ""
    if not link.own_bug:
        yield NEAR_KEY, link.environment or ""


def key_link(link: IncidentLink) -> KeyLink:
    return KeyLink(link.item_id, link.service, link.environment)


def keys_of_links(links: Iterable[IncidentLink]) -> dict[str, KeyLinks]:
    """The keys of an incident that holds ``links`` (in the order they were added)."""
    keys: dict[str, KeyLinks] = {}
    for link in links:
        for key, place in link_keys(link):
            held = keys.setdefault(key, {})
            if place not in held:
                held[place] = key_link(link)
    return keys


def load_key(raw: str | bytes) -> KeyLinks:
    """A key's value as stored (read by every batch that names the key): plain JSON, not
    validated, for the stores wrote it; a key stored whole links (before ``KeyLink``) reads
    as their fields."""
    return {
        place: KeyLink(*held)
        if isinstance(held, list)
        else KeyLink(held["item_id"], held.get("service"), held.get("environment"))
        for place, held in json.loads(raw).items()
    }


def dump_key(places: KeyLinks) -> str:
    # pydantic's serializer (compact, UTF-8): quicker than ``json`` for these small values. A
    # NamedTuple is written as the array it is.
    return to_json(places).decode()


def dump_link(link: IncidentLink) -> str:
    # pydantic's own serializer: quicker than building the JSON in Python (measured), and
    # called as itself, not through ``model_dump_json`` (a third less).
    return _LINK_JSON(link, exclude_none=True).decode()


@dataclass
class Writes:
    """What a store writes of ``IncidentChanges`` besides the records and the ids: for each
    incident in ``cleared``, drop its stored links and keys first; then append ``links`` and
    put ``keys`` (each key's whole value, of one incident)."""

    cleared: list[str] = field(default_factory=list)
    links: dict[str, list[IncidentLink]] = field(default_factory=dict)
    keys: dict[KeyId, KeyLinks] = field(default_factory=dict)


def writes_of(changes: IncidentChanges) -> Writes:
    if not changes.whole:  # a batch's: links appended, keys as they are
        links: dict[str, list[IncidentLink]] = {}
        for incident_id, link in changes.links:
            added = links.get(incident_id)
            if added is None:
                links[incident_id] = [link]
            else:
                added.append(link)
        return Writes(links=links, keys=changes.keys)
    writes = Writes()
    whole = {i.id: i for i in changes.incidents if i.id in changes.whole}
    for incident_id, link in changes.links:
        if incident_id not in whole:
            writes.links.setdefault(incident_id, []).append(link)
    writes.keys = {k: v for k, v in changes.keys.items() if k[0] not in whole}
    for incident_id, incident in whole.items():
        writes.cleared.append(incident_id)
        writes.links[incident_id] = list(incident.links)
        for key, places in keys_of_links(incident.links).items():
            writes.keys[(incident_id, key)] = places
    return writes


def held_keys(incidents: Iterable[Incident]) -> list[KeyId]:
    """The keys stored for the incidents read with their links (before an update changes
    them): what a store drops of those it writes whole."""
    return [
        (incident.id, key)
        for incident in incidents
        if incident.links
        for key in keys_of_links(incident.links)
    ]
