"""Service settings, read from the environment and an optional `.env` file."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator, model_validator
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
    max_inlined_conditions: int = Field(
        default=2000,
        ge=1,
        le=100_000,
        description="conditions a rule may hold once IN_SEGMENT references are inlined",
    )

    require_api_key: bool | None = Field(
        default=None,
        description="whether every request needs an API key; unset means yes with MONGODB_URI "
        "and no in embedded mode, which then serves the demo workspace to keyless requests",
    )
    api_key_cache_seconds: float = Field(
        default=30.0,
        ge=0,
        le=3600,
        description="seconds a verified API key is reused without a database lookup; "
        "a revoked key stops working after at most this long",
    )
    max_body_bytes: int = Field(
        default=2_097_152,
        ge=1024,
        description="maximum request body size in bytes; larger requests get HTTP 413",
    )
    max_query_depth: int = Field(
        default=12, ge=2, le=100, description="maximum depth of field nesting in an operation"
    )
    max_aliases: int = Field(
        default=30, ge=0, le=1000, description="maximum number of aliases in one document"
    )
    max_query_tokens: int = Field(
        default=10_000,
        ge=100,
        le=1_000_000,
        description="maximum number of lexical tokens in one document",
    )
    graphql_introspection: bool = Field(
        default=True, description="whether __schema and __type queries are executed"
    )
    graphiql: bool = Field(
        default=True, description="whether GET /graphql from a browser serves GraphiQL"
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description="origins allowed to call the API from a browser, as a JSON list: "
        "'[\"https://app.example.com\"]'; empty allows none",
    )

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

    @model_validator(mode="after")
    def _check_key_requirement(self) -> Settings:
        if self.mongodb_uri is not None and self.require_api_key is False:
            raise ValueError(
                "REQUIRE_API_KEY=false is allowed only in embedded mode; "
                "with MONGODB_URI set every request needs an API key"
            )
        return self

    @property
    def embedded(self) -> bool:
        return self.mongodb_uri is None

    @property
    def api_key_required(self) -> bool:
        if self.require_api_key is None:
            return not self.embedded
        return self.require_api_key

    def describe(self) -> dict[str, Any]:
        """Return the settings in effect, safe to log: the MongoDB URI is masked."""
        values = self.model_dump()
        values["mongodb_uri"] = "(set, hidden)" if self.mongodb_uri else "(unset: embedded store)"
        return values


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
