# Writing to a buffer after its `with` block closed it.
import io


def capture(lines):
    with io.StringIO() as buf:
        for line in lines:
            print(line, file=buf)
        text = buf.getvalue()
    return buf, text


buf, text = capture(["alpha", "beta"])
print(repr(text), buf.closed)
buf.write("gamma\n")
