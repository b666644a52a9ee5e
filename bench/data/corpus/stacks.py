"""Frame constructors per language and the framework frames every request or job passes
through (oldest first), shared by the companies' tables."""

# A data table: frames are written whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from .model import Exc, Frame

# The tables keep one frame or delivery per line.
# fmt: off
# --- Python ------------------------------------------------------------------------------------


def py(module: str, function: str, line: int, context: str = "", *, lib: bool = False) -> Frame:
    return Frame(function, module.replace(".", "/") + ".py", line, module, not lib, context)


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


def nd(
    file: str, function: str, line: int, col: int, *, lib: bool = False, awaited: bool = False
) -> Frame:
    return Frame(function, file, line, "", not lib, "", "", col, "async" if awaited else "")


NODE_TICKS = nd(
    "node:internal/process/task_queues", "process.processTicksAndRejections", 95, 5, lib=True
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
AR_INSERT = (
    rb("activerecord-7.1.3/lib/active_record/persistence.rb", "save!", 405, lib=True),
    rb("activerecord-7.1.3/lib/active_record/persistence.rb", "_insert_record", 1259, lib=True),
    rb("activerecord-7.1.3/lib/active_record/connection_adapters/postgresql/database_statements.rb", "exec_insert", 72, lib=True),
    rb("activerecord-7.1.3/lib/active_record/connection_adapters/postgresql_adapter.rb", "exec_no_cache", 894, lib=True),
)

# --- .NET --------------------------------------------------------------------------------------


def cs(
    type_: str, method: str, args: str, file: str = "", line: int = 0, *, lib: bool = False
) -> Frame:
    return Frame(method, file, line, type_, not lib, "", "", 0, args)


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
# fmt: on
