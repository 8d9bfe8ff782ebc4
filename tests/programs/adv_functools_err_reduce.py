# Uncaught: reduce over an empty filtered sequence without an initializer.
import functools

values = [3, 8, 1]
print(functools.reduce(lambda a, b: a + b, values))
evens = [v for v in values if v % 2 == 0]
print(functools.reduce(lambda a, b: a + b, evens))
print(functools.reduce(lambda a, b: a + b, [], "initial value"))
odd_big = [v for v in values if v > 100]
print(len(odd_big))
print(functools.reduce(lambda a, b: a + b, odd_big))
