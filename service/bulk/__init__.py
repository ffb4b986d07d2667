"""Bulk annotation of news archives: `python -m service annotate`.

    sources.py        the archive reader (JSONL, .gz, folders of .txt, globs) → Record / BadRecord
    job.py            one run: duplicates, what the outputs still need, batches, exit status
    runner_local.py   this machine's cores (in process for small inputs, else forked workers)
    runner_dask.py    a dask.distributed cluster, in coarse parts that survive a crash
    work.py           what a worker does with a chunk (shared by both runners)
    sinks.py          the resumable JSONL output, standard output, the errors file
    db.py             the database sink (SQLAlchemy 2.0; Alembic migrations in migrations/)
    progress.py       the bar, the log lines and the summary
    command.py        the command line
"""
