"""Turning inputs (files, folders, JSONL, HTML) into Article records."""
