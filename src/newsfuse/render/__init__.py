"""Writing the report: JSON (with its schema), Markdown."""
