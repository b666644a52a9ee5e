"""Frame constructors per language and the framework frames every request or job passes
through (oldest first), shared by the companies' tables."""

# A data table: frames are written whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from .model import Exc, Frame

# The tables keep one frame or delivery per line.
# fmt: off
# --- Python ------------------------------------------------------------------------------------


def py(
    module: str, function: str, line: int, context: str = "", *, lib: bool = False, caret: str = ""
) -> Frame:
    return Frame(function, module.replace(".", "/") + ".py", line, module, not lib, context, caret=caret)


def pylib(module: str, function: str, line: int, context: str = "") -> Frame:
    return py(module, function, line, context, lib=True)


DJANGO_VIEW = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.views.decorators.csrf", "_view_wrapper", 65, "return view_func(request, *args, **kwargs)"),
    pylib("django.views.generic.base", "view", 104, "return self.dispatch(request, *args, **kwargs)"),
    pylib("rest_framework.views", "dispatch", 506, "response = handler(request, *args, **kwargs)"),
)

CELERY_TASK = (
    pylib("celery.app.trace", "trace_task", 477, "R = retval = fun(*args, **kwargs)"),
    pylib("celery.app.trace", "__protected_call__", 760, "return self.run(*args, **kwargs)"),
)

DJANGO_CREATE = (
    pylib("django.db.models.manager", "manager_method", 87, "return getattr(self.get_queryset(), name)(*args, **kwargs)"),
    pylib("django.db.models.query", "create", 658, "obj.save(force_insert=True, using=self.db)"),
    pylib("django.db.models.base", "save", 814, "self.save_base("),
    pylib("django.db.models.base", "save_base", 877, "updated = self._save_table("),
    pylib("django.db.models.base", "_save_table", 1020, "results = self._do_insert("),
    pylib("django.db.models.base", "_do_insert", 1061, "return manager._insert("),
    pylib("django.db.models.query", "_insert", 1805, "return query.get_compiler(using=using).execute_sql(returning_fields)"),
    pylib("django.db.models.sql.compiler", "execute_sql", 1822, "cursor.execute(sql, params)"),
    pylib("django.db.backends.utils", "execute", 67, "return self._execute_with_wrappers("),
    pylib("django.db.backends.utils", "_execute_with_wrappers", 80, "return executor(sql, params, many, context)"),
    pylib("django.db.backends.utils", "_execute", 84, "with self.db.wrap_database_errors:"),
    pylib("django.db.utils", "__exit__", 91, "raise dj_exc_value.with_traceback(traceback) from exc_value"),
    pylib("django.db.backends.utils", "_execute", 89, "return self.cursor.execute(sql, params)"),
)

DJANGO_GET = (
    pylib("django.db.models.manager", "manager_method", 87, "return getattr(self.get_queryset(), name)(*args, **kwargs)"),
    pylib("django.db.models.query", "get", 637, "raise self.model.DoesNotExist("),
)


# uvicorn, FastAPI and Starlette 0.37 under an endpoint; a re-raised exception shows its frame
# twice, at the ``raise exc`` and at the call that raised first.
FASTAPI_ROUTE = (
    pylib("uvicorn.protocols.http.httptools_impl", "run_asgi", 419, "result = await app(  # type: ignore[func-returns-value]"),
    pylib("uvicorn.middleware.proxy_headers", "__call__", 84, "return await self.app(scope, receive, send)"),
    pylib("fastapi.applications", "__call__", 1054, "await super().__call__(scope, receive, send)"),
    pylib("starlette.applications", "__call__", 123, "await self.middleware_stack(scope, receive, send)"),
    pylib("starlette.middleware.errors", "__call__", 186, "raise exc"),
    pylib("starlette.middleware.errors", "__call__", 164, "await self.app(scope, receive, _send)"),
    pylib("starlette.middleware.exceptions", "__call__", 62, "await wrap_app_handling_exceptions(self.app, conn)(scope, receive, send)"),
    pylib("starlette._exception_handler", "wrapped_app", 64, "raise exc"),
    pylib("starlette._exception_handler", "wrapped_app", 53, "await app(scope, receive, sender)"),
    pylib("starlette.routing", "__call__", 758, "await self.middleware_stack(scope, receive, send)"),
    pylib("starlette.routing", "app", 778, "await route.handle(scope, receive, send)"),
    pylib("starlette.routing", "handle", 299, "await self.app(scope, receive, send)"),
    pylib("starlette.routing", "app", 79, "await wrap_app_handling_exceptions(app, request)(scope, receive, send)"),
    pylib("starlette._exception_handler", "wrapped_app", 64, "raise exc"),
    pylib("starlette._exception_handler", "wrapped_app", 53, "await app(scope, receive, sender)"),
    pylib("starlette.routing", "app", 74, "response = await func(request)"),
)
FASTAPI_ENDPOINT = (
    pylib("fastapi.routing", "app", 278, "raw_response = await run_endpoint_function("),
    pylib("fastapi.routing", "run_endpoint_function", 191, "return await dependant.call(**values)"),
)

# httpx's sync client down to where it maps httpcore's exception to its own (``raise ... from``).
HTTPX_POST = (
    pylib("httpx._client", "post", 1145, "return self.request("),
    pylib("httpx._client", "request", 827, "return self.send(request, auth=auth, follow_redirects=follow_redirects)"),
    pylib("httpx._client", "send", 914, "response = self._send_handling_auth("),
    pylib("httpx._client", "_send_handling_auth", 942, "response = self._send_handling_redirects("),
    pylib("httpx._client", "_send_handling_redirects", 979, "response = self._send_single_request(request)"),
    pylib("httpx._client", "_send_single_request", 1015, "response = transport.handle_request(request)"),
    pylib("httpx._transports.default", "handle_request", 232, "with map_httpcore_exceptions():"),
    pylib("contextlib", "__exit__", 158, "self.gen.throw(typ, value, traceback)"),
    pylib("httpx._transports.default", "map_httpcore_exceptions", 86, "raise mapped_exc(message) from exc"),
)
HTTPX_ASYNC_POST = (
    pylib("httpx._client", "post", 1892, "return await self.request("),
    pylib("httpx._client", "request", 1574, "return await self.send(request, auth=auth, follow_redirects=follow_redirects)"),
    pylib("httpx._client", "send", 1661, "response = await self._send_handling_auth("),
    pylib("httpx._client", "_send_handling_auth", 1689, "response = await self._send_handling_redirects("),
    pylib("httpx._client", "_send_handling_redirects", 1726, "response = await self._send_single_request(request)"),
    pylib("httpx._client", "_send_single_request", 1763, "response = await transport.handle_async_request(request)"),
    pylib("httpx._transports.default", "handle_async_request", 372, "with map_httpcore_exceptions():"),
    pylib("contextlib", "__exit__", 158, "self.gen.throw(typ, value, traceback)"),
    pylib("httpx._transports.default", "map_httpcore_exceptions", 86, "raise mapped_exc(message) from exc"),
)


HTTPCORE_READ = (
    pylib("httpcore._sync.connection_pool", "handle_request", 216, "raise exc from None"),
    pylib("httpcore._sync.connection_pool", "handle_request", 196, "response = connection.handle_request("),
    pylib("httpcore._sync.connection", "handle_request", 101, "return self._connection.handle_request(request)"),
    pylib("httpcore._sync.http11", "handle_request", 143, "raise exc"),
    pylib("httpcore._sync.http11", "handle_request", 113, ") = self._receive_response_headers(**kwargs)"),
    pylib("httpcore._sync.http11", "_receive_response_headers", 186, "event = self._receive_event(timeout=timeout)"),
    pylib("httpcore._sync.http11", "_receive_event", 224, "data = self._network_stream.read("),
    pylib("httpcore._backends.sync", "read", 126, "with map_exceptions(exc_map):"),
)
HTTPCORE_CONNECT = (
    pylib("httpcore._async.connection_pool", "handle_async_request", 216, "raise exc from None"),
    pylib("httpcore._async.connection_pool", "handle_async_request", 196, "response = await connection.handle_async_request("),
    pylib("httpcore._async.connection", "handle_async_request", 99, "raise exc"),
    pylib("httpcore._async.connection", "handle_async_request", 76, "stream = await self._connect(request)"),
    pylib("httpcore._async.connection", "_connect", 122, "stream = await self._network_backend.connect_tcp(**kwargs)"),
    pylib("httpcore._backends.auto", "connect_tcp", 31, "return await self._backend.connect_tcp("),
    pylib("httpcore._backends.anyio", "connect_tcp", 113, "with map_exceptions(exc_map):"),
)


def httpx_timeout(
    app: tuple[Frame, ...], kind: str, value: str, *, connect: bool = False
) -> tuple[Exc, Exc, Exc]:
    """An httpx timeout under ``app``'s frames, cause first: the socket's TimeoutError,
    httpcore's exception mapping it, httpx's mapping httpcore's. Each cause's frames start
    where it was caught, as Python prints a chain."""
    client = HTTPX_ASYNC_POST if connect else HTTPX_POST
    transport = client[-3]
    call = "resp = await self._pool.handle_async_request(req)" if connect else "resp = self._pool.handle_request(req)"
    socket = (
        (pylib("anyio._core._sockets", "connect_tcp", 189, "async with create_task_group() as tg:"), pylib("anyio._backends._asyncio", "__aexit__", 680, "raise TimeoutError"))
        if connect
        else (pylib("httpcore._backends.sync", "read", 128, "return self._sock.recv(max_bytes)"), pylib("ssl", "recv", 1296, "return self.read(buflen)"), pylib("ssl", "read", 1169, "return self._sslobj.read(len)"))
    )
    mapped = (
        pylib("contextlib", "__exit__", 158, "self.gen.throw(typ, value, traceback)"),
        pylib("httpcore._exceptions", "map_exceptions", 14, "raise to_exc(exc) from exc"),
    )
    return (
        Exc("TimeoutError", value, (pylib("httpcore._exceptions", "map_exceptions", 10, "yield"), *socket), module="builtins"),
        Exc(
            kind,
            value,
            (
                pylib("httpx._transports.default", "map_httpcore_exceptions", 69, "yield"),
                pylib(transport.module, transport.function, transport.line + 1, call),
                *(HTTPCORE_CONNECT if connect else HTTPCORE_READ),
                *mapped,
            ),
            module="httpcore",
        ),
        Exc(kind, value, app + client, module="httpx"),
    )


# SQLAlchemy 2.0 flushing a new row through psycopg 3; the DBAPI error is re-raised wrapped.
SQLALCHEMY_FLUSH = (
    pylib("sqlalchemy.orm.session", "commit", 1969, "trans.commit(_to_root=True)"),
    pylib("sqlalchemy.orm.state_changes", "_go", 139, "ret_value = fn(self, *arg, **kw)"),
    pylib("sqlalchemy.orm.session", "commit", 1256, "self._prepare_impl()"),
    pylib("sqlalchemy.orm.session", "_prepare_impl", 1231, "self.session.flush()"),
    pylib("sqlalchemy.orm.session", "flush", 4312, "self._flush(objects)"),
    pylib("sqlalchemy.orm.session", "_flush", 4447, "with util.safe_reraise():"),
    pylib("sqlalchemy.util.langhelpers", "__exit__", 146, "raise exc_value.with_traceback(exc_tb)"),
    pylib("sqlalchemy.orm.session", "_flush", 4408, "flush_context.execute()"),
    pylib("sqlalchemy.orm.unitofwork", "execute", 466, "rec.execute(self)"),
    pylib("sqlalchemy.orm.unitofwork", "execute", 642, "util.preloaded.orm_persistence.save_obj("),
    pylib("sqlalchemy.orm.persistence", "save_obj", 93, "_emit_insert_statements("),
    pylib("sqlalchemy.orm.persistence", "_emit_insert_statements", 1233, "result = connection.execute("),
    pylib("sqlalchemy.engine.base", "execute", 1418, "return meth("),
    pylib("sqlalchemy.sql.elements", "_execute_on_connection", 515, "return connection._execute_clauseelement("),
    pylib("sqlalchemy.engine.base", "_execute_clauseelement", 1640, "ret = self._execute_context("),
    pylib("sqlalchemy.engine.base", "_execute_context", 1846, "return self._exec_single_context("),
    pylib("sqlalchemy.engine.base", "_exec_single_context", 1986, "self._handle_dbapi_exception("),
    pylib("sqlalchemy.engine.base", "_handle_dbapi_exception", 2355, "raise sqlalchemy_exception.with_traceback(exc_info[2]) from e"),
    pylib("sqlalchemy.engine.base", "_exec_single_context", 1967, "self.dialect.do_execute("),
    pylib("sqlalchemy.engine.default", "do_execute", 924, "cursor.execute(statement, parameters)"),
    pylib("psycopg.cursor", "execute", 732, "raise ex.with_traceback(None)"),
)


def sqlalchemy_integrity(app: tuple[Frame, ...], constraint: str, detail: str, sql: str) -> tuple[Exc, Exc]:
    """psycopg's UniqueViolation, wrapped by SQLAlchemy as IntegrityError (cause first)."""
    pg = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}'
    wrapped = f"(psycopg.errors.UniqueViolation) {pg}\n[SQL: {sql}]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)"
    cause = Exc("UniqueViolation", pg, SQLALCHEMY_FLUSH[-3:], module="psycopg.errors")
    return cause, Exc("IntegrityError", wrapped, app + SQLALCHEMY_FLUSH, module="sqlalchemy.exc")


def django_integrity(app: tuple[Frame, ...], constraint: str, detail: str) -> tuple[Exc, Exc]:
    """psycopg2's UniqueViolation, re-raised by Django as IntegrityError (cause first)."""
    value = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}\n'
    cause = Exc("UniqueViolation", value, (DJANGO_CREATE[-1],), module="psycopg2.errors")
    return cause, Exc("IntegrityError", value, app + DJANGO_CREATE, module="django.db.utils")


# --- JVM ---------------------------------------------------------------------------------------


def jv(cls: str, method: str, line: int, *, lib: bool = False, kotlin: bool = False) -> Frame:
    simple = cls.rsplit(".", 1)[-1].split("$")[0]
    return Frame(method, simple + (".kt" if kotlin else ".java"), line, cls, not lib)


def jl(cls: str, method: str, line: int) -> Frame:
    return jv(cls, method, line, lib=True)


def kt(cls: str, method: str, line: int) -> Frame:
    return jv(cls, method, line, kotlin=True)


def ktlib(cls: str, method: str, line: int, file: str) -> Frame:
    """A Kotlin library frame: its file is named after the source, not the class."""
    return Frame(method, file, line, cls, False)


def jexc(fqn: str, value: str, frames: tuple[Frame, ...]) -> Exc:
    module, _, name = fqn.rpartition(".")
    return Exc(name, value, frames, module=module)


TOMCAT = (
    jl("java.lang.Thread", "run", 1583),
    jl("org.apache.tomcat.util.threads.TaskThread$WrappingRunnable", "run", 61),
    jl("org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker", "run", 659),
    jl("org.apache.tomcat.util.threads.ThreadPoolExecutor", "runWorker", 1190),
    jl("org.apache.tomcat.util.net.SocketProcessorBase", "run", 52),
    jl("org.apache.tomcat.util.net.NioEndpoint$SocketProcessor", "doRun", 1744),
    jl("org.apache.coyote.AbstractProtocol$ConnectionHandler", "process", 904),
    jl("org.apache.coyote.http11.Http11Processor", "service", 391),
    jl("org.apache.catalina.connector.CoyoteAdapter", "service", 344),
    jl("org.apache.catalina.core.StandardEngineValve", "invoke", 74),
    jl("org.apache.catalina.core.StandardWrapperValve", "invoke", 167),
    jl("org.apache.catalina.core.ApplicationFilterChain", "doFilter", 138),
    jl("org.springframework.web.filter.OncePerRequestFilter", "doFilter", 116),
    jl("org.apache.catalina.core.ApplicationFilterChain", "doFilter", 138),
    jl("jakarta.servlet.http.HttpServlet", "service", 658),
    jl("org.springframework.web.servlet.FrameworkServlet", "service", 885),
    jl("org.springframework.web.servlet.FrameworkServlet", "processRequest", 1014),
    jl("org.springframework.web.servlet.DispatcherServlet", "doService", 979),
    jl("org.springframework.web.servlet.DispatcherServlet", "doDispatch", 1089),
    jl("org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter", "handle", 87),
    jl("org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter", "handleInternal", 795),
    jl("org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter", "invokeHandlerMethod", 925),
    jl("org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod", "invokeAndHandle", 118),
    jl("org.springframework.web.method.support.InvocableHandlerMethod", "invokeForRequest", 183),
    jl("org.springframework.web.method.support.InvocableHandlerMethod", "doInvoke", 255),
    jl("java.lang.reflect.Method", "invoke", 580),
    jl("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", 103),
)

SPRING_TX_PROXY = (
    jl("org.springframework.aop.framework.CglibAopProxy$DynamicAdvisedInterceptor", "intercept", 765),
    jl("org.springframework.aop.framework.CglibAopProxy$CglibMethodInvocation", "proceed", 717),
    jl("org.springframework.aop.framework.ReflectiveMethodInvocation", "proceed", 184),
    jl("org.springframework.transaction.interceptor.TransactionInterceptor", "invoke", 119),
    jl("org.springframework.transaction.interceptor.TransactionAspectSupport", "invokeWithinTransaction", 392),
    jl("org.springframework.transaction.interceptor.TransactionInterceptor$1", "proceedWithInvocation", 123),
    jl("org.springframework.aop.framework.CglibAopProxy$CglibMethodInvocation", "invokeJoinpoint", 751),
    jl("org.springframework.aop.support.AopUtils", "invokeJoinpointUsingReflection", 351),
    jl("java.lang.reflect.Method", "invoke", 580),
)

KAFKA_LISTENER = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.FutureTask", "run", 317),
    jl("java.util.concurrent.Executors$RunnableAdapter", "call", 572),
    jl("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "run", 1303),
    jl("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "pollAndInvoke", 1655),
    jl("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "pollConsumer", 1747),
)

SCHEDULED = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
    jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
    jl("java.util.concurrent.FutureTask", "runAndReset", 358),
    jl("java.util.concurrent.Executors$RunnableAdapter", "call", 572),
    jl("org.springframework.scheduling.support.DelegatingErrorHandlingRunnable", "run", 54),
    jl("org.springframework.scheduling.support.ScheduledMethodRunnable", "run", 84),
    jl("java.lang.reflect.Method", "invoke", 580),
)

# Kotlin coroutines: a worker of Dispatchers.IO resuming a suspended function (oldest first);
# a scheduled job entering them through runBlocking; a withTimeout that fires on the
# DefaultExecutor thread; the boundary frame of stack-trace recovery (kotlinx.coroutines.debug).
COROUTINE_WORKER = (
    ktlib("kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "run", 684, "CoroutineScheduler.kt"),
    ktlib("kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "runWorker", 697, "CoroutineScheduler.kt"),
    ktlib("kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "executeTask", 793, "CoroutineScheduler.kt"),
    ktlib("kotlinx.coroutines.scheduling.CoroutineScheduler", "runSafely", 584, "CoroutineScheduler.kt"),
    ktlib("kotlinx.coroutines.DispatchedTask", "run", 108, "DispatchedTask.kt"),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
)
RUN_BLOCKING = (
    ktlib("kotlinx.coroutines.BuildersKt", "runBlocking", 1, "Builders.kt"),
    ktlib("kotlinx.coroutines.BuildersKt__BuildersKt", "runBlocking", 69, "Builders.kt"),
    ktlib("kotlinx.coroutines.BlockingCoroutine", "joinBlocking", 94, "Builders.kt"),
    ktlib("kotlinx.coroutines.EventLoopImplBase", "processNextEvent", 280, "EventLoop.common.kt"),
    ktlib("kotlinx.coroutines.DispatchedTask", "run", 108, "DispatchedTask.kt"),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
)
TIMEOUT_FIRED = (
    jl("java.lang.Thread", "run", 1583),
    ktlib("kotlinx.coroutines.DefaultExecutor", "run", 108, "DefaultExecutor.kt"),
    ktlib("kotlinx.coroutines.EventLoopImplBase", "processNextEvent", 284, "EventLoop.common.kt"),
    ktlib("kotlinx.coroutines.EventLoopImplBase$DelayedRunnableTask", "run", 500, "EventLoop.common.kt"),
    ktlib("kotlinx.coroutines.TimeoutCoroutine", "run", 159, "Timeout.kt"),
    ktlib("kotlinx.coroutines.TimeoutKt", "TimeoutCancellationException", 191, "Timeout.kt"),
)
COROUTINE_BOUNDARY = ktlib("_COROUTINE._BOUNDARY", "_", 46, "CoroutineDebugging.kt")

# Spring opening a JPA transaction before the @Transactional method runs; Hibernate 6 asking
# Hikari for a connection; Hikari giving up after connectionTimeout.
TX_BEGIN = (
    *SPRING_TX_PROXY[:5],
    jl("org.springframework.transaction.support.AbstractPlatformTransactionManager", "getTransaction", 373),
    jl("org.springframework.transaction.support.AbstractPlatformTransactionManager", "startTransaction", 400),
    jl("org.springframework.orm.jpa.JpaTransactionManager", "doBegin", 420),
)
HIBERNATE_ACQUIRE = (
    jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "beginTransaction", 164),
    jl("org.hibernate.engine.transaction.internal.TransactionImpl", "begin", 83),
    jl("org.hibernate.resource.transaction.backend.jdbc.internal.JdbcResourceLocalTransactionCoordinatorImpl$TransactionDriverControlImpl", "begin", 281),
    jl("org.hibernate.resource.jdbc.internal.AbstractLogicalConnectionImplementor", "begin", 75),
    jl("org.hibernate.resource.jdbc.internal.LogicalConnectionManagedImpl", "getPhysicalConnection", 134),
    jl("org.hibernate.resource.jdbc.internal.LogicalConnectionManagedImpl", "acquireConnectionIfNeeded", 113),
    jl("org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl", "getConnection", 122),
    jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 100),
    jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181),
    jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 162),
    jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 710),
)
# Hikari's connection adder thread, where a refused connection is first seen.
HIKARI_ADDER = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
    jl("java.util.concurrent.FutureTask", "run", 317),
    jl("com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator", "call", 709),
    jl("com.zaxxer.hikari.pool.HikariPool", "createPoolEntry", 492),
    jl("com.zaxxer.hikari.pool.PoolBase", "newPoolEntry", 206),
    jl("com.zaxxer.hikari.pool.PoolBase", "newConnection", 359),
    jl("com.zaxxer.hikari.util.DriverDataSource", "getConnection", 137),
    jl("org.postgresql.Driver", "connect", 297),
    jl("org.postgresql.Driver", "makeConnection", 443),
    jl("org.postgresql.jdbc.PgConnection", "<init>", 263),
    jl("org.postgresql.core.ConnectionFactory", "openConnection", 77),
    jl("org.postgresql.core.v3.ConnectionFactoryImpl", "openConnectionImpl", 273),
    jl("org.postgresql.core.v3.ConnectionFactoryImpl", "tryConnect", 146),
    jl("org.postgresql.core.v3.ConnectionFactoryImpl", "doAuthentication", 613),
)


def spring_no_connection(app: tuple[Frame, ...], pool: str, refused: str = "") -> tuple[Exc, ...]:
    """Spring's CannotCreateTransactionException over Hibernate's JDBCConnectionException over
    Hikari's timeout (cause first); with ``refused``, Hikari's timeout carries the database's
    refusal seen by its adder thread as its own cause."""
    begin = app + TX_BEGIN
    timeout = f"HikariPool-1 - Connection is not available, request timed out after 30000ms ({pool})"
    root = (jexc("org.postgresql.util.PSQLException", refused, HIKARI_ADDER),) if refused else ()
    return (
        *root,
        jexc("java.sql.SQLTransientConnectionException", timeout, begin + HIBERNATE_ACQUIRE),
        jexc(
            "org.hibernate.exception.JDBCConnectionException",
            f"Unable to acquire JDBC Connection [{timeout}] [n/a]",
            (
                *begin,
                *HIBERNATE_ACQUIRE[:6],
                jl("org.hibernate.engine.jdbc.spi.SqlExceptionHelper", "convert", 100),
                jl("org.hibernate.exception.internal.StandardSQLExceptionConverter", "convert", 58),
            ),
        ),
        jexc("org.springframework.transaction.CannotCreateTransactionException", "Could not open JPA EntityManager for transaction", (*begin, jl("org.springframework.orm.jpa.JpaTransactionManager", "doBegin", 466))),
    )


JPA_SAVE = (
    jl("jdk.proxy2.$Proxy187", "save", -1),
    jl("org.springframework.aop.framework.JdkDynamicAopProxy", "invoke", 223),
    jl("org.springframework.aop.framework.ReflectiveMethodInvocation", "proceed", 184),
    jl("org.springframework.dao.support.PersistenceExceptionTranslationInterceptor", "invoke", 137),
)
JPA_TRANSLATE = (
    jl("org.springframework.dao.support.DataAccessUtils", "translateIfNecessary", 335),
    jl("org.springframework.dao.support.ChainedPersistenceExceptionTranslator", "translateExceptionIfPossible", 61),
    jl("org.springframework.orm.jpa.AbstractEntityManagerFactoryBean", "translateExceptionIfPossible", 550),
    jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "translateExceptionIfPossible", 244),
    jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 295),
)
HIBERNATE_FLUSH = (
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "saveAndFlush", 653),
    jl("org.hibernate.internal.SessionImpl", "flush", 1390),
    jl("org.hibernate.event.internal.DefaultFlushEventListener", "onFlush", 39),
    jl("org.hibernate.engine.spi.ActionQueue", "executeActions", 635),
    jl("org.hibernate.action.internal.EntityInsertAction", "execute", 104),
    jl("org.hibernate.persister.entity.mutation.InsertCoordinatorStandard", "doStaticInserts", 194),
    jl("org.hibernate.engine.jdbc.mutation.internal.MutationExecutorSingleNonBatched", "performNonBatchedOperations", 55),
    jl("org.hibernate.engine.jdbc.mutation.internal.AbstractMutationExecutor", "performNonBatchedMutation", 107),
    jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 194),
)
PGJDBC_UPDATE = (
    jl("com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "executeUpdate", 0),
    jl("com.zaxxer.hikari.pool.ProxyPreparedStatement", "executeUpdate", 61),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 155),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeWithFlags", 194),
    jl("org.postgresql.jdbc.PgStatement", "execute", 419),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 502),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 371),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "processResults", 2412),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)


def spring_constraint(app: tuple[Frame, ...], table: str, column: str, row: str) -> tuple[Exc, ...]:
    """A NOT NULL violation through Spring Data JPA: the PSQLException, Hibernate's
    ConstraintViolationException, Spring's DataIntegrityViolationException (cause first)."""
    sql = f'ERROR: null value in column "{column}" of relation "{table}" violates not-null constraint\n  Detail: Failing row contains ({row}).'
    insert = f"insert into {table} (amount,currency,lane_id,valid_from,id) values (?,?,?,?,?)"
    flush = app + JPA_SAVE + HIBERNATE_FLUSH
    return (
        jexc("org.postgresql.util.PSQLException", sql, flush + PGJDBC_UPDATE),
        jexc(
            "org.hibernate.exception.ConstraintViolationException",
            f"could not execute statement [{sql}] [{insert}]",
            (
                *flush,
                jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 95),
            ),
        ),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement [{sql}] [{insert}]; SQL [{insert}]; constraint [{column}]", app + JPA_SAVE + JPA_TRANSLATE),
    )


# --- Go ----------------------------------------------------------------------------------------


def go(pkg: str, function: str, file: str, line: int, *, lib: bool = False) -> Frame:
    return Frame(function, file, line, pkg, not lib)


def golib(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(pkg, function, file, line, lib=True)


GOSRC = "/usr/local/go/src/"
CHI = "/go/pkg/mod/github.com/go-chi/chi/v5@v5.0.12/"
GO_HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2039),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3137),
    golib("github.com/go-chi/chi/v5", "(*Mux).ServeHTTP", CHI + "mux.go", 90),
    golib("github.com/go-chi/chi/v5/middleware", "RequestID.func1", CHI + "middleware/request_id.go", 76),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2166),
    golib("github.com/go-chi/chi/v5", "(*Mux).routeHTTP", CHI + "mux.go", 459),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2166),
)

# --- JavaScript --------------------------------------------------------------------------------


def js(file: str, function: str, line: int, col: int, bundle: str, *, lib: bool = False) -> Frame:
    return Frame(function, file, line, "", not lib, "", bundle, col)


REACT_DOM = "node_modules/react-dom/cjs/react-dom.production.min.js"
REACT_CLICK = (
    js(REACT_DOM, "Nb", 54, 317, "vendor", lib=True),
    js(REACT_DOM, "Tb", 54, 471, "vendor", lib=True),
    js(REACT_DOM, "Vb", 55, 35, "vendor", lib=True),
)
REACT_RENDER = (
    js(REACT_DOM, "Sk", 292, 39, "vendor", lib=True),
    js(REACT_DOM, "Jk", 275, 11, "vendor", lib=True),
    js(REACT_DOM, "Vh", 157, 137, "vendor", lib=True),
)
REACT_EFFECT = (
    js(REACT_DOM, "Ek", 274, 198, "vendor", lib=True),
    js(REACT_DOM, "Qj", 254, 230, "vendor", lib=True),
)


# Vue 3's runtime, bundled by Vite into the entry chunk: an event handler, a component's
# render, a lifecycle hook (oldest first).
VUE_CORE = "node_modules/@vue/runtime-core/dist/runtime-core.esm-bundler.js"
VUE_CLICK = (
    js("node_modules/@vue/runtime-dom/dist/runtime-dom.esm-bundler.js", "invoker", 720, 13, "index", lib=True),
    js(VUE_CORE, "callWithAsyncErrorHandling", 206, 17, "index", lib=True),
    js(VUE_CORE, "callWithErrorHandling", 199, 19, "index", lib=True),
)
VUE_RENDER = (
    js("node_modules/@vue/reactivity/dist/reactivity.esm-bundler.js", "ReactiveEffect.run", 217, 19, "index", lib=True),
    js(VUE_CORE, "componentUpdateFn", 5737, 46, "index", lib=True),
    js(VUE_CORE, "renderComponentRoot", 905, 16, "index", lib=True),
)
VUE_MOUNTED = (
    js(VUE_CORE, "flushPostFlushCbs", 408, 47, "index", lib=True),
    js(VUE_CORE, "hook.__weh.hook.__weh", 2838, 19, "index", lib=True),
    js(VUE_CORE, "callWithAsyncErrorHandling", 206, 17, "index", lib=True),
    js(VUE_CORE, "callWithErrorHandling", 199, 19, "index", lib=True),
)


def nd(
    file: str, function: str, line: int, col: int, *, lib: bool = False, awaited: bool = False
) -> Frame:
    return Frame(function, file, line, "", not lib, "", "", col, "async" if awaited else "")


# NestJS on Express: the router awaits the controller (V8 prints these as anonymous async).
NEST_HTTP = (
    nd("node_modules/@nestjs/core/router/router-proxy.js", "", 9, 17, lib=True, awaited=True),
    nd("node_modules/@nestjs/core/router/router-execution-context.js", "", 46, 28, lib=True, awaited=True),
)
BULLMQ_JOB = (
    nd("node_modules/bullmq/dist/cjs/classes/worker.js", "Worker.retryIfFailed", 628, 24, lib=True, awaited=True),
    nd("node_modules/bullmq/dist/cjs/classes/worker.js", "Worker.processJob", 455, 28, lib=True, awaited=True),
)


NODE_TICKS = nd(
    "node:internal/process/task_queues", "process.processTicksAndRejections", 95, 5, lib=True
)
TYPEORM_INSERT = (
    nd("node_modules/typeorm/repository/Repository.js", "Repository.insert", 155, 29, lib=True, awaited=True),
    nd("node_modules/typeorm/query-builder/InsertQueryBuilder.js", "InsertQueryBuilder.execute", 106, 33, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/typeorm/driver/postgres/PostgresQueryRunner.js", "PostgresQueryRunner.query", 219, 19, lib=True),
)

# --- Ruby --------------------------------------------------------------------------------------


def rb(file: str, method: str, line: int, *, lib: bool = False) -> Frame:
    return Frame(method, file, line, "", not lib)


RAILS_REQUEST = (
    rb("puma-6.4.2/lib/puma/thread_pool.rb", "block in spawn_thread", 155, lib=True),
    rb("puma-6.4.2/lib/puma/server.rb", "process_client", 438, lib=True),
    rb("actionpack-7.1.3/lib/action_dispatch/journey/router.rb", "block in serve", 35, lib=True),
    rb("actionpack-7.1.3/lib/action_dispatch/routing/route_set.rb", "dispatch", 33, lib=True),
    rb("actionpack-7.1.3/lib/action_controller/metal.rb", "dispatch", 315, lib=True),
    rb("actionpack-7.1.3/lib/abstract_controller/base.rb", "process", 160, lib=True),
    rb("actionpack-7.1.3/lib/abstract_controller/callbacks.rb", "block in process_action", 259, lib=True),
    rb("actionpack-7.1.3/lib/action_controller/metal/basic_implicit_render.rb", "send_action", 6, lib=True),
)
SIDEKIQ_JOB = (
    rb("sidekiq-7.2.2/lib/sidekiq/processor.rb", "block (4 levels) in process", 170, lib=True),
    rb("sidekiq-7.2.2/lib/sidekiq/middleware/chain.rb", "invoke", 180, lib=True),
    rb("sidekiq-7.2.2/lib/sidekiq/processor.rb", "execute_job", 202, lib=True),
)
ACTIVEJOB_SIDEKIQ = (
    *SIDEKIQ_JOB,
    rb("activejob-7.1.3/lib/active_job/queue_adapters/sidekiq_adapter.rb", "perform", 72, lib=True),
    rb("activejob-7.1.3/lib/active_job/execution.rb", "execute", 29, lib=True),
    rb("activesupport-7.1.3/lib/active_support/callbacks.rb", "run_callbacks", 121, lib=True),
    rb("activejob-7.1.3/lib/active_job/execution.rb", "block in execute", 31, lib=True),
    rb("activejob-7.1.3/lib/active_job/execution.rb", "perform_now", 68, lib=True),
    rb("activejob-7.1.3/lib/active_job/instrumentation.rb", "instrument", 40, lib=True),
    rb("activejob-7.1.3/lib/active_job/execution.rb", "block in perform_now", 64, lib=True),
    rb("activesupport-7.1.3/lib/active_support/callbacks.rb", "run_callbacks", 121, lib=True),
    rb("activejob-7.1.3/lib/active_job/execution.rb", "_perform_job", 84, lib=True),
)
AR_INSERT = (
    rb("activerecord-7.1.3/lib/active_record/persistence.rb", "save!", 405, lib=True),
    rb("activerecord-7.1.3/lib/active_record/persistence.rb", "_insert_record", 1259, lib=True),
    rb("activerecord-7.1.3/lib/active_record/connection_adapters/postgresql/database_statements.rb", "exec_insert", 72, lib=True),
    rb("activerecord-7.1.3/lib/active_record/connection_adapters/postgresql_adapter.rb", "exec_no_cache", 894, lib=True),
)

# --- .NET --------------------------------------------------------------------------------------


def cs(
    type_: str,
    method: str,
    args: str,
    file: str = "",
    line: int = 0,
    *,
    lib: bool = False,
    boundary: bool = False,
) -> Frame:
    return Frame(method, file, line, type_, not lib, "", "", 0, args, boundary=boundary)


# Task.WaitAll throwing the AggregateException of the tasks it waited for.
TASK_WAITALL = (
    cs("System.Threading.Tasks.Task", "WaitAll", "(Task[] tasks)", lib=True),
    cs("System.Threading.Tasks.Task", "WaitAllCore", "(ReadOnlySpan`1 tasks, Int32 millisecondsTimeout, CancellationToken cancellationToken)", lib=True),
)


ASPNET = (
    cs("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpProtocol", "ProcessRequests[TContext]", "(IHttpApplication`1 application)", lib=True),
    cs("Microsoft.AspNetCore.Routing.EndpointMiddleware", "<Invoke>g__AwaitRequestTask|7_0", "(Endpoint endpoint, Task requestTask, ILogger logger)", lib=True),
    cs("Microsoft.AspNetCore.Mvc.Infrastructure.ResourceInvoker", "<InvokeFilterPipelineAsync>g__Awaited|20_0", "(ResourceInvoker invoker, Task lastTask, State next, Scope scope, Object state, Boolean isCompleted)", lib=True),
    cs("Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker", "<InvokeActionMethodAsync>g__Awaited|12_0", "(ControllerActionInvoker invoker, ValueTask`1 actionResultValueTask)", lib=True),
    cs("Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor+TaskOfIActionResultExecutor", "Execute", "(ActionContext actionContext, IActionResultTypeMapper mapper, ObjectMethodExecutor executor, Object controller, Object[] arguments)", lib=True),
)
HANGFIRE = (
    cs("Hangfire.Server.Worker", "Execute", "(BackgroundProcessContext context)", lib=True),
    cs("Hangfire.Server.BackgroundJobPerformer", "InvokeMethod", "(PerformContext context, Object instance, Object[] arguments)", lib=True),
)

# --- PHP ---------------------------------------------------------------------------------------

WWW = "/var/www/html/"
FW = WWW + "vendor/laravel/framework/src/Illuminate/"


def php(
    file: str, function: str, line: int, cls: str = "", args: str = "()", *, lib: bool = False
) -> Frame:
    return Frame(
        function, file if file.startswith("/") else WWW + file, line, cls, not lib, "", "", 0, args
    )


REQ = "(Object(Illuminate\\Http\\Request))"
LARAVEL_REQUEST = (
    php("public/index.php", "{main}", 51, lib=True),
    php(FW + "Foundation/Http/Kernel.php", "handle", 145, "Illuminate\\Foundation\\Http\\Kernel", REQ, lib=True),
    php(FW + "Foundation/Http/Kernel.php", "sendRequestThroughRouter", 176, "Illuminate\\Foundation\\Http\\Kernel", REQ, lib=True),
    php(FW + "Pipeline/Pipeline.php", "then", 119, "Illuminate\\Pipeline\\Pipeline", "(Object(Closure))", lib=True),
    php(FW + "Routing/Router.php", "dispatchToRoute", 740, "Illuminate\\Routing\\Router", REQ, lib=True),
    php(FW + "Routing/Router.php", "runRouteWithinStack", 805, "Illuminate\\Routing\\Router", "(Object(Illuminate\\Routing\\Route), Object(Illuminate\\Http\\Request))", lib=True),
    php(FW + "Routing/Route.php", "run", 212, "Illuminate\\Routing\\Route", "()", lib=True),
    php(FW + "Routing/Route.php", "runController", 260, "Illuminate\\Routing\\Route", "()", lib=True),
    php(FW + "Routing/ControllerDispatcher.php", "dispatch", 46, "Illuminate\\Routing\\ControllerDispatcher", "(Object(Illuminate\\Routing\\Route), Object(App\\Http\\Controllers\\Controller), '{action}')", lib=True),
    php(FW + "Routing/Controller.php", "callAction", 54, "Illuminate\\Routing\\Controller", "('{action}', Array)", lib=True),
)
LARAVEL_EVENT = (
    php("artisan", "{main}", 35, lib=True),
    php(FW + "Queue/Worker.php", "process", 435, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
    php(FW + "Queue/CallQueuedHandler.php", "call", 70, "Illuminate\\Queue\\CallQueuedHandler", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), Array)", lib=True),
    php(FW + "Events/CallQueuedListener.php", "handle", 107, "Illuminate\\Events\\CallQueuedListener", "(Object(Illuminate\\Foundation\\Application))", lib=True),
)


# --- Scala, Dart (blind6) ----------------------------------------------------------------------


def sc(cls: str, method: str, line: int, *, lib: bool = False, file: str = "") -> Frame:
    """A Scala frame: the source file is the outer class's unless ``file`` says otherwise
    (Akka keeps several classes in ``AbstractDispatcher.scala``), whatever synthetic class
    (``QuoteController$$anonfun$1``, ``Quotes$``) the JVM reports."""
    simple = cls.rsplit(".", 1)[-1].split("$")[0]
    return Frame(method, file or simple + ".scala", line, cls, not lib)


def sclib(cls: str, method: str, line: int, file: str = "") -> Frame:
    return sc(cls, method, line, lib=True, file=file)


def dart(uri: str, function: str, line: int, col: int) -> Frame:
    """A Dart frame by its URI (``package:app/cart/cart.dart``, ``dart:async/zone.dart``).
    sentry-dart and posthog-flutter both leave ``dart:`` and ``package:flutter`` frames out of
    the app and count every other package in."""
    package = uri.split(":", 1)[1].split("/", 1)[0] if uri.startswith("package:") else ""
    in_app = uri.startswith("package:") and package != "flutter"
    return Frame(function, uri, line, package, in_app, col=col)


# Play 2.9's DefaultHttpErrorHandler turning what an action threw into an UnexpectedException,
# on an Akka dispatcher thread (oldest first).
PLAY_ERROR_HANDLER = (
    jl("java.util.concurrent.ForkJoinWorkerThread", "run", 165),
    jl("java.util.concurrent.ForkJoinPool", "runWorker", 1622),
    jl("java.util.concurrent.ForkJoinPool$WorkQueue", "topLevelExec", 1182),
    jl("java.util.concurrent.ForkJoinTask", "doExec", 387),
    sclib("akka.dispatch.TaskInvocation", "run", 48, "AbstractDispatcher.scala"),
    sclib("scala.concurrent.impl.Promise$Transformation", "run", 484, "Promise.scala"),
    sclib("play.core.server.AkkaHttpServer", "$anonfun$runAction$4", 449),
    sclib("play.api.http.DefaultHttpErrorHandler", "onServerError", 264, "HttpErrorHandler.scala"),
    sclib("play.api.http.HttpErrorHandlerExceptions$", "throwableToUsefulException", 358, "HttpErrorHandler.scala"),
)

# Where an awaited Future resumed: the Dart VM prints the gap as a line of its own.
ASYNC_GAP = Frame("", "<asynchronous suspension>", 0, in_app=False)

# fmt: on
