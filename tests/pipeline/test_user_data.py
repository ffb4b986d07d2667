"""Extension values read from doc.user_data are the ones `._` gives."""
from service.pipeline.user_data import doc_value, set_span_value, span_value

TEXT = ("date 2025-02-03 Kocaeli'nin ocak ayı ihracatı yüzde 12 artarak 1,2 milyar dolara ulaştı. "
        "Almanya'ya 310 milyon dolarlık ihracat yapıldı.")


def test_span_and_doc_values_equal_the_accessors(nlp):
    doc = nlp(TEXT)
    spans = list(doc.ents) + list(doc.spans.get("organisations", []))
    assert len(doc.ents) >= 4
    for span in spans:
        for name in ("norm", "code", "value", "currency", "unit", "period"):
            assert span_value(doc.user_data, span, name) == getattr(span._, name)
    for name, default in (("pub_date", None), ("body_start", 0), ("facts", None), ("deadline", None)):
        assert doc_value(doc, name, default) == getattr(doc._, name)
    assert doc_value(doc, "body_start", 0) > 0 and doc_value(doc, "facts")


def test_a_value_written_in_user_data_is_the_accessors(nlp):
    doc = nlp.make_doc("Almanya'ya 310 milyon dolar")
    span = doc[1:4]
    set_span_value(doc.user_data, span, "currency", "USD")
    assert span._.currency == "USD" and doc[0:1]._.currency is None and doc[1:3]._.currency is None
