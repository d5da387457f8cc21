"""Reading and writing folders of gold-format articles (corpus/GOLD-FORMAT.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.model import GOLD_LISTS, Article


class GoldFormatError(ValueError):
    """A gold file that does not follow the format; the message names the file."""


@dataclass
class GoldArticle:
    id: str
    url: str | None
    source: str | None
    published: str | None
    title: str | None
    text: str
    facts: dict[str, list]
    # the article as ingestion stored it (evaluate/ingestion.py), when it went through ingestion
    stored: Article | None = field(default=None, repr=False)

    def as_input(self) -> Article:
        """What the extractor is given: the stored article after ingestion, else
        (the spec) the text, plus published, title and url."""
        if self.stored is not None:
            return self.stored
        return Article(
            url=self.url,
            source=None,
            title=self.title,
            published=self.published,
            author=None,
            editor=None,
            text=self.text,
        )

    def to_json(self, facts: dict[str, list] | None = None) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "published": self.published,
            "title": self.title,
            "text": self.text,
            "facts": self.facts if facts is None else facts,
        }


def parse_gold(data: Any, name: str) -> GoldArticle:
    if not isinstance(data, dict):
        raise GoldFormatError(f"{name}: not a JSON object")
    if not isinstance(data.get("text"), str):
        raise GoldFormatError(f"{name}: 'text' must be a string")
    facts = data.get("facts")
    if not isinstance(facts, dict):
        raise GoldFormatError(f"{name}: 'facts' must be an object")
    missing = [key for key in GOLD_LISTS if not isinstance(facts.get(key), list)]
    if missing:
        raise GoldFormatError(f"{name}: facts lack the list(s) {', '.join(missing)}")
    return GoldArticle(
        id=str(data.get("id") or name),
        url=data.get("url"),
        source=data.get("source"),
        published=data.get("published"),
        title=data.get("title"),
        text=data["text"],
        facts={key: facts[key] for key in GOLD_LISTS},
    )


def read_gold_folder(folder: str | Path) -> list[GoldArticle]:
    """Every `<id>.json` in the folder, sorted by id; nothing else is read."""
    path = Path(folder)
    if not path.is_dir():
        raise GoldFormatError(f"{folder}: not a folder")
    articles = []
    for file in sorted(path.glob("*.json")):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise GoldFormatError(f"{file}: not valid UTF-8 JSON ({error})") from None
        article = parse_gold(data, file.stem)
        article.id = file.stem if data.get("id") is None else article.id
        articles.append(article)
    if not articles:
        raise GoldFormatError(f"{folder}: no .json gold files in this folder")
    return articles


def write_predictions(folder: str | Path, article: GoldArticle, facts: dict[str, list]) -> Path:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{article.id}.json"
    target.write_text(json.dumps(article.to_json(facts), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target
