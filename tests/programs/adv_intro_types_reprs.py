# type() of functions, builtins, cells, code objects, partials; reprs of each kind.
import functools

def f():
    x = 1
    return lambda: x

cell = f().__closure__[0]
print(type(f), type(lambda: 0), type(len), type(cell), type(f.__code__))
print(type(functools.partial(f)), type(functools.lru_cache(f)), type([].append))
print(type(f) is type(lambda: 0), type(len) is type(print), type(len) is type(f))
print(len, print, sorted, repr(abs))
print(repr(f).split(" at ")[0], repr(f()).split(" at ")[0])
print(repr(cell).split(" at ")[0], repr(cell).split(": ")[1].split(" at ")[0])
print(repr([].append).split(" at ")[0])
print(repr(functools.reduce), repr(functools.partial))
print(repr(type), repr(int), type(type(f)).__name__, type(None))
print(str(f) == repr(f), "%s" % f == repr(f), "{}".format(f) == repr(f), f"{f!r}" == repr(f))
print(type(f).__name__, type(len).__name__, type(cell).__name__, type(f.__code__).__name__)
print(repr(print).startswith("<built-in function print"), repr(f).startswith("<function f at 0x"))
print(f)
print(f())
print(cell)
print([].append)
