"""newsstream: raw news pages in, clean articles, entity and casualty events out."""

__version__ = "0.1.0"
