# **kwargs accepts any string key, even keywords and non-identifiers; explicit names still bind.
def collect(**kw):
    return kw

print(collect(**{"class": 1, "not an identifier": 2, "": 3, "1x": 4}))

def f(a, **kw):
    return a, kw

print(f(**{"a": "bound", "if": "extra"}))
print(f(1, **{"for": 2}), f(a=1, **{"while": 2}))
keys = ["z", "y"]
print(collect(**dict.fromkeys(keys, 0)), collect(**{k: len(k) for k in ("aa", "b")}))
try:
    f(**{"": 0})
except TypeError as e:
    print(type(e).__name__, e)

def g(*, lambda_=None, **rest):
    return lambda_, rest

print(g(lambda_=1, **{"lambda": 2}))
nested = {"inner": {"x": 1}}
print(collect(**nested), collect(**nested["inner"]), collect(**{**nested["inner"], "y": 2}))
