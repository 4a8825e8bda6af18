"""Command-line parsing as CPython 3.11's argparse does it: ArgumentParser with
positional and optional arguments, the actions store, store_const, store_true,
store_false, append, append_const, extend, count, help and version; nargs None, '?',
'*', '+', N and REMAINDER; type, default, const, choices, required, dest, metavar, help;
argument groups; parse_args, parse_known_args, print_help, format_help, format_usage,
error and exit; the help formatter and its raw and defaults-showing variants.

Parsing classifies each command-line string as an option ('O'), an argument ('A') or
the '--' marker ('-'), and matches each action's nargs against that string of letters
with a regular expression, as CPython does: so the same strings go to the same actions.
Help is laid out by CPython's rules (usage wrapped at the width, help text in a column
at most 24 characters in, wrapped by textwrap) for a width of 80 columns, or $COLUMNS.
"""

import os as _os
import re as _re
import sys as _sys
import textwrap as _textwrap

__all__ = [
    "ArgumentParser", "ArgumentError", "ArgumentTypeError", "Action", "FileType", "HelpFormatter",
    "ArgumentDefaultsHelpFormatter", "RawDescriptionHelpFormatter", "RawTextHelpFormatter",
    "MetavarTypeHelpFormatter", "Namespace", "ONE_OR_MORE", "OPTIONAL", "PARSER", "REMAINDER",
    "SUPPRESS", "ZERO_OR_MORE", "BooleanOptionalAction",
]

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
PARSER = "A..."
REMAINDER = "..."


class Namespace:
    """The parsed values, as attributes."""

    def __init__(self, **kwargs):
        for name in kwargs:
            setattr(self, name, kwargs[name])

    def __repr__(self):
        parts = []
        star = {}
        for name, value in self.__dict__.items():
            if name.isidentifier():
                parts.append("%s=%r" % (name, value))
            else:
                star[name] = value
        if star:
            parts.append("**%s" % repr(star))
        return "Namespace(%s)" % ", ".join(parts)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class ArgumentError(Exception):
    """A command-line string that does not fit its argument."""

    def __init__(self, argument, message):
        self.argument_name = _action_name(argument)
        self.message = message
        super().__init__(self.__str__())

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    """Raised by a type= function: its message is the error's."""


def _action_name(action):
    if action is None:
        return None
    if action.option_strings:
        return "/".join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar
    if action.dest not in (None, SUPPRESS):
        return action.dest
    if action.choices:
        return "{" + ",".join(action.choices) + "}"
    return None


# ---------------------------------------------------------------------------
# Actions

class Action:
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def _get_kwargs(self):
        names = ["option_strings", "dest", "nargs", "const", "default", "type", "choices", "required", "help",
                 "metavar"]
        return [(name, getattr(self, name)) for name in names]

    def __repr__(self):
        args = ", ".join("%s=%r" % (name, value) for name, value in self._get_kwargs())
        return "%s(%s)" % (type(self).__name__, args)

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError(".__call__() not defined")


class _StoreAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None):
        if nargs == 0:
            raise ValueError("nargs for store actions must be != 0; if you have nothing to store, "
                             "actions such as store true or store const may be more appropriate")
        if const is not None and nargs != OPTIONAL:
            raise ValueError("nargs must be %r to supply const" % OPTIONAL)
        Action.__init__(self, option_strings, dest, nargs, const, default, type, choices, required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False, help=None, metavar=None):
        Action.__init__(self, option_strings, dest, 0, const, default, None, None, required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None):
        _StoreConstAction.__init__(self, option_strings, dest, True, default, required, help)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None):
        _StoreConstAction.__init__(self, option_strings, dest, False, default, required, help)


def _copied_list(items):
    # The default list is never changed in place: a copy takes each new item.
    if items is None:
        return []
    return list(items)


class _AppendAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None):
        if nargs == 0:
            raise ValueError("nargs for append actions must be != 0; if arg strings are not supplying the "
                             "value to append, the append const action may be more appropriate")
        if const is not None and nargs != OPTIONAL:
            raise ValueError("nargs must be %r to supply const" % OPTIONAL)
        Action.__init__(self, option_strings, dest, nargs, const, default, type, choices, required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copied_list(getattr(namespace, self.dest, None))
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False, help=None, metavar=None):
        Action.__init__(self, option_strings, dest, 0, const, default, None, None, required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copied_list(getattr(namespace, self.dest, None))
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _ExtendAction(_AppendAction):
    def __call__(self, parser, namespace, values, option_string=None):
        items = _copied_list(getattr(namespace, self.dest, None))
        items.extend(values)
        setattr(namespace, self.dest, items)


class _CountAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None):
        Action.__init__(self, option_strings, dest, 0, None, default, None, None, required, help)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        if count is None:
            count = 0
        setattr(namespace, self.dest, count + 1)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None):
        Action.__init__(self, option_strings, dest, 0, None, default, None, None, False, help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit"):
        Action.__init__(self, option_strings, dest, 0, None, default, None, None, False, help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        version = self.version
        if version is None:
            version = parser.version
        formatter = parser._get_formatter()
        formatter.add_text(version)
        parser._print_message(formatter.format_help(), _sys.stdout)
        parser.exit()


class BooleanOptionalAction(Action):
    """--flag / --no-flag."""

    def __init__(self, option_strings, dest, default=None, type=None, choices=None, required=False, help=None,
                 metavar=None):
        strings = []
        for option_string in option_strings:
            strings.append(option_string)
            if option_string.startswith("--"):
                strings.append("--no-" + option_string[2:])
        if help is not None and default is not None and default is not SUPPRESS:
            help += " (default: %(default)s)"
        Action.__init__(self, strings, dest, 0, None, default, type, choices, required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith("--no-"))

    def format_usage(self):
        return " | ".join(self.option_strings)


_ACTIONS = {
    None: _StoreAction, "store": _StoreAction, "store_const": _StoreConstAction, "store_true": _StoreTrueAction,
    "store_false": _StoreFalseAction, "append": _AppendAction, "append_const": _AppendConstAction,
    "count": _CountAction, "help": _HelpAction, "version": _VersionAction, "extend": _ExtendAction,
}


class FileType:
    """type=FileType('r'): opens the named file ('-' is stdin or stdout)."""

    def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
        self._mode = mode

    def __call__(self, string):
        if string == "-":
            if "r" in self._mode:
                return _sys.stdin
            return _sys.stdout
        try:
            return open(string, self._mode)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))

    def __repr__(self):
        return "FileType(%r)" % self._mode


# ---------------------------------------------------------------------------
# Help formatting

_NAMED_KINDS = (type(len), type(lambda: 0))


def _named(value):
    # What help's %(type)s shows by name: classes and functions (hasattr on other
    # values would ask stitch for attributes it may not know).
    return isinstance(value, type) or isinstance(value, _NAMED_KINDS)

_WHITESPACE_RUN = _re.compile(r"\s+", _re.ASCII)
_BLANK_LINES = _re.compile(r"\n\n\n+")


def _columns():
    # CPython asks shutil.get_terminal_size(): $COLUMNS, else the terminal, else 80.
    # Stitch's output is taken as no terminal's.
    try:
        return int(_os.environ.get("COLUMNS", ""))
    except ValueError:
        return 80


class _Section:
    def __init__(self, formatter, parent, heading=None):
        self.formatter = formatter
        self.parent = parent
        self.heading = heading
        self.items = []

    def format_help(self):
        formatter = self.formatter
        if self.parent is not None:
            formatter._indent()
        item_help = formatter._join_parts([func(*args) for func, args in self.items])
        if self.parent is not None:
            formatter._dedent()
        if not item_help:
            return ""
        heading = ""
        if self.heading is not SUPPRESS and self.heading is not None:
            heading = " " * formatter._current_indent + self.heading + ":\n"
        return formatter._join_parts(["\n", heading, item_help, "\n"])


class HelpFormatter:
    """Lays out usage and help text."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            width = _columns() - 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
        self._width = width
        self._current_indent = 0
        self._level = 0
        self._action_max_length = 0
        self._root_section = _Section(self, None)
        self._current_section = self._root_section

    def _indent(self):
        self._current_indent += self._indent_increment
        self._level += 1

    def _dedent(self):
        self._current_indent -= self._indent_increment
        self._level -= 1

    def _add_item(self, func, args):
        self._current_section.items.append((func, args))

    def start_section(self, heading):
        self._indent()
        section = _Section(self, self._current_section, heading)
        self._add_item(section.format_help, [])
        self._current_section = section

    def end_section(self):
        self._current_section = self._current_section.parent
        self._dedent()

    def add_text(self, text):
        if text is not SUPPRESS and text is not None:
            self._add_item(self._format_text, [text])

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is not SUPPRESS:
            self._add_item(self._format_usage, [usage, actions, groups, prefix])

    def add_argument(self, action):
        if action.help is SUPPRESS:
            return
        invocation = self._format_action_invocation(action)
        # Widths are measured as the items are added, at the section's indent.
        self._action_max_length = max(self._action_max_length, len(invocation) + self._current_indent)
        self._add_item(self._format_action, [action])

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    def format_help(self):
        text = self._root_section.format_help()
        if text:
            text = _BLANK_LINES.sub("\n\n", text)
            text = text.strip("\n") + "\n"
        return text

    def _join_parts(self, parts):
        return "".join(part for part in parts if part and part is not SUPPRESS)

    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = "usage: "
        if usage is not None:
            usage = usage % {"prog": self._prog}
        elif not actions:
            usage = self._prog
        else:
            prog = self._prog
            optionals = [a for a in actions if a.option_strings]
            positionals = [a for a in actions if not a.option_strings]
            action_usage = self._format_actions_usage(optionals + positionals, groups)
            usage = " ".join(s for s in [prog, action_usage] if s)
            text_width = self._width - self._current_indent
            if len(prefix) + len(usage) > text_width:
                usage = self._wrapped_usage(prog, prefix, optionals, positionals, groups, text_width)
        return "%s%s\n\n" % (prefix, usage)

    def _wrapped_usage(self, prog, prefix, optionals, positionals, groups, text_width):
        # Bracketed groups stay whole; lines break between parts.
        part_re = r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+"
        opt_parts = _re.findall(part_re, self._format_actions_usage(optionals, groups))
        pos_parts = _re.findall(part_re, self._format_actions_usage(positionals, groups))

        def lines_of(parts, indent, prefix=None):
            lines = []
            line = []
            used = (len(prefix) if prefix is not None else len(indent)) - 1
            for part in parts:
                if used + 1 + len(part) > text_width and line:
                    lines.append(indent + " ".join(line))
                    line = []
                    used = len(indent) - 1
                line.append(part)
                used += len(part) + 1
            if line:
                lines.append(indent + " ".join(line))
            if prefix is not None:
                lines[0] = lines[0][len(indent):]
            return lines

        if len(prefix) + len(prog) <= 0.75 * text_width:
            indent = " " * (len(prefix) + len(prog) + 1)
            if opt_parts:
                lines = lines_of([prog] + opt_parts, indent, prefix)
                lines.extend(lines_of(pos_parts, indent))
            elif pos_parts:
                lines = lines_of([prog] + pos_parts, indent, prefix)
            else:
                lines = [prog]
        else:
            indent = " " * len(prefix)
            lines = lines_of(opt_parts + pos_parts, indent)
            if len(lines) > 1:
                lines = lines_of(opt_parts, indent) + lines_of(pos_parts, indent)
            lines = [prog] + lines
        return "\n".join(lines)

    def _format_actions_usage(self, actions, groups):
        grouped = {}
        for group in groups:
            members = [a for a in group._group_actions if a in actions and a.help is not SUPPRESS]
            if members:
                grouped[id(members[0])] = (group, members)
        in_group = set()
        for group, members in grouped.values():
            for a in members:
                in_group.add(id(a))
        parts = []
        for action in actions:
            if action.help is SUPPRESS:
                continue
            if id(action) in grouped:
                group, members = grouped[id(action)]
                inner = [self._action_usage(a, True) for a in members]
                text = " | ".join(inner)
                if len(members) == 1 and not group.required:
                    parts.append("[%s]" % text)
                elif group.required:
                    parts.append("(%s)" % text if len(members) > 1 else text)
                else:
                    parts.append("[%s]" % text)
            elif id(action) in in_group:
                continue
            else:
                parts.append(self._action_usage(action, False))
        text = " ".join(p for p in parts if p is not None)
        text = _re.sub(r"([\[(]) ", r"\1", text)
        text = _re.sub(r" ([\])])", r"\1", text)
        text = _re.sub(r"[\[(] *[\])]", r"", text)
        # A required group of one is shown without its parentheses.
        text = _re.sub(r"\(([^|]*)\)", r"\1", text)
        return text.strip()

    def _action_usage(self, action, grouped):
        if not action.option_strings:
            part = self._format_args(action, self._get_default_metavar_for_positional(action))
            if grouped and part[0] == "[" and part[-1] == "]":
                part = part[1:-1]
            return part
        if action.nargs == 0:
            part = action.format_usage()
        else:
            args = self._format_args(action, self._get_default_metavar_for_optional(action))
            part = "%s %s" % (action.option_strings[0], args)
        if not action.required and not grouped:
            part = "[%s]" % part
        return part

    def _format_text(self, text):
        if "%(prog)" in text:
            text = text % {"prog": self._prog}
        width = max(self._width - self._current_indent, 11)
        indent = " " * self._current_indent
        return self._fill_text(text, width, indent) + "\n\n"

    def _format_action(self, action):
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        pad = " " * self._current_indent
        indent_first = 0
        if not action.help:
            header = pad + header + "\n"
        elif len(header) <= action_width:
            header = pad + header.ljust(action_width) + "  "
        else:
            header = pad + header + "\n"
            indent_first = help_position
        parts = [header]
        if action.help and action.help.strip():
            help_text = self._expand_help(action)
            if help_text:
                lines = self._split_lines(help_text, help_width)
                parts.append(" " * indent_first + lines[0] + "\n")
                for line in lines[1:]:
                    parts.append(" " * help_position + line + "\n")
        elif not header.endswith("\n"):
            parts.append("\n")
        return self._join_parts(parts)

    def _format_action_invocation(self, action):
        if not action.option_strings:
            return self._metavar_formatter(action, self._get_default_metavar_for_positional(action))(1)[0]
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        args = self._format_args(action, self._get_default_metavar_for_optional(action))
        return ", ".join("%s %s" % (s, args) for s in action.option_strings)

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            result = action.metavar
        elif action.choices is not None:
            result = "{%s}" % ",".join(str(choice) for choice in action.choices)
        else:
            result = default_metavar

        def format(tuple_size):
            if isinstance(result, tuple):
                return result
            return (result,) * tuple_size
        return format

    def _format_args(self, action, default_metavar):
        get_metavar = self._metavar_formatter(action, default_metavar)
        nargs = action.nargs
        if nargs is None:
            return "%s" % get_metavar(1)
        if nargs == OPTIONAL:
            return "[%s]" % get_metavar(1)
        if nargs == ZERO_OR_MORE:
            metavar = get_metavar(1)
            if len(metavar) == 2:
                return "[%s [%s ...]]" % metavar
            return "[%s ...]" % metavar
        if nargs == ONE_OR_MORE:
            return "%s [%s ...]" % get_metavar(2)
        if nargs == REMAINDER:
            return "..."
        if nargs == PARSER:
            return "%s ..." % get_metavar(1)
        if nargs == SUPPRESS:
            return ""
        if not isinstance(nargs, int):
            raise ValueError("invalid nargs value")
        return " ".join(["%s"] * nargs) % get_metavar(nargs)

    def _expand_help(self, action):
        params = dict(vars(action), prog=self._prog)
        for name in list(params):
            if params[name] is SUPPRESS:
                del params[name]
        for name in list(params):
            if _named(params[name]):
                params[name] = params[name].__name__
        if params.get("choices") is not None:
            params["choices"] = ", ".join(str(c) for c in params["choices"])
        return self._get_help_string(action) % params

    def _split_lines(self, text, width):
        text = _WHITESPACE_RUN.sub(" ", text).strip()
        return _textwrap.wrap(text, width)

    def _fill_text(self, text, width, indent):
        text = _WHITESPACE_RUN.sub(" ", text).strip()
        return _textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)

    def _get_help_string(self, action):
        return action.help

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest


class RawDescriptionHelpFormatter(HelpFormatter):
    """Description and epilog kept as written."""

    def _fill_text(self, text, width, indent):
        return "".join(indent + line for line in text.splitlines(True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Argument help kept as written too."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Each argument's help ends with its default."""

    def _get_help_string(self, action):
        text = action.help
        if text is None:
            text = ""
        if "%(default)" not in text and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                text += " (default: %(default)s)"
        return text


class MetavarTypeHelpFormatter(HelpFormatter):
    """Metavars are the names of the types."""

    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__


# ---------------------------------------------------------------------------
# Containers of actions

class _ActionsContainer:
    def _init_container(self, description, prefix_chars, argument_default, conflict_handler):
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler
        self._defaults = {}
        self._has_negative_number_optionals = []

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    def add_argument(self, *args, **kwargs):
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0][0] not in chars:
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument")
            kwargs = self._positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._optional_kwargs(*args, **kwargs)
        if "default" not in kwargs:
            dest = kwargs["dest"]
            if dest in self._defaults:
                kwargs["default"] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs["default"] = self.argument_default
        action_kind = kwargs.pop("action", None)
        if callable(action_kind) and not isinstance(action_kind, str):
            action_class = action_kind
        elif action_kind in _ACTIONS:
            action_class = _ACTIONS[action_kind]
        else:
            raise ValueError("unknown action \"%s\"" % (action_kind,))
        if "type" in kwargs and kwargs["type"] is not None and not callable(kwargs["type"]):
            raise ValueError("%r is not callable" % (kwargs["type"],))
        action = action_class(**kwargs)
        return self._add_action(action)

    def add_argument_group(self, *args, **kwargs):
        group = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, required=False):
        group = _MutuallyExclusiveGroup(self, required)
        self._mutually_exclusive_groups.append(group)
        return group

    def _add_action(self, action):
        for option_string in action.option_strings:
            if option_string in self._option_string_actions:
                other = self._option_string_actions[option_string]
                if self.conflict_handler == "resolve":
                    self._remove_option_string(other, option_string)
                else:
                    raise ArgumentError(action, "conflicting option string: %s" % option_string)
        self._actions.append(action)
        action.container = self
        for option_string in action.option_strings:
            self._option_string_actions[option_string] = action
            if _NEGATIVE_NUMBER.match(option_string) and not self._has_negative_number_optionals:
                self._has_negative_number_optionals.append(True)
        return action

    def _remove_option_string(self, action, option_string):
        action.option_strings.remove(option_string)
        del self._option_string_actions[option_string]
        if not action.option_strings:
            action.container._remove_action(action)

    def _remove_action(self, action):
        self._actions.remove(action)

    def _positional_kwargs(self, dest=None, **kwargs):
        if "required" in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        nargs = kwargs.get("nargs")
        if nargs not in (OPTIONAL, ZERO_OR_MORE):
            kwargs["required"] = True
        if nargs == ZERO_OR_MORE and "default" not in kwargs:
            kwargs["required"] = True
        kwargs["dest"] = dest
        kwargs["option_strings"] = []
        return kwargs

    def _optional_kwargs(self, *args, **kwargs):
        option_strings = []
        long_strings = []
        for option_string in args:
            if not option_string or option_string[0] not in self.prefix_chars:
                raise ValueError("invalid option string %r: must start with a character %r"
                                 % (option_string, self.prefix_chars))
            option_strings.append(option_string)
            if len(option_string) > 1 and option_string[1] in self.prefix_chars:
                long_strings.append(option_string)
        dest = kwargs.pop("dest", None)
        if dest is None:
            first = long_strings[0] if long_strings else option_strings[0]
            dest = first.lstrip(self.prefix_chars)
            if not dest:
                raise ValueError("dest= is required for options like %r" % first)
            dest = dest.replace("-", "_")
        kwargs["dest"] = dest
        kwargs["option_strings"] = option_strings
        return kwargs


class _ArgumentGroup(_ActionsContainer):
    def __init__(self, container, title=None, description=None, **kwargs):
        self._init_container(description, container.prefix_chars, container.argument_default,
                             container.conflict_handler)
        self.title = title
        self._group_actions = []
        self._container = container
        # Actions, defaults and option strings are the parser's, shared.
        self._actions = container._actions
        self._option_string_actions = container._option_string_actions
        self._defaults = container._defaults
        self._has_negative_number_optionals = container._has_negative_number_optionals
        self._mutually_exclusive_groups = container._mutually_exclusive_groups
        self._action_groups = container._action_groups

    def _add_action(self, action):
        action = _ActionsContainer._add_action(self, action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        _ActionsContainer._remove_action(self, action)
        self._group_actions.remove(action)


class _MutuallyExclusiveGroup(_ArgumentGroup):
    def __init__(self, container, required=False):
        _ArgumentGroup.__init__(self, container)
        self.required = required
        self._container = container

    def _add_action(self, action):
        if action.required:
            raise ValueError("mutually exclusive arguments must be optional")
        action = self._container._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        self._container._remove_action(action)
        self._group_actions.remove(action)


_NEGATIVE_NUMBER = _re.compile(r"^-\d+$|^-\d*\.\d+$")


# ---------------------------------------------------------------------------
# The parser

class ArgumentParser(_ActionsContainer):
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._init_container(description, prefix_chars, argument_default, conflict_handler)
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv else ""
        self.prog = prog
        self.usage = usage
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._subparsers = None
        self._positionals = self.add_argument_group("positional arguments")
        self._optionals = self.add_argument_group("options")
        if fromfile_prefix_chars is not None:
            _sys._stitch_unsupported("argparse's fromfile_prefix_chars")
        if add_help:
            default_prefix = "-" if "-" in prefix_chars else prefix_chars[0]
            self.add_argument(default_prefix + "h", default_prefix * 2 + "help", action="help",
                              default=SUPPRESS, help="show this help message and exit")
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def _add_container_actions(self, container):
        groups = {}
        for group in container._action_groups:
            if group.title == "positional arguments":
                groups[id(group)] = self._positionals
            elif group.title == "options":
                groups[id(group)] = self._optionals
            else:
                groups[id(group)] = self.add_argument_group(group.title, group.description)
        for action in container._actions:
            for group in container._action_groups:
                if action in group._group_actions:
                    groups[id(group)]._add_action(action)
                    break

    def _add_action(self, action):
        if action.option_strings:
            self._optionals._add_action(action)
        else:
            self._positionals._add_action(action)
        return action

    def add_subparsers(self, **kwargs):
        _sys._stitch_unsupported("argparse's add_subparsers")

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    # -- help -------------------------------------------------------------

    def format_usage(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        return formatter.format_help()

    def format_help(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter.start_section(group.title)
            formatter.add_text(group.description)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def print_usage(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_usage(), file)

    def print_help(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_help(), file)

    def _print_message(self, message, file=None):
        if message:
            if file is None:
                file = _sys.stderr
            file.write(message)

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        self.print_usage(_sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))

    # -- parsing ----------------------------------------------------------

    def parse_args(self, args=None, namespace=None):
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: %s" % " ".join(extras))
        return namespace

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest):
                if action.default is not SUPPRESS:
                    setattr(namespace, action.dest, action.default)
        for dest in self._defaults:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, self._defaults[dest])
        if self.exit_on_error:
            try:
                return self._parse_known_args(args, namespace)
            except ArgumentError as err:
                self.error(str(err))
        return self._parse_known_args(args, namespace)

    def _parse_known_args(self, arg_strings, namespace):
        # Which actions exclude which (mutually exclusive groups).
        conflicts = {}
        for group in self._mutually_exclusive_groups:
            for i, action in enumerate(group._group_actions):
                others = conflicts.setdefault(id(action), [])
                others.extend(group._group_actions[:i])
                others.extend(group._group_actions[i + 1:])

        # Classify the strings: 'O' an option, 'A' an argument, '-' the '--' marker
        # (everything after it is an argument).
        option_at = {}
        letters = []
        rest_are_args = False
        for i, arg in enumerate(arg_strings):
            if rest_are_args:
                letters.append("A")
            elif arg == "--":
                letters.append("-")
                rest_are_args = True
            else:
                found = self._parse_optional(arg)
                if found is None:
                    letters.append("A")
                else:
                    option_at[i] = found
                    letters.append("O")
        pattern = "".join(letters)

        seen = []
        seen_non_default = []
        extras = []
        positionals = [a for a in self._actions if not a.option_strings]

        def take_action(action, argument_strings, option_string=None):
            seen.append(action)
            values = self._get_values(action, argument_strings)
            if values is not action.default:
                seen_non_default.append(action)
                for other in conflicts.get(id(action), []):
                    if other in seen_non_default:
                        raise ArgumentError(action, "not allowed with argument %s" % _action_name(other))
            if values is not SUPPRESS:
                action(self, namespace, values, option_string)

        def consume_optional(start):
            action, option_string, explicit_arg = option_at[start]
            pending = []
            while True:
                if action is None:
                    extras.append(arg_strings[start])
                    return start + 1
                if explicit_arg is not None:
                    count = self._match_argument(action, "A")
                    if count == 0 and option_string[1] not in self.prefix_chars and explicit_arg != "":
                        # Single-dash flags run together: -vvx is -v -v -x.
                        pending.append((action, [], option_string))
                        option_string = option_string[0] + explicit_arg[0]
                        next_arg = explicit_arg[1:] or None
                        if option_string in self._option_string_actions:
                            action = self._option_string_actions[option_string]
                            explicit_arg = next_arg
                        else:
                            raise ArgumentError(action, "ignored explicit argument %r" % explicit_arg)
                    elif count == 1:
                        stop = start + 1
                        pending.append((action, [explicit_arg], option_string))
                        break
                    else:
                        raise ArgumentError(action, "ignored explicit argument %r" % explicit_arg)
                else:
                    begin = start + 1
                    count = self._match_argument(action, pattern[begin:])
                    stop = begin + count
                    pending.append((action, arg_strings[begin:stop], option_string))
                    break
            for action, args, option_string in pending:
                take_action(action, args, option_string)
            return stop

        def consume_positionals(start):
            counts = self._match_arguments_partial(positionals, pattern[start:])
            for action, count in zip(positionals, counts):
                args = arg_strings[start:start + count]
                start += count
                take_action(action, args)
            del positionals[:len(counts)]
            return start

        start = 0
        last_option = max(option_at) if option_at else -1
        while start <= last_option:
            next_option = min(i for i in option_at if i >= start)
            if start != next_option:
                end = consume_positionals(start)
                if end > start:
                    start = end
                    continue
                start = end
            if start not in option_at:
                extras.extend(arg_strings[start:next_option])
                start = next_option
            start = consume_optional(start)
        stop = consume_positionals(start)
        extras.extend(arg_strings[stop:])

        required = []
        for action in self._actions:
            if action not in seen:
                if action.required:
                    required.append(_action_name(action))
                elif (action.default is not None and isinstance(action.default, str)
                      and hasattr(namespace, action.dest) and action.default is getattr(namespace, action.dest)):
                    # A str default goes through type= as a command-line string would.
                    setattr(namespace, action.dest, self._get_value(action, action.default))
        if required:
            raise ArgumentError(None, "the following arguments are required: %s" % ", ".join(required))
        for group in self._mutually_exclusive_groups:
            if group.required:
                if not any(a in seen_non_default for a in group._group_actions):
                    names = [_action_name(a) for a in group._group_actions if a.help is not SUPPRESS]
                    raise ArgumentError(None, "one of the arguments %s is required" % " ".join(names))
        return namespace, extras

    def _parse_optional(self, arg):
        """(action or None, option string, explicit argument) when arg is an option,
        else None."""
        if not arg or arg[0] not in self.prefix_chars:
            return None
        if arg in self._option_string_actions:
            return self._option_string_actions[arg], arg, None
        if len(arg) == 1:
            return None
        if "=" in arg:
            option_string, explicit_arg = arg.split("=", 1)
            if option_string in self._option_string_actions:
                return self._option_string_actions[option_string], option_string, explicit_arg
        matches = self._option_prefix_matches(arg)
        if len(matches) > 1:
            options = ", ".join(option_string for action, option_string, explicit_arg in matches)
            self.error("ambiguous option: %s could match %s" % (arg, options))
        if len(matches) == 1:
            return matches[0]
        if _NEGATIVE_NUMBER.match(arg) and not self._has_negative_number_optionals:
            return None
        if " " in arg:
            return None
        return None, arg, None

    def _option_prefix_matches(self, arg):
        chars = self.prefix_chars
        result = []
        if arg[0] in chars and arg[1] in chars:
            if self.allow_abbrev:
                if "=" in arg:
                    prefix, explicit_arg = arg.split("=", 1)
                else:
                    prefix, explicit_arg = arg, None
                for option_string in self._option_string_actions:
                    if option_string.startswith(prefix):
                        result.append((self._option_string_actions[option_string], option_string, explicit_arg))
        elif arg[0] in chars:
            short = arg[:2]
            short_arg = arg[2:]
            for option_string in self._option_string_actions:
                if option_string == short:
                    result.append((self._option_string_actions[option_string], option_string, short_arg))
                elif option_string.startswith(arg):
                    result.append((self._option_string_actions[option_string], option_string, None))
        else:
            raise ValueError("unexpected option string: %s" % arg)
        return result

    def _nargs_pattern(self, action):
        nargs = action.nargs
        if nargs is None:
            text = "(-*A-*)"
        elif nargs == OPTIONAL:
            text = "(-*A?-*)"
        elif nargs == ZERO_OR_MORE:
            text = "(-*[A-]*)"
        elif nargs == ONE_OR_MORE:
            text = "(-*A[A-]*)"
        elif nargs == REMAINDER:
            text = "([-AO]*)"
        elif nargs == PARSER:
            text = "(-*A[-AO]*)"
        elif nargs == SUPPRESS:
            text = "(-*-*)"
        else:
            text = "(-*%s-*)" % "-*".join("A" * nargs)
        if action.option_strings:
            # An option's arguments never take the '--' marker.
            text = text.replace("-*", "").replace("-", "")
        return text

    def _match_argument(self, action, letters):
        found = _re.match(self._nargs_pattern(action), letters)
        if found is None:
            nargs = action.nargs
            if nargs is None:
                message = "expected one argument"
            elif nargs == OPTIONAL:
                message = "expected at most one argument"
            elif nargs == ONE_OR_MORE:
                message = "expected at least one argument"
            elif nargs == 1:
                message = "expected 1 argument"
            else:
                message = "expected %s arguments" % nargs
            raise ArgumentError(action, message)
        return len(found.group(1))

    def _match_arguments_partial(self, actions, letters):
        # As many of the positionals as can take their share of what is there.
        for i in range(len(actions), 0, -1):
            joined = "".join(self._nargs_pattern(a) for a in actions[:i])
            found = _re.match(joined, letters)
            if found is not None:
                return [len(g) for g in found.groups()]
        return []

    def _get_values(self, action, arg_strings):
        if action.nargs not in (PARSER, REMAINDER):
            if "--" in arg_strings:
                arg_strings = list(arg_strings)
                arg_strings.remove("--")
        if not arg_strings and action.nargs == OPTIONAL:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str):
                value = self._get_value(action, value)
                self._check_value(action, value)
        elif not arg_strings and action.nargs == ZERO_OR_MORE and not action.option_strings:
            value = action.default if action.default is not None else arg_strings
            self._check_value(action, value)
        elif len(arg_strings) == 1 and action.nargs in (None, OPTIONAL):
            value = self._get_value(action, arg_strings[0])
            self._check_value(action, value)
        elif action.nargs == REMAINDER:
            value = [self._get_value(action, v) for v in arg_strings]
        elif action.nargs == PARSER:
            value = [self._get_value(action, v) for v in arg_strings]
            self._check_value(action, value[0])
        elif action.nargs == SUPPRESS:
            value = SUPPRESS
        else:
            value = [self._get_value(action, v) for v in arg_strings]
            for v in value:
                self._check_value(action, v)
        return value

    def _get_value(self, action, arg_string):
        type_func = action.type
        if type_func is None:
            return arg_string
        if not callable(type_func):
            raise ArgumentError(action, "%r is not callable" % (type_func,))
        try:
            return type_func(arg_string)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(type_func, "__name__", repr(type_func))
            raise ArgumentError(action, "invalid %s value: %r" % (name, arg_string))

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(repr(c) for c in action.choices)
            raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (value, choices))
