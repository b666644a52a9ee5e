"""One name for a route or a job, however a tool spells it."""

from __future__ import annotations

import pytest

from soulcaster_core.parsing import endpoint_name, endpoint_verb, parse_log_line


@pytest.mark.parametrize(
    "spelling",
    [
        "POST /api/tenancies/{tenancy_id}/renewal-offer",  # Sentry's transaction
        "post_/api/tenancies/{tenancy_id}/renewal-offer",  # Datadog's resource tag
        "POST /api/tenancies/:id/renewal-offer",  # Express
        "/api/tenancies/<int:pk>/renewal-offer",  # Flask/Django
        "/api/tenancies/8812/renewal-offer?dry_run=1",  # an access log's path
        "https://api.example.com/api/tenancies/3fa85f64-5717-4562-b3fc-2c963f66afa6/renewal-offer",
    ],
)
def test_every_spelling_of_a_route_is_one_name(spelling: str) -> None:
    assert endpoint_name(spelling) == "api/tenancies/renewal-offer"


def test_job_names_keep_their_dots_and_nothing_is_no_name() -> None:
    assert endpoint_name("Reports.Tasks.build_weekly") == "reports.tasks.build_weekly"
    assert endpoint_name("ArrearsReportJob.report") == "arrearsreportjob.report"
    assert endpoint_name("") is None
    assert endpoint_name("/{id}/42") is None
    assert endpoint_name("x" * 600) is None


def test_the_site_root_is_a_page_of_its_own() -> None:
    # A home page's error is not a product page's: "/" names the root, not nothing.
    assert endpoint_name("/") == endpoint_name("https://shop.example/") == "/"
    assert endpoint_name("/products/ridge-trail-boot") == "products/ridge-trail-boot"


def test_a_json_request_log_names_its_route() -> None:
    line = parse_log_line(
        '{"level":"error","msg":"request failed","method":"POST",'
        '"path":"/v1/inspections/1963/photos","error":"timeout"}'
    )
    assert line is not None
    assert endpoint_name(line.endpoint) == "v1/inspections/photos"


def test_a_remix_route_id_is_its_path() -> None:
    assert endpoint_name("routes/templates.$templateId") == endpoint_name("GET /templates/{id}")
    assert endpoint_name("routes/docs.$docId.edit") == endpoint_name("/docs/9f3a2c1d7e8b/edit")
    assert endpoint_name("routes/_index") == "/"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("POST /v1/bookings", "POST"),  # Sentry's transaction
        ("post_/v1/bookings", "POST"),  # Datadog's resource name
        ("GET https://api.example/v1/x", "GET"),
        ("/v1/bookings", None),
        ("delete_expired_sessions", None),  # a job named after what it does, not a method
        (None, None),
    ],
)
def test_a_route_keeps_the_method_it_was_named_with(text: str | None, verb: str | None) -> None:
    assert endpoint_verb(text) == verb


def test_a_numbered_file_is_a_value() -> None:
    # One label's PDF: the route serves every label.
    assert endpoint_name("/api/labels/291919.pdf") == "api/labels"
    assert endpoint_name("/reports/earnings.csv?month=2026-03") == "reports/earnings.csv"
