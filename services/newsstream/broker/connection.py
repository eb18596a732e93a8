"""Client options for a Kafka cluster, including SASL and TLS for production clusters."""

from __future__ import annotations

import ssl
from typing import Any

from newsstream.settings import Settings

#: What to check when the broker cannot be reached or refuses us, ending every such error.
SETTINGS_HINT = (
    "check NEWSSTREAM_KAFKA_BOOTSTRAP_SERVERS and, for a secured cluster, the"
    " NEWSSTREAM_KAFKA_SSL_* and NEWSSTREAM_KAFKA_SASL_* settings"
)


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    if "SSL" not in settings.kafka_security_protocol:
        return None
    context = ssl.create_default_context(
        cafile=str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None
    )
    if settings.kafka_ssl_certfile:
        context.load_cert_chain(
            str(settings.kafka_ssl_certfile),
            str(settings.kafka_ssl_keyfile) if settings.kafka_ssl_keyfile else None,
        )
    return context


def aiokafka_options(settings: Settings, bootstrap: str) -> dict[str, Any]:
    """Keyword arguments for aiokafka producers, consumers and admin clients."""
    options: dict[str, Any] = {
        "bootstrap_servers": bootstrap,
        "security_protocol": settings.kafka_security_protocol,
    }
    context = ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    if settings.kafka_security_protocol.startswith("SASL"):
        options["sasl_mechanism"] = settings.kafka_sasl_mechanism
        options["sasl_plain_username"] = settings.kafka_sasl_username
        options["sasl_plain_password"] = (
            settings.kafka_sasl_password.get_secret_value()
            if settings.kafka_sasl_password
            else None
        )
    return options
