# Closures over every kind of parameter; parameters captured become cells (co_cellvars).
def factory(a, /, b, *args, c, d=4, **kw):
    def inner():
        return a, b, args, c, d, kw
    return inner

f = factory(1, 2, 3, c=5, e=6)
print(f())
print(factory.__code__.co_cellvars)
print(f.__code__.co_freevars)
print(factory.__code__.co_varnames)

def rebind_param(x):
    get = lambda: x
    x = x * 2
    return get()

print(rebind_param(21))

def cell_param_first(p, q):
    local_a = 1
    def uses():
        return q, local_b
    local_b = 2
    return uses

u = cell_param_first(0, "Q")
print(u(), cell_param_first.__code__.co_cellvars, cell_param_first.__code__.co_varnames)

def lambda_params():
    return lambda x, *ys, k=1, **kws: (lambda: (x, ys, k, kws))

print(lambda_params()(1, 2, 3, k=9, z=0)())
print(lambda_params()(1).__code__.co_freevars)
