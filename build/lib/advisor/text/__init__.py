"""Shared text tools: sentences, stemming, vectors, tokens, markdown safety and tables."""
