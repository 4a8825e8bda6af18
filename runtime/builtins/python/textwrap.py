"""Text indentation, as CPython 3.11's textwrap has it: dedent and indent.

Wrapping (wrap, fill, shorten, TextWrapper) is not written yet: those names are
refused.
"""

__all__ = ["dedent", "indent"]


def _leading_whitespace(line):
    i = 0
    while i < len(line) and line[i] in " \t":
        i += 1
    return line[:i]


def dedent(text):
    """Removes the whitespace every non-blank line starts with; lines of only
    spaces and tabs become empty."""
    lines = text.split("\n")
    margin = None
    for i, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        if not stripped:
            lines[i] = ""
            continue
        lead = line[: len(line) - len(stripped)]
        if margin is None:
            margin = lead
        elif lead.startswith(margin):
            pass
        elif margin.startswith(lead):
            margin = lead
        else:
            # Tabs and spaces do not mix: the margin is what the two share.
            n = 0
            while n < len(margin) and n < len(lead) and margin[n] == lead[n]:
                n += 1
            margin = margin[:n]
    if margin:
        lines = [line[len(margin):] if line else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Adds prefix to the lines of text that predicate selects (by default, the
    lines with something besides whitespace)."""
    if predicate is None:

        def predicate(line):
            return line.strip()

    out = []
    for line in text.splitlines(True):
        out.append(prefix + line if predicate(line) else line)
    return "".join(out)
