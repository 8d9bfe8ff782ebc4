a = f"plain"
b = f"{x}"
c = f"a{x}b{y}c"
d = f"{x!r} {x!s} {x!a}"
