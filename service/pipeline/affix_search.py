"""The tokenizer's prefix, suffix and infix searches, remembered per string.

Inside a memory zone spaCy's tokenizer caches no chunk, so every chunk that the shipped
vocabulary does not hold (a quarter of an article's) is split anew in every request, and
splitting runs the suffix and infix expressions: each an alternation of some hundreds of
branches that `re` tries at every position of the string (about 5 µs a call, 8 % of an
`extract` call). Their answer depends on the string alone, and the same strings come back
within an article and across articles (about half of the calls of one pass over the bench
corpora ask about a string asked before). So each search is wrapped in an object that keeps
the compiled expression's answer per string, for a bounded number of strings.

The wrapper's bound method stands where the tokenizer keeps the expression's (`suffix_search`,
…): spaCy serialises it as `method.__self__.pattern`, which the wrapper has, so a pipeline
saved with the wrapper in place saves the same expressions (and loads plain ones, wrapped again
by `normalize` at load).
"""

# Strings remembered per search before the memory is emptied: some 13,000 distinct strings
# reach the suffix search in one pass over the bench's 303 articles; about 3 MB when full.
CACHE_LIMIT = 20_000
# What a string never asked about maps to (a search's answer may be None).
_MISSING = object()


class MemoSearch:
    """`regex.search` (`search`) or `list(regex.finditer)` (`finditer`, as a tuple), per string."""

    __slots__ = ("regex", "pattern", "limit", "_cache")

    def __init__(self, regex, limit: int = CACHE_LIMIT):
        self.regex = regex
        self.pattern = regex.pattern   # what spaCy's tokenizer saves
        self.limit = limit
        self._cache: dict = {}

    def search(self, string: str):
        found = self._cache.get(string, _MISSING)
        return self._keep(string, self.regex.search(string)) if found is _MISSING else found

    def finditer(self, string: str):
        found = self._cache.get(string, _MISSING)
        return self._keep(string, tuple(self.regex.finditer(string))) if found is _MISSING else found

    def _keep(self, string: str, found):
        cache = self._cache
        if len(cache) >= self.limit:
            cache.clear()
        cache[string] = found
        return found

    def __reduce__(self):
        # Match objects do not pickle (`nlp.pipe(n_process=…)` pickles the tokenizer): start empty.
        return (MemoSearch, (self.regex, self.limit))


def forget_affix_searches(tokenizer) -> None:
    """Empty the wrapped searches' memories (after warming: those chunks are cached whole)."""
    for attr in ("prefix_search", "suffix_search", "infix_finditer"):
        owner = getattr(getattr(tokenizer, attr, None), "__self__", None)
        if isinstance(owner, MemoSearch):
            owner._cache.clear()


def _compiled(method):
    """The compiled expression behind `method` (`re.Pattern.search` etc.), or None."""
    regex = getattr(method, "__self__", None)
    if isinstance(regex, MemoSearch):
        return None   # wrapped already
    return regex if hasattr(regex, "pattern") and hasattr(regex, method.__name__) else None


def memoize_affix_searches(tokenizer) -> bool:
    """Wrap the tokenizer's prefix, suffix and infix searches (set each anew: spaCy empties its
    chunk cache then, so call this before the vocabulary is warmed). Returns whether it wrapped any."""
    wrapped = False
    for attr, kind in (("prefix_search", "search"), ("suffix_search", "search"), ("infix_finditer", "finditer")):
        method = getattr(tokenizer, attr, None)
        if method is None or getattr(method, "__name__", None) != kind:
            continue
        regex = _compiled(method)
        if regex is None:
            continue
        setattr(tokenizer, attr, getattr(MemoSearch(regex), kind))
        wrapped = True
    return wrapped
