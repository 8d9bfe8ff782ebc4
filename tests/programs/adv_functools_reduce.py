# functools.reduce: initializer, single element, empty iterable errors, order of application.
import functools

steps = []

def combine(acc, x):
    steps.append((acc, x))
    return acc * 10 + x

print(functools.reduce(combine, [1, 2, 3]), steps)
steps.clear()
print(functools.reduce(combine, [1, 2, 3], 9), steps)
steps.clear()
print(functools.reduce(combine, [5]), steps)
print(functools.reduce(combine, [], "init"), steps)
print(functools.reduce(combine, [7], 0), steps)
try:
    functools.reduce(combine, [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    functools.reduce(combine, iter(()))
except TypeError as e:
    print(type(e).__name__, e)
try:
    functools.reduce(combine, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    functools.reduce(combine, [1], initial=0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    functools.reduce(combine)
except TypeError as e:
    print(type(e).__name__, e)
print(functools.reduce(lambda a, b: a + b, ["x", "y", "z"]))
print(functools.reduce(lambda a, b: b + a, "abc", ""))
print(functools.reduce(lambda a, f: f(a), [abs, str, len], -12345))
print(functools.reduce(max, [3, 9, 2], -1), functools.reduce(pow, [2, 3, 2]))
compose = lambda *fs: functools.reduce(lambda f, g: lambda x: g(f(x)), fs)
print(compose(lambda x: x + 1, lambda x: x * 2, str)(4))
print(functools.reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [("a", 1), ("b", 2)], {}))
