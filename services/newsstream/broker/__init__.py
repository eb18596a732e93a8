"""Kafka plumbing shared by the CLI, the worker and the tests: a local broker and topic admin."""
