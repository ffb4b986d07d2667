"""Fixtures of the bulk tests: a small archive of trade-news articles written for these tests,
ways to lay it out (JSONL, .gz, folders of .txt), the annotate command in-process, and
a PostgreSQL schema of its own for every test that uses one."""
import gzip
import json
import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from service.cli import main

ROOT = Path(__file__).resolve().parents[2]
PG_BASE = os.environ.get("EXPORT_FACTS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

# Articles in the style of Turkish trade news, written for these tests (not taken from any
# outlet). Each is a template filled from the rows below, so a few dozen articles differ in
# every field the extractor reads.
TEMPLATES = [
    "{il} ihracatı {yil} yılında yüzde {p} artışla {v} milyar dolara ulaştı. "
    "Kentin en büyük pazarı {ulke} oldu.",
    "{ilin} {ulke} pazarına ihracatı geçen yıl yüzde {p} azalarak {v} milyar dolar oldu.",
    "{il}, ocak-eylül döneminde {v} milyar dolarlık ihracat gerçekleştirdi. "
    "Tekstil sektörü ilk sırada yer aldı.",
    "Türkiye İhracatçılar Meclisi verilerine göre eylül ayında otomotiv ihracatı "
    "{v} milyar dolar oldu. Sektörün {ulke} ihracatı yüzde {p} yükseldi.",
]
PLACES = [("Kocaeli", "Kocaeli'nin", "Almanya"), ("Bursa", "Bursa'nın", "İtalya"),
          ("Denizli", "Denizli'nin", "İspanya"), ("Gaziantep", "Gaziantep'in", "Irak"),
          ("Konya", "Konya'nın", "Fransa"), ("Manisa", "Manisa'nın", "Hollanda"),
          ("Kayseri", "Kayseri'nin", "Polonya"), ("İzmir", "İzmir'in", "Yunanistan")]


def make_articles(n: int, prefix: str = "haber") -> list[dict]:
    """`n` records {"id", "date", "text", "url", "source"} with distinct ids and texts."""
    out = []
    for i in range(n):
        il, ilin, ulke = PLACES[i % len(PLACES)]
        text = TEMPLATES[i % len(TEMPLATES)].format(
            il=il, ilin=ilin, ulke=ulke, yil=2020 + i % 6, p=3 + i % 17, v=f"{1 + i % 9},{i % 10}")
        out.append({"id": f"{prefix}-{i:04d}", "date": f"{2021 + i % 5}-10-{1 + i % 28:02d}",
                    "text": text, "url": f"https://haber.example/{prefix}/{i}", "source": "örnek-ajans"})
    return out


def write_jsonl(path: Path, records, gz: bool = False) -> Path:
    """Write records (dicts, or raw bytes lines) as JSON lines, gzipped when `gz`."""
    data = b"".join((r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n"
                    for r in records)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def write_txt_folder(folder: Path, records) -> Path:
    """The archive format: one .txt a article, `date YYYY-MM-DD` on its first line."""
    folder.mkdir(parents=True, exist_ok=True)
    for r in records:
        (folder / f"{r['id']}.txt").write_text(f"date {r['date']}\n{r['text']}", encoding="utf-8")
    return folder


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def annotate(*args, capsys=None) -> tuple[int, str]:
    """Run `python -m service annotate ARGS` in this process; (exit status, standard error)."""
    status = main(["annotate", *map(str, args)])
    return status, (capsys.readouterr().err if capsys else "")


def annotate_process(*args, **popen) -> subprocess.Popen:
    """The same command as a real process (its own session, so a test can kill its whole group)."""
    return subprocess.Popen([sys.executable, "-m", "service", "annotate", *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **popen)


@pytest.fixture
def articles():
    return make_articles(24)


@contextmanager
def pg_schema(prefix: str):
    """A PostgreSQL URL whose search_path is a schema made for the caller (dropped after it)."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_BASE)
    try:
        with admin.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    except sa.exc.OperationalError as exc:
        pytest.fail(f"PostgreSQL is not answering at {PG_BASE} ({exc.orig}): start it with .ci/services.sh")
    try:
        yield f"{PG_BASE}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def pg_url():
    """A PostgreSQL URL whose search_path is a schema made for this test (dropped after it)."""
    with pg_schema("bulk_test") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """Each database the sink supports: an SQLite file, and PostgreSQL in a schema of its own."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'facts.db'}"
    return request.getfixturevalue("pg_url")
