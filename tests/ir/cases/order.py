def t(x):
    print("t", x)
    return x
d = {}
d[t("k")] = t("v")
a = b = t(3)
print(t(1) < t(2) < t(0) < t(5))
print(t(0) or t("") or t("x") or t("y"))
print(t(1) and t(0) and t(2))
x = [1, 2, 3]
x[t(0)] += t(10)
print(x)
class_ = None
def f(*args, **kw):
    return args, kw
print(f(t(1), *t([2, 3]), t(4), k=t(5), **t({"m": 6})))
print(f(**{"a": 1}, b=2))
try:
    f(**{"a": 1}, a=2)
except TypeError as e:
    print("multiple values" in str(e))
print({t("a"): t(1), **t({"b": 2}), t("c"): t(3)})
print([*t([1]), t(2), *t((3,))], (*t([1]), t(2)), {*t([1]), t(2)})
first, *mid, last = t(range(5))
print(first, mid, last)
(p, q), r = t([(1, 2), 3])
print(p, q, r)
def g(a, b=t("default b"), *, c=t("default c")):
    return a, b, c
print(g(1))
def deco(name):
    print("deco", name)
    def apply(fn):
        print("apply", name)
        return fn
    return apply
@deco(t("first"))
@deco(t("second"))
def h(p=t("default")):
    return "h"
print(h())
print(f"{t(1)!r:>{t(5)}}|{t('s')!s}|{t(3.5):.2f}")
print(t(2) if t(0) else t(3))
print(-5, - t(5), not t(0), ~t(1))
print([t(i) * j for i in range(2) for j in t(range(2)) if t(j)])
print({k: t(v) for k, v in t({"x": 1}).items()})
print(list(t(i) for i in t(range(2))))
e = t(2) ** t(3) ** t(2)
print(e)
s = "abcdef"
print(s[t(1):t(4):t(2)], s[::-1], s[t(2):])
del d[t("k")]
print(d)
lst = [1, 2, 3, 4]
del lst[1:3]
print(lst)
import math
import math as m2
from math import sqrt as sq, pi
print(math.floor(2.5), m2.ceil(2.1), sq(16), round(pi, 2))
assert t(True), t("msg")
try:
    assert t(0), t("failed msg")
except AssertionError as ae:
    print("assert", ae)
try:
    assert False
except AssertionError as ae:
    print("assert bare", repr(ae))
