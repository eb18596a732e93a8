"""Faust wiring: thin agents that move records between topics and the pure pipeline."""
