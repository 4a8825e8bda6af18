"""Substitution ciphers with str.maketrans / str.translate, and dict.fromkeys."""
import string

LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase


def caesar_table(shift: int) -> dict:
    shift %= 26
    return str.maketrans(LOWER + UPPER, LOWER[shift:] + LOWER[:shift] + UPPER[shift:] + UPPER[:shift])


def encrypt(text: str, shift: int) -> str:
    return text.translate(caesar_table(shift))


def decrypt(text: str, shift: int) -> str:
    return text.translate(caesar_table(-shift))


def atbash(text: str) -> str:
    return text.translate(str.maketrans(LOWER + UPPER, LOWER[::-1] + UPPER[::-1]))


def strip_punctuation(text: str) -> str:
    return text.translate(str.maketrans("", "", string.punctuation))


def crack(ciphertext: str) -> int:
    """The shift whose plaintext has the most common English letters."""
    common = dict.fromkeys("etaoinshr", 1)
    best, best_score = 0, -1
    for shift in range(26):
        plain = decrypt(ciphertext, shift).lower()
        score = sum(common.get(c, 0) for c in plain)
        if score > best_score:
            best, best_score = shift, score
    return best


message = "The quick brown fox jumps over the lazy dog, again and again!"
secret = encrypt(message, 7)
print(secret)
print(decrypt(secret, 7) == message, crack(secret))
print(atbash("Wizard of Oz"), atbash(atbash("round trip")))
print(strip_punctuation("Hello, world! (Isn't it?) -- yes."))
leet = str.maketrans({"a": "4", "e": "3", "l": "1", "o": "0", "t": "7", "s": None})
print("elite hackers tools".translate(leet))
print("naïve café".translate({ord("ï"): "i", ord("é"): "e", ord(" "): "_"}))
print(sorted(str.maketrans("ab", "cd", "xy").items()))
print("mississippi".translate({ord("s"): ord("z"), ord("i"): "I"}))
print(dict.fromkeys(range(4), 0), dict.fromkeys(["x", "y"]), {}.fromkeys("ab", []))
counts = dict.fromkeys(LOWER, 0)
for ch in message.lower():
    if ch in counts:
        counts[ch] += 1
print([c for c, n in counts.items() if n >= 4])
total = 0
for i in range(3000):
    total += len(encrypt("abc xyz", i).translate(str.maketrans("", "", "aeiou")))
print(total)
for args in [("abc", "de"), ("a", 1), ({"ab": 1},), ({2.5: "x"},), ("a",)]:
    try:
        str.maketrans(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for table in [{97: 1114112}, {97: 2.5}]:
    try:
        "abc".translate(table)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
