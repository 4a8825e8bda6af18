# Looking for a str inside bytes.
line = b"key=value"
if b"=" in line:
    print(line.split(b"="))
if "=" in line:
    print("unreachable")
