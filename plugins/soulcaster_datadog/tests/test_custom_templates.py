"""Templates of the user's own: guessed field names, ``field_map``, and Datadog's retries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError

from soulcaster_core.testing import SoulcasterClient
from soulcaster_datadog import DatadogConfig, DatadogHandler, datadog_event_to_feedback_item

Load = Callable[[str], Any]


def _item(event: dict[str, Any]) -> Any:
    return datadog_event_to_feedback_item(event, "acme")


def test_paging_style_summary_and_details(payload: Load) -> None:
    item = _item(payload("custom_summary_details"))

    assert item.title == "[P1] [Triggered on {host:db-replica-3}] Replication lag above 30s"
    assert item.body.startswith("Replication lag on db-replica-3 is 74s")
    # "monitorId", "alertCycleKey" and "ALERT_TRANSITION": Datadog's names, spelled otherwise.
    assert item.metadata["alert_id"] == "88014301"
    assert item.external_id == "cycle:7051200000000000061:host:db-replica-3"
    assert item.metadata["status"] == "triggered"


def test_ticket_style_nested_summary(payload: Load) -> None:
    item = _item(payload("custom_nested_summary"))

    # Not "Acme Shop" (the org's name) nor "Incident" (the issue type's name).
    assert item.title == "[Warn on {queue:emails}] Email queue backlog growing"
    assert item.body == "Queue depth of emails is 18,204 (warn at 10,000)."
    assert item.metadata["status"] == "warning"
    assert item.metadata["group"] == "queue:emails"


@pytest.mark.parametrize(
    ("event", "title"),
    [
        (
            {"ALERT_TITLE": "Checkout 5xx above 2%", "ALERT_ID": "148201337"},
            "Checkout 5xx above 2%",
        ),
        ({"alertTitle": "Checkout 5xx above 2%"}, "Checkout 5xx above 2%"),
        (
            {"subject": "Checkout 5xx above 2%", "message": "3.1% of requests"},
            "Checkout 5xx above 2%",
        ),
        ({"monitor": "Checkout 5xx above 2%", "msg": "3.1%"}, "Checkout 5xx above 2%"),
        ({"name": "Checkout 5xx above 2%", "org": {"name": "Acme"}}, "Checkout 5xx above 2%"),
        (
            {"embeds": [{"title": "Checkout 5xx above 2%", "description": "3.1%"}]},
            "Checkout 5xx above 2%",
        ),
        # No title-like field: the message's first line says what happened.
        (
            {"text": "**Checkout 5xx above 2%**\n3.1% of requests", "alert_id": "1"},
            "Checkout 5xx above 2%",
        ),
    ],
)
def test_title_like_fields_are_found(event: dict[str, Any], title: str) -> None:
    assert _item(event).title == title


def test_objects_under_guessed_names_are_not_errors() -> None:
    event = {"monitor": {"id": 5}, "summary": ["a"], "title": "Disk full on db-1"}

    assert _item(event).title == "Disk full on db-1"


def test_field_map_names_a_template_nobody_could_guess(payload: Load) -> None:
    handler = DatadogHandler()
    event = payload("custom_renamed_fields")
    config = DatadogConfig(
        field_map={
            "what": "title",
            "info": "body",
            "ref": "monitor_id",
            "grp": "scope",
            "when": "date",
            "evt": "id",
        }
    )
    guessed = _item(payload("custom_renamed_fields"))
    # Datadog's title is known by its shape, but nothing else is found under these names.
    assert guessed.title == "[P3] [Triggered on {region:eu-west-1}] Object storage 503s"
    assert (guessed.body, guessed.metadata.get("alert_id")) == ("", None)

    assert handler.accept(event, config) is None
    item = handler.to_feedback_item(event, "acme")

    assert item.title == "[P3] [Triggered on {region:eu-west-1}] Object storage 503s"
    assert item.body == "S3 503 SlowDown responses: 214 in the last 5m."
    assert item.metadata["alert_id"] == "88019912"
    assert item.metadata["event_id"] == "7051202000000000701"
    assert item.metadata["timestamp_from"] == "date"
    assert item.external_id.startswith("monitor:88019912:region:eu-west-1:h")


def test_field_map_wins_over_the_usual_meaning_of_a_name() -> None:
    # This template's "title" holds the message, and "monitor_name" the title.
    event = {"title": "412 jobs waiting", "monitor_name": "Worker queue backlog"}
    config = DatadogConfig(field_map={"title": "body", "monitor_name": "title"})

    DatadogHandler().accept(event, config)
    item = DatadogHandler().to_feedback_item(event, "acme")

    assert (item.title, item.body) == ("Worker queue backlog", "412 jobs waiting")


def test_monitors_filter_reads_through_the_field_map(payload: Load) -> None:
    config = DatadogConfig(field_map={"ref": "alert_id"}, monitors=["88019912"])

    assert DatadogHandler().accept(payload("custom_renamed_fields"), config) is None
    other = payload("custom_renamed_fields") | {"ref": "1"}
    assert DatadogHandler().accept(other, config) == "monitor 1 is not in the monitors filter"


@pytest.mark.parametrize(
    ("field_map", "error"),
    [
        ({"headline": "headline_text"}, "'headline_text' is not a field Soulcaster reads"),
        ({"title": "headline"}, "the map goes from your template's name to ours"),
        ({"": "title"}, "expected a field name of your template"),
        ({"a..b": "title"}, "expected a field name of your template"),
        ({"headline": 3}, "3 is not a field Soulcaster reads"),
    ],
)
def test_field_map_entries_that_mean_nothing_are_refused(
    field_map: dict[str, Any], error: str
) -> None:
    with pytest.raises(ValidationError, match=error):
        DatadogConfig(field_map=field_map)


def test_field_map_through_the_config_api(
    soulcaster_client: SoulcasterClient, payload: Load
) -> None:
    params = {"project_id": soulcaster_client.project_id}
    saved = soulcaster_client.api.put(
        "/config/datadog",
        params=params,
        json={"field_map": {"what": "title", "info": "message", "ref": "alert_id"}},
    )
    refused = soulcaster_client.api.put(
        "/config/datadog", params=params, json={"field_map": {"title": "what"}}
    )

    assert saved.status_code == 200, saved.text
    assert saved.json()["field_map"] == {"what": "title", "info": "body", "ref": "alert_id"}
    assert refused.status_code == 400, refused.text
    assert "the map goes from your template's name to ours" in refused.json()["error"]
    shown = soulcaster_client.api.get("/config/datadog", params=params).json()
    assert shown["field_map"] == {"what": "title", "info": "body", "ref": "alert_id"}
    response = soulcaster_client.post_webhook("datadog", payload("custom_renamed_fields"))
    assert response.status_code == 201, response.text
    item = soulcaster_client.item(response.json()["id"])
    assert item["title"] == "[P3] [Triggered on {region:eu-west-1}] Object storage 503s"
    assert item["metadata"]["alert_id"] == "88019912"


def test_retries_of_one_notification_count_once(
    either_store: SoulcasterClient, payload: Load
) -> None:
    trigger = payload("log_alert_trigger")
    renotified = trigger | {"id": "7050487712390012877", "date": "1709665620000"}

    first = either_store.post_webhook("datadog", trigger)
    retries = [either_store.post_webhook("datadog", trigger) for _ in range(3)]
    again = either_store.post_webhook("datadog", renotified)
    retry_of_again = either_store.post_webhook("datadog", renotified)

    assert first.status_code == 201, first.text
    for response in (*retries, again, retry_of_again):
        assert response.json() == {"status": "duplicate", "id": first.json()["id"]}
    [item] = either_store.items("datadog")
    assert item["occurrences"] == 2  # the trigger and its re-notification, not the retries


def test_an_id_that_every_notification_repeats_is_not_a_retry(
    soulcaster_client: SoulcasterClient,
) -> None:
    # Some templates send the monitor id as "id": only an identical body is a retry.
    first = {"id": "88014301", "title": "[Triggered] Queue backlog", "date": "1709712000000"}
    later = first | {"date": "1709712600000"}

    responses = [soulcaster_client.post_webhook("datadog", event) for event in (first, later)]

    assert responses[1].json() == {"status": "duplicate", "id": responses[0].json()["id"]}
    [item] = soulcaster_client.items("datadog")
    assert item["occurrences"] == 2


def test_delivery_id_is_the_event_id_and_the_body() -> None:
    handler = DatadogHandler()
    request = handler.sample_request(DatadogConfig())

    delivery = handler.delivery_id(request)

    assert delivery is not None and delivery.startswith("7050278235293370890:")
    assert handler.delivery_id(handler.sample_request(DatadogConfig())) == delivery
    bare = type(request)(body=b'{"title": "no id here"}')
    assert handler.delivery_id(bare) is None
    assert handler.delivery_id(type(request)(body=b"{not json")) is None


def test_a_date_under_a_name_of_the_template_s_own_is_when_it_happened() -> None:
    # Each notification of one monitor is dated by its own $DATE: re-triggers days apart are
    # not one item of the hour they were received in.
    first = {"t": "[P2] [Triggered] render errors", "msg": "render failed", "at": "1772540143183"}
    later = first | {"at": "1773180520948"}
    a = datadog_event_to_feedback_item(first, "acme")
    b = datadog_event_to_feedback_item(later, "acme")
    assert a.created_at.isoformat().startswith("2026-03-03T12:15")
    assert a.metadata["timestamp_from"] == "date"
    assert a.external_id != b.external_id


def test_without_a_date_field_the_monitor_footer_dates_the_notification() -> None:
    # A template that sends no $DATE: Datadog's own footer in $EVENT_MSG still says when it
    # fired, so a re-trigger days later is another item, not an occurrence of the first.
    def event(day: str) -> dict[str, Any]:
        return {
            "heading": "[P2] [Triggered] api error logs",
            "markdown": f"%%%\nNew error on api\n\nThe monitor was last triggered at {day} "
            "2026 09:40:13 UTC.\n%%%",
            "monitor": {"id": "14462009", "name": "api error logs"},
        }

    first = _item(event("Fri Mar 06"))
    later = _item(event("Mon Mar 09"))
    assert first.created_at.isoformat() == "2026-03-06T09:40:13+00:00"
    assert first.metadata["timestamp_from"] == "footer"
    assert first.external_id != later.external_id


def test_a_created_field_dates_the_notification() -> None:
    first = _item({"title": "[P2] [Triggered] slow uploads", "created": 1772653103913})
    assert first.created_at.isoformat().startswith("2026-03-04T19:38")


def test_the_event_message_is_found_by_its_fence_whatever_its_name() -> None:
    # $EVENT_MSG renders between "%%%" lines: under a name no guess knows, it is the body, and
    # the traceback it quotes is the failing error.
    item = _item(
        {
            "heading": "[P2] [Triggered] api error logs",
            "zzz_note": "%%%\nNew error on api:\n\nTraceback (most recent call last):\n"
            '  File "/app/sorrel/api/telemetry.py", line 27, in ingest\n'
            "    reading = parse(body)\n"
            "KeyError: 'voltage'\n%%%",
        }
    )
    assert item.body.startswith("New error on api:")
    assert [(e.type, e.value) for e in item.exceptions] == [("KeyError", "'voltage'")]
    assert item.exceptions[0].frames[-1].function == "ingest"


def test_tags_spelled_in_capitals_are_read() -> None:
    item = _item(
        {
            "TITLE": "[P2] [Triggered on {service:tolling}] tolling error spans",
            "TEXT": "tolling is raising errors",
            "TAGS": "env:prod,error.type:WebClientRequestException,service:tolling",
        }
    )
    assert item.tags["env"] == "prod"
    assert [e.type for e in item.exceptions] == ["WebClientRequestException"]


def _brambleby(title: str, message: str, at: int) -> dict[str, Any]:
    # Names no guess knows: Datadog's own values are found by what they look like.
    return {
        "alert": title,
        "what_happened": f"{message}\n\n@webhook-soulcaster\n\nThe monitor was last triggered"
        " at Tue Mar 03 2026 10:04:13 UTC.\n\n- - -\n\n"
        "Monitor Status: https://app.datadoghq.com/monitors/54676427?to_ts=1 · Edit Monitor",
        "monitor_ref": "54676427",
        "dd_tags": "env:prod,service:hire-web",
        "raised_at": at,
        "from": "datadog-brambleby",
    }


def test_a_template_of_unknown_names_is_read_by_the_shapes_of_its_values() -> None:
    first = _item(
        _brambleby("[P2] [Triggered] hire-web puma backlog", "Backlog is 20.", 1772607753681)
    )
    other = _item(
        _brambleby("[P2] [Triggered] hire-web error spans", "Errors above 5%.", 1772532253733)
    )

    assert first.title == "[P2] [Triggered] hire-web puma backlog"
    assert first.body.startswith("Backlog is 20.")
    assert first.created_at.isoformat().startswith("2026-03-04T07:02")
    assert first.metadata["alert_id"] == "54676427"
    assert first.service == "hire-web" and first.environment == "prod"
    # Two monitors' notifications days apart are two items, not one "Datadog alert".
    assert first.external_id != other.external_id


def test_a_message_that_is_one_error_chain_is_the_failing_error() -> None:
    # {{log.message}} pasted as the whole message: the line is what failed.
    chain = "sync branch HG-026: fetch stock levels: context deadline exceeded"
    item = _item(_brambleby("[P2] [Triggered] stock-sync errors", chain, 1773006360683))
    assert [(e.type, e.value) for e in item.exceptions] == [(None, chain)]
    # The location the logger printed below the line is no words of the author's.
    located = _item(
        _brambleby(
            "[P2] [Triggered] payroll-cron job failures",
            f"A payroll-cron job failed: {chain}\n\n(crates/payroll-cron/src/jobs/rti.rs:81)",
            1773006360683,
        )
    )
    assert [e.value for e in located.exceptions] == [f"A payroll-cron job failed: {chain}"]
    # An author's sentence with one colon is not.
    said = _item(_brambleby("[P2] [Triggered] queue", "Jobs are failing: 31 failures.", 1))
    assert said.exceptions == []
    # The chain under the author's line naming the activity that failed is the error.
    below = _item(
        _brambleby(
            "[P2] [Triggered] Temporal activity errors",
            f"**GeocodeStops** failed on attempt 2\n\n{chain}",
            1773006360683,
        )
    )
    assert [e.value for e in below.exceptions] == [chain]


def test_a_ruby_logger_record_pasted_with_its_flush_backtrace() -> None:
    body = (
        "print-api logged:\n"
        "E, [2026-03-03T12:26:59.174102 #21] ERROR -- api: divided by 0 (ZeroDivisionError)\n"
        "/app/lib/pricing/quote.rb:37:in `/'\n"
        "/app/lib/pricing/quote.rb:37:in `per_unit'\n\n@webhook-soulcaster"
    )
    item = _item(_brambleby("[P2] [Triggered] print-api error logs", body, 1773006360683))
    [error] = item.exceptions
    assert (error.type, error.value) == ("ZeroDivisionError", "divided by 0")
    assert [f.function for f in error.frames] == ["per_unit", "/"]


def test_a_logfmt_sample_in_a_fence_is_read_as_fields() -> None:
    body = (
        "weighbridge-svc: errors logged.\n\n```\nERROR ts=2026-03-04T13:53:01.163Z"
        " caller=logging/logging.go:46 service.name=weighbridge-svc code=500"
        " stack=error: code = 500 reason = TICKET_SAVE latency=4.23\n```\n"
    )
    item = _item(_brambleby("[P2] [Triggered] weighbridge-svc errors", body, 1773006360683))
    assert [(e.type, e.value) for e in item.exceptions] == [
        (None, "error: code = 500 reason = TICKET_SAVE")
    ]


def test_a_sample_that_says_only_that_a_request_failed_names_its_error_field() -> None:
    body = (
        "New error logs on booking-api. Latest sample:\n\n```\n2026-03-10T18:30:07Z ERROR"
        ' booking_api::error: request failed error="inserting booking: duplicate key"\n```\n'
    )
    item = _item(_brambleby("[P2] [Triggered] booking-api errors", body, 1773006360683))
    assert [(e.type, e.value) for e in item.exceptions] == [
        (None, "inserting booking: duplicate key")
    ]


def test_a_line_that_names_the_error_and_says_it_tells_one_monitor_s_bugs_apart() -> None:
    def notification(message: str) -> Any:
        body = f'GraphQL errors.\n\n**GraphQLError** at `["departures"]`: {message}'
        return _item(_brambleby("[P2] [Triggered] trips-graphql GraphQL errors", body, 1))

    berth = notification("Cannot read properties of undefined (reading 'berth')")
    fare = notification("Fare currency is not supported")
    assert [(e.type, e.value) for e in berth.exceptions] == [
        ("GraphQLError", "Cannot read properties of undefined (reading 'berth')")
    ]
    assert [e.value for e in fare.exceptions] == ["Fare currency is not supported"]


def test_a_sample_below_logged_an_error_on_a_host() -> None:
    body = (
        "payroll-api logged an error on payroll-api-0bb1cfbb51-fhltv:\n\n\n"
        "2026-03-07T11:01:23Z ERROR payroll_api::error - request failed: inserting employee\n"
        "\n@webhook-soulcaster"
    )
    item = _item(_brambleby("[P2] [Triggered] payroll-api errors", body, 1773006360683))
    assert [e.value for e in item.exceptions] == ["request failed: inserting employee"]


def test_an_elixir_exception_pasted_with_its_frames() -> None:
    body = (
        "charge-api crashed on a request.\n\n"
        "** (DBConnection.ConnectionError) connection not available\n"
        "    (ecto_sql 3.12.1) lib/ecto/adapters/sql.ex:1096: Ecto.Adapters.SQL.raise/1\n"
        "    (lingmell 2.4.2) lib/lingmell/sites.ex:73: Lingmell.Sites.nearby/2\n"
        "\n@webhook-soulcaster"
    )
    item = _item(_brambleby("[P2] [Triggered] charge-api crashes", body, 1773006360683))
    [error] = item.exceptions
    assert error.type == "DBConnection.ConnectionError"
    assert [f.function for f in error.frames][-1] == "Ecto.Adapters.SQL.raise/1"


def test_a_failure_shown_below_the_author_s_intro() -> None:
    body = (
        "A django-q task failed:\n\n07:29:19 [Q] ERROR Failed 'collections_app.tasks.import_batch'"
        ' - duplicate key value violates unique constraint "x_key"\n\n@webhook-soulcaster'
    )
    item = _item(_brambleby("[P2] [Triggered] django-q failed tasks", body, 1773006360683))
    [error] = item.exceptions
    assert error.value is not None and error.value.endswith('unique constraint "x_key"')
    # A trace pasted under the line says more than the line.
    traced = _item(
        _brambleby(
            "[P2] [Triggered] cron jobs",
            "A cron job failed on booking-api:\n\nRequest failed with status code 503\n\n"
            "AxiosError: Request failed with status code 503\n"
            "    at settle (/app/node_modules/axios/dist/node/axios.cjs:1966:12)\n"
            "    at async Ratings.refresh (/app/dist/films/ratings.js:26:29)\n",
            1773006360683,
        )
    )
    assert [f.function for f in traced.exceptions[-1].frames][-1] == "settle"


def test_a_monitor_id_under_a_title_like_name_is_no_title() -> None:
    item = _item(
        {
            "msg_title": "[P2] [Triggered] Stripe webhooks failing",
            "msg_plain": "Stripe webhooks are failing validation.",
            "monitor": 75317738,
        }
    )
    assert item.title == "[P2] [Triggered] Stripe webhooks failing"


def test_a_cycle_field_keys_the_alert_so_its_recovery_an_hour_on_finds_it() -> None:
    # ``"cycle": "$ALERT_CYCLE_KEY"``: the trigger at 07:50, the recovery at 08:20 (another
    # hour of the date) are one alert, one item.
    trigger = {
        "summary": "[P2] [Triggered on {queue:CLAIMS.INTAKE}] MQ queue depth high",
        "state": "Triggered",
        "monitor": {"id": "155021146", "name": "MQ queue depth high"},
        "scope": "queue:CLAIMS.INTAKE",
        "cycle": "3928baba7b4cd497664e9ccea2ae50c8",
        "fired_at": "1776757786097",
    }
    recovery = trigger | {
        "summary": "[P2] [Recovered on {queue:CLAIMS.INTAKE}] MQ queue depth high",
        "state": "Recovered",
        "fired_at": "1776759580036",
    }
    first, second = _item(trigger), _item(recovery)
    assert first.metadata["dedup_on"] == "alert_cycle_key"
    assert first.external_id == second.external_id
    assert second.metadata["status"] == "recovered"
