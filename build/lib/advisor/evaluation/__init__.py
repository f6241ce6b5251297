"""`advisor eval`: scenarios, checks, metrics, baselines and reports."""
