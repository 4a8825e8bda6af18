# f-string format specs: fill, align, width, sign, grouping, precision, types
n = 42
neg = -42
s = "hi"
print(f"[{n:5}]", f"[{n:<5}]", f"[{n:>5}]", f"[{n:^5}]", f"[{n:*^7}]", f"[{neg:0=6}]", f"[{neg:=6}]")
print(f"[{s:5}]", f"[{s:>5}]", f"[{s:^6}]", f"[{s:^5}]", f"[{s:-<6}]", f"[{s:.1}]", f"[{s:1}]")
word = "hello"
print(f"[{word:.3s}]", f"[{word:>8.2}]", f"[{word:s}]", f"[{word:_^11}]", f"[{word:10s}]")
print(f"[{n:+}]", f"[{neg:+}]", f"[{n:-}]", f"[{neg:-}]", f"[{n: }]", f"[{neg: }]", f"[{n:+5}]", f"[{n:<+5}]")
big = 1234567890
print(f"{big:,}", f"{big:_}", f"{-big:,}", f"[{big:>15,}]", f"{1234.5:,.2f}", f"{1234567.891:_.1f}", f"{999:,}", f"{1000:,}")
pi = 3.14159265
print(f"{pi:.2f}", f"[{pi:8.3f}]", f"[{pi:<8.1f}]", f"[{pi:^10.4f}]", f"{-pi:+.2f}", f"{pi:+.0f}", f"{2.5:.0f}", f"{3.5:.0f}")
print(f"{pi:e}", f"{pi:.2e}", f"{12345.678:.3e}", f"{0.000123:e}", f"{-1e-10:.1e}", f"{0.0:e}", f"{1e100:.0e}")
print(f"{pi:g}", f"{1e-5:g}", f"{123456789.0:g}", f"{0.0001:g}", f"{1234567:.3g}", f"{100000.0:g}", f"{1000000.0:g}", f"{pi:.10g}")
print(f"{0.25:%}", f"{0.256:.1%}", f"{1:.0%}", f"{-0.5:%}", f"{2:.2%}")
print(f"{255:x}", f"{255:o}", f"{5:b}", f"{-255:x}", f"[{5:0>8b}]", f"[{255:>6x}]", f"{2 ** 70:x}", f"{1234567:_x}", f"{255:_b}")
print(f"{n:d}", f"{neg:d}", f"{2 ** 70:d}", f"{2 ** 70:,d}", f"[{n:5d}]", f"[{n:<5d}]", f"{-(2 ** 70):,}")
print(f"{s!r}", f"{s!s}", f"{n!r}", f"{pi!r}", f"[{s!r:>6}]", f"[{word!r:^11}]")
x = 7
print(f"{x} + {x} = {x + x}", f"{x * 1.5}", f"{x / 2}", f"{x > 5}", f"{None}", f"{[1, 2]}", f"{(1,)}", f"{x}{x}")
inf = float("inf")
nan = float("nan")
print(f"{inf:.2f}", f"{inf:e}", f"{nan:f}", f"[{-inf:>8}]", f"{inf}", f"{-inf:g}", f"{nan:%}")
print(f"{1e16}", f"{1e16:f}", f"{1e16:.0f}", f"{2.675:.2f}", f"{1.005:.2f}", f"{0.125:.2f}", f"{-0.0:.1f}", f"{0.5:.0f}")
print(f"{42:.2f}", f"{42:e}", f"{42:%}", f"{42:g}", f"{-7:.1f}", f"{2 ** 60:.3e}")
print(f"[{-3.5:=10.2f}]", f"[{3.5:*=+10.2f}]", f"[{-17:#=8}]", f"[{1234.5:>12,.1f}]", f"[{-1234:_^12,}]")
name = "日本"
accented = "héllo"
print(f"[{name:>5}]", f"[{name:*^6}]", f"[{accented!r}]", f"[{accented:>7}]")
print(f"{0.1 + 0.2:.17f}", f"{1 / 3:.20f}", f"{2 ** 0.5:.15g}", f"{123.456:10.1e}|")
print(f"{1e-7:f}", f"{1e-7:.10f}", f"{1.5e300:.3g}", f"{123456.0:.2g}", f"{0.00001234:.3g}", f"{9.9999:.3g}")
rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 150, 2.0)]
for item, qty, price in rows:
    print(f"{item:<10}|{qty:>5}|{price:>8.2f}|{qty * price:>9,.3f}")
empty = ""
print(f"{empty:>3}|", f"[{empty:^4}]", f"{True}", f"{False!r}", f"{None!s}")
