"""The NER model's matrix products through numpy's BLAS, on one thread.

thinc multiplies with `blis` by default. On the machines we measure on,
numpy's OpenBLAS does the model's products (the tok2vec layers and the NER's
precomputed layer) in about a quarter of blis' CPU time, and the entities are
the same. OpenBLAS's own threads cost more CPU than they save on batches this
small and compete with the other workers, so it runs on one thread: the
pipeline scales by processes (`--workers`), not threads.
"""

from __future__ import annotations

from spacy.language import Language
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_limits


def multiply_with_numpy(nlp: Language) -> Language:
    """`nlp` with every component's thinc model on numpy's BLAS, one thread."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops
    # Process-wide; the limit stays after this call (no context manager).
    threadpool_limits(limits=1, user_api="blas")
    return nlp
