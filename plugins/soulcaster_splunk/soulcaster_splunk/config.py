"""Per-project Splunk settings, stored as ``config:splunk:{project_id}:{field}``."""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator

from soulcaster_core import SourceConfig


class SplunkConfig(SourceConfig):
    #: Shared secret. Splunk's webhook action cannot set headers, so it travels as ``?token=``
    #: in the URL pasted into Splunk (or as ``Authorization: Bearer`` from apps that can).
    webhook_token: SecretStr | None = None
    #: Saved-search names to ingest, matched exactly (Splunk's names are case-sensitive);
    #: empty means every search.
    searches: list[str] = Field(default_factory=list)
    #: Sourcetypes to ingest, matched exactly against the result row's ``sourcetype``;
    #: empty means every sourcetype.
    sourcetypes: list[str] = Field(default_factory=list)

    @field_validator("searches", "sourcetypes")
    @classmethod
    def _tidy(cls, names: list[str]) -> list[str]:
        # Pasted lists carry stray spaces and repeats; a blank entry would match nothing.
        tidy: list[str] = []
        for name in (n.strip() for n in names):
            if name and name not in tidy:
                tidy.append(name)
        return tidy
