# MAKE_FUNCTION in compiled code (rt_make_closure): the closure tuple shares the function's
# allocation yet outlives it; __module__ follows globals['__name__'] through a cache.
def outer(a, b):
    def inner():
        return a + b
    def other():
        return a
    return inner, other
i, o = outer(1, 2)
print(i.__closure__ is i.__closure__, type(i.__closure__).__name__, len(i.__closure__))
print([c.cell_contents for c in i.__closure__], i.__closure__[0] is o.__closure__[0])
i.__closure__[0].cell_contents = 10
print(i(), o())
keep = i.__closure__
del i
junk = [outer(k, k)[0] for k in range(20000)]
print(keep[0].cell_contents, keep[1].cell_contents, len(keep), keep == keep)
def noclose():
    return 1
print(noclose.__closure__, noclose.__module__)
print(o.__module__, o.__name__, o.__qualname__)
__name__ = 'renamed'
def later():
    pass
print(later.__module__)
del __name__
def nomod():
    pass
print(nomod.__module__)
__name__ = '__main__'
print((lambda: 0).__module__)
print(repr(keep).startswith('(<cell at'))
