"""The eval suites and their data, installed as the package `advisor.data.evals`."""
