# functools.reduce with and without an initial value.
import functools

print(functools.reduce(lambda a, b: a + b, [1, 2, 3, 4, 5]))
print(functools.reduce(lambda a, b: a * b, range(1, 21)))
print(functools.reduce(lambda a, b: a + [b * 2], [1, 2, 3], []))
print(functools.reduce(max, [3, 9, 2, 7]))
print(functools.reduce(lambda a, b: b + a, "hello", ""))
print(functools.reduce(lambda a, b: a, [], "empty with initial"))
print(functools.reduce(lambda acc, kv: {**acc, kv[0]: kv[1]}, [("a", 1), ("b", 2)], {}))


def compose(*fs):
    return functools.reduce(lambda f, g: lambda x: f(g(x)), fs)


print(compose(str, lambda x: x + 1, lambda x: x * 10)(4))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print(type(e).__name__, e)
