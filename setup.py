"""The one thing pyproject.toml cannot say: the shipped NER model lives in
models/id_ner (the layout keeps trained models there) and is installed inside
the package as extract/_ner_model, so that `pip install .` runs with it."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["extract*"]), "extract._ner_model"],
    package_dir={"extract._ner_model": "models/id_ner"},
    package_data={
        # Data files (patterns, gazetteers, lexicons, site rules, regions,
        # templates) ship inside the package, and so does the model.
        "extract": ["data/**/*", "publish/**/*"],
        "extract._ner_model": ["**/*"],
    },
)
