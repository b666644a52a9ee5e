"""PHP exceptions read as text: frames rebuilt with the function each line runs in."""

from __future__ import annotations

from soulcaster_core.parsing import parse_trace

UNCAUGHT = """\
[05-Mar-2024 12:00:01 UTC] PHP Fatal error:  Uncaught RuntimeException: Order 42 not found in \
/var/www/shop/src/Orders/Repository.php:31
Stack trace:
#0 /var/www/shop/src/Orders/Controller.php(18): App\\Orders\\Repository->find(42)
#1 [internal function]: App\\Orders\\Controller->show(Object(Slim\\Http\\Request))
#2 /var/www/shop/vendor/slim/slim/Slim/Strategy.php(43): call_user_func(Array, Object(Request))
#3 /var/www/shop/public/index.php(9): Slim\\App->run()
#4 {main}
  thrown in /var/www/shop/src/Orders/Repository.php on line 31
"""


def test_each_frame_runs_in_the_function_the_next_entry_calls() -> None:
    [exc] = parse_trace(UNCAUGHT)

    assert (exc.type, exc.value) == ("RuntimeException", "Order 42 not found")
    assert [(f.module, f.function, f.filename, f.lineno, f.in_app) for f in exc.frames[::-1]] == [
        ("App\\Orders\\Repository", "find", "/var/www/shop/src/Orders/Repository.php", 31, None),
        ("App\\Orders\\Controller", "show", "/var/www/shop/src/Orders/Controller.php", 18, None),
        (None, "call_user_func", "[internal function]", None, False),
        (
            "Slim\\App",
            "run",
            "/var/www/shop/vendor/slim/slim/Slim/Strategy.php",
            43,
            False,
        ),
        (None, "{main}", "/var/www/shop/public/index.php", 9, None),
    ]


def test_a_type_error_without_the_php_prefix_thrown_at_the_top_level() -> None:
    text = (
        "Fatal error: Uncaught TypeError: Unsupported operand types: string * int in"
        " /var/www/html/cart.php:14\r\n"
        "Stack trace:\r\n"
        "#0 {main}\r\n"
        "  thrown in /var/www/html/cart.php on line 14\r\n"
    )
    [exc] = parse_trace(text)
    assert (exc.type, exc.value) == ("TypeError", "Unsupported operand types: string * int")
    assert [(f.function, f.filename, f.lineno) for f in exc.frames] == [
        ("{main}", "/var/www/html/cart.php", 14)
    ]


def test_next_blocks_wrap_the_previous_exception() -> None:
    text = (
        "PHP Fatal error:  Uncaught PDOException: SQLSTATE[23000]: Integrity constraint violation"
        " in /srv/app/src/Db.php:40\n"
        "Stack trace:\n"
        "#0 /srv/app/src/Db.php(40): PDOStatement->execute(Array)\n"
        "#1 /srv/app/src/Orders.php(12): App\\Db->insert('orders', Array)\n"
        "#2 {main}\n"
        "\n"
        "Next App\\Exception\\SaveFailed: could not save order in /srv/app/src/Orders.php:14\n"
        "Stack trace:\n"
        "#0 /srv/app/public/index.php(7): App\\Orders->save(Array)\n"
        "#1 {main}\n"
        "  thrown in /srv/app/src/Orders.php on line 14\n"
    )
    cause, thrown = parse_trace(text)
    assert (cause.type, cause.value) == (
        "PDOException",
        "SQLSTATE[23000]: Integrity constraint violation",
    )
    assert (thrown.type, thrown.value) == ("App\\Exception\\SaveFailed", "could not save order")
    assert [(f.module, f.function) for f in cause.frames[::-1]] == [
        ("PDOStatement", "execute"),
        ("App\\Db", "insert"),
        (None, "{main}"),
    ]
    assert [(f.module, f.function) for f in thrown.frames[::-1]] == [
        ("App\\Orders", "save"),
        (None, "{main}"),
    ]


def test_laravels_log_form() -> None:
    text = (
        '[2024-03-05 12:00:01] production.ERROR: Order not found {"userId":7,"exception":"[object]'
        " (App\\\\Exceptions\\\\OrderNotFound(code: 0): Order not found at"
        " /var/www/html/app/Models/Order.php:52)\n"
        "[stacktrace]\n"
        "#0 /var/www/html/app/Http/Controllers/OrderController.php(23):"
        " App\\\\Models\\\\Order::findOrFail('42')\n"
        "#1 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54):"
        " App\\\\Http\\\\Controllers\\\\OrderController->show('42')\n"
        "#2 {main}\n"
        "\n"
        "[previous exception] [object]"
        " (Illuminate\\\\Database\\\\Eloquent\\\\ModelNotFoundException(code: 0):"
        " No query results for model at /var/www/html/vendor/laravel/src/Builder.php:599)\n"
        "[stacktrace]\n"
        "#0 {main}\n"
        '"}\n'
    )
    cause, thrown = parse_trace(text)
    assert (thrown.type, thrown.value) == ("App\\Exceptions\\OrderNotFound", "Order not found")
    assert cause.type == "Illuminate\\Database\\Eloquent\\ModelNotFoundException"
    assert [(f.module, f.function, f.in_app) for f in thrown.frames[::-1]] == [
        ("App\\Models\\Order", "findOrFail", None),
        ("App\\Http\\Controllers\\OrderController", "show", None),
        (None, "{main}", False),
    ]


def test_symfony_s_uncaught_line_states_type_message_and_file() -> None:
    line = (
        '[2026-03-10T12:00:01.120Z] request.CRITICAL: Uncaught PHP Exception Error: "Call to a'
        ' member function getSku() on null" at /var/www/html/src/Order/Reorderer.php line 33'
        ' {"exception":"[object] (Error(code: 0))"} []'
    )
    [exc] = parse_trace(line)

    assert (exc.type, exc.value) == ("Error", "Call to a member function getSku() on null")
    assert [(f.function, f.filename, f.lineno) for f in exc.frames] == [
        (None, "/var/www/html/src/Order/Reorderer.php", 33)
    ]


def test_slim_s_plain_text_error_through_php_fpm_s_decorated_stderr() -> None:
    said = [
        "Slim Application Error",
        "Type: Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException",
        "Code: 1062",
        "Message: Duplicate entry 'a@b.example' for key 'tenants.email_unique'",
        "File: /var/www/html/vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php",
        "Line: 53",
        "Trace: #0 /var/www/html/src/Repository/TenantRepository.php(31):"
        " Doctrine\\DBAL\\Connection->insert('tenants', Array)",
        "#1 /var/www/html/src/Action/CreateTenantAction.php(44):"
        " Wherrymoor\\Repository\\TenantRepository->insert(Object(Tenant))",
        "#2 {main}",
        "",
        "Previous Error:",
        "Type: PDOException",
        "Code: 23000",
        "Message: SQLSTATE[23000]: Integrity constraint violation",
        "File: /var/www/html/vendor/doctrine/dbal/src/Driver/PDO/Statement.php",
        "Line: 130",
        "Trace: #0 /var/www/html/src/Repository/TenantRepository.php(31):"
        " Doctrine\\DBAL\\Connection->insert('tenants', Array)",
        "#1 {main}",
    ]
    decorated = "\n".join(
        f'[03-Mar-2026 20:21:42] WARNING: [pool www] child 115 said into stderr: "{line}"'
        for line in said
    )
    for text in ("\n".join(said), decorated):
        cause, thrown = parse_trace(text)

        assert thrown.type == "Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException"
        assert thrown.value == "Duplicate entry 'a@b.example' for key 'tenants.email_unique'"
        assert [f.function for f in thrown.frames] == ["{main}", "insert", "insert"]
        assert cause.type == "PDOException"


def test_codeigniter_4_logs_its_backtrace_numbered_from_one() -> None:
    text = (
        'CRITICAL - 2026-03-07 05:14:45 --> ErrorException: Attempt to read property "email"'
        " on null\n"
        "in APPPATH/Controllers/Account.php on line 27.\n"
        " 1 APPPATH/Controllers/Account.php(27): CodeIgniter\\Debug\\Exceptions->errorHandler(2,"
        " 'Attempt to read property \"email\" on null', '/var/www/html/app/Account.php', 27)\n"
        " 2 SYSTEMPATH/CodeIgniter.php(941): App\\Controllers\\Account->profile()\n"
        " 3 SYSTEMPATH/CodeIgniter.php(500):"
        " CodeIgniter\\CodeIgniter->runController(Object(App\\Controllers\\Account))\n"
        " 4 FCPATH/index.php(56): CodeIgniter\\Boot::bootWeb(Object(Config\\Paths))"
    )
    [exc] = parse_trace(text)

    assert (exc.type, exc.value) == ("ErrorException", 'Attempt to read property "email" on null')
    # The error handler PHP called at the faulting line is left out, as the SDKs leave it.
    assert [(f.function, f.lineno, f.in_app) for f in exc.frames][-3:] == [
        ("bootWeb", 500, False),
        ("runController", 941, False),
        ("profile", 27, None),
    ]


def test_a_log_head_before_the_exception_php_printed() -> None:
    # CodeIgniter's logger writes "LEVEL - time --> " before (string) $exception.
    text = (
        "ERROR - 2026-03-06 07:01:43 --> mysqli_sql_exception: Duplicate entry '1-2' for key"
        " 'allocations.uniq_room_night' in /var/www/html/vendor/codeigniter4/framework/system/"
        "Database/MySQLi/Connection.php:312\n"
        "Stack trace:\n"
        "#0 /var/www/html/app/Models/AllocationModel.php(37): CodeIgniter\\BaseModel->insert()\n"
        "#1 {main}"
    )
    [exc] = parse_trace(text)

    assert exc.type == "mysqli_sql_exception"
    assert exc.value == "Duplicate entry '1-2' for key 'allocations.uniq_room_night'"


def test_a_warning_php_logged_is_the_error_exception_sentry_php_reports() -> None:
    [exc] = parse_trace(
        '[05-Mar-2026 10:00:00 UTC] PHP Warning:  Undefined array key "plan" in'
        " /var/www/html/wp-content/plugins/club/Members.php on line 88"
    )

    assert (exc.type, exc.value) == ("ErrorException", 'Warning: Undefined array key "plan"')
    [where] = exc.frames
    assert (where.filename, where.lineno) == (
        "/var/www/html/wp-content/plugins/club/Members.php",
        88,
    )


def test_cakephp_s_error_log_record_with_its_cause_and_points() -> None:
    # CakePHP 5's ErrorLogger: thrown first, "Caused by:" for the previous exception, the
    # message over two lines, then "Stack Trace:" as points (files and lines, no functions).
    text = (
        "2026-03-05 00:52:35 error: [Cake\\Database\\Exception\\QueryException] SQLSTATE[23000]:"
        " Integrity constraint violation: 1062 Duplicate entry '419200' for key 'bookings.uniq'\n"
        "Query: INSERT INTO bookings (...) VALUES (...) in"
        " /var/www/app/vendor/cakephp/cakephp/src/Database/Driver.php on line 395\n"
        "Caused by: [PDOException] SQLSTATE[23000]: Integrity constraint violation: 1062"
        " Duplicate entry '419200' for key 'bookings.uniq' in"
        " /var/www/app/vendor/cakephp/cakephp/src/Database/Driver.php on line 383\n"
        "Stack Trace:\n"
        "- /var/www/app/vendor/cakephp/cakephp/src/Database/Driver.php:395\n"
        "- /var/www/app/src/Controller/OrdersController.php:118\n"
        "- /var/www/app/webroot/index.php:37\n"
        "\n"
        "Request URL: /orders/checkout\n"
    )
    cause, thrown = parse_trace(text)

    assert (cause.type, thrown.type) == (
        "PDOException",
        "Cake\\Database\\Exception\\QueryException",
    )
    assert thrown.value == (
        "SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '419200' for key"
        " 'bookings.uniq'\nQuery: INSERT INTO bookings (...) VALUES (...)"
    )
    assert [(f.filename.rsplit("/", 1)[-1], f.lineno, f.in_app) for f in thrown.frames] == [
        ("index.php", 37, None),
        ("OrdersController.php", 118, None),
        ("Driver.php", 395, False),
    ]
    assert [(f.lineno, f.function) for f in cause.frames] == [(383, None)]


def test_cakephp_s_record_without_a_cause() -> None:
    [exc] = parse_trace(
        "2026-03-09 13:47:50 error: [Error] Call to a member function format() on null in"
        " /var/www/app/src/Mailer/TicketMailer.php on line 33\n"
        "Stack Trace:\n"
        "- /var/www/app/src/Mailer/TicketMailer.php:33\n"
        "- /var/www/app/bin/cake.php:12\n"
    )

    assert (exc.type, exc.value) == ("Error", "Call to a member function format() on null")
    assert [f.lineno for f in exc.frames] == [12, 33]


def test_entries_without_an_exception_line_are_the_stack_s_frames() -> None:
    # Laravel's {{error.stack}}: where it was thrown, then the entries; type and message unsaid.
    [exc] = parse_trace(
        "at /var/www/html/vendor/laravel/framework/src/Http/Client/Response.php:337\n"
        "#0 /var/www/html/app/Services/ChannelManager/Client.php(57): "
        "Illuminate\\Http\\Client\\Response->throw()\n"
        "#1 /var/www/html/app/Jobs/PushRatePlan.php(33): "
        "App\\Services\\ChannelManager\\Client->send('PUT', '/v3/x', Array)\n"
        "#2 {main}"
    )
    assert (exc.type, exc.value) == (None, None)
    # (Each line runs in the function the next entry calls, as sentry-php builds frames.)
    assert [(f.function, f.lineno) for f in exc.frames] == [
        ("{main}", 33),
        ("send", 57),
        ("throw", 337),
    ]


def test_a_monolog_record_whose_postgresql_message_runs_over_a_detail_line() -> None:
    # PostgreSQL's "DETAIL:" line inside the message is no exception's type.
    text = (
        "[2026-03-04T13:35:34+00:00] request.CRITICAL: Uncaught PHP Exception"
        ' {"exception":"[object] (Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException'
        "(code: 7): An exception occurred while executing a query: SQLSTATE[23505]: Unique"
        ' violation: 7 ERROR:  duplicate key value violates unique constraint \\"uniq_ref\\"\n'
        "DETAIL:  Key (reference)=(161058) already exists. at"
        " /srv/app/vendor/doctrine/dbal/src/Driver/API/PostgreSQL/ExceptionConverter.php:47)\n"
        "[stacktrace]\n"
        "#0 /srv/app/vendor/doctrine/dbal/src/Connection.php(1926): Doctrine\\DBAL\\Driver"
        "\\API\\PostgreSQL\\ExceptionConverter->convert()\n"
        "#1 /srv/app/src/Order/Placer.php(88): Doctrine\\DBAL\\Connection->insert()\n"
    )
    [error] = parse_trace(text)
    assert error.type is not None and error.type.endswith("UniqueConstraintViolationException")
    assert error.value is not None and error.value.startswith("An exception occurred")


def test_monologs_exception_without_its_trace_is_read_with_where_it_was_thrown() -> None:
    # Symfony's default line format: the context's exception normalized, no [stacktrace], its
    # previous exception after "[previous exception]".
    text = (
        '[2026-03-10T01:54:15+00:00] console.CRITICAL: Error thrown while running command "x".'
        ' {"exception":"[object] (Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException'
        "(code: 7): An exception occurred at /srv/app/vendor/doctrine/dbal/src/Driver/API/"
        "PostgreSQL/ExceptionConverter.php:47)\n[previous exception] [object] (Doctrine\\DBAL"
        "\\Driver\\PDO\\Exception(code: 7): SQLSTATE[23505]: Unique violation at /srv/app/"
        'vendor/doctrine/dbal/src/Driver/PDO/Statement.php:130)","command":"x"} []'
    )
    cause, thrown = parse_trace(text)

    assert (cause.type, cause.value) == (
        "Doctrine\\DBAL\\Driver\\PDO\\Exception",
        "SQLSTATE[23505]: Unique violation",
    )
    assert thrown.type == "Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException"
    assert [(f.filename, f.lineno) for f in thrown.frames] == [
        ("/srv/app/vendor/doctrine/dbal/src/Driver/API/PostgreSQL/ExceptionConverter.php", 47)
    ]


def test_monologs_exception_string_alone_is_one_exception_at_its_file() -> None:
    [exc] = parse_trace("[object] (JsonException(code: 4): Syntax error at /srv/src/Pay.php:19)")

    assert (exc.type, exc.value) == ("JsonException", "Syntax error")
    assert [(f.filename, f.lineno) for f in exc.frames] == [("/srv/src/Pay.php", 19)]
