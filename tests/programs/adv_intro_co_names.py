# co_names: globals, builtins and attribute names used by a function, in first-use order.
import functools
counter = 0

def uses_globals(x):
    global counter
    counter += len(x)
    return sorted(x), functools.reduce, x.upper()

print(uses_globals.__code__.co_names)

def only_locals(a):
    b = a
    return b

print(only_locals.__code__.co_names)

def outer():
    free = 1
    def inner():
        return free + unknown_global + abs(free)
    return inner

print(outer().__code__.co_names, outer().__code__.co_freevars)
print((lambda s: s.strip().split(",")).__code__.co_names)

def attr_chain(obj):
    return obj.a.b.c, obj.a

print(attr_chain.__code__.co_names)

def deleter():
    global counter
    del counter

print(deleter.__code__.co_names)
