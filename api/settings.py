"""Service settings, read from the environment and an optional `.env` file."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

logger = logging.getLogger(__name__)


class Settings(BaseSettings):
    """Every setting has an environment variable of the same name in upper case.

    `PORT` overrides `port`, so a platform that assigns the port works as is.
    """

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    mongodb_uri: SecretStr | None = Field(
        default=None, description="MongoDB connection string; unset means the embedded store"
    )
    database: str = Field(default="segments", description="MongoDB database name")
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    log_level: str = "INFO"
    default_time_zone: str = Field(
        default="Asia/Ho_Chi_Minh", description="IANA zone given to new workspaces"
    )
    demo_workspace: str = Field(
        default="demo", description="workspace served without a key in embedded mode"
    )
    demo_customers: int = Field(
        default=300, ge=0, le=100_000, description="sample customers seeded in embedded mode"
    )
    count_cache_seconds: float = Field(
        default=60.0, ge=0, description="age after which a cached segment count is recounted"
    )
    max_page_size: int = Field(default=100, ge=1, le=1000)
    max_import_rows: int = Field(default=1000, ge=1, le=10_000)
    max_groups: int = Field(default=20, ge=1, le=100)
    max_conditions_per_group: int = Field(default=20, ge=1, le=100)
    max_batch_ids: int = Field(default=100, ge=1, le=1000)

    @field_validator("default_time_zone")
    @classmethod
    def _check_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown IANA time zone {value!r}, e.g. 'Asia/Ho_Chi_Minh'") from exc
        return value

    @field_validator("log_level")
    @classmethod
    def _check_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"unknown log level {value!r}, expected DEBUG, INFO, WARNING or ERROR")
        return level

    @property
    def embedded(self) -> bool:
        return self.mongodb_uri is None

    def describe(self) -> dict[str, Any]:
        """Return the settings in effect, safe to log: the MongoDB URI is masked."""
        values = self.model_dump()
        values["mongodb_uri"] = "(set, hidden)" if self.mongodb_uri else "(unset: embedded store)"
        return values


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
