# hashlib as programs use it: a toy blockchain (sha256 proof of work), file-like
# chunked updates, checksums of text, copies of a running hash, and the errors.
import hashlib
import json


class Block:
    def __init__(self, index, data, previous):
        self.index = index
        self.data = data
        self.previous = previous
        self.nonce = 0
        self.hash = self.compute()

    def compute(self):
        payload = json.dumps({"i": self.index, "d": self.data, "p": self.previous, "n": self.nonce}, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()

    def mine(self, difficulty):
        while not self.hash.startswith("0" * difficulty):
            self.nonce += 1
            self.hash = self.compute()


chain = [Block(0, "genesis", "0" * 64)]
for i, text in enumerate(["alice pays bob 5", "bob pays carol 2", "carol pays dan 1"], 1):
    b = Block(i, text, chain[-1].hash)
    b.mine(3)
    chain.append(b)
for b in chain:
    print(b.index, b.nonce, b.hash[:16])
print(all(chain[i].previous == chain[i - 1].hash for i in range(1, len(chain))))

for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512"):
    h = hashlib.new(name, b"The quick brown fox")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())

h = hashlib.md5()
for chunk in (b"abc" * 1000, bytearray(b"xyz"), b""):
    h.update(chunk)
snapshot = h.copy()
h.update(b"more")
print(snapshot.hexdigest(), h.hexdigest(), len(h.digest()), type(h.digest()).__name__)
print(hashlib.sha1(string=b"keyword").hexdigest(), hashlib.sha256(b"").hexdigest())
print(hashlib.new("SHA256", "héllo".encode("utf-8")).hexdigest())
print(int(hashlib.sha256(b"seed").hexdigest(), 16) % 1000, hashlib.md5(b"a").digest()[:4])
print(type(h).__name__)

for bad in (lambda: hashlib.sha256("text"), lambda: hashlib.new("nope"), lambda: hashlib.md5(5), lambda: h.update("s")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
