# Uncaught: importing a module that does not exist.
import functools
print(functools.reduce(lambda a, b: a * b, range(1, 6)))
import nonexistent
print("not reached")
