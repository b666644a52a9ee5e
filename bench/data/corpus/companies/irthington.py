"""(fm) Irthington Mobile, a small mobile virtual network operator: Erlang/OTP 26 releases
built with rebar3 (``ilm_ocs``: online charging over Diameter, balances in ETS and mnesia,
rating; ``ilm_prov``: SIM provisioning against the host network's HLR gateway over HTTP with
gun, number porting).

Splunk indexes the releases' stdout from kernel's default logger handler with its legacy
header (``fm-otp-legacy``: proc_lib's ``=CRASH REPORT====`` with ``exception error: ...``, ``in
function`` and ``in call from`` lines, and gen_server's ``=ERROR REPORT====`` ``** Generic
server ... terminating`` with the reason and its stack as one term). Datadog: the agent tails
the same files; log monitors paste the first lines of the report (``{{log.message}}``). No
Sentry (there is no official Erlang SDK) and no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "ilm_ocs": Service("ilm_ocs", "erlang", "fm-otp-legacy", "irthington:otp", "/var/log/ilm_ocs/erlang.log", "fm_core", 0, "Erlang/OTP 26 [erts-14.2.5]"),
    "ilm_prov": Service("ilm_prov", "erlang", "fm-otp-legacy", "irthington:otp", "/var/log/ilm_prov/erlang.log", "fm_core", 0, "Erlang/OTP 26 [erts-14.2.5]"),
}


def erl(module: str, function: str, arity: int, line: int = 0, context: str = "", *, lib: bool = False) -> Frame:
    """An Erlang frame: ``module:function/arity`` in ``src/<module>.erl`` (OTP's own modules by
    their bare file name, a BIF with no file)."""
    file = "" if not line else (f"{module}.erl" if lib else f"src/{module}.erl")
    return Frame(function, file, line, module, not lib, context, args=f"/{arity}")


GEN_SERVER_CALL = (
    erl("gen_server", "try_handle_call", 4, 1131, lib=True),
)
GEN_SERVER_CAST = (
    erl("gen_server", "try_handle_cast", 3, 1121, lib=True),
)
GS_TIMEOUT = erl("gen_server", "call", 2, 404, lib=True)

LOGS = {"search": "irthington otp crash reports", "app": "irthington"}
GS = {"search": "irthington otp crash reports", "app": "irthington", "kind": "genserver"}
DD_OCS = dict(team="core", monitor="[core] ilm_ocs crash reports", filter="service:ilm_ocs source:erlang status:error", text="Crash in {{log.service}} on {{log.host}}\n\n{{log.message}}", sample_lines=9)
DD_PROV = dict(team="core", monitor="[core] ilm_prov errors", filter="service:ilm_prov source:erlang status:error", text="{{log.message}}", sample_lines=7)

BUGS = [
    # badarg from ETS: a lookup on a table not yet created, an insert into a protected table.
    Bug("fm-ets-lookup", "ilm_ocs", (Exc("badarg", "bad argument", (*GEN_SERVER_CALL, erl("ilm_ocs_session", "handle_call", 3, 88), erl("ilm_balance", "reserve", 2, 41), erl("ets", "lookup", 2, context="ets:lookup(ilm_balances,<<\"44770090{n}\">>)\n         *** argument 1: the table identifier does not refer to an existing ETS table", lib=True))),),
        (see("splunk", 3, **LOGS, initial="ilm_ocs_session:init/1", sup="ilm_ocs_session_sup"), see("splunk", 2, **GS, name="ilm_ocs_session", last="{'$gen_call',{<0.{n}.0>,#Ref<0.1.2.{idx}>},{ccr_update,<<\"ses-{hex}\">>,{n}}}"), see("datadog.log", 2, **DD_OCS)),
        classes=(4,), pair="fm-ets-insert", entry="ilm_ocs_session"),
    Bug("fm-ets-insert", "ilm_ocs", (Exc("badarg", "bad argument", (*GEN_SERVER_CAST, erl("ilm_rating_cache", "handle_cast", 2, 57), erl("ilm_rating_cache", "store", 2, 73), erl("ets", "insert", 2, context="ets:insert(ilm_tariffs,{<<\"roam-eu\">>,{n}})\n         *** argument 1: the table identifier refers to an ETS table with insufficient access rights", lib=True))),),
        (see("splunk", 2, **LOGS, initial="ilm_rating_cache:init/1", name="ilm_rating_cache"), see("datadog.log", 2, **DD_OCS)),
        classes=(4,), pair="fm-ets-lookup", entry="ilm_rating_cache"),
    # function_clause: the same rating function, a roaming zone and an undefined plan.
    Bug("fm-tariff-zone", "ilm_ocs", (Exc("function_clause", "no function clause matching ilm_rating:tariff(<<\"zone-{idx}\">>,data) (src/ilm_rating.erl, line 31)", (*GEN_SERVER_CALL, erl("ilm_ocs_session", "handle_call", 3, 96), erl("ilm_rating", "rate", 3, 22))),),
        (see("splunk", 3, **LOGS, initial="ilm_ocs_session:init/1"), see("datadog.log", **DD_OCS)),
        classes=(4,), pair="fm-tariff-plan", entry="ilm_ocs_session", span=2),
    Bug("fm-tariff-plan", "ilm_ocs", (Exc("function_clause", "no function clause matching ilm_rating:plan_rate(undefined,voice,{n}) (src/ilm_rating.erl, line 58)", (*GEN_SERVER_CALL, erl("ilm_ocs_session", "handle_call", 3, 96), erl("ilm_rating", "rate", 3, 24))),),
        (see("splunk", 2, **LOGS, initial="ilm_ocs_session:init/1"), see("datadog.log", 2, **DD_OCS)),
        classes=(4,), pair="fm-tariff-zone", entry="ilm_ocs_session"),
    # gen_server:call timeouts: the HLR gateway and the porting database, one helper each.
    Bug("fm-hlr-timeout", "ilm_prov", (Exc("{timeout,{gen_server,call,[ilm_hlr_client,{activate,<<\"8944{n}\">>},5000]}}", "{timeout,{gen_server,call,[ilm_hlr_client,{activate,<<\"8944{n}\">>},5000]}}", (erl("ilm_prov_worker", "handle_info", 2, 64), erl("ilm_sim", "activate", 1, 39), GS_TIMEOUT)),),
        (see("splunk", 3, **LOGS, initial="ilm_prov_worker:init/1", **{"class": "exit"}), see("splunk", 2, **GS, name="ilm_prov_worker", last="{job,activate,<<\"8944{n}\">>}"), see("datadog.log", 2, **DD_PROV)),
        classes=(4, 9), pair="fm-port-timeout", entry="ilm_prov_worker"),
    Bug("fm-port-timeout", "ilm_prov", (Exc("{timeout,{gen_server,call,[ilm_port_db,{lookup,<<\"447{n}\">>},5000]}}", "{timeout,{gen_server,call,[ilm_port_db,{lookup,<<\"447{n}\">>},5000]}}", (erl("ilm_port_worker", "handle_info", 2, 47), erl("ilm_porting", "donor_for", 1, 28), GS_TIMEOUT)),),
        (see("splunk", 2, **LOGS, initial="ilm_port_worker:init/1", **{"class": "exit"}), see("datadog.log", **DD_PROV)),
        classes=(4,), pair="fm-hlr-timeout", entry="ilm_port_worker"),
    # badmatch on {error,closed}: the Diameter peer and the gun connection to the HLR.
    Bug("fm-diameter-closed", "ilm_ocs", (Exc("{badmatch,{error,closed}}", "no match of right hand side value {error,closed}", (erl("ilm_dia_peer", "handle_info", 2, 112), erl("ilm_dia_peer", "send_cca", 2, 140))),),
        (see("splunk", 2, **GS, name="ilm_dia_peer", last="{diameter,{up,<<\"pcrf-{idx}\">>}}", state="{state,<<\"pcrf-{idx}\">>,open,{n}}"), see("splunk", 2, **LOGS, initial="ilm_dia_peer:init/1"), see("datadog.log", 2, **DD_OCS)),
        classes=(4, 10), pair="fm-gun-closed", entry="ilm_dia_peer"),
    Bug("fm-gun-closed", "ilm_prov", (Exc("{badmatch,{error,closed}}", "no match of right hand side value {error,closed}", (erl("ilm_hlr_client", "handle_call", 3, 52), erl("ilm_hlr_client", "post", 3, 77))),),
        (see("splunk", 3, **GS, name="ilm_hlr_client", last="{'$gen_call',{<0.{n}.0>,#Ref<0.9.{idx}.1>},{activate,<<\"8944{n}\">>}}", client=True), see("datadog.log", **DD_PROV)),
        classes=(4, 10), pair="fm-diameter-closed", entry="ilm_hlr_client"),
    # {badkey,msisdn} from maps:get/2 at the end of two different callers.
    Bug("fm-badkey-ccr", "ilm_ocs", (Exc("{badkey,msisdn}", "{badkey,msisdn}", (*GEN_SERVER_CALL, erl("ilm_ocs_session", "handle_call", 3, 79), erl("ilm_ccr", "subscriber", 1, 118), erl("maps", "get", 2, context="maps:get(msisdn,#{imsi => <<\"23420{n}\">>,apn => <<\"internet\">>})\n         *** argument 2: not a map containing the key msisdn", lib=True))),),
        (see("splunk", 3, **LOGS, initial="ilm_ocs_session:init/1"), see("datadog.log", 2, **DD_OCS)),
        classes=(4,), pair="fm-badkey-port", entry="ilm_ocs_session"),
    Bug("fm-badkey-port", "ilm_prov", (Exc("{badkey,msisdn}", "{badkey,msisdn}", (erl("ilm_port_worker", "handle_info", 2, 52), erl("ilm_porting", "to_request", 1, 83), erl("maps", "get", 2, context="maps:get(msisdn,#{pac => <<\"PAC{n}\">>,donor => <<\"{idx}2\">>})\n         *** argument 2: not a map containing the key msisdn", lib=True))),),
        (see("splunk", 3, **LOGS, initial="ilm_port_worker:init/1"), see("datadog.log", 2, **DD_PROV)),
        classes=(4,), pair="fm-badkey-ccr", entry="ilm_port_worker"),
    # Not pairs.
    Bug("fm-badarith-bundle", "ilm_ocs", (Exc("badarith", "an error occurred when evaluating an arithmetic expression", (*GEN_SERVER_CALL, erl("ilm_ocs_session", "handle_call", 3, 101), erl("ilm_bundle", "remaining_pct", 2, 19, "ilm_bundle:remaining_pct(0,{n})"))),),
        (see("splunk", 3, **LOGS, initial="ilm_ocs_session:init/1"), see("datadog.log", 2, **DD_OCS)),
        classes=(5,), entry="ilm_ocs_session", span=3),
    Bug("fm-undef-cdr", "ilm_ocs", (Exc("undef", "undefined function ilm_cdr_v2:encode/2", (erl("ilm_cdr_writer", "handle_cast", 2, 44), erl("ilm_cdr_v2", "encode", 2, lib=False))),),
        (see("splunk", 2, **LOGS, initial="ilm_cdr_writer:init/1"), see("splunk", 2, **GS, name="ilm_cdr_writer", last="{'$gen_cast',{write,<<\"cdr-{hex}\">>}}"), see("datadog.log", **DD_OCS)),
        classes=(5,), entry="ilm_cdr_writer"),
    Bug("fm-case-msisdn", "ilm_prov", (Exc("{case_clause,{ok,[]}}", "no case clause matching {ok,[]}", (erl("ilm_prov_api", "handle", 2, 33), erl("ilm_subscriber", "by_msisdn", 1, 61))),),
        (see("splunk", 3, **LOGS, initial="cowboy_stream_h:request_process/3", sup="ranch_conns_sup"), see("datadog.log", 2, **DD_PROV)),
        classes=(4,), entry="cowboy_stream_h:request_process/3"),
    Bug("fm-mnesia-abort", "ilm_ocs", (Exc("{aborted,{no_exists,ilm_topups}}", "no match of right hand side value {aborted,{no_exists,ilm_topups}}", (erl("ilm_topup", "handle_call", 3, 70), erl("ilm_topup", "apply", 2, 93))),),
        (see("splunk", 2, **GS, name="ilm_topup", last="{'$gen_call',{<0.{n}.0>,#Ref<0.4.{idx}.2>},{topup,<<\"447{n}\">>,1000}}"), see("datadog.log", **DD_OCS)),
        classes=(10,), entry="ilm_topup"),
    Bug("fm-binary-singleton", "ilm_prov", (Exc("badarg", "bad argument", (erl("ilm_iccid", "checksum", 1, 14), erl("erlang", "binary_to_integer", 1, context="binary_to_integer(<<\"89F4\">>)", lib=True))),),
        (see("splunk", **LOGS, initial="ilm_iccid_loader:init/1"),),
        singleton=True, entry="ilm_iccid_loader"),
    # A warning report without a crash: a supervisor restarting a child; the pids vary.
    Bug("fm-sup-restart", "ilm_prov", (),
        (see("splunk", 3, search="irthington otp supervisor reports", app="irthington", line="=SUPERVISOR REPORT==== 4-Mar-2026::10:{idx}1:0{idx}.{n} ===\n    supervisor: {local,ilm_prov_sup}\n    errorContext: child_terminated\n    reason: normal\n    offender: [{pid,<0.{n}.0>},\n               {id,ilm_hlr_client},\n               {mfargs,{ilm_hlr_client,start_link,[]}},\n               {restart_type,permanent},\n               {significant,false},\n               {shutdown,5000},\n               {child_type,worker}]"), see("datadog.log", 2, team="core", monitor="[core] ilm_prov restarts", filter="service:ilm_prov \"SUPERVISOR REPORT\"", text="ilm_hlr_client restarted {n} times in 10 minutes")),
        classes=(7,)),
]

NOISE = [
    Noise("fm-noise-upgrade", "ilm_ocs", "datadog.event", {"monitor": "release upgrade", "text": "ilm_ocs relup 3.4.1 -> 3.4.2 installed on ocs-1, ocs-2 (release_handler: permanent).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fm-noise-progress", "ilm_prov", "splunk", {"search": "irthington otp crash reports", "line": "=PROGRESS REPORT==== 4-Mar-2026::07:00:01.204117 ===\n    application: ilm_prov\n    started_at: 'ilm_prov@prov-1'"}),
    Noise("fm-noise-recovered", "ilm_ocs", "datadog.log", {"monitor": "[core] ilm_ocs crash reports", "text": "Recovered: no crash reports from ilm_ocs in the last 15 minutes.", "transition": "Recovered", "alert_type": "success"}),
]

IRTHINGTON = Company(
    key="fm",
    name="Irthington Mobile",
    domain="irthington-mobile.example",
    sentry_org="",
    splunk_url="https://irthington.splunkcloud.com",
    splunk_guid="A41E7C93-2B5D-4E61-8F0A-9C3D7B2E4F85",
    datadog_org=("705512", "Irthington Mobile"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("3.4.0", "3.4.1", "3.4.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
)
# fmt: on
