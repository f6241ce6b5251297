"""Coalition Advisor: grounded advice for people who lead coalitions."""

__version__ = "0.1.0"
