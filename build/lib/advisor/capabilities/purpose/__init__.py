"""Purpose statements: check (outcome, population, timeframe) and draft."""
