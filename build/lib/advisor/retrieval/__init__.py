"""Hybrid search over the knowledge base and a workspace, with citations."""
