"""The Store port: everything Soulcaster keeps, behind one interface with two adapters.

``RedisStore`` is the production adapter, ``SQLiteStore`` the embedded default. Both pass the
same contract tests, ``soulcaster_core.testing.StoreContract``, which a new adapter subclasses
(docs/adapters.md). Every method raises ``StoreUnavailable`` when the backing service cannot
be reached, never a driver error.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec

from ..errors import BadRequest
from ..incidents.model import Incident, IncidentChanges, IncidentUpdate, IncidentWork
from ..merge_policy import DEFAULT_MERGE_POLICY, MergePolicy
from ..models import Cluster, DeadLetter, FeedbackItem, IngestResult, Project, QueueEntry
from .dead_letters import DeadLetterHead, DeadLetterLimits
from .token_bucket import LocalBuckets

if TYPE_CHECKING:
    from .batch import IngestEntry
    from .history import DeliveryRecord, RawBody, Via

#: What ``record_event`` counts, besides the created/duplicate/updated that ``ingest`` counts.
EVENT_KINDS = (
    "created",
    "duplicate",
    "updated",
    "ignored",
    "unauthorized",
    "bad_payload",
    "sync",
    "sync_error",
    "rate_limited",
)
#: ``(item_id, cluster_id, assignment)``: one item's place in a cluster.
ItemClusterRow = tuple[str, str | None, Mapping[str, Any]]


@dataclass(frozen=True)
class ClusterMember:
    """What a cluster counts of one of its items."""

    item_id: str
    source: str
    occurrences: int
    first_seen: datetime
    last_seen: datetime
    #: Counted like the source (the cluster lists its items' services); its occurrences are
    #: counted in the hour of ``last_seen`` (``Store.cluster_hours``).
    service: str | None = None

    @classmethod
    def of(cls, item: FeedbackItem) -> ClusterMember:
        return cls(
            item.id,
            item.source,
            item.occurrences,
            item.first_seen or item.created_at,
            item.last_seen or item.created_at,
            item.service or None,
        )


#: ``(cluster, members)``: items to add to a cluster, whose record is made from ``cluster``
#: (its counts ignored) when it does not exist yet.
ClusterGrowth = tuple[Cluster, Sequence[ClusterMember]]
#: ``(vector_id, vector, metadata)``: one entry of the local vector index.
VectorRow = tuple[str, Sequence[float], Mapping[str, Any]]

#: Deliveries an item keeps in its history; the raw body of an older one is deleted with it.
HISTORY_LIMIT = 50
#: How long raw bodies are kept unless the settings say otherwise (``raw_retention_days``).
RAW_TTL_SECONDS = 14 * 24 * 3600

#: Counters are kept per hour; a day's window needs 24 buckets plus the current one.
STATS_WINDOW = timedelta(hours=24)
#: How far back hourly counters are kept for the dashboard's events-over-time chart.
SERIES_WINDOW = timedelta(days=7)
#: What a chart of events counts: deliveries that went through.
SERIES_KINDS = ("created", "duplicate", "updated")
#: The same deliveries are also counted per 5-minute slot (``timestamps.slot_bucket``) for the
#: chart's last hour; slots are kept this long.
SLOTS_WINDOW = timedelta(hours=2)
#: How far back a cluster's occurrences per hour are kept (``Store.cluster_hours``): the
#: problem stream's 14-day sparkline, and a day to spare.
CLUSTER_HOURS_KEPT = 15 * 24


def make_cursor(received_ms: int, item_id: str) -> str:
    return f"{received_ms}:{item_id}"


def parse_cursor(cursor: str) -> tuple[int, str]:
    """``(received_ms, item_id)`` of a cursor ``list_items`` gave; ``BadRequest`` otherwise."""
    ms, sep, item_id = cursor.partition(":")
    # 16 digits at most: a time in ms fits, and SQLite's integers (64 bits) never overflow.
    if not (sep and ms.isascii() and ms.isdigit() and len(ms) <= 16 and item_id):
        raise BadRequest("cursor: not a cursor this API gave out")
    return int(ms), item_id


def iso(at: datetime) -> str:
    """A fixed-width UTC timestamp, so that strings compare in time order (Lua relies on it):
    ``isoformat(timespec="microseconds")`` of the time in UTC, written by msgspec (RFC 3339,
    ``Z``, no fraction when it is zero), a tenth of ``isoformat``'s cost (its ``sprintf`` was
    3 % of a webhook's instructions, bench/ingest_inprocess.py)."""
    utc = at.astimezone(UTC)
    text = _encode(utc).decode()
    if len(text) == 29:  # "YYYY-MM-DDTHH:MM:SS.ffffffZ"
        return text[1:27] + "+00:00"
    if len(text) == 22:  # "YYYY-MM-DDTHH:MM:SSZ"
        return text[1:20] + ".000000+00:00"
    return utc.isoformat(timespec="microseconds")  # never seen: the standard library's way


_encode = msgspec.json.Encoder().encode


class Store(ABC):
    kind: str
    #: A file of this one process (SQLite), not a server: ``serve`` refuses ``--workers N``
    #: and clusters in-process, and a first start creates a default project.
    embedded: ClassVar[bool] = False
    #: Caps on each project's dead letters (the wiring sets them from the settings).
    dead_letter_limits: DeadLetterLimits = DeadLetterLimits()

    # -- life cycle -------------------------------------------------------------------------
    @abstractmethod
    async def open(self) -> None:
        """Connect and create what is missing (tables, consumer groups)."""

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    async def ping(self) -> None:
        """Return when the store answers; raise ``StoreUnavailable`` otherwise."""

    # -- projects ---------------------------------------------------------------------------
    @abstractmethod
    async def create_project(self, project: Project) -> bool:
        """Create it; ``False`` when a project with that id exists already (it is kept)."""

    @abstractmethod
    async def get_project(self, project_id: str) -> Project | None: ...

    @abstractmethod
    async def list_projects(self) -> list[Project]: ...

    @abstractmethod
    async def save_project(self, project: Project) -> None:
        """Replace a project's settings (``allow_unauthenticated``); its id must exist."""

    # -- per-project, per-source config -------------------------------------------------------
    @abstractmethod
    async def get_config(
        self, project_id: str, source: str, fields: Sequence[str]
    ) -> dict[str, Any]:
        """The stored values of ``fields`` (JSON values); absent fields are left out."""

    @abstractmethod
    async def set_config(self, project_id: str, source: str, values: Mapping[str, Any]) -> None:
        """Store each value (JSON); a ``None`` value deletes the field."""

    # -- items ------------------------------------------------------------------------------
    @abstractmethod
    async def ingest(
        self,
        item: FeedbackItem,
        *,
        occurrence: bool = True,
        delivery_id: str | None = None,
        delivery_ttl: int = 7 * 24 * 3600,
        policy: MergePolicy = DEFAULT_MERGE_POLICY,
        via: Via = "webhook",
        raw: RawBody | None = None,
        raw_ttl: float = RAW_TTL_SECONDS,
    ) -> IngestResult:
        """Dedup, save or merge, count, record and enqueue for clustering, as one atomic step.

        - ``delivery_id`` seen before: ``duplicate`` of what that delivery made, nothing written.
        - new ``(project, source, external_id)``: the item is saved and queued: ``created``.
        - known key: the stored item is refined by what ``item`` adds, unit by unit, as
          ``policy`` says (``merge_policy.py``); ``first_seen`` and ``last_seen`` widen.
          ``occurrence``: occurrences + 1: ``duplicate``. Not ``occurrence`` (a change of state):
          ``updated`` when the merge changed something, else ``duplicate`` (a redelivery of a
          state the item has already).
        Every outcome but the first adds a record to the item's history (the last
        ``HISTORY_LIMIT``) and keeps ``raw`` for ``raw_ttl`` seconds under the record's id
        (fractions count: a store keeps at least millisecond precision).
        """

    @abstractmethod
    async def ingest_batch(
        self,
        entries: Sequence[IngestEntry],
        *,
        delivery_ttl: int = 7 * 24 * 3600,
        policy: MergePolicy = DEFAULT_MERGE_POLICY,
        via: Via = "webhook",
        raw_ttl: float = RAW_TTL_SECONDS,
    ) -> list[IngestResult]:
        """``ingest`` of every entry (all of one project), in order, as one atomic step: no
        other write comes between them, and a store that fails stores none of them (SQLite:
        one transaction; Redis: one script call). An entry that repeats an earlier one's
        ``external_id`` lands on the item that one made."""

    @abstractmethod
    async def list_deliveries(
        self, project_id: str, item_id: str, limit: int = HISTORY_LIMIT
    ) -> list[DeliveryRecord]:
        """The item's history, newest first (empty for an unknown item)."""

    @abstractmethod
    async def get_raw_body(self, project_id: str, record_id: str) -> RawBody | None:
        """The raw body of a delivery record; ``None`` once it expired (or there was none)."""

    @abstractmethod
    async def get_items(self, project_id: str, item_ids: Sequence[str]) -> list[FeedbackItem]:
        """The items that exist, in the order asked (one round trip for a worker's batch)."""

    @abstractmethod
    async def find_item(
        self, project_id: str, source: str, external_id: str
    ) -> FeedbackItem | None:
        """The item a delivery with this ``external_id`` would land on, if there is one."""

    async def get_item(self, project_id: str, item_id: str) -> FeedbackItem | None:
        found = await self.get_items(project_id, [item_id])
        return found[0] if found else None

    @abstractmethod
    async def list_items(
        self,
        project_id: str,
        *,
        source: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
        query: str | None = None,
    ) -> tuple[list[FeedbackItem], str | None]:
        """Newest first; returns the page and the cursor of the next one (``None`` at the end)."""

    # -- counters for /api/stats and the dashboard -------------------------------------------
    @abstractmethod
    async def record_event(
        self, project_id: str, source: str, kind: str, at: datetime, detail: str | None = None
    ) -> None:
        """Count one ``kind`` event (see ``EVENT_KINDS``) and remember when it last happened."""

    @abstractmethod
    async def event_counts(self, project_id: str, now: datetime) -> dict[str, dict[str, int]]:
        """``{source: {kind: n}}`` over the last 24 hours (hour granularity)."""

    @abstractmethod
    async def event_series(
        self, project_id: str, now: datetime, hours: int
    ) -> dict[str, dict[int, int]]:
        """``{source: {hour: n}}``: events of ``SERIES_KINDS`` in each of the last ``hours``
        hours (``timestamps.hour_bucket``, the current one included; at most ``SERIES_WINDOW``)."""

    @abstractmethod
    async def recent_event_series(
        self, project_id: str, now: datetime
    ) -> dict[str, dict[int, int]]:
        """``{source: {slot: n}}``: events of ``SERIES_KINDS`` in each 5-minute slot
        (``timestamps.slot_bucket``) of the last hour, the current one included."""

    @abstractmethod
    async def last_events(self, project_id: str) -> dict[str, dict[str, dict[str, Any]]]:
        """``{source: {kind: {"at": iso, "detail": str | None}}}``, the latest of each kind."""

    # -- rate limit ---------------------------------------------------------------------------
    async def take_tokens(
        self, project_id: str, source: str, want: int, per_second: float, burst: int
    ) -> tuple[int, float]:
        """Up to ``want`` tokens of the source's bucket: ``(granted, seconds until the next
        one)``. In-process here, for a store one process uses; Redis shares its buckets."""
        buckets = self.__dict__.get("_token_buckets")
        if buckets is None:
            buckets = self.__dict__["_token_buckets"] = LocalBuckets()
        return buckets.take(project_id, source, want, per_second, burst)

    # -- dead letters -------------------------------------------------------------------------
    @abstractmethod
    async def add_dead_letter(self, letter: DeadLetter) -> None: ...

    async def list_dead_letter_heads(
        self, project_id: str, limit: int = 100
    ) -> list[DeadLetterHead]:
        """Newest first, without their bodies (a store may read them without loading any)."""
        return [DeadLetterHead.of(x) for x in await self.list_dead_letters(project_id, limit)]

    @abstractmethod
    async def list_dead_letters(self, project_id: str, limit: int = 100) -> list[DeadLetter]:
        """Newest first."""

    @abstractmethod
    async def get_dead_letter(self, project_id: str, letter_id: str) -> DeadLetter | None: ...

    @abstractmethod
    async def delete_dead_letter(self, project_id: str, letter_id: str) -> bool: ...

    @abstractmethod
    async def count_dead_letters(self, project_id: str) -> int: ...

    # -- clustering queue -----------------------------------------------------------------------
    @abstractmethod
    async def claim(self, consumer: str, count: int, block_ms: int = 0) -> list[QueueEntry]:
        """Take up to ``count`` new entries for ``consumer``, waiting up to ``block_ms``."""

    @abstractmethod
    async def reclaim(self, consumer: str, min_idle_ms: int, count: int) -> list[QueueEntry]:
        """Take over entries not acked for ``min_idle_ms`` whose consumer is gone (no live
        ``heartbeat``), and ``consumer``'s own from an earlier life (a restart under the same
        name); a live consumer's entries stay its own, however long it takes."""

    @abstractmethod
    async def heartbeat(self, consumer: str, ttl_ms: int) -> None:
        """Say that ``consumer`` is alive for the next ``ttl_ms``: ``reclaim`` leaves its
        entries alone until then."""

    @abstractmethod
    async def ack(self, entries: Sequence[QueueEntry]) -> None: ...

    @abstractmethod
    async def queue_depth(self) -> int:
        """Entries not yet acked, claimed or not."""

    # -- clusters -------------------------------------------------------------------------------
    # A cluster's record (title, counts, first/last seen, sources) is kept apart from its
    # members: adding items touches counters in place, and a read takes only what it shows.
    @abstractmethod
    async def save_clusters(self, clusters: Sequence[Cluster]) -> None:
        """Create or replace each cluster's record (its members are left as they are)."""

    async def save_cluster(self, cluster: Cluster) -> None:
        await self.save_clusters([cluster])

    @abstractmethod
    async def get_clusters(self, project_id: str, cluster_ids: Sequence[str]) -> list[Cluster]:
        """The clusters that exist, in the order asked."""

    async def get_cluster(self, project_id: str, cluster_id: str) -> Cluster | None:
        found = await self.get_clusters(project_id, [cluster_id])
        return found[0] if found else None

    @abstractmethod
    async def list_clusters(
        self, project_id: str, *, limit: int = 100, cursor: str | None = None
    ) -> tuple[list[Cluster], str | None]:
        """Most recently seen first (never seen last); the page and the cursor of the next one
        (``None`` at the end). ``BadRequest`` for a cursor this method did not give out."""

    async def all_clusters(self, project_id: str) -> list[Cluster]:
        """Every cluster of the project, most recently seen first, read page by page (for the
        pages that filter and count them all)."""
        found, cursor = await self.list_clusters(project_id, limit=1000)
        while cursor is not None:
            more, cursor = await self.list_clusters(project_id, limit=1000, cursor=cursor)
            found += more
        return found

    @abstractmethod
    async def count_clusters(self, project_id: str) -> int: ...

    @abstractmethod
    async def delete_cluster(self, project_id: str, cluster_id: str) -> None:
        """Delete the cluster's record and its list of members (the items stay)."""

    @abstractmethod
    async def cluster_item_ids(
        self, project_id: str, cluster_id: str, *, limit: int = 100, cursor: str | None = None
    ) -> tuple[list[str], str | None]:
        """A page of the cluster's item ids, in the order they joined, and the cursor of the
        next page (``None`` at the end). Empty for an unknown cluster."""

    @abstractmethod
    async def set_item_clusters(self, project_id: str, rows: Sequence[ItemClusterRow]) -> None:
        """For each ``(item_id, cluster_id, assignment)``: set the item's ``cluster_id`` and put
        ``assignment`` in its ``metadata["clustering"]``. Items that do not exist are skipped."""

    async def set_item_cluster(
        self,
        project_id: str,
        item_id: str,
        cluster_id: str | None,
        assignment: Mapping[str, Any],
    ) -> None:
        await self.set_item_clusters(project_id, [(item_id, cluster_id, assignment)])

    @abstractmethod
    async def add_to_clusters(
        self,
        project_id: str,
        growths: Sequence[ClusterGrowth],
        rows: Sequence[ItemClusterRow] = (),
        vectors: Sequence[VectorRow] = (),
        incidents: IncidentWork | None = None,
    ) -> None:
        """A clustering batch's writes as one atomic step (one round trip): for each
        ``(cluster, members)``, create the cluster's record from ``cluster`` when it does not
        exist (its counts are ignored), add the members it does not list yet and count them in
        (items, occurrences, sources, first/last seen: in place, whatever the cluster's size);
        then set the items' clusters as ``set_item_clusters`` does and save ``vectors`` as
        ``save_vectors`` does.

        A member already listed is not counted again, so a batch handled twice (a crashed
        worker's) changes nothing, and two workers adding to one cluster both keep theirs.
        A member's service is counted like its source, and its occurrences in the cluster's
        hour of the member's ``last_seen`` (``cluster_hours``).

        With ``incidents``, the same step also does what ``update_incidents`` does with it
        (after the clusters are written, so that a new cluster gets its incident)."""

    @abstractmethod
    async def remove_from_cluster(
        self, project_id: str, cluster_id: str, members: Sequence[ClusterMember]
    ) -> Cluster | None:
        """Take ``members`` out of the cluster and count them out (items, occurrences as
        ``members`` give them, sources, services, occurrences per hour, never below zero);
        first/last seen stay as they were. A cluster left without members is deleted. The
        cluster as it is afterwards, ``None`` when gone."""

    @abstractmethod
    async def cluster_hours(
        self, project_id: str, cluster_ids: Sequence[str], first: int, last: int
    ) -> dict[str, dict[int, int]]:
        """``{cluster_id: {hour: occurrences}}`` for the hours ``first`` to ``last``
        (``timestamps.hour_bucket``; kept ``CLUSTER_HOURS_KEPT`` hours), as ``add_to_clusters``
        counted them; hours and clusters without any are left out."""

    # -- incidents ------------------------------------------------------------------------------
    @abstractmethod
    async def update_incidents(
        self,
        project_id: str,
        incident_ids: Sequence[str],
        update: IncidentUpdate,
        *,
        open_since: datetime | None = None,
        keys: Sequence[str] | None = None,
        items: Sequence[str] = (),
        reopen: Sequence[str] = (),
        reopen_since: datetime | None = None,
    ) -> IncidentChanges:
        """An incident step's writes as one atomic step: read the records of the project's
        open incidents (those last seen at or after ``open_since``, if given; with ``keys``,
        only those that hold one of them, with those of their keys) and of ``incident_ids``
        that exist (these with all their links), and which of ``items`` are in an incident
        already (and, of those holding one of ``reopen``, the closed incidents last seen since
        ``reopen_since``, an alert's to fire again in); and write what
        ``update`` makes of that (``IncidentState``): save its records, append its links and
        put its keys (``incidents.keys.writes_of``), set the ``incident_id`` of its items and
        clusters (those that exist).

        No other writer changes the project's incidents or clusters in between; ``update`` may
        be called again, with a fresh read, when another writer came first, so it must depend
        on nothing but its argument. Returns the changes written."""

    @abstractmethod
    async def get_incidents(self, project_id: str, incident_ids: Sequence[str]) -> list[Incident]:
        """The incidents that exist, in the order asked, each with all its links."""

    async def get_incident(self, project_id: str, incident_id: str) -> Incident | None:
        found = await self.get_incidents(project_id, [incident_id])
        return found[0] if found else None

    @abstractmethod
    async def list_incidents(
        self, project_id: str, *, limit: int = 50, open_only: bool = False
    ) -> list[Incident]:
        """The project's incidents seen last first (only the open ones with ``open_only``), as
        records: without their links (``item_count`` says how many)."""

    # -- a person's status of each cluster (store/cluster_status.py) --------------------------
    @abstractmethod
    async def set_cluster_status(
        self, project_id: str, cluster_id: str, status: str, at: datetime
    ) -> None:
        """Keep ``status`` (one of ``cluster_status.STORED``) for the cluster, set at ``at``."""

    @abstractmethod
    async def cluster_statuses(
        self, project_id: str, cluster_ids: Sequence[str] | None = None
    ) -> dict[str, dict[str, str]]:
        """``{cluster_id: {"status", "at"}}`` of those given (``None``: every one) that have one.

        ``add_to_clusters`` turns ``resolved`` into ``regressed`` for each cluster it adds items
        to, in its atomic step, and ``ingest`` for the cluster of an item that happens again."""

    # -- the local vector index's persistence ---------------------------------------------------
    @abstractmethod
    async def save_vectors(self, project_id: str, rows: Sequence[VectorRow]) -> None:
        """Store each ``(vector_id, vector, metadata)``, replacing one with the same id."""

    async def save_vector(
        self, project_id: str, vector_id: str, vector: Sequence[float], metadata: Mapping[str, Any]
    ) -> None:
        await self.save_vectors(project_id, [(vector_id, vector, metadata)])

    @abstractmethod
    async def load_vectors(
        self, project_id: str
    ) -> list[tuple[str, list[float], dict[str, Any]]]: ...

    @abstractmethod
    async def delete_vectors(self, project_id: str, vector_ids: Sequence[str]) -> None: ...

    async def vectors_stamp(self, project_id: str) -> tuple[int, int] | None:
        """``(elsewhere, here)``: ``elsewhere`` changes when another process writes to the
        store, ``here`` counts the writes of the project's vectors this process made
        (``save_vectors``, ``delete_vectors``, ``add_to_clusters`` with vectors). ``None``: the
        store cannot tell. A local index that saw every write counted reads nothing again."""
        return None

    # -- settings: small values of the whole installation, not of a project ----------------------
    @abstractmethod
    async def get_setting(self, name: str) -> str | None:
        """The value last set for ``name``, or ``None``."""

    @abstractmethod
    async def set_setting(self, name: str, value: str) -> None:
        """Set ``name`` for every process that shares this store."""

    # -- leases: one process at a time does a thing (e.g. a sync) ---------------------------------
    @abstractmethod
    async def acquire_lease(self, name: str, owner: str, ttl_seconds: float) -> bool:
        """Take the lease ``name`` for ``owner`` for ``ttl_seconds`` (fractions count) unless
        someone else holds an unexpired one."""

    @abstractmethod
    async def release_lease(self, name: str, owner: str) -> None:
        """Give the lease back, if ``owner`` still holds it."""
