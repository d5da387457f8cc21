"""`extract crawl`: keep up with a news site through its feeds and sitemaps."""

from extract.crawl.crawler import (
    CrawlOptions,
    CrawlReport,
    SiteReport,
    crawl,
    parse_interval,
    watch,
)
from extract.crawl.topic import Topic, TopicError, load_topic

__all__ = [
    "CrawlOptions",
    "CrawlReport",
    "SiteReport",
    "Topic",
    "TopicError",
    "crawl",
    "load_topic",
    "parse_interval",
    "watch",
]
