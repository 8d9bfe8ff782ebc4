# Closure attributes of functions built by decorators and factories, inspected together.
def counter_factory(start):
    count = start
    label = "counter"

    def incr(by=1):
        nonlocal count
        count += by
        return f"{label}={count}"

    return incr


c = counter_factory(10)
print(c(), c(5))
names = c.__code__.co_freevars
values = [cell.cell_contents for cell in c.__closure__]
print(dict(zip(names, values)))
print(c.__code__.co_varnames, c.__code__.co_argcount, c.__defaults__)
print(counter_factory.__code__.co_cellvars, counter_factory.__code__.co_varnames)
print(c.__name__, c.__qualname__, c.__module__)
print(sorted(k for k in ["__closure__", "__code__", "__defaults__", "__globals__"] if hasattr(c, k)))
print(c.__globals__ is globals(), c.__globals__["counter_factory"] is counter_factory)
