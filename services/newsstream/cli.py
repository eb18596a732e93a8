"""The `newsstream` command line."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click
import orjson

from newsstream import __version__
from newsstream.settings import Settings, get_settings

if TYPE_CHECKING:
    from newsstream.broker.local import LocalKafka

log = logging.getLogger("newsstream")
T = TypeVar("T")


def _settings() -> Settings:
    return get_settings()


def _local_broker_address(settings: Settings) -> str | None:
    """The local broker of this directory, else the one a `run` or `broker start` elsewhere
    recorded (if it still listens)."""
    path = settings.local_kafka_home / "bootstrap"
    if path.exists():
        return path.read_text().strip()
    from newsstream.broker.local import recorded_address

    return recorded_address(settings.local_kafka_address_file)


def _bootstrap(settings: Settings) -> str:
    """Configured servers, else the local broker that `newsstream run` or `broker start` runs."""
    address = settings.kafka_bootstrap_servers or _local_broker_address(settings)
    if not address:
        raise click.ClickException(
            "no Kafka configured: set NEWSSTREAM_KAFKA_BOOTSTRAP_SERVERS, "
            "or start the local broker with `newsstream run` or `newsstream broker start`"
        )
    return address


@contextlib.contextmanager
def _broker_errors(settings: Settings) -> Iterator[None]:
    """A broker that cannot be reached or refuses us is one clear line, not a traceback."""
    from aiokafka.errors import KafkaError

    from newsstream.broker.connection import SETTINGS_HINT

    try:
        yield
    except KafkaError as error:
        where = settings.kafka_bootstrap_servers or "the local broker"
        raise click.ClickException(f"Kafka at {where}: {error}; {SETTINGS_HINT}") from None


def _local_kafka(settings: Settings) -> LocalKafka:
    from newsstream.broker.local import LocalKafka

    return LocalKafka(
        home=settings.local_kafka_home,
        cache=settings.local_kafka_cache,
        version=settings.local_kafka_version,
        preferred_port=settings.local_kafka_port,
        message_max_bytes=settings.max_message_bytes * 2,
        pointer=settings.local_kafka_address_file,
    )


@click.group()
@click.version_option(__version__, prog_name="newsstream")
@click.option("--log-level", default=None, help="debug, info, warning or error.")
def main(log_level: str | None) -> None:
    """Raw news pages in; clean articles, entity events and casualty events out."""
    level = (log_level or _settings().log_level).upper()
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@main.command()
def run() -> None:
    """Run the service: all its stages (parse, de-duplicate, enrich, link incidents) in one worker.

    With no bootstrap servers configured, first start a local single-node Kafka broker
    (jars fetched once with Maven), create the topics, and stop it all on Ctrl-C.
    """
    from newsstream.stream.worker import run_worker

    settings = _settings()
    if settings.kafka_bootstrap_servers:
        run_worker(settings, settings.kafka_bootstrap_servers)
        return
    broker = _local_kafka(settings)
    bootstrap = broker.start()
    click.echo(
        f"Local Apache Kafka {settings.local_kafka_version} on {bootstrap} "
        f"(log: {broker.log_file}). Topics: {', '.join(settings.topics.all())}",
        err=True,
    )
    try:
        run_worker(settings, bootstrap)
    finally:
        broker.stop()
        click.echo("Local Kafka stopped.", err=True)


@main.command()
def worker() -> None:
    """Run a worker against the configured (or local) Kafka; start several to scale out."""
    from newsstream.stream.worker import run_worker

    settings = _settings()
    run_worker(settings, _bootstrap(settings))


def _parse_time(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise click.BadParameter(f"not an RFC 3339 time: {value}") from error


def _read(path: str) -> tuple[str, bytes]:
    if path == "-":
        return "stdin", sys.stdin.buffer.read()
    return path, Path(path).read_bytes()


#: An input file: it must exist and be a file; `-` is stdin. Click reports anything else.
INPUT = click.Path(exists=True, dir_okay=False, allow_dash=True)
CONTENT_TYPE = click.Choice(["text/html", "text/plain"])
CONTENT_TYPE_HELP = "Content type of bare files (default: sniffed from the content)."


def _progress(items: list[T], label: str) -> Iterator[T]:
    """The items, with a progress bar on stderr when it is a terminal and there are several."""
    if len(items) < 2 or not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(items, label=label, file=sys.stderr) as bar:
        yield from bar


@main.command()
@click.argument("files", nargs=-1, type=INPUT)
@click.option(
    "--jsonl", "jsonl", multiple=True, type=INPUT, help="File of raw-page envelopes, one per line."
)
@click.option("--content-type", type=CONTENT_TYPE, default=None, help=CONTENT_TYPE_HELP)
@click.option("--url", default=None, help="URL of the page.")
@click.option("--fetched-at", default=None, help="RFC 3339 time the page was fetched.")
def process(
    files: tuple[str, ...],
    jsonl: tuple[str, ...],
    content_type: str | None,
    url: str | None,
    fetched_at: str | None,
) -> None:
    """Process pages offline (no Kafka) and print every output as a CloudEvents JSON line.

    FILES are raw pages (HTML, rendered text, or a JSON envelope); `-` reads stdin.
    Exits with status 1 if any input went to a dead letter.
    """
    from newsstream.offline import OfflinePipeline, Overrides, file_record, jsonl_records
    from newsstream.topology import spec

    if not files and not jsonl:
        raise click.UsageError("give at least one FILE, `-` for stdin, or --jsonl FILE")
    overrides = Overrides(content_type=content_type, url=url, fetched_at=_parse_time(fetched_at))
    pipeline = OfflinePipeline(_settings())
    records = [file_record(*_read(path), overrides) for path in files]
    for path in jsonl:
        name, data = _read(path)
        records.extend(jsonl_records(name, data, overrides))
    failed = 0
    out = sys.stdout.buffer
    try:
        for record in _progress(records, "pages"):
            for emission in pipeline.run(record):
                failed += spec(emission.output).dead_letters
                out.write(orjson.dumps(emission.structured()) + b"\n")
            out.flush()
        for emission in pipeline.finish():
            out.write(orjson.dumps(emission.structured()) + b"\n")
        out.flush()
    finally:
        pipeline.close()
    if failed:
        sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=INPUT)
@click.option("--topic", default=None, help="Default: the raw pages topic.")
@click.option("--jsonl", is_flag=True, help="Each line of each file is one envelope.")
@click.option("--content-type", type=CONTENT_TYPE, default=None, help=CONTENT_TYPE_HELP)
@click.option("--url", default=None, help="URL of the page (wraps a bare file in an envelope).")
@click.option("--fetched-at", default=None, help="RFC 3339 time the page was fetched.")
def produce(
    files: tuple[str, ...],
    topic: str | None,
    jsonl: bool,
    content_type: str | None,
    url: str | None,
    fetched_at: str | None,
) -> None:
    """Send files to the raw topic, one message per file (or per line with --jsonl).

    Pages up to NEWSSTREAM_MAX_MESSAGE_BYTES (4 MiB by default) are sent whole.
    """
    from newsstream.broker.clients import produce as send
    from newsstream.offline import Overrides, file_record, jsonl_records

    settings = _settings()
    overrides = Overrides(content_type=content_type, url=url, fetched_at=_parse_time(fetched_at))
    records: list[tuple[bytes | None, bytes, list[tuple[str, bytes]]]] = []
    for path in _progress(list(files), "files"):
        name, data = _read(path)
        found = (
            list(jsonl_records(name, data, overrides))
            if jsonl
            else [file_record(name, data, overrides)]
        )
        for record in found:
            key = record.key if record.key is not None else name.encode()
            records.append((key, record.value or b"", []))
    target = topic or settings.topics.raw
    with _broker_errors(settings):
        placed = asyncio.run(send(settings, _bootstrap(settings), target, records))
    for partition, offset in placed:
        click.echo(f"{target}[{partition}]@{offset}", err=True)
    click.echo(f"sent {len(placed)} message(s) to {target}", err=True)


@main.command()
@click.argument("topic")
@click.option(
    "--from-beginning/--from-end",
    default=True,
    help="Read from the oldest record, or only new ones.",
)
@click.option("--max", "limit", type=int, default=None, help="Stop after this many records.")
@click.option("--idle-timeout", type=float, default=None, help="Stop after this many idle seconds.")
def tail(topic: str, from_beginning: bool, limit: int | None, idle_timeout: float | None) -> None:
    """Print a topic's records as JSON lines (key, headers, value); nothing is committed."""
    from newsstream.broker.clients import consume, record_as_json

    settings = _settings()
    name = _topic_name(settings, topic)

    async def follow() -> None:
        async for record in consume(
            settings,
            _bootstrap(settings),
            name,
            from_beginning=from_beginning,
            idle_timeout=idle_timeout,
            limit=limit,
        ):
            sys.stdout.buffer.write(record_as_json(record) + b"\n")
            sys.stdout.buffer.flush()

    try:
        with _broker_errors(settings):
            asyncio.run(follow())
    except LookupError as error:
        raise click.ClickException(str(error)) from error
    except KeyboardInterrupt:
        pass


def _topic_name(settings: Settings, topic: str) -> str:
    """Accept a full topic name or its short form without the prefix ("articles")."""
    names = settings.topics.all()
    if topic in names:
        return topic
    prefixed = settings.topic_prefix + topic
    return prefixed if prefixed in names else topic


@main.command()
@click.option("--from-topic", default=None, help="Dead-letter topic to read (default: raw pages').")
@click.option(
    "--file",
    "file",
    default=None,
    type=INPUT,
    help="Dead letters as JSON lines (e.g. edited `tail` output).",
)
@click.option("--type", "error_type", default=None, help="Only letters with this error type.")
@click.option("--to", "target", default=None, help="Send here instead of the original topic.")
@click.option("--idle-timeout", type=float, default=3.0, help="Stop reading after idle seconds.")
@click.option(
    "--dry-run", is_flag=True, help="List what would be sent (one JSON line each), send nothing."
)
def replay(
    from_topic: str | None,
    file: str | None,
    error_type: str | None,
    target: str | None,
    idle_timeout: float,
    dry_run: bool,
) -> None:
    """Send dead-lettered records back to their topic, e.g. after a fix."""
    from newsstream.broker.clients import consume
    from newsstream.broker.clients import produce as send
    from newsstream.pipeline.replay import NotReplayable, letters_from_json, original_record

    settings = _settings()
    if file is not None:
        _, data = _read(file)
        documents = [orjson.loads(line) for line in data.splitlines() if line.strip()]
    else:
        topic = _topic_name(settings, from_topic) if from_topic else settings.topics.raw_dlq

        async def read() -> list[object]:
            return [
                orjson.loads(record.value)
                async for record in consume(
                    settings,
                    _bootstrap(settings),
                    topic,
                    from_beginning=True,
                    idle_timeout=idle_timeout,
                    limit=None,
                )
            ]

        with _broker_errors(settings):
            documents = asyncio.run(read())
    by_topic: dict[str, list[tuple[bytes | None, bytes, list[tuple[str, bytes]]]]] = {}
    skipped = 0
    for letter in letters_from_json(documents):
        if error_type is not None and letter.error.type != error_type:
            continue
        try:
            record = original_record(letter)
        except NotReplayable as error:
            click.echo(f"skipped: {error}", err=True)
            skipped += 1
            continue
        by_topic.setdefault(target or record.topic, []).append(
            (record.key, record.value, record.headers)
        )
    for topic, records in by_topic.items():
        if dry_run:
            for key, value, _ in records:
                listed = {
                    "topic": topic,
                    "key": None if key is None else key.decode("utf-8", "replace"),
                    "bytes": len(value),
                }
                sys.stdout.buffer.write(orjson.dumps(listed) + b"\n")
            click.echo(f"would send {len(records)} record(s) to {topic}", err=True)
            continue
        with _broker_errors(settings):
            asyncio.run(send(settings, _bootstrap(settings), topic, records))
        click.echo(f"sent {len(records)} record(s) to {topic}", err=True)
    if skipped:
        click.echo(f"{skipped} dead letter(s) could not be replayed", err=True)


@main.command()
def prepare() -> None:
    """Build the gazetteer's indexes and unpack the language model into NEWSSTREAM_TABLE_CACHE,
    so that every later start reads them (an image build runs this once)."""
    from newsstream.enrich.gazetteer import get_gazetteer
    from newsstream.enrich.language import warm_up

    settings = _settings()
    if settings.table_cache is None:
        raise click.UsageError("NEWSSTREAM_TABLE_CACHE is empty: there is nowhere to keep them")
    get_gazetteer(cache_dir=settings.table_cache)
    warm_up(settings.table_cache)
    kept = sorted(path.name for path in settings.table_cache.glob("*-*.*"))
    click.echo(f"{settings.table_cache}: {', '.join(kept) or 'nothing could be written'}")


@main.group()
def schemas() -> None:
    """JSON Schemas and the AsyncAPI document of every message."""


@schemas.command("export")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default="schemas")
def schemas_export(directory: Path) -> None:
    """Write them to DIRECTORY (default: schemas)."""
    from newsstream.schema_export import export

    for path in export(directory):
        click.echo(str(path))


@main.group()
def broker() -> None:
    """The local single-node Kafka broker (for development without a cluster)."""


@broker.command("start")
def broker_start() -> None:
    """Start it in the background and print its bootstrap address."""
    settings = _settings()
    kafka = _local_kafka(settings)
    address = kafka.start(tie_to_parent=False)
    from newsstream.broker.admin import ensure_topics_sync

    ensure_topics_sync(settings, address)
    click.echo(address)


@broker.command("stop")
def broker_stop() -> None:
    """Stop the broker `broker start` left running."""
    from newsstream.broker.local import stop_detached

    settings = _settings()
    stopped = stop_detached(settings.local_kafka_home, pointer=settings.local_kafka_address_file)
    click.echo("stopped" if stopped else "not running", err=True)


@broker.command("status")
def broker_status() -> None:
    """Print the local broker's address, or "not running" (exit status 1)."""
    address = _local_broker_address(_settings())
    click.echo(address or "not running")
    if address is None:
        sys.exit(1)


if __name__ == "__main__":
    main()
