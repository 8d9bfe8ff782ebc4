# Function attributes on wrappers: counters, __dict__, getattr/setattr/hasattr/delattr.
def counted(func):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        wrapper.history.append(args)
        return func(*args, **kwargs)
    wrapper.calls = 0
    wrapper.history = []
    return wrapper

@counted
def add(a, b):
    return a + b

add(1, 2)
add(3, 4)
print(add.calls, add.history, sorted(add.__dict__))
setattr(add, "label", "adder")
print(getattr(add, "label"), hasattr(add, "label"), hasattr(add, "nothing"))
print(getattr(add, "nothing", "default"))
delattr(add, "label")
print(hasattr(add, "label"), sorted(vars(add)))
try:
    add.calss
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(add, "label")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(add, "histroy")
except AttributeError as e:
    print(type(e).__name__, e)
add.__dict__["direct"] = 1
print(add.direct, add.__dict__ is vars(add))
add.__dict__ = {"replaced": True}
print(sorted(add.__dict__), hasattr(add, "calls"))
try:
    add(0, 0)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    add.__dict__ = 5
except TypeError as e:
    print(type(e).__name__, e)
