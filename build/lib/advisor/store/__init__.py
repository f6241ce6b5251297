"""The Chroma store and what is kept in it: indexes, ingest, workspaces and their original files."""
