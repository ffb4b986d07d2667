"""The archive reader: every input layout, every kind of bad record, extra keys, streaming."""
import gzip
import json

import pytest

from service.bulk.sources import ArchiveReader, BadRecord, Record, content_hash

from .conftest import make_articles, write_jsonl, write_txt_folder

GOOD = {"id": "a1", "date": "2025-03-04", "text": "Bursa'nın ihracatı şubat ayında 1,9 milyar dolar oldu."}

# (what the line holds, the E-code its BadRecord must carry)
BAD_LINES = [
    (b'{"id": "x", "text": "Konya ihracat', "E102"),                      # not JSON
    (b'["Konya", "ihracat"]', "E104"),                                   # JSON, not an object
    (b'{"id": "x", "date": "2025-01-02"}', "E101"),                     # no text
    (b'{"id": "x", "text": "   "}', "E101"),                              # blank text
    (b'{"id": "x", "text": 42}', "E114"),                                 # text not a string
    (b'{"id": "x", "text": ["Konya"]}', "E114"),                          # text an array
    (b'{"id": "x", "text": "Konya ihracati", "date": 20250102}', "E114"),  # date not a string
    (b'{"id": {"a": 1}, "text": "Konya ihracati"}', "E114"),             # id an object
    (b'{"id": "x", "text": "Konya", "meta": ' + b"[" * 5_000 + b"]" * 5_000 + b"}", "E112"),  # RecursionError
    (b'{"id": "x", "text": "Konya", "meta": ' + b"[" * 40 + b"]" * 40 + b"}", "E112"),  # deeper than a record
    (b'{"id": "x", "text": "Konya", "n": ' + b"9" * 4400 + b"}", "E113"),  # over Python's int digits
    (b'{"id": "x", "text": "Konya", "n": 1e999}', "E113"),                # a float that overflows
    (b'{"id": "x", "text": "Konya", "n": NaN}', "E113"),                  # not a JSON number at all
    ('{"id": "x", "text": "İzmir ihracatı"}'.encode("cp1254"), "E103"),  # not UTF-8
    (b'{"id": "x", "text": "Manisa \\ud800 ihracat"}', "E103"),           # lone surrogate escape
    (b'{"id": "x", "date": "2025-02-30", "text": "Kayseri ihracati"}', "E002"),  # impossible date
    (json.dumps({"id": "x", "text": "ihracat " * 40}).encode(), "E106"),  # over the size limit
]


def _read(*inputs, max_chars=200) -> list:
    return list(ArchiveReader([str(i) for i in inputs], max_chars=max_chars))


@pytest.mark.parametrize("line, code", BAD_LINES)
def test_sources_bad_line_is_reported_with_place_and_code(tmp_path, line, code):
    path = write_jsonl(tmp_path / "in.jsonl", [GOOD, line, {**GOOD, "id": "a2"}])
    items = _read(path)
    assert [type(i) for i in items] == [Record, BadRecord, Record]
    bad = items[1]
    assert (bad.input, bad.line) == (str(path), 2)
    assert bad.reason.startswith(code)
    assert ": " in bad.reason  # says what to do


def test_sources_line_longer_than_any_allowed_text_is_skipped_without_reading_it_whole(tmp_path):
    huge = json.dumps({"id": "big", "text": "ı" * 5000}, ensure_ascii=True).encode()  # 6 bytes a char
    path = write_jsonl(tmp_path / "in.jsonl", [huge, GOOD])
    reader = ArchiveReader([str(path)], max_chars=100)
    items = list(reader)
    assert items[0].reason.startswith("E106") and items[0].line == 1
    assert isinstance(items[1], Record) and items[1].line == 2


@pytest.mark.parametrize("gz", [False, True])
def test_sources_jsonl_keeps_extra_keys_and_line_numbers(tmp_path, gz):
    recs = make_articles(3)
    name = "in.jsonl.gz" if gz else "in.jsonl"
    path = write_jsonl(tmp_path / name, [recs[0], b"", recs[1], recs[2]], gz=gz)
    items = _read(path, max_chars=10_000)
    assert [r.id for r in items] == [r["id"] for r in recs]
    assert [r.line for r in items] == [1, 3, 4]  # the blank line 2 is no record
    assert items[0].extras == {"url": recs[0]["url"], "source": recs[0]["source"]}
    assert items[0].hash == content_hash(recs[0]["text"], recs[0]["date"])


def test_sources_record_without_id_is_named_by_file_and_line(tmp_path):
    path = write_jsonl(tmp_path / "arsiv.jsonl", [{"text": GOOD["text"]}])
    (rec,) = _read(path)
    assert rec.id == "arsiv.jsonl:1" and rec.date is None


def test_sources_folder_of_txt_is_read_recursively_with_stem_ids(tmp_path):
    recs = make_articles(4)
    write_txt_folder(tmp_path / "arsiv" / "2024", recs[:2])
    write_txt_folder(tmp_path / "arsiv" / "2025", recs[2:])
    (tmp_path / "arsiv" / "BENİOKU.md").write_text("not an article", encoding="utf-8")
    items = _read(tmp_path / "arsiv", max_chars=10_000)
    assert [r.id for r in items] == [r["id"] for r in recs]
    assert items[0].text.startswith(f"date {recs[0]['date']}\n")
    assert items[0].line is None and items[0].input.endswith(f"{recs[0]['id']}.txt")


def test_sources_txt_file_not_utf8_or_empty_is_bad(tmp_path):
    folder = tmp_path / "arsiv"
    folder.mkdir()
    (folder / "a.txt").write_bytes("date 2025-01-02\nİhracat arttı".encode("cp1254"))
    (folder / "b.txt").write_text("   \n", encoding="utf-8")
    (folder / "c.txt").write_text("date 2025-01-02\nDenizli ihracatı arttı.", encoding="utf-8")
    items = _read(folder)
    assert [getattr(i, "reason", "ok")[:4] for i in items] == ["E103", "E101", "ok"]
    assert items[0].id == "a"


def test_sources_globs_folders_and_files_mix_and_each_file_is_read_once(tmp_path):
    recs = make_articles(6)
    write_jsonl(tmp_path / "a" / "bir.jsonl", recs[:2])
    write_jsonl(tmp_path / "a" / "iki.jsonl.gz", recs[2:4], gz=True)
    write_txt_folder(tmp_path / "metin", recs[4:])
    items = _read(tmp_path / "a" / "*.jsonl*", tmp_path / "metin", tmp_path / "a" / "bir.jsonl",
                  max_chars=10_000)
    assert sorted(r.id for r in items) == sorted(r["id"] for r in recs)


@pytest.mark.parametrize("arg", ["yok.jsonl", "yok/*.jsonl"])
def test_sources_input_naming_nothing_is_reported(tmp_path, arg):
    (bad,) = _read(tmp_path / arg)
    assert bad.reason.startswith("E121") and bad.whole_input


def test_sources_damaged_gzip_keeps_what_came_before(tmp_path):
    data = gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in make_articles(50)))
    path = tmp_path / "kirik.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = _read(path, max_chars=10_000)
    assert all(isinstance(i, Record) for i in items[:-1]) and len(items) > 1
    assert items[-1].reason.startswith("E121") and items[-1].whole_input


def test_sources_count_estimates_records_for_the_eta(tmp_path):
    write_jsonl(tmp_path / "a.jsonl.gz", make_articles(7), gz=True)
    write_txt_folder(tmp_path / "t", make_articles(3, prefix="m"))
    assert ArchiveReader([str(tmp_path / "a.jsonl.gz"), str(tmp_path / "t")]).count() == 10
