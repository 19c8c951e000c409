"""Pages of progress reporting."""
