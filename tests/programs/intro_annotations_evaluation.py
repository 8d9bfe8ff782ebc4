# Annotations: a def's are evaluated at def time (after the defaults, before decorating) into
# __annotations__; a module's simple names go into the module's __annotations__.
trace = []

def note(label):
    trace.append(label)
    return label

def deco(f):
    trace.append("decorate " + f.__name__)
    return f

@deco
def f(a: note("a"), /, b: note("b") = note("b-default"), *, c: note("c") = note("c-default")) -> note("return"):
    return a

print(trace)
print(f.__annotations__, list(f.__annotations__))
trace.clear()

def outer(kind):
    def inner(x: kind, y: "str" = "s") -> kind:
        return x
    return inner

print(outer(int).__annotations__, outer(list).__annotations__["return"])
try:
    def broken(x: undefined_annotation):
        pass
except NameError as e:
    print("NameError:", e)
print("broken" in globals())
count: int = 0
(paren): str = "p"
label: note("label-annotation")
print(__annotations__, "paren" in __annotations__, "label" in globals(), trace)
f.__annotations__ = {"new": 1}
print(f.__annotations__)
f.__annotations__ = None
print(f.__annotations__, f.__annotations__ is f.__annotations__)
__annotations__ = {"replaced": True}
late: float = 1.5
print(__annotations__)
del __annotations__
try:
    again: int = 2
except NameError as e:
    print("NameError:", e, again)
