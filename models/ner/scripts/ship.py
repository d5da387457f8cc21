"""Copy a trained pipeline into models/id_ner and record what it is in its meta.

    python scripts/ship.py training/model-best ../id_ner

The meta gets the pipeline's name, version, data sources with licences, and
its precision/recall/F1 on the idner-news-2k test split as measured by
extract.nlp.ner_eval (the same code `extract ner-eval` runs), so the shipped
meta and the re-measure command can never disagree.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import yaml
from spacy.util import load_config

from extract.nlp.ner_eval import DEFAULT_TEST_DATA, evaluate_ner

RECIPE = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trained", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--sources", default="idner-news-2k", help="comma-separated training sources")
    parser.add_argument("--domain", type=int, default=0, help="number of template sentences trained on")
    args = parser.parse_args(argv)
    if not (args.trained / "meta.json").is_file():
        print(f"error: {args.trained} is not a trained spaCy pipeline", file=sys.stderr)
        return 1

    ship = yaml.safe_load((RECIPE / "ship.yml").read_text(encoding="utf-8"))
    if args.target.exists():
        shutil.rmtree(args.target)
    shutil.copytree(args.trained, args.target)
    # Experiments train from scratch folders; record the recipe's own paths instead.
    config = load_config(args.target / "config.cfg")
    recipe_paths = load_config(RECIPE / "config.cfg")["paths"]
    config["paths"].update({k: recipe_paths[k] for k in ("train", "dev")})
    config.to_disk(args.target / "config.cfg")

    scores = evaluate_ner(args.target, DEFAULT_TEST_DATA)
    meta_path = args.target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    used = [n for n in args.sources.split(",") if n]
    meta.update({k: v for k, v in ship.items() if k != "sources"})
    meta["sources"] = [ship["sources"][n] for n in used]
    if args.domain:
        meta["sources"].append({**ship["sources"]["domain"], "sentences": args.domain})
    meta["performance"] = {
        "ents_p": round(scores["p"], 4),
        "ents_r": round(scores["r"], 4),
        "ents_f": round(scores["f"], 4),
        "ents_per_type": {
            label: {k: round(s[k], 4) for k in ("p", "r", "f")} for label, s in scores["per_type"].items()
        },
        "evaluated_on": "idner-news-2k test split (509 sentences, gold tokens, exact span match)",
    }
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in args.target.rglob("*") if p.is_file())
    print(f"shipped {args.target} ({size / 1e6:.1f} MB): P {scores['p']:.3f} R {scores['r']:.3f} F1 {scores['f']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
