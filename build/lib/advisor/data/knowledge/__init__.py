"""The curated guidance, installed as the package `advisor.data.knowledge`."""
