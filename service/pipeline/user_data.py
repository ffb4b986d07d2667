"""Extension values read and written straight in `doc.user_data`, for code that handles many per article.

spaCy keeps the value of a Doc's or a Span's extension attribute (one declared with a default,
not a getter) in `doc.user_data`, keyed ("._.", name, start_char, end_char), with None, None
for the Doc itself. `span._.norm` builds an Underscore object and goes through two Python
methods to read that key; reading the dict is several times cheaper. Only for extensions with
a default: the value is the key's, else the default, as `span._.name` gives it.

The layout is spaCy's, not ours, so it is checked once here against spaCy's own accessor;
should it ever differ, these functions are spaCy's accessor again.
"""
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

_KEY = "._."


def doc_value(doc: Doc, name: str, default=None):
    """`doc._.<name>` for an extension whose default is `default`."""
    return doc.user_data.get((_KEY, name, None, None), default)


def span_value(user_data: dict, span: Span, name: str):
    """`span._.<name>` for an extension whose default is None; `user_data` is `span.doc.user_data`."""
    return user_data.get((_KEY, name, span.start_char, span.end_char))


def set_span_value(user_data: dict, span: Span, name: str, value) -> None:
    """`span._.<name> = value` for an extension with a default; `user_data` is `span.doc.user_data`."""
    user_data[(_KEY, name, span.start_char, span.end_char)] = value


def _slow_doc_value(doc: Doc, name: str, default=None):
    return getattr(doc._, name)


def _slow_span_value(user_data: dict, span: Span, name: str):
    return getattr(span._, name)


def _slow_set_span_value(user_data: dict, span: Span, name: str, value) -> None:
    setattr(span._, name, value)


def _layout_is_spacys() -> bool:
    name = "_export_facts_layout_probe"
    Doc.set_extension(name, default=None, force=True)
    Span.set_extension(name, default=None, force=True)
    try:
        doc = Doc(Vocab(), words=["a", "b", "c"])
        span = doc[1:3]
        doc._.set(name, "doc")
        span._.set(name, "span")
        other = doc[0:2]
        set_span_value(doc.user_data, other, name, "set")
        written = getattr(other._, name) == "set"
        return (written and doc_value(doc, name) == "doc" and span_value(doc.user_data, span, name) == "span"
                and span_value(doc.user_data, doc[0:1], name) is None and doc_value(Doc(doc.vocab), name, 7) == 7)
    finally:
        Doc.remove_extension(name)
        Span.remove_extension(name)


if not _layout_is_spacys():  # pragma: no cover - a spaCy that stores extensions elsewhere
    doc_value, span_value, set_span_value = _slow_doc_value, _slow_span_value, _slow_set_span_value  # noqa: F811
