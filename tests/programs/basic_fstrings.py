# f-strings: format specs, conversions and the = specifier.
name = "ann"
n = 42
pi = 3.14159265
items = [1, 2]
print(f"{name} has {n} items")
print(f"{name!r} {name!s} {'é'!a} {items!r}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05d}|{n:+d}|{-n:+d}")
print(f"{pi:.2f}|{pi:8.3f}|{pi:e}|{pi:.3e}|{pi:g}|{1e-10:g}|{pi:%}|{0.25:.1%}")
print(f"{n:x}|{n:X}|{n:o}|{n:b}|{n:#x}|{n:#b}|{255:08b}")
print(f"{1234567:,}|{1234567.891:,.2f}|{1234567:_}|{10**9:_d}")
print(f"{name:*^11}|{name:>6}|{name:<6}|{name:.2}")
print(f"{n=}|{pi=:.1f}|{name=!s}|{n + 1 = }")
width = 10
prec = 3
print(f"{pi:{width}.{prec}f}|{name:>{width}}")
print(f"{{literal}} {n}{{}}")
print(f"{'nested ' + f'{n}'}")
print(f"{items[0]} {items[-1]} {len(items)} {n // 5} {n % 5}")
d = {"key": "value"}
print(f"{d['key']} {d}")
print(f"{3.0:.0f} {2.5:.0f} {-0.0:.1f} {1/3:.10f}")
print(f"{True} {None} {True:d} {(1, 2)}")
