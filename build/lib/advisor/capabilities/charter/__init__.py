"""Charter review: the thirteen elements, one charter or a batch."""
