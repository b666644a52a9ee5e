"""Rust panics, backtraces and anyhow chains as text, and tracing-subscriber's JSON lines."""

from __future__ import annotations

import json

from soulcaster_core.parsing import parse_trace
from soulcaster_core.parsing.logs import parse_log_line

PANIC = """\
thread 'tokio-runtime-worker' panicked at crates/pdf/src/layout.rs:142:37:
called `Option::unwrap()` on a `None` value
stack backtrace:
   0: rust_begin_unwind
             at /rustc/3f5fd8dd/library/std/src/panicking.rs:652:5
   1: core::option::unwrap_failed
             at /rustc/3f5fd8dd/library/core/src/option.rs:1985:5
   2: pdf::layout::place_totals
             at /usr/src/app/crates/pdf/src/layout.rs:142:37
   3: pdf::worker::run::{{closure}}
             at /usr/src/app/crates/pdf/src/worker.rs:44:38
   4: tokio::runtime::task::core::Core<T,S>::poll
             at /usr/local/cargo/registry/src/index.crates.io-6f/tokio-1.38/src/core.rs:328:17
note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.
"""

ANYHOW = """\
post journal entry 336160

Caused by:
    0: insert lines
    1: error returned from database: duplicate key value

Stack backtrace:
   0: anyhow::error::<impl anyhow::Error>::construct
             at /usr/local/cargo/registry/src/index.crates.io-6f17/anyhow-1.0.86/src/error.rs:274:36
   1: ledger::journal::post::{{closure}}
             at /usr/src/app/crates/ledger/src/journal.rs:74:18
"""


def test_a_panic_with_its_short_backtrace() -> None:
    [exc] = parse_trace(PANIC)

    assert (exc.type, exc.value) == ("panic", "called `Option::unwrap()` on a `None` value")
    assert [(f.function, f.in_app) for f in exc.frames] == [
        ("tokio::runtime::task::core::Core<T,S>::poll", False),
        ("pdf::worker::run::{{closure}}", None),
        ("pdf::layout::place_totals", None),
        ("core::option::unwrap_failed", False),
        ("rust_begin_unwind", False),
    ]
    assert (exc.frames[2].filename, exc.frames[2].lineno, exc.frames[2].colno) == (
        "/usr/src/app/crates/pdf/src/layout.rs",
        142,
        37,
    )


def test_a_panic_in_the_format_before_rust_1_73() -> None:
    [exc] = parse_trace("thread 'main' panicked at 'index out of bounds', src/main.rs:4:5\n")

    assert (exc.type, exc.value) == ("panic", "index out of bounds")
    assert [(f.filename, f.lineno) for f in exc.frames] == [("src/main.rs", 4)]


def test_a_panic_without_a_backtrace_is_at_its_location() -> None:
    [exc] = parse_trace(
        "thread 'tokio-runtime-worker' panicked at crates/booking-api/src/pricing.rs:75:44:\n"
        "called `Option::unwrap()` on a `None` value\n"
        "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace"
    )

    assert (exc.type, exc.value) == ("panic", "called `Option::unwrap()` on a `None` value")
    [where] = exc.frames
    assert (where.filename, where.lineno, where.colno) == (
        "crates/booking-api/src/pricing.rs",
        75,
        44,
    )


def test_an_anyhow_chain_root_cause_first_the_context_last_with_the_frames() -> None:
    chain = parse_trace(ANYHOW)

    assert [(exc.type, exc.value) for exc in chain] == [
        (None, "error returned from database: duplicate key value"),
        (None, "insert lines"),
        (None, "post journal entry 336160"),
    ]
    assert [f.function for f in chain[-1].frames] == [
        "ledger::journal::post::{{closure}}",
        "anyhow::error::<impl anyhow::Error>::construct",
    ]


def test_tracing_json_reads_the_events_fields_and_the_spans_uri() -> None:
    line = {
        "timestamp": "2026-03-11T04:53:06.369505Z",
        "level": "ERROR",
        "fields": {"message": "journal posting failed", "error": ANYHOW},
        "target": "ledger::routes::journals",
        "span": {"method": "POST", "uri": "/v1/journals", "name": "request"},
        "spans": [{"method": "POST", "uri": "/v1/journals", "name": "request"}],
    }
    read = parse_log_line(json.dumps(line))

    assert read is not None
    assert (read.message, read.level, read.endpoint) == (
        "journal posting failed",
        "error",
        "/v1/journals",
    )
    assert read.exceptions[-1].value == "post journal entry 336160"
    assert read.exceptions[-1].frames[0].function == "ledger::journal::post::{{closure}}"


def test_a_tracing_panic_event_is_a_panic_at_its_location() -> None:
    line = {
        "level": "ERROR",
        "fields": {
            "message": "A panic occurred",
            "panic.payload": "called `Option::unwrap()` on a `None` value",
            "panic.location": "crates/pdf/src/layout.rs:142:37",
        },
        "target": "tracing_panic",
    }
    read = parse_log_line(json.dumps(line))

    assert read is not None
    [exc] = read.exceptions
    assert (exc.type, exc.value) == ("panic", "called `Option::unwrap()` on a `None` value")
    assert [(f.filename, f.lineno, f.colno) for f in exc.frames] == [
        ("crates/pdf/src/layout.rs", 142, 37)
    ]
