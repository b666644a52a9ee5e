"""(kl) Blackdown Energy, a small electricity and gas supplier's data team: Apache Airflow 2.8
(CeleryExecutor, Python 3.11, the official image) running DAGs under ``/opt/airflow/dags``:
smart-meter reads from the DCC's SFTP drop and an S3 bucket, tariff rates from a pricing API
through ``HttpHook``, bills and dunning letters, loads into Postgres through ``PostgresHook``
and BigQuery.

Logs: Airflow's task logs (``[2026-03-02, 10:11:12 UTC] {taskinstance.py:2699} ERROR - Task
failed with exception`` over the traceback; ``standard_task_runner``'s one-line ``Failed to
execute job``; a window where the ``Marking task as UP_FOR_RETRY`` line was merged into the
event), read from ``/opt/airflow/logs/dag_id=…/run_id=…/task_id=…/attempt=N.log`` by a Splunk
universal forwarder (``kl-airflow-task``). Sentry: Airflow's own Sentry integration
(``[sentry] sentry_on``), which wraps task execution and calls ``capture_exception``.
Datadog: log monitors over the same files (the ``custom`` template), one per pattern. No
PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import pylib

# fmt: off
SERVICES = {
    "airflow": Service("airflow", "python", "kl-airflow-task", "airflow:task", "/opt/airflow/logs", "airflow", 5520117, "CPython 3.11.7", framework="generic"),
}

TI = (
    pylib("airflow.models.taskinstance", "_run_raw_task", 2357, "self._execute_task_with_callbacks(context, test_mode, session=session)"),
    pylib("airflow.models.taskinstance", "_execute_task_with_callbacks", 2525, "result = self._execute_task(context, task_orig)"),
    pylib("airflow.models.taskinstance", "_execute_task", 2542, "return _execute_task(self, context, task_orig)"),
    pylib("airflow.models.taskinstance", "_execute_task", 433, "result = execute_callable(context=context, **execute_callable_kwargs)"),
)
TASKFLOW = (
    *TI,
    pylib("airflow.decorators.base", "execute", 241, "return_value = super().execute(context)"),
    pylib("airflow.operators.python", "execute", 199, "return_value = self.execute_callable()"),
    pylib("airflow.operators.python", "execute_callable", 216, "return self.python_callable(*self.op_args, **self.op_kwargs)"),
)
SENSOR = (*TI, pylib("airflow.sensors.base", "execute", 274, "raise AirflowSensorTimeout(message)"))
PG_RUN = (
    pylib("airflow.providers.common.sql.hooks.sql", "run", 397, "self._run_command(cur, sql_statement, parameters)"),
    pylib("airflow.providers.common.sql.hooks.sql", "_run_command", 434, "cur.execute(sql_statement, parameters)"),
)
HTTP_RUN = (
    pylib("airflow.providers.http.hooks.http", "run", 169, "return self.run_and_check(session, prepped_request, extra_options)"),
    pylib("airflow.providers.http.hooks.http", "run_and_check", 220, "self.check_response(response)"),
    pylib("airflow.providers.http.hooks.http", "check_response", 193, "raise AirflowException(str(response.status_code) + \":\" + response.reason)"),
)


def dag(file: str, fn: str, line: int, ctx: str) -> Frame:
    return Frame(fn, f"dags/{file}.py", line, file, True, ctx)


def inc(file: str, fn: str, line: int, ctx: str) -> Frame:
    return Frame(fn, f"dags/include/{file}.py", line, f"include.{file}", True, ctx)


# The pricing API client: every HttpHook call goes through it.
PRICING = inc("pricing_client", "get_json", 28, "resp = self.hook.run(endpoint, data=params, headers=self.headers)")
SEARCH = dict(search="airflow - Task failed with exception", owner="svc_data", app="airflow")
RUNNER = dict(search="airflow - Failed to execute job", owner="svc_data", app="airflow", event="runner")
DD = dict(monitor="[airflow] Task failed with exception", team="data", style="sample", filter='service:airflow "Task failed with exception"', sample_lines=6)
DD_RUNNER = dict(monitor="[airflow] Failed to execute job", team="data", text="Airflow worker reported a failed job:\n\n```\n{{log.message}}\n```", event="runner", filter='service:airflow "Failed to execute job"', sample_lines=1)


def src(entry: str, hour: int = 6) -> str:
    d, _, t = entry.partition(".")
    return f"/opt/airflow/logs/dag_id={d}/run_id=scheduled__2026-03-0{hour % 9 + 1}T0{hour % 10}:00:00+00:00/task_id={t}/attempt=1.log"


def sp(n: int, entry: str, hour: int = 6, **kw: object) -> object:
    base = RUNNER if kw.pop("runner", False) else SEARCH
    return see("splunk", n, source=src(entry, hour), **{**base, **kw})


def unique(constraint: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("UniqueViolation", f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}\n', frames, module="psycopg2.errors"),)


def sensor_timeout() -> tuple[Exc, ...]:
    return (Exc("AirflowSensorTimeout", "Sensor has timed out; run duration of 36{n}.{id} seconds exceeds the specified timeout of 3600.0.", SENSOR, module="airflow.exceptions"),)


READS = "meter_reads_daily.load_reads"
TARIFF = "tariff_sync.load_rates"
BILLS = "monthly_bills.build_statements"
E_S3 = "meter_reads_daily.wait_for_hh_file"
E_SFTP = "dcc_flows.wait_for_d0010"

BUGS = [
    # Unique violations on two tables through the same PostgresHook.run.
    Bug("kl-reads-unique", "airflow", unique("meter_reads_mpan_read_at_key", "Key (mpan, read_at)=(16{id}, 2026-03-0{idx} 00:30:00+00) already exists.", (*TASKFLOW, dag("meter_reads_daily", "load_reads", 88, 'hook.run(INSERT_READS, parameters=row)'), *PG_RUN)),
        (see("sentry.error", 3), sp(2, READS), sp(1, READS, 7, event="retry"), sp(1, READS, runner=True), see("datadog.log", 2, **DD)),
        classes=(4,), pair="kl-tariff-unique", entry=READS, span=2),
    Bug("kl-tariff-unique", "airflow", unique("tariff_rates_tariff_code_valid_from_key", "Key (tariff_code, valid_from)=(E-1R-FLEX-{idx}, 2026-04-01 00:00:00+00) already exists.", (*TASKFLOW, dag("tariff_sync", "load_rates", 61, 'hook.run(UPSERT_RATES, parameters=rate)'), *PG_RUN)),
        (see("sentry.error", 2), sp(2, TARIFF), see("datadog.log", **DD)),
        classes=(4,), pair="kl-reads-unique", entry=TARIFF),
    # Two sensors timing out: the same message from the same base class, two DAGs.
    Bug("kl-hh-sensor-timeout", "airflow", sensor_timeout(),
        (see("sentry.error", 2), sp(2, E_S3), sp(1, E_S3, runner=True), see("datadog.log", **DD)),
        classes=(4,), pair="kl-d0010-sensor-timeout", entry=E_S3),
    Bug("kl-d0010-sensor-timeout", "airflow", sensor_timeout(),
        (see("sentry.error", 2), sp(2, E_SFTP, 4), see("datadog.log", **DD), see("datadog.log", **DD_RUNNER)),
        classes=(4,), pair="kl-hh-sensor-timeout", entry=E_SFTP),
    # KeyError 'mpan' in two DAGs.
    Bug("kl-reads-mpan", "airflow", (Exc("KeyError", "'mpan'", (*TASKFLOW, dag("meter_reads_daily", "transform_reads", 47, 'rows = [to_row(r["mpan"], r) for r in payload["reads"]]'), dag("meter_reads_daily", "<listcomp>", 47, 'rows = [to_row(r["mpan"], r) for r in payload["reads"]]')), module="builtins"),),
        (see("sentry.error", 3), sp(2, "meter_reads_daily.transform_reads"), see("datadog.log", **DD)),
        classes=(4,), pair="kl-bills-mpan", entry="meter_reads_daily.transform_reads"),
    Bug("kl-bills-mpan", "airflow", (Exc("KeyError", "'mpan'", (*TASKFLOW, dag("monthly_bills", "build_statements", 72, "statement = render_statement(account)"), inc("statements", "render_statement", 39, 'meter = meters_by_mpan[account["mpan"]]')), module="builtins"),),
        (see("sentry.error", 2), sp(2, BILLS, 5), sp(1, BILLS, 5, runner=True), see("datadog.log", **DD)),
        classes=(4,), pair="kl-reads-mpan", entry=BILLS),
    # The pricing client at the end of a 401 and a 429.
    Bug("kl-pricing-401", "airflow", (Exc("AirflowException", "401:Unauthorized", (*TASKFLOW, dag("tariff_sync", "fetch_rates", 34, 'rates = client.get_json("/v3/products/rates")'), PRICING, *HTTP_RUN), module="airflow.exceptions"),),
        (see("sentry.error", 3), sp(2, "tariff_sync.fetch_rates"), see("datadog.log", **DD)),
        classes=(9,), pair="kl-pricing-429", entry="tariff_sync.fetch_rates"),
    Bug("kl-pricing-429", "airflow", (Exc("AirflowException", "429:Too Many Requests", (*TASKFLOW, dag("smart_export", "fetch_export_prices", 51, 'prices = client.get_json(f"/v3/products/{code}/export-rates")'), PRICING, *HTTP_RUN), module="airflow.exceptions"),),
        (see("sentry.error", 2), sp(2, "smart_export.fetch_export_prices", 3, event="retry"), sp(1, "smart_export.fetch_export_prices", 3), see("datadog.log", **DD)),
        classes=(9,), pair="kl-pricing-401", entry="smart_export.fetch_export_prices"),
    # One CSV loader, two exceptions.
    Bug("kl-csv-tokens", "airflow", (Exc("ParserError", "Error tokenizing data. C error: Expected 14 fields in line {line}, saw 15\n", (*TASKFLOW, dag("dcc_flows", "parse_d0010", 66, "frame = load_flow_csv(path)"), inc("flows", "load_flow_csv", 21, 'return pd.read_csv(path, sep="|", dtype=FLOW_DTYPES)'), pylib("pandas.io.parsers.readers", "read_csv", 1026, "return _read(filepath_or_buffer, kwds)"), pylib("pandas._libs.parsers", "pandas._libs.parsers.raise_parser_error", 2061, "")), module="pandas.errors"),),
        (see("sentry.error", 2), sp(2, "dcc_flows.parse_d0010", 4), see("datadog.log", **DD)),
        classes=(4,), pair="kl-csv-dtype", entry="dcc_flows.parse_d0010"),
    Bug("kl-csv-dtype", "airflow", (Exc("ValueError", "invalid literal for int() with base 10: 'N/A'", (*TASKFLOW, dag("dcc_flows", "parse_d0010", 66, "frame = load_flow_csv(path)"), inc("flows", "load_flow_csv", 21, 'return pd.read_csv(path, sep="|", dtype=FLOW_DTYPES)'), pylib("pandas.io.parsers.readers", "read_csv", 1026, "return _read(filepath_or_buffer, kwds)"), pylib("pandas._libs.parsers", "pandas._libs.parsers.TextReader._convert_with_dtype", 1250, "")), module="builtins"),),
        (see("sentry.error", 3), sp(2, "dcc_flows.parse_d0010", 4), sp(1, "dcc_flows.parse_d0010", 4, runner=True), see("datadog.log", **DD_RUNNER)),
        classes=(4,), pair="kl-csv-tokens", entry="dcc_flows.parse_d0010"),
    # Not pairs.
    Bug("kl-bq-notfound", "airflow", (Exc("NotFound", "404 Not found: Table blackdown-analytics:billing.statements_2026_0{idx} was not found in location europe-west2; reason: notFound, message: Not found: Table blackdown-analytics:billing.statements_2026_0{idx} was not found in location europe-west2", (*TASKFLOW, dag("monthly_bills", "export_to_bq", 103, "job.result()"), pylib("google.cloud.bigquery.job.query", "result", 1590, "super(QueryJob, self).result(retry=retry, timeout=timeout)"), pylib("google.api_core.future.polling", "result", 261, "raise self._exception")), module="google.api_core.exceptions"),),
        (see("sentry.error", 2), see("sentry.error", release=2), sp(2, "monthly_bills.export_to_bq", 2), see("datadog.log", **DD)),
        classes=(5,), entry="monthly_bills.export_to_bq", span=3, renames={"export_to_bq": "export_statements"}),
    Bug("kl-dunning-smtp", "airflow", (Exc("SMTPAuthenticationError", "(535, b'5.7.8 Username and Password not accepted. For more information, go to\\n5.7.8  https://support.google.com/mail/?p=BadCredentials')", (*TASKFLOW, dag("dunning_letters", "send_reminders", 58, "send_email(to=account.email, subject=SUBJECT, html_content=body)"), pylib("airflow.utils.email", "send_email_smtp", 154, "send_mime_email(e_from=mail_from, e_to=recipients, mime_msg=msg, conn_id=conn_id, dryrun=dryrun)"), pylib("airflow.utils.email", "send_mime_email", 279, "smtp_conn.login(smtp_user, smtp_password)"), pylib("smtplib", "login", 750, "raise last_exception")), module="smtplib"),),
        (see("sentry.error", 2), sp(2, "dunning_letters.send_reminders", 8), see("datadog.log", **DD_RUNNER)),
        classes=(2,), entry="dunning_letters.send_reminders"),
    Bug("kl-xcom-none", "airflow", (Exc("TypeError", "'NoneType' object is not subscriptable", (*TASKFLOW, dag("smart_export", "settle_exports", 77, 'total = sum(p["kwh"] for p in ti.xcom_pull(task_ids="fetch_export_prices")["periods"])')), module="builtins"),),
        (see("sentry.error", 2), sp(2, "smart_export.settle_exports", 3, runner=True), see("datadog.log", **DD_RUNNER)),
        classes=(10,), entry="smart_export.settle_exports"),
    Bug("kl-gsp-task-timeout", "airflow", (Exc("AirflowTaskTimeout", "Timeout, PID: {pid}", (*TASKFLOW, dag("settlement_gsp", "pull_gsp_volumes", 44, "for page in client.paginate(\"/gsp/volumes\", day=ds):"), inc("elexon", "paginate", 31, "resp = self.session.get(url, params=params, timeout=None)"), pylib("requests.sessions", "get", 602, 'return self.request("GET", url, **kwargs)'), pylib("ssl", "read", 1166, "return self._sslobj.read(len, buffer)"), pylib("airflow.utils.timeout", "handle_timeout", 69, "raise AirflowTaskTimeout(self.error_message)")), module="airflow.exceptions"),),
        (see("sentry.error", 3), sp(2, "settlement_gsp.pull_gsp_volumes", 2, event="retry"), sp(1, "settlement_gsp.pull_gsp_volumes", 2, runner=True), see("datadog.log", **DD)),
        classes=(10,), entry="settlement_gsp.pull_gsp_volumes"),
    Bug("kl-singleton-memory", "airflow", (Exc("MemoryError", "", (*TASKFLOW, dag("meter_reads_daily", "backfill_half_hourly", 122, "frame = pd.concat(frames, ignore_index=True)")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="meter_reads_daily.backfill_half_hourly"),
]

NOISE = [
    Noise("kl-noise-success", "airflow", "splunk", {**SEARCH, "line": "[2026-03-04, 06:14:02 UTC] {taskinstance.py:1138} INFO - Marking task as SUCCESS. dag_id=meter_reads_daily, task_id=load_reads, execution_date=20260304T060000, start_date=20260304T061351, end_date=20260304T061402"}),
    Noise("kl-noise-recovered", "airflow", "datadog.log", {"monitor": "[airflow] Task failed with exception", "text": "Recovered: no task failures in the last 30 minutes.", "transition": "Recovered", "alert_type": "success", "team": "data", "filter": 'service:airflow "Task failed with exception"'}),
]

BLACKDOWN = Company(
    key="kl",
    name="Blackdown Energy",
    domain="blackdownenergy.example",
    sentry_org="blackdown-energy",
    splunk_url="https://blackdown.splunkcloud.com",
    splunk_guid="C81F2A4E-0B73-4E19-8D5A-7F36E0B9A4C2",
    datadog_org=("640771", "Blackdown Energy"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("dags-2026.03.02", "dags-2026.03.09", "dags-2026.03.16"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="blackdown-sentry-client-secret",
)
# fmt: on
