"""Labelled webhooks of fictional companies, written from the vendors' documented payloads.

``generate_webhooks.py`` (one directory up) runs ``build.build_rows`` and ``split.split_rows``
and writes the two halves (companies a, b, c), or, with ``--holdout``, the untouched third set
(companies d, e), or, with ``--final``, the fourth (companies f, g). The data tables are
``companies/*.py``; each vendor's payload shape is one module (``sentry``, ``posthog``,
``splunk``, ``datadog``); ``traces`` and ``logs`` write the text forms of a stack trace and of
the log lines around it.
"""
