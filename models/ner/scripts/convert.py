"""Convert the shared NER corpora into spaCy DocBins for training.

    python scripts/convert.py --train idner-news-2k,nergrit --out corpus

writes corpus/train.spacy (the train splits of the named sources, plus
--domain N template sentences from augment.py),
corpus/dev.spacy (idner-news-2k dev, used for early stopping) and
corpus/test.spacy (idner-news-2k test). Each sentence is one Doc. Only this
recipe reads the shared data folder; the product never does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy
import yaml
from spacy.tokens import Doc, DocBin

from augment import domain_docs
from extract.nlp.ner_eval import read_conll

RECIPE = Path(__file__).resolve().parents[1]
REPO_ROOT = RECIPE.parents[1]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"


def load_sources(path: Path = RECIPE / "sources.yml") -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def docbin_for(files: list[tuple[Path, dict]], nlp: spacy.Language) -> tuple[DocBin, int, int]:
    """One Doc per sentence, entities from the mapped IOB tags."""
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    n_sents = n_ents = 0
    for path, label_map in files:
        for sentence in read_conll(path, label_map=label_map):
            doc = Doc(nlp.vocab, words=list(sentence.words), ents=list(sentence.tags))
            docbin.add(doc)
            n_sents += 1
            n_ents += len(doc.ents)
    return docbin, n_sents, n_ents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument("--out", type=Path, default=RECIPE / "corpus")
    parser.add_argument("--train", default="idner-news-2k", help="comma-separated sources for train.spacy")
    parser.add_argument("--dev", default="idner-news-2k", help="comma-separated sources for dev.spacy")
    parser.add_argument("--test", default="idner-news-2k", help="comma-separated sources for test.spacy")
    parser.add_argument("--domain", type=int, default=0, help="add N template sentences (augment.py) to train.spacy")
    parser.add_argument("--seed", type=int, default=0, help="seed for the template sentences")
    args = parser.parse_args(argv)

    sources = load_sources()
    nlp = spacy.blank("id")
    args.out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        names = [n for n in getattr(args, split).split(",") if n]
        unknown = [n for n in names if n not in sources]
        if unknown:
            print(f"error: unknown source(s) {', '.join(unknown)}; known: {', '.join(sources)}", file=sys.stderr)
            return 2
        files = [(args.data / sources[n][split], sources[n]["labels"]) for n in names]
        missing = [str(p) for p, _ in files if not p.is_file()]
        if missing:
            print(f"error: missing data file(s): {', '.join(missing)}", file=sys.stderr)
            return 1
        docbin, n_sents, n_ents = docbin_for(files, nlp)
        if split == "train" and args.domain:
            for doc in domain_docs(nlp, args.data, sources, args.domain, seed=args.seed):
                docbin.add(doc)
                n_ents += len(doc.ents)
            n_sents += args.domain
            names.append(f"domain({args.domain})")
        docbin.to_disk(args.out / f"{split}.spacy")
        print(f"{split}: {'+'.join(names)}: {n_sents} sentences, {n_ents} entities -> {args.out / f'{split}.spacy'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
