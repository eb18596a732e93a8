"""Pure parsing: a raw page becomes the stories it carries. No Kafka in here."""

from newsstream.parse.errors import ParseError
from newsstream.parse.extract import extract_stories
from newsstream.parse.story import Story

__all__ = ["ParseError", "Story", "extract_stories"]
