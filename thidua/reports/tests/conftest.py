"""Reports fixtures."""
