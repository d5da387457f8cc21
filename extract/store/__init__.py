"""Storing articles and their facts in SQLite (sqlite-utils), schema by migrations."""

from extract.store.db import article_id, load_article, open_db, save_article
from extract.urls import canonical_url

__all__ = ["open_db", "save_article", "load_article", "article_id", "canonical_url"]
