"""Executors: one process, a process pool and Ray give the same results, in input order."""

from __future__ import annotations

import pytest

from claimgraph.config import Config
from claimgraph.ingest import from_text
from claimgraph.model import Document, Rejected
from claimgraph.run import run

ARTICLES = [
    f"Grève numéro {i}\n\nLes dockers du port {i} ont cessé le travail mardi, a annoncé leur "
    f"syndicat, qui réclame une hausse des salaires de {i} pour cent." for i in range(5)
] + ["Partager\n\nLire aussi : rien"]  # nothing left after cleaning: rejected


def _items() -> list[Document]:
    return [from_text(t) for t in ARTICLES]


@pytest.mark.parametrize("executor,workers", [("local", 1), ("process", 2), ("ray", 2)])
def test_executors_agree(executor: str, workers: int) -> None:
    config = Config.load()
    seen: list[Document | Rejected] = []
    report = run(_items(), config, seen.append, workers=workers, batch_size=2, upto="clean",
                 executor=executor)
    assert report.documents == 5 and [r.reason for r in report.rejected] == ["empty"]
    assert [r.id for r in seen] == [d.id for d in _items()]  # input order kept
    docs = [r for r in seen if isinstance(r, Document)]
    assert [d.title for d in docs] == [f"Grève numéro {i}" for i in range(5)]
    assert all(d.language == "fr" and d.nlp is None for d in docs)


def test_unknown_executor() -> None:
    with pytest.raises(ValueError, match="unknown executor"):
        run(_items(), Config.load(), executor="slurm")


def test_job_reads_inputs_runs_stages_and_feeds_the_sinks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.run.job import Job
    from claimgraph.run.sinks import Collect, store_sinks
    from claimgraph.store import open_store

    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(ARTICLES[:2] + ARTICLES[-1:]):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    config = Config.load()
    collect = Collect()
    with open_store(str(tmp_path / "j.db")) as store:
        job = Job(config, [*store_sinks(store, config, link=False), collect], upto="clean",
                  lang="fr")
        report = job.run([str(folder)])
        assert report.documents == 2 and [r.reason for r in report.rejected] == ["empty"]
        assert [r.origin.path for r in collect.results] == [str(folder / f"{i}.txt") for i in range(3)]
        assert [r.reason for r in store.rejected()] == ["empty"]
        assert store.get(collect.results[0].id) is not None
