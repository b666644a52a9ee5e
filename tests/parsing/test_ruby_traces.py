"""Ruby backtraces read as text, in both quoting styles and Rails' log form."""

from __future__ import annotations

from soulcaster_core.parsing import parse_trace


def test_rubys_own_report_before_3_4() -> None:
    text = (
        "app/models/order.rb:42:in `total': undefined method `price' for nil:NilClass"
        " (NoMethodError)\n"
        "\tfrom app/controllers/orders_controller.rb:10:in `block in show'\n"
        "\tfrom /usr/local/bundle/gems/actionpack-7.0.8/lib/abstract_controller/base.rb:215:in"
        " `process_action'\n"
        "\tfrom /usr/local/lib/ruby/3.2.0/benchmark.rb:311:in `realtime'\n"
        "\tfrom bin/rails:4:in `<main>'\n"
    )
    [exc] = parse_trace(text)
    assert (exc.type, exc.value) == ("NoMethodError", "undefined method `price' for nil:NilClass")
    assert [(f.function, f.lineno, f.in_app) for f in exc.frames] == [
        ("<main>", 4, None),
        ("realtime", 311, False),
        ("process_action", 215, False),
        ("block in show", 10, None),
        ("total", 42, None),
    ]


def test_ruby_3_4_labels_name_the_class_and_causes_come_first() -> None:
    text = (
        "E, [2024-03-05T12:00:01.123456 #7] ERROR -- : /srv/app/models/order.rb:42:in"
        " 'Order#total': undefined method 'price' for nil (NoMethodError)\n"
        "\tfrom /srv/app/controllers/orders_controller.rb:10:in 'block in OrdersController#show'\n"
        "\tfrom /srv/app/controllers/orders_controller.rb:9:in 'Array#each'\n"
        "/srv/app/models/cart.rb:3:in 'Cart.load': cart 42 is missing"
        " (ActiveRecord::RecordNotFound)\n"
        "\tfrom /srv/app/models/order.rb:40:in 'Order#total'\n"
    )
    cause, thrown = parse_trace(text)
    assert (thrown.type, thrown.value) == ("NoMethodError", "undefined method 'price' for nil")
    assert (cause.type, cause.value) == ("ActiveRecord::RecordNotFound", "cart 42 is missing")
    assert [(f.module, f.function) for f in thrown.frames] == [
        ("Array", "each"),
        ("OrdersController", "block in show"),
        ("Order", "total"),
    ]
    assert thrown.frames[-1].filename == "/srv/app/models/order.rb"
    assert [(f.module, f.function) for f in cause.frames] == [("Order", "total"), ("Cart", "load")]


def test_rails_log_form() -> None:
    text = (
        "Completed 500 Internal Server Error in 12ms (ActiveRecord: 1.1ms)\n"
        "\n"
        "ActiveRecord::RecordNotFound (Couldn't find Order with 'id'=42):\n"
        "\n"
        "app/controllers/orders_controller.rb:5:in `set_order'\n"
        "app/controllers/orders_controller.rb:12:in `show'\n"
    )
    [exc] = parse_trace(text)
    assert (exc.type, exc.value) == (
        "ActiveRecord::RecordNotFound",
        "Couldn't find Order with 'id'=42",
    )
    assert [f.function for f in exc.frames] == ["show", "set_order"]


def test_rails_log_form_whose_message_runs_over_lines() -> None:
    # PostgreSQL's DETAIL line sits inside the parentheses: the head closes a line later.
    text = (
        "ActiveRecord::RecordNotUnique (PG::UniqueViolation: ERROR:  duplicate key value"
        ' violates unique constraint "index_bookings_on_reference"\n'
        "DETAIL:  Key (reference)=(BK-25) already exists.):\n"
        "\n"
        "app/models/booking.rb:58:in `assign_reference'\n"
        "app/controllers/bookings_controller.rb:33:in `create'\n"
    )
    [exc] = parse_trace(text)
    assert exc.type == "ActiveRecord::RecordNotUnique"
    assert exc.value == (
        "PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint"
        ' "index_bookings_on_reference"\nDETAIL:  Key (reference)=(BK-25) already exists.'
    )
    assert [f.function for f in exc.frames] == ["create", "assign_reference"]


def test_rails_log_form_whose_backticks_a_text_only_rendering_dropped() -> None:
    # Datadog's $TEXT_ONLY_MSG strips markdown: "in `create'" arrives as "in create'".
    text = (
        "NoMethodError (undefined method length_m' for nil):\n"
        "app/models/haul_out.rb:48:in crane_slot_minutes'\n"
        "app/controllers/api/v1/haul_outs_controller.rb:31:in create'\n"
    )
    [exc] = parse_trace(text)
    assert exc.type == "NoMethodError"
    assert [f.function for f in exc.frames] == ["create", "crane_slot_minutes"]


def test_an_exception_ruby_s_logger_wrote_then_its_backtrace() -> None:
    # logger.error(e) gives "message (Type)" after Logger's head; the backtrace follows.
    text = (
        "E, [2026-03-09T04:52:09.784345 #9] ERROR -- : divided by 0 (ZeroDivisionError)\n"
        "/app/slices/rentals/pricing/day_rate.rb:23:in `per_day'\n"
        "/app/slices/rentals/actions/availability/index.rb:16:in `handle'\n"
    )
    [exc] = parse_trace(text)

    assert (exc.type, exc.value) == ("ZeroDivisionError", "divided by 0")
    assert [f.function for f in exc.frames] == ["handle", "per_day"]


def test_action_cable_joins_five_frames_onto_the_line_of_the_failed_command() -> None:
    text = (
        "E, [2026-03-08T14:49:35.521366 #21] ERROR -- : [ActionCable] [li@example.com] Could not"
        ' execute command from ({"command"=>"message", "identifier"=>"{\\"channel\\":'
        '\\"BasketChannel\\"}"}) [NoMethodError - undefined method `update!\' for nil:NilClass]:'
        " /rails/app/channels/basket_channel.rb:34:in `change_quantity'"
        " | /rails/app/channels/basket_channel.rb:19:in `update'"
        " | /usr/local/bundle/gems/actioncable-6.1.7.6/lib/action_cable/channel/base.rb:268:in"
        " `dispatch_action'"
    )
    [exc] = parse_trace(text)

    assert (exc.type, exc.value) == ("NoMethodError", "undefined method `update!' for nil:NilClass")
    assert [(f.function, f.lineno) for f in exc.frames] == [
        ("dispatch_action", 268),
        ("update", 19),
        ("change_quantity", 34),
    ]


def test_a_detail_line_under_the_headline_keeps_it() -> None:
    # Sidekiq's failure lines: PostgreSQL's DETAIL and a blank line between error and frames.
    text = (
        "ActiveRecord::RecordNotUnique: PG::UniqueViolation: ERROR:  duplicate key value\n"
        "DETAIL:  Key (order_id, version)=(471624, 3) already exists.\n"
        "\n"
        "/app/lib/proofs/store.rb:14:in `save_version'\n"
        "/app/app/jobs/proof_job.rb:19:in `perform'\n"
    )
    [exc] = parse_trace(text)

    assert exc.type == "ActiveRecord::RecordNotUnique"
    assert [f.function for f in exc.frames] == ["perform", "save_version"]


def test_semantic_logger_states_the_exception_after_its_message() -> None:
    text = (
        "2026-03-07 14:23:59.627543 F [33:puma srv tp 004 debug_exceptions.rb:17] {request_id:"
        " f2c522f9} Rails -- NoMethodError: undefined method `postcode' for nil -- Exception:"
        " NoMethodError: undefined method `postcode' for nil\n"
        "/rails/app/services/collection_quote.rb:17:in `quote'\n"
        "/rails/app/controllers/bookings_controller.rb:24:in `create'\n"
    )
    [exc] = parse_trace(text)

    assert (exc.type, exc.value) == ("NoMethodError", "undefined method `postcode' for nil")
    assert [f.function for f in exc.frames] == ["create", "quote"]


def test_rails_fatal_block_whose_backtrace_the_cleaner_emptied() -> None:
    # Rails' tagged FATAL block through Heroku's Logplex: the headline, and no frame left.
    head = "2026-03-04T00:22:13.815190+00:00 app[web.3]: "
    text = (
        f"{head}F, [2026-03-04T00:22:13.815190 #4] FATAL -- : [3c204af0-2429]   \n"
        f"{head}[3c204af0-2429] ActionController::InvalidAuthenticityToken"
        " (ActionController::InvalidAuthenticityToken):\n"
        f"{head}[3c204af0-2429]   "
    )
    [error] = parse_trace(text)
    assert (error.type, error.value, error.frames) == (
        "ActionController::InvalidAuthenticityToken",
        "ActionController::InvalidAuthenticityToken",
        [],
    )
    # Prose in parentheses is no headline.
    assert parse_trace("Nightly sync (step 3 of 4):\nnothing to do\nskipped") == []


def test_sinatra_s_dump_of_an_error_and_its_backtrace() -> None:
    # Sinatra's dump_errors!: "<time> - <Type> - <message>:", then a tab before each line.
    text = (
        "2026-03-10 14:31:42 - Sequel::UniqueConstraintViolation - PG::UniqueViolation: ERROR:"
        '  duplicate key value violates unique constraint "members_email_key":\n'
        "\tDETAIL:  Key (email)=(a@b.example) already exists.\n"
        "\t/usr/local/bundle/gems/sequel-5.86.0/lib/sequel/dataset/actions.rb:414:in `insert'\n"
        "\t/app/lib/hawkshead/members/sign_up.rb:23:in `call'\n"
        "\t/app/app/routes/members.rb:19:in `block in <class:Members>'\n"
    )
    [error] = parse_trace(text)
    assert error.type == "Sequel::UniqueConstraintViolation"
    assert error.value == (
        "PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint"
        ' "members_email_key"'
    )
    assert [f.function for f in error.frames][-2:] == ["call", "insert"]
