import os.path as p
from m import (a, b as c)
x: int = 0b1010 + 0o17 + 0xff + 1_000 + 1.5e3 + 2j
s = 'a' "b" r'\d' b'x' f"{x!r:>{10}}" """multi
line"""
t = (1,) + (*range(3), *[4])
d = {**{}, 'k': [v for v in t if v if not v] or None}
assert x is not None, "msg"
while x < 10:
    x += 1
    if x % 2: continue
    elif x > 8: break
else:
    pass
try:
    raise ValueError("e") from None
except (ValueError, TypeError) as e:
    del e
finally:
    y = x if x else -x
print(*t, sep='', **d)
print(t[1:2:-1], t[::2], ~x, x ** -1, x // 3 @ 4 if 0 else 1)
