"""Scale-out batch processing on Dask: inputs in, Parquet tables out, every partition exactly once.

    >>> from newsxray.batch import run_batch
    >>> result = run_batch(["cc-news/"], "out/", workers=2, layers=["entities"])
    >>> result.articles_done, result.failed_inputs

See ``layout`` (the output directory and the commit protocol), ``plan`` (partitions and
what a rerun still has to do), ``task`` (the worker side) and ``run`` (the client side).
"""
from __future__ import annotations

from .layout import committed_files, iter_manifest
from .read import read_tables, iter_partition_records
from .run import BatchResult, dask_client, run_batch

__all__ = ["BatchResult", "committed_files", "dask_client", "iter_manifest", "iter_partition_records",
           "read_tables", "run_batch"]
