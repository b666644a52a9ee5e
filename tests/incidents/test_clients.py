"""What a client (a browser, a mobile app) reports of a failure: its failed request belongs to the
backend failing in its minutes, not to its own app's name or words; its environment is
production's when it names none; a browser extension's error is nobody's failure."""

from __future__ import annotations

from soulcaster_core.incidents.signals import signal_kind
from soulcaster_core.models import FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo, Frame

from .items import item
from .test_rule import run


def _thrown(one: FeedbackItem, filename: str | None = None) -> FeedbackItem:
    """``one`` with the exception its title says (thrown in ``filename``)."""
    kind, _, value = one.title.partition(": ")
    frames = [Frame(filename=filename)] if filename else []
    one.exceptions = [ExceptionInfo(type=kind, value=value, frames=frames)]
    return one


def _browser(minutes: float, title: str) -> FeedbackItem:
    """A Sentry event of the web app's project (platform ``javascript``)."""
    one = _thrown(item(minutes, source="sentry", title=title, service="web-app"))
    one.metadata["platform"] = "javascript"
    return one


def test_an_error_naming_no_environment_joins_the_failure_of_its_minutes() -> None:
    backend = item(0, source="sentry", title="OperationalError", service="bookings")
    front = item(
        2, source="posthog", title="Error: Upload failed (502)", service=None, environment=None
    )
    incidents = run([backend, front])
    assert front.incident_id == backend.incident_id is not None
    link = incidents[backend.incident_id].links[-1]
    assert (link.item_id, link.by, link.value, link.at) == (
        front.id,
        "near",
        "production",
        front.created_at,
    )


def test_an_error_naming_no_environment_is_not_stagings() -> None:
    staging = item(0, title="[P1] Cloud SQL down", service=None, environment="staging")
    front = item(2, source="posthog", title="Error: 503", service=None, environment=None)
    row = item(10, source="splunk", title="[Splunk] 5xx by route", service=None, environment=None)
    later = item(11, title="[P1] Cloud SQL down", service=None, environment="staging")
    run([staging, front, row, later])
    assert front.incident_id not in (None, staging.incident_id)
    assert later.incident_id not in (None, row.incident_id)


def test_a_front_ends_failed_requests_follow_the_backend_of_their_minutes() -> None:
    payments = item(0, source="sentry", title="APIConnectionError", service="payments")
    declined = _browser(2, "Error: HTTP 502 from POST /api/charges")
    search = item(12, source="sentry", title="ReadTimeout", service="search")
    lookup = _browser(14, "TypeError: Failed to fetch")
    again = item(15, source="posthog", title="Error: HTTP 502 from POST /api/charges", service=None)
    run([payments, declined, search, lookup, again])
    assert declined.incident_id == payments.incident_id is not None
    # Not by the web app's name, nor by the words every backend's failure gives the client.
    assert lookup.incident_id == search.incident_id != payments.incident_id
    assert again.incident_id == search.incident_id


def test_a_front_ends_own_bug_keeps_its_name() -> None:
    metric = item(0, source="sentry", title="Critical: web-app errors", service="web-app")
    bug = _browser(3, "TypeError: Cannot read properties of undefined (reading 'audioTracks')")
    run([metric, bug])
    assert bug.incident_id == metric.incident_id is not None


def test_a_browser_extensions_error_joins_nothing() -> None:
    backend = item(0, source="sentry", title="OperationalError", service="bookings")
    extension = _thrown(
        item(
            1,
            source="posthog",
            title="TypeError: Cannot read properties of null (reading 'shadowRoot')",
            service=None,
            environment=None,
        ),
        "chrome-extension://gighmmpiobklfepjoc/content.js",
    )
    run([backend, extension])
    assert signal_kind(extension) == "quiet"
    assert extension.incident_id is None


def _posthog(minutes: float, title: str, cluster_id: str | None = None) -> FeedbackItem:
    one = item(minutes, source="posthog", title=title, service=None, environment=None)
    one.cluster_id = cluster_id
    return _thrown(one)


def test_an_apps_own_bug_is_not_placed_by_the_minutes_of_a_backends_failure() -> None:
    backend = item(0, source="sentry", title="CannotAcquireLockException", service="billing")
    # A null read in the page's map code, an Angular dev-mode check: the app's own code.
    null_read = _posthog(1, "TypeError: Cannot read properties of null (reading 'getBounds')")
    dev_check = _posthog(2, "Error: NG0100: ExpressionChangedAfterItHasBeenCheckedError")
    # A failed request of the same minutes is still the backend's: the bug holds no minutes.
    failed = _posthog(3, "AxiosError: Request failed with status code 503")
    # The same bug again, from another user, is the bug's.
    again = _posthog(
        4, "TypeError: Cannot read properties of null (reading 'getBounds')", "c-bounds"
    )
    null_read.cluster_id = "c-bounds"
    incidents = run([backend, null_read, dev_check, failed, again])
    assert backend.incident_id is not None
    assert null_read.incident_id not in (None, backend.incident_id)
    assert dev_check.incident_id not in (None, backend.incident_id, null_read.incident_id)
    assert failed.incident_id == backend.incident_id
    assert again.incident_id == null_read.incident_id
    assert null_read.incident_id is not None
    assert incidents[null_read.incident_id].links[-1].by == "cluster"


def test_a_pre_release_build_naming_no_environment_is_not_production() -> None:
    backend = item(0, title="[P2] matchmaker at max replicas", service="matchmaker")
    # A QA bot's dev build, a release candidate: where a team tries them.
    dev_build = _posthog(1, "TestException: Crash reporter self-test")
    dev_build.release = "1.43.0-dev"
    candidate = item(2, source="sentry", title="KeyError: ticket", service="matchmaker")
    candidate.environment, candidate.release = None, "matchmaker@2.32.0-rc.1"
    shipped = _posthog(3, "MatchmakingException: Ticket not assigned within 180s")
    shipped.release = "1.42.0"
    incidents = run([backend, dev_build, candidate, shipped])
    assert backend.incident_id is not None
    assert dev_build.incident_id not in (None, backend.incident_id)
    assert candidate.incident_id not in (None, backend.incident_id)
    assert shipped.incident_id == backend.incident_id
    assert incidents[backend.incident_id].links[-1].by == "near"
    assert incidents[candidate.incident_id].entities["environment"] == ["staging"]  # type: ignore[index]


def test_the_api_host_of_a_clients_failed_request_does_not_keep_it_from_its_minutes() -> None:
    # The broker portal's call to its own API host failed (504) while policy's calls to its
    # database time out: the failure of its minutes, whatever hosts each names.
    policy = item(
        0,
        source="sentry",
        title="SQLRecoverableException: IO Error: Connection reset",
        service="policy",
        tags={"db.instance": "ora-prd-02"},
    )
    portal = _posthog(
        3,
        "HttpErrorResponse: Http failure response for "
        "https://brokers.example.co.uk/api/quotes: 504 Gateway Timeout",
    )
    incidents = run([policy, portal])
    assert portal.incident_id == policy.incident_id is not None
    link = incidents[policy.incident_id].links[-1]
    assert (link.item_id, link.by, link.value) == (portal.id, "near", "production")
