"""The access log (``serve --access-log``) without secrets: ``?token=`` values are masked.

Senders that cannot set headers (PostHog action webhooks, a dashboard link) pass their shared
secret or the API token in the query string, and uvicorn logs every request line whole.
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

_SECRET_PARAM = re.compile(r"(?i)([?&](?:token|api_token|secret|key)=)[^&#\s]*")
MASK = "***"


def mask_query_secrets(text: str) -> str:
    return _SECRET_PARAM.sub(rf"\g<1>{MASK}", text)


class MaskQuerySecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                mask_query_secrets(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        elif isinstance(record.msg, str):
            record.msg = mask_query_secrets(record.msg)
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's logging config with the masking filter on its access handler."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["mask_query_secrets"] = {"()": MaskQuerySecrets}
    config["handlers"]["access"].setdefault("filters", []).append("mask_query_secrets")
    return config
