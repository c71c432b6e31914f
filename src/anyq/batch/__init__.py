"""Batch runs over folders of letters: discovery, the result cache, worker processes,
progress and statistics. The command line's ``anyq check DIR`` is a thin layer over
:class:`anyq.batch.run.BatchRunner`."""
