# Function attributes: __dict__, getattr/setattr/hasattr/delattr, vars().
def f():
    return f.counter


print(f.__dict__, vars(f))
f.counter = 1
setattr(f, "label", "lbl")
print(f.__dict__, f(), getattr(f, "label"), getattr(f, "missing", "default"))
print(hasattr(f, "counter"), hasattr(f, "nope"), hasattr(f, "__name__"), hasattr(f, "__call__"))
f.counter += 10
print(f())
delattr(f, "label")
print(f.__dict__, hasattr(f, "label"))
del f.counter
try:
    f()
except AttributeError as e:
    print(type(e).__name__, e)
f.__dict__["direct"] = [1]
print(f.direct, getattr(f, "direct") is f.__dict__["direct"])
for name in ["__name__", "__qualname__", "__module__"]:
    print(name, getattr(f, name))
setattr(f, "__name__", "renamed")
print(f.__name__, f.__qualname__)
try:
    getattr(f, "absent")
except AttributeError as e:
    print(e)
try:
    f.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
