"""Which parsed frames belong to a library or the runtime (``in_app=False``).

A text trace never says which code is the application's, so a parser can only recognise code
that is certainly not: installed packages, standard libraries, runtimes. Every other frame is
``in_app=None`` (unknown), never ``True``: the grouping code decides what unknown means.
"""

from __future__ import annotations

#: Path fragments of installed packages and standard libraries, in any language.
LIBRARY_PATHS = (
    "site-packages",
    "dist-packages",
    "/lib/python3.",  # CPython's standard library, wherever the interpreter lives
    "/lib/python2.",
    "<frozen ",
    "/usr/lib/",
    "node_modules",
    "webpack/bootstrap",
    "gems/",
    "/lib/ruby/",
    "<internal:",
    "/go/pkg/mod/",
    "/usr/local/go/src/",  # GOROOT of the official installs and images
    "/libexec/src/",  # GOROOT of Homebrew's Go
    # AWS Lambda: the runtime and the SDK it bundles (/var/runtime), its interpreters
    # (/var/lang), and the layers' Python packages (/opt/python); the function's own code is
    # in /var/task.
    "/var/runtime/",
    "/var/lang/",
    "/opt/python/",
)
#: What JavaScript engines print for a frame of their own code (Hermes, V8, JavaScriptCore).
NATIVE = frozenset({"native", "[native code]", "<native>", "native code"})
#: Rust paths that are the runtime's or a well-known library's (sentry-backtrace's
#: WELL_KNOWN_NOT_IN_APP), also as the self type of a trait impl (`<core::...>`).
RUST_RUNTIME = tuple(
    prefix + name
    for name in (
        "std::",
        "core::",
        "alloc::",
        "backtrace::",
        "sentry::",
        "sentry_core::",
        "anyhow::",
        "log::",
        "tokio::",
        "tracing_core::",
        "futures_core::",
        "futures_util::",
        "__rust_",
    )
    for prefix in ("", "<")
)
#: Kotlin/Native's symbols of its own standard library and kotlinx ("kfun:kotlin.native.
#: internal#ThrowNullPointerException(){}"), as an iOS crash of shared Kotlin code names them,
#: also through the Objective-C bridge ("objc2kotlin_kfun:...").
KOTLIN_NATIVE_RUNTIME = tuple(
    f"{bridge}kfun:{package}"
    for bridge in ("", "objc2kotlin_")
    for package in ("kotlin.", "kotlin#", "kotlinx.")
)
#: Function names that are a runtime's own code however an SDK marked them: Rust's and
#: Kotlin/Native's.
RUNTIME_FUNCTIONS = (*RUST_RUNTIME, *KOTLIN_NATIVE_RUNTIME)
#: Class name prefixes of the JVM's (and Android's) and .NET's own libraries.
RUNTIME_CLASSES = (
    "java.",
    "javax.",
    "jakarta.",
    "jdk.",
    "sun.",
    "com.sun.",
    "kotlin.",
    "kotlinx.",
    "scala.",
    "android.",
    "androidx.",
    "com.android.",
    "dalvik.",
    "System.",
    "Microsoft.",
    # The frameworks and drivers nearly every JVM or .NET service runs on: a text trace of a
    # Spring or Hibernate error is mostly their frames, and the application's are the rest.
    "org.springframework.",
    "org.hibernate.",
    "org.apache.",
    "org.eclipse.",
    "org.jboss.",
    "org.postgresql.",
    "org.slf4j.",
    "org.aspectj.",
    "ch.qos.logback.",
    "com.zaxxer.",
    "com.fasterxml.",
    "com.google.",
    "com.mysql.",
    "com.amazonaws.",
    "software.amazon.",
    "io.netty.",
    "io.grpc.",
    "io.micrometer.",
    "io.undertow.",
    "io.quarkus.",
    "io.vertx.",
    "io.smallrye.",
    "io.reactivex.",
    "reactor.",
    "io.r2dbc.",
    "io.lettuce.",
    "redis.clients.",
    "com.mongodb.",
    "org.mongodb.",
    "org.jooq.",
    "org.flywaydb.",
    "liquibase.",
    "org.quartz.",
    "io.github.resilience4j.",
    "com.netflix.",
    "io.opentelemetry.",
    "datadog.",
    "com.datadoghq.",
    "io.sentry.",
    "org.elasticsearch.",
    "co.elastic.",
    "okhttp3.",
    "retrofit2.",
    "feign.",
    "net.bytebuddy.",
    "Npgsql.",
    "Newtonsoft.",
    "Polly.",
    "Serilog.",
    "Hangfire.",
    "Azure.",
    "Grpc.",
    # Clojure's runtime and the web stacks Clojure services run on.
    "clojure.",
    "io.pedestal.",
    "ring.",
    "compojure.",
    "reitit.",
    "muuntaja.",
    "manifold.",
    "aleph.",
    "next.jdbc.",
    # Scala's and Kotlin's actor and effect runtimes, and the other common JVM frameworks.
    "akka.",
    "org.apache.pekko.",
    "play.",
    "cats.",
    "zio.",
    "io.ktor.",
    "io.micronaut.",
    "org.glassfish.",
    "org.jetbrains.",
    "io.dropwizard.",
    "org.jdbi.",
    "com.codahale.",
    "net.schmizz.",
    "com.jcraft.",
    "org.mybatis.",
    "org.ehcache.",
    "com.github.benmanes.",
)


def path_in_app(path: str | None, extra: tuple[str, ...] = ()) -> bool | None:
    """False when ``path`` is a library's or the runtime's, else None (unknown)."""
    if not path:
        return None
    if path in NATIVE or any(mark in path for mark in LIBRARY_PATHS):
        return False
    if path.startswith("node:"):
        return False  # Node's own modules ("node:events", "node:internal/streams/writable")
    if any(mark in path for mark in extra):
        return False
    return None


def class_in_app(name: str | None) -> bool | None:
    """False when the JVM/.NET class ``name`` belongs to the runtime, else None (unknown)."""
    if name and name.startswith(RUNTIME_CLASSES):
        return False
    return None
