"""Converters from the vendored PETRARCH-2 / Phoenix dictionaries to the project's own tables."""
