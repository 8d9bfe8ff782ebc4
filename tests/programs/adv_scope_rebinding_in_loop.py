# Globals, builtins, decorated names and __defaults__ rebound while a loop is running must be
# seen by the very next iteration (no stale caching of lookups).
def shadow_len_later(i):
    if i == 3:
        globals()["len"] = lambda obj: -1
    if i == 6:
        del globals()["len"]

out = []
for i in range(9):
    shadow_len_later(i)
    out.append(len("abc"))
print(out)
factor = 1

def scaled(v):
    return v * factor

res = []
for i in range(5):
    res.append(scaled(10))
    factor += 1
print(res)

def greet():
    return "original"

calls = []
for i in range(4):
    calls.append(greet())
    if i == 1:
        def greet():
            return "redefined"
print(calls)

def with_default(x=1):
    return x

vals = []
for i in range(4):
    vals.append(with_default())
    with_default.__defaults__ = (with_default.__defaults__[0] * 2,)
print(vals)

def code_a():
    return "a"

def code_b():
    return "b"

original = code_a.__code__
seen = []
for i in range(4):
    seen.append(code_a())
    code_a.__code__ = code_b.__code__ if i % 2 == 0 else original
print(seen)
