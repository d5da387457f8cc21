"""Stories: the events of several articles that report one happening, grouped, and the articles with no event that report it."""

from extract.stories.match import StoryEvent, cluster, load_rules, same_story

__all__ = ["StoryEvent", "cluster", "load_rules", "same_story"]
