# A function keeps its seldom-set attributes apart (rt_function_extra): the names and docstring
# read from the code until set, __module__ cached on the code at its first MAKE_FUNCTION. Each
# must stay the function's own, from the first function of a code to the thousandth.
import functools


def factory(k):
    def made(x, y=2):
        "made's doc"
        return x + y + k
    return made


fs = [factory(k) for k in range(3000)]
a, b = fs[0], fs[-1]
print(a.__name__, a.__qualname__, a.__doc__, a.__module__, a.__kwdefaults__)
a.__name__ = "renamed"
a.__qualname__ = "Q.renamed"
a.__doc__ = "own doc"
print(a.__name__, a.__qualname__, a.__doc__, repr(a).split(" at ")[0])
print(b.__name__, b.__qualname__, b.__doc__, repr(b).split(" at ")[0])
for bad in (None, 3):
    for attr in ("__name__", "__qualname__"):
        try:
            setattr(b, attr, bad)
        except TypeError as e:
            print("TypeError:", e)
try:
    del b.__name__
except TypeError as e:
    print("TypeError:", e)
del a.__doc__
print(a.__doc__, b.__doc__)
try:
    a(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    b()
except TypeError as e:
    print("TypeError:", e)

# __module__: globals['__name__'] at each MAKE_FUNCTION, even when it changes between two
# functions of one code.
first = factory(0)
__name__ = "elsewhere"
second = factory(0)
del __name__
third = factory(0)
__name__ = "__main__"
fourth = factory(0)
print(first.__module__, second.__module__, third.__module__, fourth.__module__)
try:
    second(**1)
except TypeError as e:
    print("TypeError:", e)
try:
    first(**1)
except TypeError as e:
    print("TypeError:", e)
fourth.__module__ = "set"
print(fourth.__module__, first.__module__)
del fourth.__module__
print(fourth.__module__, first.__module__)


def unnamed():
    del globals()["__name__"]
    def g():
        pass
    globals()["__name__"] = "__main__"
    def h():
        pass
    return g, h


g, h = unnamed()
print(g.__module__, h.__module__)
g2, h2 = unnamed()
print(g2.__module__, h2.__module__)


# Keyword-only defaults at MAKE_FUNCTION, replaced and removed.
def kw_factory(k):
    def kw(*, a=k, b=2):
        return a + b
    return kw


kws = [kw_factory(k) for k in range(2000)]
print(kws[5].__kwdefaults__, kws[5](), kws[7](b=0))
kws[5].__kwdefaults__ = None
print(kws[5].__kwdefaults__, kws[6].__kwdefaults__)
try:
    kws[5]()
except TypeError as e:
    print("TypeError:", e)
kws[5].__kwdefaults__ = {"a": 100, "b": 1}
print(kws[5](), kws[5].__kwdefaults__)
del kws[5].__kwdefaults__
print(kws[5].__kwdefaults__)
try:
    kws[5].__kwdefaults__ = [1]
except TypeError as e:
    print("TypeError:", e)
plain = factory(1)
plain.__kwdefaults__ = None
del plain.__kwdefaults__
print(plain.__kwdefaults__)


# __dict__ and __annotations__, per function.
def annotated(k):
    def ann(x: int) -> str:
        return str(x + k)
    return ann


anns = [annotated(k) for k in range(2000)]
print(anns[0].__annotations__, anns[1].__annotations__ is anns[0].__annotations__)
anns[0].__annotations__ = None
print(anns[0].__annotations__, anns[1].__annotations__)
print(fs[10].__annotations__, fs[11].__annotations__ is fs[10].__annotations__)
del fs[10].__annotations__
print(fs[10].__annotations__)
fs[12].tag = "t"
print(fs[12].__dict__, fs[13].__dict__, "tag" in dir(fs[12]), "tag" in dir(fs[13]))
fs[13].__dict__ = {"other": 1}
print(fs[13].other, hasattr(fs[12], "other"))
try:
    del fs[13].__dict__
except TypeError as e:
    print("TypeError:", e)

# __code__ swapped: the function keeps the names, docstring and module it was made with.
def other_factory(k):
    def other(x, y=5):
        "other's doc"
        return x * y * k
    return other


__name__ = "mod2"
o = other_factory(3)
__name__ = "__main__"
m = factory(1)
m.__code__ = o.__code__
print(m.__name__, m.__qualname__, m.__doc__, m.__module__, m(2))
print(o.__name__, o.__module__, factory(1).__name__, other_factory(1).__module__)


# functools.wraps copies them all onto each wrapper.
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


ws = [deco(factory(k)) for k in range(2000)]
w = ws[3]
print(w.__name__, w.__qualname__, w.__doc__, w.__module__, w(1), w.__wrapped__.__name__)
print(sorted(w.__dict__), ws[4].__wrapped__ is not w.__wrapped__)
wa = deco(a)
print(wa.__name__, wa.__qualname__, wa.__doc__, repr(wa).split(" at ")[0])
