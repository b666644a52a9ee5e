"""Projects and their per-source config, event counters and dead letters; leases and settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import anyio

from ...models import DeadLetter, Project
from ...store.port import Store
from ...timestamps import slot_bucket
from .ingest import T0, make_item


def make_letter(body: bytes, at: datetime, project_id: str = "acme") -> DeadLetter:
    return DeadLetter(
        project_id=project_id,
        source="splunk",
        error="result._time: not a timestamp",
        body=body,
        content_type="application/json",
        query={"search": "errors ≥ 5"},
        received_at=at,
    )


class ProjectCases:
    """Projects, config, counters, dead letters, leases, settings."""

    # -- life cycle and projects

    async def test_ping_answers(self, store: Store) -> None:
        await store.ping()

    async def test_a_project_is_created_once_and_the_first_is_kept(self, store: Store) -> None:
        first = Project(id="acme", name="Acme web")
        assert await store.create_project(first) is True
        assert await store.create_project(Project(id="acme", name="Impostor")) is False
        assert await store.get_project("acme") == first
        assert await store.get_project("nobody") is None

    async def test_projects_are_listed_by_id(self, store: Store) -> None:
        for project_id in ("zeta", "acme", "mid"):
            await store.create_project(Project(id=project_id, name=project_id.title()))
        assert [p.id for p in await store.list_projects()] == ["acme", "mid", "zeta"]

    # -- config

    async def test_config_values_round_trip_as_json(self, store: Store) -> None:
        values = {
            "webhook_secret": "s3cret",
            "monitors": [123, "web-*", 4.5],
            "mapping": {"severity": {"P1": "critical"}, "tags": ["a", None]},
            "enabled": False,
            "verify": True,
            "limit": 0,
            "greeting": "שלום 👋",
        }
        await store.set_config("acme", "datadog", values)
        got = await store.get_config("acme", "datadog", [*values, "never_set"])
        assert got == values
        assert type(got["enabled"]) is bool and type(got["limit"]) is int

    async def test_config_returns_only_the_fields_asked_for(self, store: Store) -> None:
        await store.set_config("acme", "datadog", {"a": 1, "b": 2})
        assert await store.get_config("acme", "datadog", ["b"]) == {"b": 2}
        assert await store.get_config("acme", "datadog", []) == {}

    async def test_config_none_deletes_a_field_and_keeps_the_others(self, store: Store) -> None:
        await store.set_config("acme", "datadog", {"secret": "x", "monitors": [1]})
        await store.set_config("acme", "datadog", {"secret": None, "monitors": [2]})
        assert await store.get_config("acme", "datadog", ["secret", "monitors"]) == {
            "monitors": [2]
        }

    async def test_config_is_per_project_and_source(self, store: Store) -> None:
        await store.set_config("acme", "datadog", {"secret": "acme-dd"})
        await store.set_config("acme", "sentry", {"secret": "acme-sentry"})
        await store.set_config("globex", "datadog", {"secret": "globex-dd"})
        assert await store.get_config("acme", "datadog", ["secret"]) == {"secret": "acme-dd"}
        assert await store.get_config("acme", "sentry", ["secret"]) == {"secret": "acme-sentry"}
        assert await store.get_config("globex", "datadog", ["secret"]) == {"secret": "globex-dd"}
        assert await store.get_config("globex", "sentry", ["secret"]) == {}

    # -- counters

    async def test_event_counts_cover_the_last_24_hours(self, store: Store) -> None:
        now = datetime.now(UTC)
        await store.ingest(make_item("evt-1"))
        await store.ingest(make_item("evt-1"))
        await store.ingest(make_item("evt-1", metadata={"status": "resolved"}), occurrence=False)
        await store.record_event("acme", "sentry", "ignored", now, "environment is staging")
        await store.record_event("acme", "sentry", "ignored", now - timedelta(hours=2))
        await store.record_event("acme", "datadog", "bad_payload", now - timedelta(hours=23))
        await store.record_event("acme", "datadog", "unauthorized", now - timedelta(hours=30))
        await store.record_event("globex", "sentry", "ignored", now)
        assert await store.event_counts("acme", now) == {
            "sentry": {"created": 1, "duplicate": 1, "updated": 1, "ignored": 2},
            "datadog": {"bad_payload": 1},
        }
        assert await store.event_counts("globex", now) == {"sentry": {"ignored": 1}}
        assert await store.event_counts("initech", now) == {}

    async def test_the_last_hour_is_counted_per_five_minutes(self, store: Store) -> None:
        now = datetime.now(UTC)
        await store.ingest(make_item("evt-1"))
        await store.ingest(make_item("evt-1"))
        await store.ingest(make_item("evt-2", source="datadog"))
        await store.record_event("acme", "sentry", "created", now - timedelta(minutes=20))
        await store.record_event("acme", "sentry", "created", now - timedelta(minutes=70))
        await store.record_event("acme", "sentry", "ignored", now)  # did not go through
        await store.record_event("globex", "sentry", "created", now)
        slot = slot_bucket(datetime.now(UTC))
        series = await store.recent_event_series("acme", datetime.now(UTC))
        # Ingest counts in the slot it runs in: a test running across a boundary may see two.
        assert sum(n for s, n in series["sentry"].items() if s >= slot - 1) == 2
        assert series["sentry"][slot_bucket(now - timedelta(minutes=20))] == 1
        assert slot_bucket(now - timedelta(minutes=70)) not in series["sentry"]
        assert sum(series["datadog"].values()) == 1
        assert set(series) == {"sentry", "datadog"}
        assert await store.recent_event_series("initech", now) == {}

    async def test_last_events_keep_the_latest_of_each_kind(self, store: Store) -> None:
        now = datetime.now(UTC).replace(microsecond=0)
        await store.record_event(
            "acme", "sentry", "unauthorized", now - timedelta(minutes=5), "old"
        )
        await store.record_event("acme", "sentry", "unauthorized", now, "bad signature")
        await store.record_event("acme", "datadog", "sync", now)
        last = await store.last_events("acme")
        assert set(last) == {"sentry", "datadog"}
        seen = last["sentry"]["unauthorized"]
        assert (datetime.fromisoformat(seen["at"]), seen["detail"]) == (now, "bad signature")
        assert last["datadog"]["sync"]["detail"] is None
        assert await store.last_events("globex") == {}

    async def test_an_older_event_recorded_late_does_not_hide_the_latest(
        self, store: Store
    ) -> None:
        now = datetime.now(UTC).replace(microsecond=0)
        await store.record_event("acme", "sentry", "ignored", now, "latest")
        await store.record_event("acme", "sentry", "ignored", now - timedelta(hours=30), "older")
        seen = (await store.last_events("acme"))["sentry"]["ignored"]
        assert (datetime.fromisoformat(seen["at"]), seen["detail"]) == (now, "latest")

    async def test_ingest_records_its_outcome_as_a_last_event(self, store: Store) -> None:
        before = datetime.now(UTC) - timedelta(seconds=1)
        await store.ingest(make_item())
        seen = (await store.last_events("acme"))["sentry"]["created"]
        assert datetime.fromisoformat(seen["at"]) >= before
        assert seen["detail"] is None

    # -- dead letters

    async def test_dead_letters_keep_every_byte(self, store: Store) -> None:
        bodies = [b'{"result": {"_time": "x"}}', b"\xff\xfe\x00bad", b"", "é🚀".encode()]
        letters = [make_letter(body, T0 + timedelta(seconds=n)) for n, body in enumerate(bodies)]
        for letter in letters:
            await store.add_dead_letter(letter)
        for letter in letters:
            got = await store.get_dead_letter("acme", letter.id)
            assert got == letter
            assert got is not None and got.body == letter.body
        assert await store.get_dead_letter("globex", letters[0].id) is None
        assert await store.get_dead_letter("acme", "no-such-letter") is None

    async def test_dead_letters_are_listed_newest_first_and_counted(self, store: Store) -> None:
        letters = [make_letter(b"%d" % n, T0 + timedelta(minutes=n)) for n in range(5)]
        for letter in (letters[3], letters[0], letters[4], letters[2], letters[1]):
            await store.add_dead_letter(letter)
        await store.add_dead_letter(make_letter(b"other", T0, project_id="globex"))
        listed = await store.list_dead_letters("acme")
        assert [x.id for x in listed] == [x.id for x in reversed(letters)]
        assert [x.id for x in await store.list_dead_letters("acme", limit=2)] == [
            letters[4].id,
            letters[3].id,
        ]
        assert await store.count_dead_letters("acme") == 5
        assert await store.count_dead_letters("globex") == 1
        assert await store.count_dead_letters("initech") == 0
        assert await store.list_dead_letters("initech") == []

    async def test_a_dead_letter_is_deleted_once(self, store: Store) -> None:
        keep, drop = make_letter(b"keep", T0), make_letter(b"drop", T0 + timedelta(seconds=1))
        await store.add_dead_letter(keep)
        await store.add_dead_letter(drop)
        assert await store.delete_dead_letter("globex", drop.id) is False, "not across projects"
        assert await store.delete_dead_letter("acme", drop.id) is True
        assert await store.delete_dead_letter("acme", drop.id) is False
        assert await store.get_dead_letter("acme", drop.id) is None
        assert [x.id for x in await store.list_dead_letters("acme")] == [keep.id]
        assert await store.count_dead_letters("acme") == 1

    # -- leases

    async def test_a_lease_has_one_holder_until_released_or_expired(self, store: Store) -> None:
        assert await store.acquire_lease("sync:acme:posthog", "worker-a", 60)
        assert not await store.acquire_lease("sync:acme:posthog", "worker-b", 60)
        assert await store.acquire_lease("sync:acme:posthog", "worker-a", 60), (
            "its holder may renew"
        )
        await store.release_lease("sync:acme:posthog", "worker-b")  # not the holder: no effect
        assert not await store.acquire_lease("sync:acme:posthog", "worker-b", 60)
        await store.release_lease("sync:acme:posthog", "worker-a")
        assert await store.acquire_lease("sync:acme:posthog", "worker-b", 0.2)
        assert await store.acquire_lease("sync:acme:sentry", "worker-a", 60), "leases are by name"
        await anyio.sleep(0.3)  # TTLs count to the millisecond, not whole seconds (port.py)
        assert await store.acquire_lease("sync:acme:posthog", "worker-a", 60), (
            "an expired lease is free"
        )

    # -- settings

    async def test_a_setting_reads_back_what_was_last_set(self, store: Store) -> None:
        assert await store.get_setting("dashboard_session_epoch") is None
        await store.set_setting("dashboard_session_epoch", "a")
        await store.set_setting("dashboard_session_epoch", "b")
        await store.set_setting("other", "x")
        assert await store.get_setting("dashboard_session_epoch") == "b"
        assert await store.get_setting("other") == "x"
