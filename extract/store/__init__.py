"""Storing articles and their facts in SQLite (sqlite-utils), schema by migrations."""

from extract.store.db import article_id, canonical_url, load_article, open_db, save_article

__all__ = ["open_db", "save_article", "load_article", "article_id", "canonical_url"]
