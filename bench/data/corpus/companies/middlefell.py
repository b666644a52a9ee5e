"""(iw) Middlefell Analytics, sales forecasting for independent retailers: a data app pair on
Python 3.11. ``insights-api`` is a FastAPI service (uvicorn; pandas over Parquet files in object
storage, SQLAlchemy 2 on PostgreSQL for accounts and saved reports, httpx to the retailers' POS
exports, a Prophet-style forecast in a background task); ``insights-dash`` is a multipage
Streamlit app that calls the API and draws the charts, run by ``streamlit run`` (every page a
script re-run from the top on each interaction).

Logs: loguru with its default format (``iw-loguru``: ``2026-03-05 10:11:12.123 | ERROR    |
module:function:42 - message`` over ``logger.exception``'s traceback, ``backtrace=True`` and
``diagnose=True``: the catching frame marked ``>`` and the values of the names drawn under each
source line), read by Datadog log monitors pasting ``{{log.message}}``. Sentry: sentry-python
(FastAPI integration in the API, a bare ``sentry_sdk.init`` and ``capture_exception`` in the
dashboard's page wrapper). PostHog: posthog-python's ``capture_exception`` in the API's
exception handler. Datadog: dd-trace-py APM monitors by error type. No Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import FASTAPI_ENDPOINT, FASTAPI_ROUTE, httpx_timeout, py, pylib, sqlalchemy_integrity

SDK = ("sentry.python.fastapi", "2.18.0", "pypi:sentry-sdk")
SDK_DASH = ("sentry.python", "2.18.0", "pypi:sentry-sdk")
SERVICES = {
    "insights-api": Service(
        "insights-api",
        "python",
        "iw-loguru",
        "",
        "",
        "",
        8430101,
        "CPython 3.11.10",
        framework="fastapi",
        sdk=SDK,
    ),
    "insights-dash": Service(
        "insights-dash",
        "python",
        "iw-loguru",
        "",
        "",
        "",
        8430102,
        "CPython 3.11.10",
        framework="generic",
        sdk=SDK_DASH,
    ),
}
STREAMLIT = (
    pylib(
        "streamlit.runtime.scriptrunner.exec_code",
        "exec_func_with_error_handling",
        121,
        "result = func()",
    ),
    pylib(
        "streamlit.runtime.scriptrunner.script_runner",
        "code_to_exec",
        593,
        "exec(code, module.__dict__)",
    ),
)
BACKGROUND = (
    pylib(
        "starlette.background",
        "__call__",
        45,
        "await run_in_threadpool(self.func, *self.args, **self.kwargs)",
    ),
    pylib(
        "starlette.concurrency",
        "run_in_threadpool",
        39,
        "return await anyio.to_thread.run_sync(func, *args)",
    ),
    pylib("anyio._backends._asyncio", "run", 859, "result = context.run(func, *args)"),
)
HTTPX_GET_JSON = py(
    "middlefell.clients.pos", "fetch_json", 27, "resp = client.get(url, params=params)"
)


def m(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"middlefell.{module}", function, line, context)


def api(*frames: Frame) -> tuple[Frame, ...]:
    return (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT, *frames)


def page(script: str, line: int, context: str, *frames: Frame) -> tuple[Frame, ...]:
    """A Streamlit page script run by the script runner (its code at module level)."""
    return (
        *STREAMLIT,
        Frame("<module>", f"pages/{script}.py", line, f"pages.{script}", True, context),
        *frames,
    )


APM = dict(team="data", monitor="[insights-api] errors by type", style="type")
APM_DASH = dict(team="data", monitor="[insights-dash] errors by type", style="type")
LOGMON = dict(
    team="data",
    monitor="[insights-api] exceptions in logs",
    filter="service:insights-api status:error",
    text="insights-api logged an exception:\n\n```\n{{log.message}}\n```",
    sample_lines=16,
    diagnose=False,
)
LOGMON_SHORT = dict(
    team="data",
    monitor="[insights-api] error lines",
    filter="service:insights-api status:error",
    text="{{log.message}}",
    sample_lines=1,
)
DASHMON = dict(
    team="data",
    monitor="[insights-dash] page errors",
    filter="service:insights-dash status:error",
    text="A dashboard page failed:\n```\n{{log.message}}\n```",
    sample_lines=24,
    diagnose=True,
)
FORECASTMON = dict(
    team="data",
    monitor="[insights-api] forecast task failures",
    filter='service:insights-api status:error "forecast"',
    text="```\n{{log.message}}\n```",
    sample_lines=10,
)

BUGS = [
    # KeyError 'region' in the API's aggregation and in the dashboard's map page.
    Bug(
        "iw-sales-keyerror-region",
        "insights-api",
        (
            Exc(
                "KeyError",
                "'region'",
                api(
                    m(
                        "routes.sales",
                        "sales_summary",
                        48,
                        "frame = aggregate_sales(df, by=group_by)",
                    ),
                    m(
                        "analytics.sales",
                        "aggregate_sales",
                        31,
                        'grouped = df.groupby([by, "region"]).agg(total=("net", "sum"))',
                    ),
                    pylib("pandas.core.frame", "groupby", 9183, "return DataFrameGroupBy("),
                    pylib(
                        "pandas.core.groupby.grouper", "get_grouper", 1043, "raise KeyError(gpr)"
                    ),
                ),
                module="builtins",
            ),
        ),
        (
            see("sentry.error", 3),
            see("sentry.issue"),
            see("posthog", 2),
            see("datadog.apm", **APM),
            see("datadog.log", **LOGMON),
        ),
        classes=(4, 5),
        pair="iw-map-keyerror-region",
        logger="middlefell.routes.sales:sales_summary:50",
        log="Sales summary failed for retailer {user}",
        entry="GET /v1/retailers/{id}/sales/summary",
        span=2,
        renames={"sales_summary": "get_sales_summary"},
    ),
    Bug(
        "iw-map-keyerror-region",
        "insights-dash",
        (
            Exc(
                "KeyError",
                "'region'",
                page(
                    "3_Store_map",
                    37,
                    "fig = draw_region_map(stores)",
                    m(
                        "dash.charts",
                        "draw_region_map",
                        22,
                        'colours = [REGION_COLOURS[s["region"]] for s in stores]',
                    ),
                ),
            ),
        ),
        (see("sentry.error", 2), see("datadog.log", 2, **DASHMON), see("datadog.apm", **APM_DASH)),
        classes=(4,),
        pair="iw-sales-keyerror-region",
        logger="middlefell.dash.runner:run_page:19",
        log="Page 3_Store_map failed",
        entry="pages/3_Store_map",
    ),
    # Unique violations on two constraints through one session commit.
    Bug(
        "iw-dup-saved-report",
        "insights-api",
        sqlalchemy_integrity(
            api(m("routes.reports", "save_report", 62, "session.commit()")),
            "saved_reports_account_id_name_key",
            "Key (account_id, name)=({user}, Weekly sales) already exists.",
            "INSERT INTO saved_reports (account_id, name, query) VALUES (%(account_id)s::INTEGER, %(name)s::VARCHAR, %(query)s::JSONB) RETURNING saved_reports.id",
        ),
        (
            see("sentry.error", 3),
            see("posthog"),
            see("datadog.apm", **APM),
            see("datadog.log", **LOGMON),
        ),
        classes=(4,),
        pair="iw-dup-invite",
        logger="middlefell.routes.reports:save_report:65",
        log="Could not save report for account {user}",
        entry="POST /v1/reports",
    ),
    Bug(
        "iw-dup-invite",
        "insights-api",
        sqlalchemy_integrity(
            api(m("routes.accounts", "invite_member", 88, "session.commit()")),
            "account_members_account_id_email_key",
            "Key (account_id, email)=({user}, {email}) already exists.",
            "INSERT INTO account_members (account_id, email, role) VALUES (%(account_id)s::INTEGER, %(email)s::VARCHAR, %(role)s::VARCHAR) RETURNING account_members.id",
        ),
        (see("sentry.error", 2), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4,),
        pair="iw-dup-saved-report",
        logger="middlefell.routes.accounts:invite_member:91",
        log="Invite failed",
        entry="POST /v1/accounts/{id}/members",
    ),
    # One POS export fetch_json: a read timeout and a 503.
    Bug(
        "iw-pos-timeout",
        "insights-api",
        httpx_timeout(
            api(
                m(
                    "routes.imports",
                    "import_pos",
                    35,
                    "rows = pos.fetch_transactions(retailer, since)",
                ),
                m(
                    "clients.pos",
                    "fetch_transactions",
                    58,
                    'return fetch_json(f"{base}/exports/transactions", {"since": since})',
                ),
                HTTPX_GET_JSON,
            ),
            "ReadTimeout",
            "The read operation timed out",
        ),
        (see("sentry.error", 3), see("datadog.apm", 2, **APM), see("datadog.log", **LOGMON_SHORT)),
        classes=(9,),
        pair="iw-pos-503",
        logger="middlefell.routes.imports:import_pos:39",
        log="POS import failed for retailer {user}",
        entry="POST /v1/retailers/{id}/imports",
    ),
    Bug(
        "iw-pos-503",
        "insights-api",
        (
            Exc(
                "HTTPStatusError",
                "Server error '503 Service Unavailable' for url 'https://pos-exports.tillwise.example/v3/exports/transactions?since=2026-03-{idx}'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/503",
                api(
                    m(
                        "routes.imports",
                        "import_pos",
                        35,
                        "rows = pos.fetch_transactions(retailer, since)",
                    ),
                    m(
                        "clients.pos",
                        "fetch_transactions",
                        58,
                        'return fetch_json(f"{base}/exports/transactions", {"since": since})',
                    ),
                    py("middlefell.clients.pos", "fetch_json", 28, "resp.raise_for_status()"),
                    pylib(
                        "httpx._models",
                        "raise_for_status",
                        829,
                        "raise HTTPStatusError(message, request=request, response=self)",
                    ),
                ),
                module="httpx",
            ),
        ),
        (
            see("sentry.error", 2),
            see("posthog"),
            see("datadog.apm", **APM),
            see("datadog.log", 2, **LOGMON),
        ),
        classes=(9,),
        pair="iw-pos-timeout",
        logger="middlefell.routes.imports:import_pos:39",
        log="POS import failed for retailer {user}",
        entry="POST /v1/retailers/{id}/imports",
    ),
    # One Parquet loader: a missing object and a schema mismatch.
    Bug(
        "iw-parquet-missing",
        "insights-api",
        (
            Exc(
                "FileNotFoundError",
                "middlefell-lake/sales/retailer={user}/2026-03.parquet",
                api(
                    m("routes.sales", "sales_daily", 71, "df = load_sales(retailer_id, month)"),
                    m("data.lake", "load_sales", 40, "return pd.read_parquet(path, filesystem=fs)"),
                    pylib("pandas.io.parquet", "read_parquet", 667, "return impl.read("),
                    pylib("pyarrow.parquet.core", "read_table", 1793, "dataset = ParquetDataset("),
                ),
                module="builtins",
            ),
        ),
        (see("sentry.error", 3), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4,),
        pair="iw-parquet-schema",
        logger="middlefell.routes.sales:sales_daily:74",
        log="Daily sales failed",
        entry="GET /v1/retailers/{id}/sales/daily",
    ),
    Bug(
        "iw-parquet-schema",
        "insights-api",
        (
            Exc(
                "ArrowInvalid",
                "Unable to merge: Field net has incompatible types: double vs string",
                api(
                    m("routes.sales", "sales_daily", 71, "df = load_sales(retailer_id, month)"),
                    m("data.lake", "load_sales", 40, "return pd.read_parquet(path, filesystem=fs)"),
                    pylib("pandas.io.parquet", "read_parquet", 667, "return impl.read("),
                    pylib("pyarrow.parquet.core", "read_table", 1793, "dataset = ParquetDataset("),
                    pylib(
                        "pyarrow.parquet.core",
                        "__init__",
                        1329,
                        "self._dataset = ds.dataset(path_or_paths, filesystem=filesystem,",
                    ),
                ),
                module="pyarrow.lib",
            ),
        ),
        (
            see("sentry.error", 2),
            see("posthog"),
            see("datadog.apm", 2, **APM),
            see("datadog.log", **LOGMON),
        ),
        classes=(4,),
        pair="iw-parquet-missing",
        logger="middlefell.routes.sales:sales_daily:74",
        log="Daily sales failed",
        entry="GET /v1/retailers/{id}/sales/daily",
    ),
    # Two forecast-task failures under one log monitor.
    Bug(
        "iw-forecast-nan",
        "insights-api",
        (
            Exc(
                "ValueError",
                "cannot convert float NaN to integer",
                (
                    *BACKGROUND,
                    m("tasks.forecast", "run_forecast", 44, "horizon = int(season_length * weeks)"),
                ),
                module="builtins",
            ),
        ),
        (see("sentry.error", 3), see("datadog.log", 2, **FORECASTMON), see("datadog.apm", **APM)),
        classes=(2,),
        pair="iw-forecast-zero-div",
        logger="middlefell.tasks.forecast:run_forecast:52",
        log="forecast for retailer {user} failed",
        entry="run_forecast",
    ),
    Bug(
        "iw-forecast-zero-div",
        "insights-api",
        (
            Exc(
                "ZeroDivisionError",
                "float division by zero",
                (
                    *BACKGROUND,
                    m(
                        "tasks.forecast",
                        "run_forecast",
                        47,
                        "growth = (recent - baseline) / baseline",
                    ),
                ),
                module="builtins",
            ),
        ),
        (see("sentry.error", 2), see("datadog.log", 2, **FORECASTMON)),
        classes=(2,),
        pair="iw-forecast-nan",
        logger="middlefell.tasks.forecast:run_forecast:52",
        log="forecast for retailer {user} failed",
        entry="run_forecast",
    ),
    # The dashboard's API client: the same JSONDecodeError at two pages, one helper.
    Bug(
        "iw-dash-jsondecode-trends",
        "insights-dash",
        (
            Exc(
                "JSONDecodeError",
                "Expecting value: line 1 column 1 (char 0)",
                page(
                    "2_Trends",
                    24,
                    'trends = api.get(f"/v1/retailers/{rid}/trends")',
                    m("dash.api", "get", 18, "return resp.json()"),
                    pylib(
                        "httpx._models", "json", 764, "return jsonlib.loads(self.content, **kwargs)"
                    ),
                    pylib("json", "loads", 346, "return _default_decoder.decode(s)"),
                    pylib(
                        "json.decoder",
                        "decode",
                        338,
                        "obj, end = self.raw_decode(s, idx=_w(s, 0).end())",
                    ),
                    pylib(
                        "json.decoder",
                        "raw_decode",
                        356,
                        'raise JSONDecodeError("Expecting value", s, err.value) from None',
                    ),
                ),
                module="json.decoder",
            ),
        ),
        (see("sentry.error", 3), see("datadog.log", 2, **DASHMON), see("datadog.apm", **APM_DASH)),
        classes=(9, 4),
        pair="iw-dash-jsondecode-forecast",
        logger="middlefell.dash.runner:run_page:19",
        log="Page 2_Trends failed",
        entry="pages/2_Trends",
    ),
    Bug(
        "iw-dash-jsondecode-forecast",
        "insights-dash",
        (
            Exc(
                "JSONDecodeError",
                "Expecting value: line 1 column 1 (char 0)",
                page(
                    "4_Forecast",
                    41,
                    'forecast = api.get(f"/v1/retailers/{rid}/forecast", params={"weeks": weeks})',
                    m("dash.api", "get", 18, "return resp.json()"),
                    pylib(
                        "httpx._models", "json", 764, "return jsonlib.loads(self.content, **kwargs)"
                    ),
                    pylib("json", "loads", 346, "return _default_decoder.decode(s)"),
                    pylib(
                        "json.decoder",
                        "decode",
                        338,
                        "obj, end = self.raw_decode(s, idx=_w(s, 0).end())",
                    ),
                    pylib(
                        "json.decoder",
                        "raw_decode",
                        356,
                        'raise JSONDecodeError("Expecting value", s, err.value) from None',
                    ),
                ),
                module="json.decoder",
            ),
        ),
        (see("sentry.error", 2), see("datadog.log", 2, **DASHMON)),
        classes=(9, 4),
        pair="iw-dash-jsondecode-trends",
        logger="middlefell.dash.runner:run_page:19",
        log="Page 4_Forecast failed",
        entry="pages/4_Forecast",
    ),
    # Not pairs.
    Bug(
        "iw-dash-duplicate-widget",
        "insights-dash",
        (
            Exc(
                "StreamlitDuplicateElementKey",
                "There are multiple elements with the same `key='store_picker'`. To fix this, please make sure that the `key` argument is unique for each element you create.",
                page(
                    "1_Overview",
                    18,
                    "store = store_picker(stores)",
                    m(
                        "dash.widgets",
                        "store_picker",
                        12,
                        'return st.selectbox("Store", stores, key="store_picker")',
                    ),
                    pylib(
                        "streamlit.elements.widgets.selectbox",
                        "selectbox",
                        393,
                        "return self._selectbox(",
                    ),
                    pylib(
                        "streamlit.elements.lib.utils",
                        "compute_and_register_element_id",
                        239,
                        "_register_element_id(ctx, element_type, element_id)",
                    ),
                ),
                module="streamlit.errors",
            ),
        ),
        (see("sentry.error", 3), see("datadog.log", 2, **DASHMON), see("datadog.apm", **APM_DASH)),
        logger="middlefell.dash.runner:run_page:19",
        log="Page 1_Overview failed",
        entry="pages/1_Overview",
    ),
    Bug(
        "iw-response-validation",
        "insights-api",
        (
            Exc(
                "ResponseValidationError",
                "1 validation errors:\n  {'type': 'float_type', 'loc': ('response', 'margin'), 'msg': 'Input should be a valid number', 'input': None}\n",
                api(
                    pylib(
                        "fastapi.routing",
                        "serialize_response",
                        155,
                        "raise ResponseValidationError(",
                    )
                ),
                module="fastapi.exceptions",
            ),
        ),
        (see("sentry.error", 3), see("posthog"), see("datadog.apm", 2, **APM)),
        logger="middlefell.app:unhandled:33",
        log="Unhandled error",
        entry="GET /v1/retailers/{id}/margins",
    ),
    Bug(
        "iw-singleton-recursion",
        "insights-api",
        (
            Exc(
                "RecursionError",
                "maximum recursion depth exceeded",
                api(
                    m("routes.categories", "category_tree", 22, "return build_tree(rows, None)"),
                    m(
                        "analytics.categories",
                        "build_tree",
                        14,
                        '"children": build_tree(rows, r.id),',
                    ),
                ),
                module="builtins",
            ),
        ),
        (see("sentry.error"),),
        singleton=True,
        entry="GET /v1/categories/tree",
    ),
]

NOISE = [
    Noise(
        "iw-noise-deploy",
        "insights-api",
        "datadog.event",
        {
            "monitor": "Deployed insights-api",
            "text": "insights-api 1.31.0 deployed to prod (2/2 tasks healthy).",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
            "team": "data",
        },
    ),
    Noise(
        "iw-noise-recovered",
        "insights-dash",
        "datadog.log",
        {
            "monitor": "[insights-dash] page errors",
            "transition": "Recovered",
            "alert_type": "success",
            "team": "data",
            "filter": "service:insights-dash status:error",
            "text": "insights-dash page errors recovered.",
        },
    ),
]

MIDDLEFELL = Company(
    key="iw",
    name="Middlefell Analytics",
    domain="middlefell-analytics.example",
    sentry_org="middlefell",
    splunk_url="",
    splunk_guid="",
    datadog_org=("843030", "Middlefell Analytics"),
    datadog_template="recommended",
    posthog_project=(84303, "Middlefell"),
    releases=("1.30.2", "1.31.0", "1.31.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="middlefell-sentry-client-secret",
)
# fmt: on
