# lru_cache does not cache exceptions: each failing call is a miss and runs the body again.
import functools
attempts = []

@functools.lru_cache(maxsize=4)
def parse(text):
    attempts.append(text)
    return int(text)

for text in ["1", "x", "1", "x", "2"]:
    try:
        print(parse(text))
    except ValueError as e:
        print(type(e).__name__, e)
print(attempts, parse.cache_info())
reducer = functools.partial(functools.reduce, lambda a, b: a * b)
print(reducer([1, 2, 3, 4]), reducer([], 1), reducer(range(1, 6), 10))
try:
    reducer([])
except TypeError as e:
    print(type(e).__name__, e)
lam = functools.lru_cache(maxsize=2)(lambda x: x * 2)
print(lam(2), lam(2), lam.__name__, lam.cache_info())
depth = []

@functools.lru_cache(maxsize=None)
def walk(n):
    depth.append(n)
    if n == 3:
        raise KeyError(n)
    return walk(n + 1) if n < 5 else n

try:
    walk(0)
except KeyError as e:
    print("KeyError", e, depth, walk.cache_info())
print(walk(4), walk.cache_info())
