# Evaluation order at call sites: callee first, then arguments left to right.
def trace(label, value):
    print("eval", label)
    return value


def target(*a, **k):
    print("call with", a, k)
    return "result"


trace("callee", target)(trace("a1", 1), trace("a2", 2), kw=trace("kw", 3))
print("--")
target(*trace("star", [1]), trace("after-star", 2), **trace("dstar", {"z": 0}))
print("--")
funcs = {"f": target}
funcs[trace("key", "f")](trace("arg", "x"))
print("--")
x = trace("left", 1) + trace("right", 2) * trace("third", 3)
print(x)
d = {trace("k1", "a"): trace("v1", 1), trace("k2", "b"): trace("v2", 2)}
print(d)
