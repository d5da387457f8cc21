"""Publishing the database with Datasette: metadata, canned queries, pages and plugins."""
