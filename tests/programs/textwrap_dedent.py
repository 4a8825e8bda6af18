import textwrap


def usage():
    return textwrap.dedent("""\
        Usage: tool [options] FILE

          -v    verbose
          -q    quiet
        \t
        Report bugs to nobody.
    """)


print(usage(), end="")
print(repr(textwrap.dedent("  a\n    b\n  c")))
print(repr(textwrap.dedent("\tx\n\t\ty\n")))
print(repr(textwrap.dedent("  mixed\n\tlines\n")))
print(repr(textwrap.dedent("no indent\n  here")))
print(repr(textwrap.dedent("   \n  only\n    \n  blank\n")))
print(textwrap.indent("first\n\nsecond\n  third", "> "))
print(textwrap.indent("a\n\nb", "+ ", lambda line: True))
code = "def f():\n    return 1\n"
print(textwrap.indent(code, "    "), end="")
