"""Text wrapping and indentation, as CPython 3.11's textwrap has them: wrap, fill,
shorten, TextWrapper (with every option of its constructor), dedent and indent.

The text is cut into chunks as CPython's word-splitting expression cuts it (runs of
whitespace; words, split after a hyphen between letters; em-dashes between words),
written here as a scanner: the same chunks, so the same lines.
"""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

# What TextWrapper treats as whitespace: ASCII only, as in CPython.
_WHITESPACE = "\t\n\x0b\x0c\r "


def _is_word_char(c):
    # A regular expression's \w on str.
    return c.isalnum() or c == "_"


def _is_letter(c):
    # [^\d\W]: a word character that is no decimal digit (the underscore counts).
    return _is_word_char(c) and not c.isdecimal()


def _is_word_punct(c):
    # What may precede an em-dash that splits two words.
    return _is_word_char(c) or c in "!\"'&.,?"


def _starts_em_dash(text, j):
    """Whether two or more hyphens start at j and a word character follows them."""
    n = len(text)
    k = j
    while k < n and text[k] == "-":
        k += 1
    return k - j >= 2 and k < n and _is_word_char(text[k])


def _hyphen_breaks(text, j):
    """Whether a word may be broken after the hyphen at j: letters on both sides
    (two before it, or letter-hyphen-letter before it; a letter, an optional hyphen
    and a letter after it)."""
    n = len(text)
    before = (j >= 2 and _is_letter(text[j - 1]) and _is_letter(text[j - 2])) or (
        j >= 3 and _is_letter(text[j - 1]) and text[j - 2] == "-" and _is_letter(text[j - 3]))
    if not before or j + 1 >= n or not _is_letter(text[j + 1]):
        return False
    if j + 2 < n and _is_letter(text[j + 2]):
        return True
    return j + 3 < n and text[j + 2] == "-" and _is_letter(text[j + 3])


def _split_hyphenated(text):
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        if text[i] in _WHITESPACE:
            j = i + 1
            while j < n and text[j] in _WHITESPACE:
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        if text[i] == "-" and i > 0 and _is_word_punct(text[i - 1]) and _starts_em_dash(text, i):
            j = i
            while text[j] == "-":
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        # The shortest run of non-whitespace that ends a word, ends before an
        # em-dash, or ends with a hyphen the word may be broken after.
        j = i + 1
        while True:
            if j == n or text[j] in _WHITESPACE:
                break
            if text[j] == "-" and _hyphen_breaks(text, j):
                j += 1
                break
            if _is_word_punct(text[j - 1]) and _starts_em_dash(text, j):
                break
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _split_simple(text):
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        space = text[i] in _WHITESPACE
        j = i + 1
        while j < n and (text[j] in _WHITESPACE) == space:
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _ends_sentence(chunk):
    # A lowercase ASCII letter, then ".", "!" or "?", then maybe a quote.
    if chunk and chunk[-1] in "\"'":
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in ".!?" and "a" <= chunk[-2] <= "z"


class TextWrapper:
    """Wraps paragraphs of text into lines of at most `width` characters."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in _WHITESPACE:
                if c != " ":
                    text = text.replace(c, " ")
        return text

    def _split(self, text):
        if self.break_on_hyphens:
            return _split_hyphenated(text)
        return _split_simple(text)

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Puts as much of a chunk too long for any line on the current line as
        fits (at least one character), when long words may be broken; otherwise the
        whole chunk goes on a line of its own."""
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Rather after the last hyphen that fits, unless only hyphens precede it.
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        pending = chunks[::-1]
        while pending:
            line = []
            size = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            # Whitespace at the start of a line other than the first is dropped.
            if self.drop_whitespace and pending[-1].strip() == "" and lines:
                pending.pop()
            while pending and size + len(pending[-1]) <= width:
                size += len(pending[-1])
                line.append(pending.pop())
            if pending and len(pending[-1]) > width:
                self._handle_long_word(pending, line, size, width)
                size = sum(len(c) for c in line)
            if self.drop_whitespace and line and line[-1].strip() == "":
                size -= len(line[-1])
                line.pop()
            if not line:
                continue
            rest_is_blank = not pending or (self.drop_whitespace and len(pending) == 1 and not pending[0].strip())
            if self.max_lines is None or len(lines) + 1 < self.max_lines or (rest_is_blank and size <= width):
                lines.append(indent + "".join(line))
                continue
            # The last line allowed: end it with the placeholder where that fits.
            while line:
                if line[-1].strip() and size + len(self.placeholder) <= width:
                    line.append(self.placeholder)
                    lines.append(indent + "".join(line))
                    return lines
                size -= len(line[-1])
                line.pop()
            if lines:
                previous = lines[-1].rstrip()
                if len(previous) + len(self.placeholder) <= self.width:
                    lines[-1] = previous + self.placeholder
                    return lines
            lines.append(indent + self.placeholder.lstrip())
            return lines
        return lines

    def wrap(self, text):
        """The lines of text wrapped, without their line ends."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The text wrapped, as one str of lines."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """The text with its whitespace collapsed, cut to one line of at most width
    characters ending with the placeholder."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


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
