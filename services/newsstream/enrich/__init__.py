"""Pure enrichment: an article becomes entity and casualty findings. No Kafka in here."""

from newsstream.enrich.enricher import Enricher, Enrichment

__all__ = ["Enricher", "Enrichment"]
