"""How the NER model does on our own domain: officials' names in the gold corpus.

    python scripts/domain_check.py ../id_ner ../../corpus/gold [--show]

For every gold article, runs the model over its text and compares the PER
entities (matching key: titles stripped, case-folded) with the names of the
annotated officials. Reports the share of officials found exactly, and the
share found only inside a wider PER span (e.g. the office glued to the name).
Officials are only some of the people in an article, so this measures recall;
--show lists misses and the PER spans around them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy

from extract.normalize.names import name_key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)

    nlp = spacy.load(args.model)
    total = exact = inside = 0
    per_spans = 0
    for path in sorted(args.gold.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        doc = nlp(article["text"])
        persons = [e.text for e in doc.ents if e.label_ == "PER"]
        per_spans += len(persons)
        keys = {name_key(p) for p in persons}
        for official in article["facts"]["officials"]:
            gold = name_key(official["name"])
            total += 1
            if gold in keys:
                exact += 1
            elif any(gold in k for k in keys):
                inside += 1
                if args.show:
                    print(f"{path.stem}: {gold!r} inside {[p for p in persons if gold in name_key(p)]}")
            elif args.show:
                print(f"{path.stem}: {gold!r} missed")
    print(
        f"officials {total}: exact PER {exact} ({exact / total:.1%}), inside a wider PER {inside} "
        f"({inside / total:.1%}); PER spans predicted {per_spans}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
