"""Grounded answers to free questions (`advisor ask`)."""
