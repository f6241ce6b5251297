"""Reading documents: file readers, the parsing sandbox, chunking, injection scan, coalition files."""
