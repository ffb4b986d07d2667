"""Text laid out for print or a terminal: lines wrapped at a fixed width.

Archives scraped from print or from old web pages break lines inside sentences, at a
fixed width ("… yüzde 2,4\\ngerileyerek 412 milyon …"). The tokenizer makes each break a
token of its own, which cuts numbers, names and dates in two. `unwrap` turns such breaks
into spaces before tokenizing, and only those: the text keeps its length, so every
character offset (entities, evidence, sources) still points into the text as given.

A text is taken as wrapped when enough of its lines run to about the same width without
ending a sentence; a break is unwrapped when the line before it runs to near that width,
ends no sentence and starts no list item or table row, and the line after it goes on.
Texts written as paragraphs (one line each, far longer than any wrap width) are left alone.
"""

SENTENCE_END = (".", "!", "?", ":", ";", "\"", "”", "’", "'", "|")
ITEM_START = ("-", "–", "•", "*", "|", "·")
MIN_WIDTH, MAX_WIDTH = 40, 120   # the widths text is wrapped at in practice
MIN_WRAPPED_LINES = 3


def unwrap(text: str) -> str:
    """`text` with the line breaks of a fixed-width wrap turned into spaces (same length)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < MIN_WRAPPED_LINES + 1:
        return text
    width = lengths[int(len(lengths) * 0.8)]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return text

    def runs_on(line: str) -> bool:
        body = line.rstrip()
        return len(body) >= 0.6 * width and not body.endswith(SENTENCE_END) and "|" not in body

    if sum(1 for line in lines if runs_on(line)) < MIN_WRAPPED_LINES:
        return text
    out = list(text)
    pos = 0
    for k, line in enumerate(lines[:-1]):
        pos += len(line)   # the break after this line
        nxt = lines[k + 1].lstrip()
        if runs_on(line) and nxt and not nxt.startswith(ITEM_START):
            out[pos] = " "
        pos += 1
    return "".join(out)
