# co_freevars, co_cellvars, co_varnames, co_argcount and friends.
def outer(p, q, *args, kw_only=1, **kw):
    local = p + q
    shared = [p]

    def inner(a, b=2, *, c=3):
        tmp = a + b + c
        return tmp + shared[0] + q

    return inner


inner = outer(1, 2)
for f in (outer, inner):
    c = f.__code__
    print(c.co_name)
    print("  argcount", c.co_argcount, "kwonly", c.co_kwonlyargcount, "posonly", c.co_posonlyargcount)
    print("  varnames", c.co_varnames)
    print("  cellvars", c.co_cellvars)
    print("  freevars", c.co_freevars)
    print("  nlocals", c.co_nlocals)


def posonly(a, b, /, c, *, d):
    return a


print(posonly.__code__.co_posonlyargcount, posonly.__code__.co_argcount, posonly.__code__.co_kwonlyargcount)
print(posonly.__code__.co_varnames)
print((lambda x, y: x).__code__.co_varnames, (lambda: 0).__code__.co_argcount)
