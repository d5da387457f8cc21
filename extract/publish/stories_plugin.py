"""Datasette plugin: the timeline of stories, a story's page and the Atom feeds.

Registered beside extract.publish.plugin by `extract.publish.app.register_plugin`.
"""

from __future__ import annotations

from datasette import hookimpl

from extract.publish.feeds import feed_page
from extract.publish.timeline import story_page, timeline_page


@hookimpl
def register_routes(datasette):
    return [
        (r"^/timeline(?P<format>\.csv|\.json)?$", timeline_page),
        (r"^/story/(?P<story_id>[0-9]+)$", story_page),
        (r"^/-/feed$", feed_page),
    ]
