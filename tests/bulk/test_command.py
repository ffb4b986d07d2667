"""`python -m service annotate` end to end, in this process: outputs, errors, reruns, exit status."""
import io
import json
import os

import pytest

from service.bulk.job import Job, run
from service.engine import extract

from .conftest import annotate, make_articles, read_jsonl, write_jsonl, write_txt_folder


def test_command_output_is_the_extract_result_plus_extra_keys(nlp, tmp_path, capsys, articles):
    src = write_jsonl(tmp_path / "in.jsonl", articles)
    status, err = annotate(src, "-o", tmp_path / "out.jsonl", capsys=capsys)
    assert status == 0
    out = read_jsonl(tmp_path / "out.jsonl")
    expected = [{**extract(a["text"], a["date"], a["id"], nlp=nlp).model_dump(),
                 "url": a["url"], "source": a["source"]} for a in articles]
    assert out == expected
    assert list(out[0])[:4] == ["id", "date", "entities", "facts"]
    assert sum(len(o["facts"]) for o in out) >= len(articles)  # the articles state facts: none lost
    assert f"{len(articles)} written" in err.splitlines()[-1]


def test_command_mixed_inputs_each_article_once(tmp_path, capsys):
    recs = make_articles(12)
    write_jsonl(tmp_path / "in" / "a.jsonl", recs[:4])
    write_jsonl(tmp_path / "in" / "b.jsonl.gz", recs[4:8], gz=True)
    write_txt_folder(tmp_path / "metin", recs[8:])
    status, _ = annotate(tmp_path / "in" / "*.jsonl*", tmp_path / "metin", "-o", tmp_path / "out.jsonl",
                         capsys=capsys)
    out = read_jsonl(tmp_path / "out.jsonl")
    assert status == 0
    assert [o["id"] for o in out] == [r["id"] for r in recs]
    assert out[9]["date"] == recs[9]["date"]  # from the .txt's date marker
    assert "url" in out[0] and "url" not in out[9]


def test_command_bad_records_go_to_the_errors_file_and_the_run_goes_on(tmp_path, capsys):
    recs = make_articles(3)
    src = write_jsonl(tmp_path / "in.jsonl", [
        recs[0], b"{bozuk", {"id": "bos", "text": ""}, "Ege ihracatı".encode("cp1254"),
        {"id": "uzun", "text": "ihracat " * 200}, recs[1], {**recs[1], "text": "Başka bir metin."},
        recs[1], recs[2]])
    errors = tmp_path / "hatalar.jsonl"
    status, err = annotate(src, "-o", tmp_path / "out.jsonl", "--errors", errors, "--max-chars", 1000,
                           capsys=capsys)
    assert status == 0
    assert [o["id"] for o in read_jsonl(tmp_path / "out.jsonl")] == [r["id"] for r in recs]
    bad = read_jsonl(errors)
    assert [(b["line"], b["reason"][:4]) for b in bad] == [
        (2, "E102"), (3, "E101"), (4, "E103"), (5, "E106"), (7, "E120")]
    assert all(b["input"] == str(src) for b in bad)
    assert "1 duplicates" in err and "5 errors" in err

    status, _ = annotate(src, "-o", tmp_path / "out.jsonl", "--errors", errors, "--max-chars", 1000,
                         "--strict", capsys=capsys)
    assert status == 1
    assert len(read_jsonl(errors)) == 5  # rebuilt by the rerun, not appended to


def test_command_errors_default_beside_the_output(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [b"{bozuk", make_articles(1)[0]])
    annotate(src, "-o", tmp_path / "out.jsonl", capsys=capsys)
    assert read_jsonl(tmp_path / "out.errors.jsonl")[0]["reason"].startswith("E102")


@pytest.mark.parametrize("inputs", [["yok.jsonl"], ["bos.jsonl"], ["bozuk.jsonl"]])
def test_command_exit_2_when_nothing_could_be_read(tmp_path, capsys, inputs):
    write_jsonl(tmp_path / "bos.jsonl", [])
    write_jsonl(tmp_path / "bozuk.jsonl", [b"[1, 2]", b"{"])
    status, err = annotate(*[tmp_path / i for i in inputs], "-o", tmp_path / "out.jsonl", capsys=capsys)
    assert status == 2
    assert "E127" in err


def test_command_rerun_writes_nothing_new(tmp_path, capsys, articles):
    src = write_jsonl(tmp_path / "in.jsonl", articles)
    out = tmp_path / "out.jsonl"
    annotate(src, "-o", out, capsys=capsys)
    before = out.read_bytes()
    status, err = annotate(src, "-o", out, capsys=capsys)
    assert status == 0 and out.read_bytes() == before
    assert f"0 written, {len(articles)} already done" in err


def test_command_rerun_after_the_archive_grew_appends_only_the_new(tmp_path, capsys):
    recs = make_articles(10)
    src = write_jsonl(tmp_path / "in.jsonl", recs[:6])
    out = tmp_path / "out.jsonl"
    annotate(src, "-o", out, capsys=capsys)
    write_jsonl(src, recs)
    _, err = annotate(src, "-o", out, capsys=capsys)
    assert [o["id"] for o in read_jsonl(out)] == [r["id"] for r in recs]
    assert "4 written, 6 already done" in err


def test_command_other_inputs_start_the_output_again(tmp_path, capsys):
    recs = make_articles(6)
    a = write_jsonl(tmp_path / "a.jsonl", recs[:3])
    b = write_jsonl(tmp_path / "b.jsonl", recs[3:])
    out = tmp_path / "out.jsonl"
    annotate(a, "-o", out, capsys=capsys)
    _, err = annotate(b, "-o", out, capsys=capsys)
    assert [o["id"] for o in read_jsonl(out)] == [r["id"] for r in recs[3:]]
    assert "starting it again" in err


def test_command_changed_text_in_a_jsonl_output_is_reported(tmp_path, capsys):
    recs = make_articles(3)
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    out = tmp_path / "out.jsonl"
    annotate(src, "-o", out, capsys=capsys)
    recs[1]["text"] += " Kentin ithalatı da arttı."
    write_jsonl(src, recs)
    annotate(src, "-o", out, capsys=capsys)
    assert len(read_jsonl(out)) == 3
    assert read_jsonl(tmp_path / "out.errors.jsonl")[0]["reason"].startswith("E123")


def test_command_standard_output_without_o(tmp_path, capsys):
    recs = make_articles(2)
    status = run(Job(inputs=[str(write_jsonl(tmp_path / "in.jsonl", recs))], workers=1),
                 stream=io.StringIO())
    lines = capsys.readouterr().out.splitlines()
    assert status == 0 and [json.loads(x)["id"] for x in lines] == [r["id"] for r in recs]


@pytest.mark.parametrize("tty", [False, True])
def test_command_progress_bar_on_a_terminal_summary_either_way(tmp_path, articles, tty):
    stream = io.StringIO()
    job = Job(inputs=[str(write_jsonl(tmp_path / "in.jsonl", articles))],
              output=str(tmp_path / "out.jsonl"), workers=1)
    assert run(job, stream=stream, tty=tty) == 0
    text = stream.getvalue()
    assert text.rstrip().splitlines()[-1].startswith(f"annotate: {len(articles)} records")
    assert ("facts=" in text) is tty  # the bar's postfix: facts found and errors


def test_command_pool_of_workers_gives_the_same_output_as_one(tmp_path, capsys):
    recs = make_articles(150)
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    annotate(src, "-o", tmp_path / "one.jsonl", "--workers", 1, capsys=capsys)
    annotate(src, "-o", tmp_path / "two.jsonl", "--workers", 2, "--batch-size", 16, capsys=capsys)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()


def test_command_output_to_a_device_is_streamed_without_a_journal(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", make_articles(2))
    status, err = annotate(src, "-o", os.devnull, capsys=capsys)
    assert status == 0 and "2 written" in err
    assert not os.path.exists(f"{os.devnull}.journal")


def test_command_nesting_huge_numbers_and_wrong_types_are_bad_records_and_the_run_goes_on(tmp_path, capsys):
    recs = make_articles(3)
    deep = b'{"id": "derin", "text": "Konya", "meta": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    src = write_jsonl(tmp_path / "in.jsonl", [
        recs[0], deep, b'{"id": "sayi", "text": "Konya", "n": ' + b"7" * 10_000 + b"}",
        recs[1], {"id": "tur", "text": 42}, "Ege ihracatı".encode("cp1254"), recs[2]])
    status, err = annotate(src, "-o", tmp_path / "out.jsonl", capsys=capsys)
    assert status == 0, err
    assert [o["id"] for o in read_jsonl(tmp_path / "out.jsonl")] == [r["id"] for r in recs]
    bad = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [(b["line"], b["reason"][:4]) for b in bad] == [(2, "E112"), (3, "E113"), (5, "E114"), (6, "E103")]
    assert bad[2]["id"] == "tur"
    assert "4 errors" in err
