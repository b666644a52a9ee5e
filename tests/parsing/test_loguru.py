"""loguru's records: its serialized JSON and its text format with a traceback."""

from __future__ import annotations

import json

from soulcaster_core.parsing import parse_trace
from soulcaster_core.parsing.logs import parse_log_line

TEXT = """\
2026-03-08 13:52:42.915 | ERROR    | payroll.api.errors:unhandled_error:31 - Unhandled error
Traceback (most recent call last):

> File "/app/payroll/api/employees.py", line 112, in update_tax_code
    code = codes[notice["code"]]
           │     └ {'employee': 5513}
           └ {'1257L': <TaxCode>}

  File "/app/payroll/tax.py", line 40, in lookup
    return table[key]
           │     └ 'iban'
           └ {}

KeyError: 'iban'
"""


def test_the_text_format_with_diagnose_annotations() -> None:
    [exc] = parse_trace(TEXT)

    assert (exc.type, exc.value) == ("KeyError", "'iban'")
    assert [(f.function, f.lineno) for f in exc.frames] == [
        ("update_tax_code", 112),
        ("lookup", 40),
    ]
    assert exc.frames[0].context_line == 'code = codes[notice["code"]]'


def test_a_serialized_record_reads_its_record_and_the_traceback_in_its_text() -> None:
    line = {
        "text": TEXT,
        "record": {
            "exception": {"type": "KeyError", "value": "'iban'", "traceback": True},
            "extra": {"method": "POST", "path": "/v1/payruns/19170/approve"},
            "function": "unhandled_error",
            "level": {"icon": "x", "name": "ERROR", "no": 40},
            "message": "Unhandled error",
            "name": "payroll.api.errors",
        },
    }
    read = parse_log_line(json.dumps(line))

    assert read is not None
    assert (read.message, read.level, read.logger) == (
        "Unhandled error",
        "error",
        "payroll.api.errors",
    )
    assert read.endpoint == "/v1/payruns/19170/approve"
    [exc] = read.exceptions
    assert (exc.type, exc.value) == ("KeyError", "'iban'")
    assert [f.function for f in exc.frames] == ["update_tax_code", "lookup"]
