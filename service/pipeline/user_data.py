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


# -- `obj._.<name>` itself ----------------------------------------------------------------
# The rule code reads `span._.norm`, `span._.code` … some 60,000 times per 300 articles, each
# an Underscore object (four `object.__setattr__` calls) and a lookup through `_get_key`. The
# two methods below do the same with one dict write and one dict read for an extension with a
# default whose value is set; everything else (getters, methods, unknown names, unset values
# and their mutable defaults) goes through spaCy's own method, unchanged.
from spacy.tokens.underscore import Underscore  # noqa: E402

_spacy_underscore_init = Underscore.__init__
_spacy_underscore_getattr = Underscore.__getattr__
_dict_of = object.__getattribute__
_UNSET = object()


def _fast_underscore_init(self, extensions, obj, start=None, end=None):
    d = _dict_of(self, "__dict__")
    d["_extensions"] = extensions
    d["_obj"] = obj
    d["_doc"] = obj.doc
    d["_start"] = start
    d["_end"] = end


def _fast_underscore_getattr(self, name):
    d = _dict_of(self, "__dict__")
    ext = d["_extensions"].get(name)
    if ext is not None and ext[1] is None and ext[2] is None:   # (default, method, getter, setter)
        value = d["_doc"].user_data.get((_KEY, name, d["_start"], d["_end"]), _UNSET)
        if value is not _UNSET:
            return value
    return _spacy_underscore_getattr(self, name)


def _underscore_agrees() -> bool:
    """Whether the fast methods give what spaCy's give, on every kind of extension."""
    name = "_export_facts_underscore_probe"
    for cls in (Doc, Span):
        cls.set_extension(name, default=None, force=True)
        cls.set_extension(name + "_list", default=[], force=True)
        cls.set_extension(name + "_getter", getter=lambda o: ("got", len(o)), force=True)
        cls.set_extension(name + "_method", method=lambda o, x: (len(o), x), force=True)
    try:
        doc = Doc(Vocab(), words=["a", "b", "c"])
        span, other = doc[0:2], doc[1:3]
        span._.set(name, "span")
        doc._.set(name, "doc")
        seen = [(o._.get(name), o._.get(name + "_getter"), o._.get(name + "_method")(1), list(o._.get(name + "_list")))
                for o in (doc, span, other)]
        span._.get(name + "_list").append(1)
        keys = dict(doc.user_data)
        try:
            doc._.missing_name_probe
            unknown = False
        except AttributeError:
            unknown = True
        return unknown and seen == [("doc", ("got", 3), (3, 1), []), ("span", ("got", 2), (2, 1), []),
                                    (None, ("got", 2), (2, 1), [])] \
            and keys.get((_KEY, name + "_list", span.start_char, span.end_char)) == [1]
    finally:
        for cls in (Doc, Span):
            for suffix in ("", "_list", "_getter", "_method"):
                cls.remove_extension(name + suffix)


if doc_value is not _slow_doc_value and set(_spacy_underscore_init.__code__.co_varnames[:5]) \
        == {"self", "extensions", "obj", "start", "end"}:
    Underscore.__init__, Underscore.__getattr__ = _fast_underscore_init, _fast_underscore_getattr
    if not _underscore_agrees():  # pragma: no cover - an Underscore that keeps its state otherwise
        Underscore.__init__, Underscore.__getattr__ = _spacy_underscore_init, _spacy_underscore_getattr
