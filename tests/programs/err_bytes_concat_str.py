# Mixing text and bytes: the classic Python 3 mistake.
def frame(payload):
    return b"<" + payload + b">"


print(frame(b"ok"))
print(frame("oops"))
