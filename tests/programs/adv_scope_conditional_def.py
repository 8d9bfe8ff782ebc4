# Functions defined conditionally, in loops and in try/except, and redefinitions.
import sys
if sys.version_info >= (3, 0):
    def which():
        return "new"
else:
    def which():
        return "old"
print(which(), which.__qualname__)
makers = []
for n in range(3):
    if n % 2:
        def f():
            return "odd", n
    else:
        def f(extra=n):
            return "even", extra
    makers.append(f)
print([m() for m in makers])
print(makers[0] is makers[2], makers[0].__code__ is makers[2].__code__,
      makers[0].__code__ is makers[1].__code__)
try:
    raise KeyError("k")
except KeyError:
    def handler():
        return "defined in except"
else:
    def handler():
        return "defined in else"
print(handler())

def outer(flag):
    if flag:
        def helper():
            return "helper"
    try:
        return helper()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)

print(outer(True))
print(outer(False))

def redefine():
    def g():
        return 1
    first = g
    def g():
        return 2
    return first(), g(), first.__qualname__ == g.__qualname__, first is g

print(redefine())
