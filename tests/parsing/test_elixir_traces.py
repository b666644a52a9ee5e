"""Elixir exceptions as Logger prints them, read the way sentry-elixir names frames."""

from __future__ import annotations

from soulcaster_core.parsing import parse_trace

GENSERVER = """\
08:44:04.294 [error] GenServer #PID<0.8343.0> terminating
** (KeyError) key :seat not found in: %{row: "A", section: "balcony-23"}
    (seatmap 0.4.1) lib/seatmap/holds.ex:42: Seatmap.Holds.place/2
    (seatmap 0.4.1) lib/seatmap/holds.ex:91: anonymous fn/2 in Seatmap.Holds.release/1
    (elixir 1.16.3) lib/enum.ex:1004: Enum."-each/2-lists^foreach/1-0-"/2
    (stdlib 5.2.3) gen_server.erl:1095: :gen_server.try_handle_info/3
Last message: :sweep
State: %{interval: 60000}
"""

PLUG = """\
02:55:31.401 [error] #PID<0.8444.0> running App.Endpoint (connection #PID<0.8443.0>) terminated
Server: app.example:80 (http)
Request: GET /api/events/90843/availability
** (exit) an exception was raised:
    ** (ArithmeticError) bad argument in arithmetic expression
        :erlang./(0, 0)
        (app 4.18.0) lib/app/availability.ex:57: App.Availability.ratio/2
        (plug_cowboy 2.7.1) lib/plug/cowboy/handler.ex:11: Plug.Cowboy.Handler.init/2
"""


def test_a_genserver_crash_report() -> None:
    [exc] = parse_trace(GENSERVER)

    assert exc.type == "KeyError"
    assert exc.value == 'key :seat not found in: %{row: "A", section: "balcony-23"}'
    assert [(f.module, f.function, f.lineno, f.in_app) for f in exc.frames] == [
        (":gen_server", ":gen_server.try_handle_info/3", 1095, False),
        ("Enum", 'Enum."-each/2-lists^foreach/1-0-"/2', 1004, False),
        ("Seatmap.Holds", "anonymous fn/2 in Seatmap.Holds.release/1", 91, None),
        ("Seatmap.Holds", "Seatmap.Holds.place/2", 42, None),
    ]
    assert exc.frames[-1].filename == "lib/seatmap/holds.ex"


def test_plugs_report_names_the_raised_exception_not_the_exit() -> None:
    [exc] = parse_trace(PLUG)

    assert (exc.type, exc.value) == ("ArithmeticError", "bad argument in arithmetic expression")
    assert [(f.function, f.in_app) for f in exc.frames] == [
        ("Plug.Cowboy.Handler.init/2", None),
        ("App.Availability.ratio/2", None),
        (":erlang./(0, 0)", False),
    ]


def test_an_exit_without_a_raised_exception_keeps_its_reason() -> None:
    [exc] = parse_trace("** (exit) normal\n    (stdlib 5.2.3) gen_server.erl:1: :gen_server.x/1\n")

    assert (exc.type, exc.value) == (None, "normal")
    assert [f.module for f in exc.frames] == [":gen_server"]


def test_a_headline_after_logger_s_console_head() -> None:
    # Logger's default console format puts the time, metadata and level before the report.
    text = (
        "16:07:10.889 request_id=2UBD5obL3tEqUKcvCD-Q [error] ** (Protocol.UndefinedError)"
        " protocol String.Chars not implemented for type Tuple\n"
        "\n"
        "Got value:\n"
        "\n"
        "    {:ok, ~D[2026-03-13]}\n"
        "    (elixir 1.17.3) lib/string/chars.ex:3: String.Chars.impl_for!/1\n"
        "    (allotments 1.4.2) lib/etterby/exports.ex:19: Etterby.Exports.tenancy_row/1\n"
    )
    [error] = parse_trace(text)
    assert error.type == "Protocol.UndefinedError"
    assert error.value is not None
    assert error.value.startswith("protocol String.Chars not implemented for type Tuple")
    assert [f.function for f in error.frames] == [
        "Etterby.Exports.tenancy_row/1",
        "String.Chars.impl_for!/1",
    ]


def test_an_erlang_crash_report() -> None:
    # OTP's logger, legacy header: the reason in words, then the calls, innermost first.
    text = (
        "=CRASH REPORT==== 11-Mar-2026::03:52:52.436919 ===\n"
        "  crasher:\n"
        "    initial call: ilm_ocs_session:init/1\n"
        "    pid: <0.4442.0>\n"
        "    exception error: an error occurred when evaluating an arithmetic expression\n"
        "      in function  ilm_bundle:remaining_pct/2 (src/ilm_bundle.erl, line 19)\n"
        "         called as ilm_bundle:remaining_pct(0,34)\n"
        "      in call from ilm_ocs_session:handle_call/3 (src/ilm_ocs_session.erl, line 101)\n"
        "      in call from gen_server:try_handle_call/4 (gen_server.erl, line 1131)\n"
        "    ancestors: [ilm_ocs_sup,<0.215.0>]\n"
    )
    [error] = parse_trace(text)
    assert (error.type, error.value) == (
        None,
        "an error occurred when evaluating an arithmetic expression",
    )
    assert [(f.function, f.lineno, f.in_app) for f in error.frames] == [
        ("gen_server:try_handle_call/4", 1131, False),
        ("ilm_ocs_session:handle_call/3", 101, None),
        ("ilm_bundle:remaining_pct/2", 19, None),
    ]


def test_a_gen_server_s_termination_report() -> None:
    text = (
        "=ERROR REPORT==== 7-Mar-2026::02:51:39.608862 ===\n"
        "** Generic server ilm_hlr_client terminating \n"
        "** Last message in was {'$gen_call',{<0.54.0>,#Ref<0.9.8.1>},{activate,<<\"8944\">>}}\n"
        "** When Server state == {state,undefined}\n"
        "** Reason for termination ==\n"
        "** {{badmatch,{error,closed}},\n"
        '    [{ilm_hlr_client,post,3,[{file,"src/ilm_hlr_client.erl"},{line,77}]},\n'
        '     {ilm_hlr_client,handle_call,3,[{file,"src/ilm_hlr_client.erl"},{line,52}]}]}\n'
        "** Client <0.5007.0> stacktrace\n"
        '** [{gen,do_call,4,[{file,"gen.erl"},{line,240}]}]\n'
    )
    [error] = parse_trace(text)
    # As a crash report words the same reason.
    assert error.value == "no match of right hand side value {error,closed}"
    assert [(f.function, f.lineno) for f in error.frames] == [
        ("ilm_hlr_client:handle_call/3", 52),
        ("ilm_hlr_client:post/3", 77),
    ]
