"""JVM stack traces (Java, Kotlin, Scala) read as text: causes first, whole stacks, classes
in ``module`` and bare method names in ``function``."""

from __future__ import annotations

from soulcaster_core.parsing import parse_trace

THREAD_MAIN = """\
Exception in thread "main" java.lang.IllegalStateException: Invoice 42 cannot be closed
\tat com.shop.billing.Invoice.close(Invoice.java:88)
\tat com.shop.billing.InvoiceService.finish(InvoiceService.kt:31)
\tat com.shop.Main.main(Main.java:12)
Caused by: java.lang.NullPointerException: Cannot invoke "String.length()" because "code" is null
\tat com.shop.util.Codes.normalize(Codes.java:5)
\tat com.shop.billing.Invoice.close(Invoice.java:80)
\t... 2 more
"""


def test_causes_come_first_and_omitted_frames_are_restored() -> None:
    cause, thrown = parse_trace(THREAD_MAIN)

    assert (thrown.type, thrown.value) == (
        "java.lang.IllegalStateException",
        "Invoice 42 cannot be closed",
    )
    assert cause.type == "java.lang.NullPointerException"
    assert cause.value == 'Cannot invoke "String.length()" because "code" is null'
    assert [(f.module, f.function, f.lineno) for f in thrown.frames] == [
        ("com.shop.Main", "main", 12),
        ("com.shop.billing.InvoiceService", "finish", 31),
        ("com.shop.billing.Invoice", "close", 88),
    ]
    # "... 2 more": the two outermost frames of the exception printed before it.
    assert [f.function for f in cause.frames] == ["main", "finish", "close", "normalize"]
    assert cause.frames[-1].filename == "Codes.java"
    assert thrown.frames[1].filename == "InvoiceService.kt"


def test_a_logback_record_with_prefix_jar_suffixes_and_a_message_of_two_lines() -> None:
    text = (
        "2024-03-05 12:00:01.123 ERROR 7 --- [nio-8080-exec-3]"
        " o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception\r\n"
        "org.springframework.dao.DataIntegrityViolationException: could not execute statement\r\n"
        "Detail: Key (sku)=(A-1) already exists.\r\n"
        "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convert("
        "HibernateJpaDialect.java:276) ~[spring-orm-6.1.2.jar:6.1.2]\r\n"
        "\tat com.shop.catalog.ProductRepository.save(ProductRepository.java:40) ~[classes/:na]\r\n"
        "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke("
        "DirectMethodHandleAccessor.java:103) ~[na:na]\r\n"
        "\tat java.base/java.lang.Thread.run(Thread.java:1583) ~[na:na]\r\n"
        "Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value\r\n"
        "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse("
        "QueryExecutorImpl.java:2725) ~[postgresql-42.7.1.jar:42.7.1]\r\n"
        "\t... 3 common frames omitted\r\n"
        "2024-03-05 12:00:01.130  INFO 7 --- [nio-8080-exec-4] c.s.Api : next request\r\n"
    )
    cause, thrown = parse_trace(text)

    assert thrown.type == "org.springframework.dao.DataIntegrityViolationException"
    assert thrown.value == "could not execute statement\nDetail: Key (sku)=(A-1) already exists."
    # The JDK and Spring are libraries; the application is what is left (unknown to a parser).
    assert [f.in_app for f in thrown.frames] == [False, False, None, False]
    assert thrown.frames[2].module == "com.shop.catalog.ProductRepository"
    assert (cause.type, cause.value) == (
        "org.postgresql.util.PSQLException",
        "ERROR: duplicate key value",
    )
    assert [f.function for f in cause.frames] == ["run", "invoke", "save", "receiveErrorResponse"]


def test_suppressed_exceptions_are_not_causes() -> None:
    text = (
        "java.io.IOException: flush failed\n"
        "\tat com.shop.io.Sink.flush(Sink.java:20)\n"
        "\tat com.shop.io.Sink.close(Sink.java:30)\n"
        "\tSuppressed: java.io.IOException: close failed\n"
        "\t\tat com.shop.io.Sink.release(Sink.java:44)\n"
        "\t\t... 1 more\n"
        "Caused by: java.net.SocketTimeoutException: Read timed out\n"
        "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)\n"
        "\tat com.shop.io.Sink.flush(Sink.java:18)\n"
        "\t... 1 more\n"
    )
    cause, thrown = parse_trace(text)
    assert [e.type for e in (cause, thrown)] == [
        "java.net.SocketTimeoutException",
        "java.io.IOException",
    ]
    assert [f.function for f in thrown.frames] == ["close", "flush"]
    assert [f.function for f in cause.frames] == ["close", "flush", "timedRead"]
    assert cause.frames[-1].in_app is False


def test_kotlin_scala_native_and_unknown_sources() -> None:
    text = (
        "kotlinx.coroutines.TimeoutCancellationException: Timed out waiting for 5000 ms\n"
        "    at kotlinx.coroutines.TimeoutKt.TimeoutCancellationException(Timeout.kt:184)\n"
        "    at com.shop.sync.Fetcher$fetch$2.invokeSuspend(Fetcher.kt:57)\n"
        "    at scala.concurrent.impl.Promise$Transformation.run(Promise.scala:467)\n"
        "    at sun.misc.Unsafe.park(Native Method)\n"
        "    at com.shop.generated.Proxy12.call(Unknown Source)\n"
    )
    [exc] = parse_trace(text)
    assert exc.type == "kotlinx.coroutines.TimeoutCancellationException"
    inner_first = exc.frames[::-1]
    assert [(f.module, f.function) for f in inner_first] == [
        ("kotlinx.coroutines.TimeoutKt", "TimeoutCancellationException"),
        ("com.shop.sync.Fetcher$fetch$2", "invokeSuspend"),
        ("scala.concurrent.impl.Promise$Transformation", "run"),
        ("sun.misc.Unsafe", "park"),
        ("com.shop.generated.Proxy12", "call"),
    ]
    assert [f.in_app for f in inner_first] == [False, None, False, False, None]
    assert [(f.filename, f.lineno) for f in inner_first[3:]] == [(None, None), (None, None)]


def test_logbacks_root_cause_first_output() -> None:
    text = (
        "java.net.ConnectException: Connection refused\n"
        "\tat java.base/sun.nio.ch.Net.connect0(Native Method)\n"
        "\tat com.shop.pay.Gateway.open(Gateway.java:21)\n"
        "Wrapped by: com.shop.pay.PaymentException: gateway unreachable\n"
        "\tat com.shop.pay.Gateway.charge(Gateway.java:40)\n"
        "\t... 1 common frames omitted\n"
    )
    cause, thrown = parse_trace(text)
    assert (cause.type, thrown.type) == (
        "java.net.ConnectException",
        "com.shop.pay.PaymentException",
    )
    assert thrown.value == "gateway unreachable"
    assert [f.function for f in thrown.frames] == ["open", "charge"]


def test_tomcat_names_the_exception_thrown_around_the_root_cause_it_prints() -> None:
    text = (
        "2026-03-09T00:01:48.905Z ERROR 1 --- [dispatch] [nio-8080-exec-2] "
        "o.a.c.c.C.[.[.[/].[dispatcherServlet]   : Servlet.service() for servlet "
        "[dispatcherServlet] in context with path [] threw exception [Request processing "
        "failed: org.springframework.web.client.ResourceAccessException: I/O error on GET "
        'request for "https://api.partner.example/v1/forecast": Read timed out] with root cause\n'
        "java.net.SocketTimeoutException: Read timed out\n"
        "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)\n"
        "\tat com.acme.eta.WeatherClient.forecastAlong(WeatherClient.java:44)\n"
        "\tat com.acme.web.EtaController.estimate(EtaController.java:33)\n"
    )
    cause, thrown = parse_trace(text)
    assert (cause.type, thrown.type) == (
        "java.net.SocketTimeoutException",
        "org.springframework.web.client.ResourceAccessException",
    )
    assert (
        thrown.value
        == 'I/O error on GET request for "https://api.partner.example/v1/forecast": Read timed out'
    )
    assert [f.function for f in cause.frames][-2:] == ["forecastAlong", "timedRead"]
    assert thrown.frames == []


def test_a_headline_without_frames_after_a_log_prefix() -> None:
    [exc] = parse_trace(
        "12:00:01.123 [main] ERROR com.shop.App - boot failed: java.lang.NoClassDefFoundError:"
        " com/shop/Plugin"
    )
    assert (exc.type, exc.value, exc.frames) == (
        "java.lang.NoClassDefFoundError",
        "com/shop/Plugin",
        [],
    )


def test_android_frameworks_frames_are_the_runtimes() -> None:
    text = (
        "java.lang.RuntimeException: Unable to start activity"
        " ComponentInfo{com.shop.app/com.shop.app.MainActivity}: java.lang.NullPointerException\n"
        "\tat android.app.ActivityThread.performLaunchActivity(ActivityThread.java:3449)\n"
        "\tat androidx.fragment.app.Fragment.performCreate(Fragment.java:3094)\n"
        "\tat com.shop.app.MainActivity.onCreate(MainActivity.kt:42)\n"
        "\tat dalvik.system.NativeStart.main(Native Method)\n"
    )
    [exc] = parse_trace(text)
    assert exc.type == "java.lang.RuntimeException"
    assert [(f.function, f.in_app) for f in exc.frames] == [
        ("main", False),
        ("onCreate", None),
        ("performCreate", False),
        ("performLaunchActivity", False),
    ]


def test_dropwizard_prints_the_root_cause_first_each_line_after_a_bang() -> None:
    text = (
        "ERROR [2026-03-03 10:17:54,668] io.dropwizard.jersey.errors.LoggingExceptionMapper:"
        " Error handling a request: 6ec35a08015d5d30\n"
        "! java.net.SocketTimeoutException: Read timed out\n"
        "! at java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)\n"
        "! at com.gallowburn.meters.headend.HeadEndClient.fetch(HeadEndClient.java:73)\n"
        "! at com.gallowburn.meters.api.resources.MeterResource.readNow(MeterResource.java:71)\n"
        "! Causing: jakarta.ws.rs.ProcessingException:"
        " java.net.SocketTimeoutException: Read timed out\n"
        "! at org.glassfish.jersey.client.ClientRuntime.invoke(ClientRuntime.java:313)\n"
        "! ... 2 common frames omitted"
    )
    cause, thrown = parse_trace(text)

    assert (cause.type, cause.value) == ("java.net.SocketTimeoutException", "Read timed out")
    assert thrown.type == "jakarta.ws.rs.ProcessingException"
    assert [f.function for f in cause.frames] == ["readNow", "fetch", "timedRead"]


def test_the_frames_of_common_jvm_libraries_are_not_the_application_s() -> None:
    text = (
        "org.apache.tomcat.jdbc.pool.PoolExhaustedException: Timeout: Pool empty.\n"
        "\tat org.apache.tomcat.jdbc.pool.ConnectionPool.getConnection(ConnectionPool.java:198)\n"
        "\tat io.dropwizard.db.ManagedPooledDataSource.getConnection(MPDS.java:62)\n"
        "\tat org.jdbi.v3.core.Jdbi.open(Jdbi.java:319)\n"
        "\tat com.gallowburn.meters.api.Balances.balance(Balances.java:31)\n"
    )
    [exc] = parse_trace(text)

    assert [(f.function, f.in_app) for f in exc.frames] == [
        ("balance", None),
        ("open", False),
        ("getConnection", False),
        ("getConnection", False),
    ]


def test_reactor_s_assembly_report_between_the_exception_and_its_frames() -> None:
    text = (
        "org.springframework.web.reactive.function.client.WebClientResponseException$"
        "UnprocessableEntity: 422 Unprocessable Entity from POST https://pay.example/v71\n"
        "\tSuppressed: reactor.core.publisher.FluxOnAssembly$OnAssemblyException: \n"
        "Error has been observed at the following site(s):\n"
        "\t*__checkpoint \u21e2 422 UNPROCESSABLE_ENTITY from POST https://pay.example\n"
        "Original Stack Trace:\n"
        "\t\tat com.pikeshaw.basket.integration.PaymentClient.authorise(PaymentClient.kt:40)\n"
        "\t\tat com.pikeshaw.basket.web.CheckoutController.pay(CheckoutController.kt:58)\n"
    )
    [exc] = parse_trace(text)

    assert exc.type is not None and exc.type.endswith(
        "WebClientResponseException$UnprocessableEntity"
    )
    assert [f.function for f in exc.frames] == ["pay", "authorise"]
