"""Server settings, read from ``SOULCASTER_*`` environment variables (and a ``.env`` file)."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from . import adapters


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SOULCASTER_", env_file=".env", extra="ignore")

    #: The store, by the name of its adapter (docs/adapters.md): ``sqlite`` (embedded) or
    #: ``redis``. Unset: ``redis`` when ``redis_url`` is set, else ``sqlite``.
    store: str | None = None
    #: ``redis://...`` (or ``redis+cluster://...``): where the Redis store is; set alone, it
    #: selects it.
    redis_url: str | None = None
    #: Prepended to every Redis key (tests give each run a key space of its own).
    redis_prefix: str = ""
    #: Where the SQLite store, the generated API token and other local state live.
    data_dir: Path = Path("data")
    #: Bodies over this many bytes are refused with 413.
    max_body_bytes: int = Field(default=1_048_576, gt=0)
    #: JSON bodies (webhooks, config, API) nesting deeper than this are refused with 400. At
    #: most 128: what is stored must stay readable by the models that read it back.
    max_json_depth: int = Field(default=64, ge=2, le=128)
    #: The most items one delivery may map to (an Alertmanager group of alerts); more is 413.
    max_items_per_delivery: int = Field(default=500, gt=0)
    #: Plugin notifications (``feedback_ingested``) waiting to run; when full, new ones are
    #: dropped and logged rather than slowing webhooks down.
    hook_queue_size: int = Field(default=10_000, gt=0)
    #: Bearer token of the config, read and dashboard routes; generated into data_dir if unset.
    api_token: SecretStr | None = None
    #: Comma-separated plugin names to load; empty loads none; unset loads every installed one.
    load_plugins: str | None = None
    #: Fail at start-up on a broken plugin instead of serving the others.
    strict_plugins: bool = False
    #: The URL senders reach this server at, shown in webhook URLs on the dashboard.
    public_url: str | None = None
    #: How long a sender's delivery id (e.g. Sentry's Request-ID) is remembered.
    delivery_ttl_seconds: int = 7 * 24 * 3600
    #: How long the raw body of each delivery is kept, for an item's history (capped at the
    #: body limit; an item keeps its last 50 deliveries); 0 keeps none.
    raw_retention_days: float = Field(default=14, ge=0)
    #: Seconds between automatic syncs of sources that poll (PostHog).
    sync_interval_seconds: float = 300.0
    #: Longest one sync of one source may run; past it that sync stops, the others go on.
    sync_timeout_seconds: float = Field(default=120.0, gt=0)
    #: Let plugins reach http URLs and loopback, private and link-local hosts (a self-hosted
    #: PostHog on the LAN); off, only https to public addresses.
    allow_private_hosts: bool = False
    #: Deliveries a second each source of each project takes (a token bucket), and its burst.
    rate_limit_per_second: float = Field(default=200.0, gt=0)
    rate_limit_burst: int = Field(default=2000, gt=0)
    #: Dead letters each project keeps, and their bytes; past a cap the oldest go.
    dead_letter_max_count: int = Field(default=1000, gt=0)
    dead_letter_max_bytes: int = Field(default=64 * 1024 * 1024, gt=0)
    #: Days a dead letter is kept (dropped when the next one is filed); 0: until a cap drops it.
    dead_letter_retention_days: float = Field(default=0, ge=0)
    #: ``serve`` clusters (in-process on SQLite, in one supervised child process on Redis), or
    #: leaves it to ``soulcaster worker``.
    run_worker: bool = True

    #: The embedder and the vector index, by the names of their adapters: ``local`` (the
    #: embedded defaults), ``gemini``, ``upstash``, or any installed one (docs/adapters.md).
    embedder: str = "local"
    vector_index: str = "local"
    gemini_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices(
            "SOULCASTER_GEMINI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "gemini_api_key"
        ),
    )
    gemini_model: str = "gemini-embedding-001"
    embedding_dimensions: int = Field(default=768, gt=0)
    upstash_vector_rest_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices(
            "SOULCASTER_UPSTASH_VECTOR_REST_URL",
            "UPSTASH_VECTOR_REST_URL",
            "upstash_vector_rest_url",
        ),
    )
    upstash_vector_rest_token: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices(
            "SOULCASTER_UPSTASH_VECTOR_REST_TOKEN",
            "UPSTASH_VECTOR_REST_TOKEN",
            "upstash_vector_rest_token",
        ),
    )
    #: Cosine similarity an item needs to join the nearest cluster (high: under-merge).
    cluster_threshold: float = Field(default=0.9, ge=0.0, le=1.0)
    #: Queue entries a worker takes at once.
    worker_batch: int = Field(default=100, gt=0)
    #: An alert or error joins an open incident it shares an entity with until this many
    #: minutes after the incident's last item (docs/incidents.md).
    incident_window_minutes: float = Field(default=30.0, gt=0)
    #: Seconds between the worker's checks of open incidents for recovered alerts.
    incident_sweep_seconds: float = Field(default=30.0, gt=0)

    @field_validator("store", "embedder", "vector_index")
    @classmethod
    def _adapter_is_installed(cls, name: str | None, info: ValidationInfo) -> str | None:
        if name is None:
            return None
        assert info.field_name is not None
        return adapters.check(adapters.PORTS[info.field_name], name)

    @property
    def store_name(self) -> str:
        """The store adapter chosen, said or implied by ``redis_url``."""
        return self.store or ("redis" if self.redis_url else "sqlite")

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "soulcaster.sqlite3"

    @property
    def allowed_plugins(self) -> set[str] | None:
        if self.load_plugins is None:
            return None
        return {name.strip() for name in self.load_plugins.split(",") if name.strip()}
