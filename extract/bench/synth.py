"""Synthetic news pages for the benchmark, made from the bundled corpus pages.

Each synthetic page is one corpus page (its site template, furniture and
dateline intact) whose article paragraphs are shuffled, partly swapped for
paragraphs of other corpus articles, dropped or added to, and whose words
are varied: every person's name (found by the NER model) is replaced
consistently by another, every East Java regency by another, every number
by another of the same shape (years stay plausible years, days plausible
days). Each page gets its own canonical URL, so each is its own article.

Pages go into an HtmlCache exactly as fetched pages do, so the benchmark
runs the real `extract run` path on cached HTML, with no network.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from extract.ingest.cache import FetchedPage, HtmlCache, body_sha256

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS_HTML = REPO_ROOT / "corpus" / "html"
MIN_PARAGRAPH = 80  # characters: shorter <p> are furniture (captions, "Baca Juga", credits)

# Names written for the benchmark: common Indonesian given and family names.
GIVEN_NAMES = (
    "Agus",
    "Budi",
    "Dewi",
    "Eko",
    "Fitri",
    "Gunawan",
    "Hadi",
    "Indah",
    "Joko",
    "Kartika",
    "Lina",
    "Mulyono",
    "Nur",
    "Putri",
    "Rina",
    "Slamet",
    "Tri",
    "Umi",
    "Wahyu",
    "Yuli",
    "Zainal",
    "Arif",
    "Bambang",
    "Citra",
    "Dian",
    "Endang",
    "Fajar",
    "Heru",
    "Iwan",
    "Kusnadi",
    "Lestari",
    "Mariyam",
    "Nanang",
    "Rudi",
    "Sri",
    "Teguh",
)
FAMILY_NAMES = (
    "Santoso",
    "Wibowo",
    "Lestari",
    "Rahmawati",
    "Setiawan",
    "Susanto",
    "Wahyuni",
    "Hidayat",
    "Kurniawan",
    "Pratama",
    "Saputra",
    "Nugroho",
    "Purnomo",
    "Handayani",
    "Suryani",
    "Haryanto",
    "Firmansyah",
    "Utami",
    "Prasetyo",
    "Maulana",
    "Syahputra",
    "Hartono",
    "Yulianto",
    "Ramadhan",
    "Sulistyo",
    "Mahendra",
)
HONORIFICS = {
    "Bapak",
    "Pak",
    "Ibu",
    "Bu",
    "Sdr",
    "Saudara",
    "Almarhum",
    "Almarhumah",
    "Alm",
    "Hj",
    "H",
    "KH",
    "Dr",
    "Drs",
    "Ir",
}
_NUMBER = re.compile(r"\d+")
_META_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TEXT_META = (
    "//meta[@property='og:title' or @name='description' or @property='og:description' or @name='twitter:title']"
)
_DATE_META = "//meta[@property='article:published_time' or @itemprop='datePublished' or @name='pubdate' or @name='publishdate' or @name='date']"


@dataclass
class Template:
    name: str
    html: str
    url: str  # the page's canonical URL
    person_words: set[str]  # words of people's names on the page


def load_templates(folder: str | Path = CORPUS_HTML) -> list[Template]:
    """The corpus pages, with the words of the people named on them."""
    from extract.ingest.charset import decode_html
    from extract.ingest.html import canonical_url_of

    paths = sorted(Path(folder).glob("*.html"))
    if not paths:
        raise FileNotFoundError(
            f"no .html pages in {folder} to synthesise benchmark pages from (run from a checkout with corpus/html)"
        )
    pages = []
    for path in paths:
        html, _ = decode_html(path.read_bytes())
        tree = lxml.html.document_fromstring(html)
        url = canonical_url_of(tree, None) or f"https://example.test/{path.stem}"
        pages.append((path.stem, html, url, " ".join(p.text_content() for p in _paragraphs(tree))))
    names = person_words_in([text for *_, text in pages])
    return [Template(stem, html, url, words) for (stem, html, url, _), words in zip(pages, names)]


def person_words_in(texts: list[str]) -> list[set[str]]:
    """Words of PER entities in each text, found in a separate process so the
    model's memory is given back before anything is measured."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_person_words, texts).result()


def _person_words(texts: list[str]) -> list[set[str]]:
    from extract.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    found = []
    for doc in nlp.pipe(texts):
        words = set()
        for ent in doc.ents:
            if ent.label_ == "PER":
                words.update(w for w in ent.text.split() if w[:1].isupper() and w.isalpha() and w not in HONORIFICS)
        found.append(words)
    return found


def synthesise(
    count: int,
    cache: HtmlCache,
    *,
    templates: list[Template] | None = None,
    seed: int = 0,
) -> list[str]:
    """Put `count` synthetic pages into `cache`; return their URLs in order."""
    templates = templates or load_templates()
    regions = east_java_names()
    pool = [(i, p) for i, t in enumerate(templates) for p in _paragraphs(lxml.html.document_fromstring(t.html))[1:]]
    fetched_at = "2025-01-01T00:00:00+00:00"
    urls = []
    for index in range(count):
        rng = random.Random(f"{seed}:{index}")
        number = index % len(templates)
        url, html = synthetic_page(templates[number], number, index, pool, regions, rng)
        body = html.encode("utf-8")
        cache.put(
            FetchedPage(
                url=url,
                final_url=url,
                status=200,
                headers={"content-type": "text/html; charset=utf-8"},
                body=body,
                html=html,
                encoding="utf-8",
                fetched_at=fetched_at,
                sha256=body_sha256(body),
            )
        )
        urls.append(url)
    return urls


def synthetic_page(
    template: Template,
    template_number: int,
    index: int,
    pool: list[tuple[int, lxml.html.HtmlElement]],
    regions: list[str],
    rng: random.Random,
) -> tuple[str, str]:
    """(URL, HTML) of synthetic page `index` made from `template`."""
    tree = lxml.html.document_fromstring(template.html)
    _rearrange(tree, template_number, pool, rng)
    words = _word_map(template, tree, regions, rng)
    _vary_text(tree, words, rng)
    url = f"{template.url.rstrip('/')}-{index}"
    for element in tree.xpath(
        "//link[translate(@rel, 'CANONICAL', 'canonical')='canonical'] | //meta[@property='og:url']"
    ):
        element.set("href" if element.tag == "link" else "content", url)
    for element in tree.xpath(_DATE_META):
        element.set("content", _META_DATE.sub(_random_day(rng).isoformat(), element.get("content", ""), count=1))
    doctype = tree.getroottree().docinfo.doctype or "<!DOCTYPE html>"
    return url, doctype + "\n" + lxml.html.tostring(tree, encoding="unicode")


def east_java_names() -> list[str]:
    """Regency and city names of East Java without their kind ("Blitar", "Batu")."""
    from extract.nlp.regions import all_regencies

    names = {
        r.name.removeprefix("Kabupaten ").removeprefix("Kota ") for r in all_regencies() if r.code.startswith("35.")
    }
    return sorted(names)


def _paragraphs(tree) -> list:
    return [p for p in tree.iter("p") if len(p.text_content().strip()) >= MIN_PARAGRAPH]


def _rearrange(tree, template_number: int, pool, rng: random.Random) -> None:
    """Shuffle the article's paragraphs (the dateline paragraph stays first), swap
    some for other articles' paragraphs, drop a few, add a few."""
    slots = _paragraphs(tree)[1:]
    if not slots:
        return
    others = [p for n, p in pool if n != template_number] or [p for _, p in pool]
    chosen = list(slots)
    rng.shuffle(chosen)
    chosen = [rng.choice(others) if rng.random() < 0.3 else p for p in chosen]
    for _ in range(rng.randint(0, min(2, len(chosen) - 1))):
        chosen.pop(rng.randrange(len(chosen)))
    for _ in range(rng.randint(0, 3)):
        chosen.insert(rng.randint(0, len(chosen)), rng.choice(others))
    chosen = [copy.deepcopy(p) for p in chosen]
    last = slots[-1]
    for slot, new in zip(slots, chosen):
        new.tail = slot.tail
        slot.getparent().replace(slot, new)
        last = new
    for slot in slots[len(chosen) :]:
        slot.drop_tree()
    for new in chosen[len(slots) :]:
        new.tail = last.tail
        last.tail = None
        last.addnext(new)
        last = new


def _word_map(template: Template, tree, regions: list[str], rng: random.Random) -> dict[str, str]:
    """Replacement of every person-name word and East Java region name on the page."""
    text = tree.text_content()
    mapping: dict[str, str] = {}
    for name in regions:
        if re.search(rf"\b{re.escape(name)}\b", text):
            mapping[name] = rng.choice(regions)
    person = sorted(w for w in template.person_words if w not in mapping)
    for word in person:
        mapping[word] = rng.choice(GIVEN_NAMES if rng.random() < 0.5 else FAMILY_NAMES)
    return mapping


def _vary_text(tree, words: dict[str, str], rng: random.Random) -> None:
    pattern = (
        re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
        if words
        else None
    )

    def vary(text: str | None) -> str | None:
        if not text:
            return text
        if pattern is not None:
            text = pattern.sub(lambda m: words[m.group(1)], text)
        return _NUMBER.sub(lambda m: _vary_number(m.group(0), rng), text)

    for element in tree.iter():
        if element.tag in ("script", "style") or not isinstance(element.tag, str):
            element.tail = vary(element.tail) if isinstance(element.tag, str) else element.tail
            continue
        element.text = vary(element.text)
        element.tail = vary(element.tail)
    for meta in tree.xpath(_TEXT_META):
        meta.set("content", vary(meta.get("content", "")) or "")


def _vary_number(digits: str, rng: random.Random) -> str:
    """Another number of the same shape: years stay years, days stay days, zeros stay zeros."""
    if set(digits) == {"0"}:
        return digits
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return str(rng.randint(2019, 2025))
    if len(digits) <= 2:
        value = rng.randint(1, 28)
        return f"{value:02d}" if digits.startswith("0") else str(value)
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in digits[1:])


def _random_day(rng: random.Random) -> dt.date:
    return dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 7))
