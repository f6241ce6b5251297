"""Pivots: metrics against pace, field signals and cited options."""
