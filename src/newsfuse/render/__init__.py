"""Writing the report: JSON (with its schema), Markdown and HTML."""
