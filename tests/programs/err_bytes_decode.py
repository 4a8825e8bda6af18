# Decoding Latin-1 data as UTF-8 fails at the first byte that is not UTF-8.
records = [b"plain", "caf\u00e9".encode("latin-1")]
for r in records:
    print(r.decode())
