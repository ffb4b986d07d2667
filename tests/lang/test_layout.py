"""Fixed-width wrapped text: line breaks inside sentences become spaces, offsets kept."""
from service.lang.layout import unwrap

WRAPPED = (
    "Sivas'ın haziran ayı ihracatı geçen yılın aynı ayına göre yüzde 3,6\n"
    "artışla 61 milyon 250 bin dolar oldu. Kent yılın ilk yarısında ise\n"
    "yüzde 2,1 artışla 352 milyon dolarlık ihracata imza attı ve bu dönemde\n"
    "iller sıralamasında 41'inci sırada yer aldı. Makine sektörü 18\n"
    "milyon dolarla ilk sırada yer aldı.\n"
)

PARAGRAPHS = (
    "Sivas'ın ihracatı haziranda 61 milyon dolar oldu\n\n"
    "Sivas'ın haziran ayı ihracatı geçen yılın aynı ayına göre yüzde 3,6 artışla 61 milyon 250 bin "
    "dolar oldu. Kent yılın ilk yarısında ise yüzde 2,1 artışla 352 milyon dolarlık ihracata imza attı.\n"
    "Makine sektörü 18 milyon dolarla ilk sırada yer aldı.\n"
)


def test_unwrap_joins_the_lines_of_a_wrapped_text_and_keeps_its_length():
    out = unwrap(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert "yüzde 3,6 artışla" in out and "Makine sektörü 18 milyon dolarla" in out
    assert "ise yüzde 2,1" in out and "dönemde iller" in out
    # Every other character is where it was.
    assert [i for i, (a, b) in enumerate(zip(WRAPPED, out)) if a != b] == [
        i for i, c in enumerate(WRAPPED) if c == "\n" and out[i] == " "]


def test_unwrap_keeps_a_break_after_a_sentence_and_the_last_one():
    out = unwrap(WRAPPED)
    assert out.endswith("yer aldı.\n")


def test_unwrap_leaves_paragraphs_and_headlines_alone():
    assert unwrap(PARAGRAPHS) == PARAGRAPHS


def test_unwrap_leaves_tables_and_list_items_alone():
    table = ("Ülke | 2024 (Bin dolar) | 2025 (Bin dolar) |\nIrak | 12.400 | 13.950 |\n"
             "Almanya | 9.100 | 9.800 |\nİngiltere | 7.300 | 7.750 |\nFransa | 5.200 | 5.600 |\n")
    assert unwrap(table) == table
    items = WRAPPED + "En fazla ihracat yapılan ülkeler şunlar oldu\n- Irak: 9 milyon dolar\n- İran: 5 milyon dolar\n"
    out = unwrap(items)
    assert "\n- Irak" in out and "\n- İran" in out


def test_unwrap_leaves_text_with_no_break_alone():
    text = "Kocaeli'nin ihracatı 2025 yılında yüzde 6 artışla 23,4 milyar dolara ulaştı."
    assert unwrap(text) is text


def test_extract_reads_a_wrapped_text_and_its_offsets_point_into_the_text_as_given(nlp):
    from service.engine import extract
    result = extract(WRAPPED, date="2025-07-04", nlp=nlp)
    money = [e for e in result.entities if e.label == "MONEY"]
    # "61 milyon 250 bin dolar" and "18\nmilyon dolarla" are read whole across the breaks.
    assert {e.text.replace("\n", " ") for e in money} >= {"61 milyon 250 bin dolar", "18 milyon dolarla"}
    for e in result.entities:
        assert WRAPPED[e.start:e.end].replace("\n", " ") == e.text.replace("\n", " ")
    assert any(f.value == 18000000 and f.sector == "makine" for f in result.facts)
