# One call site, many callees: functions, lambdas, builtins, partials, cached wrappers, methods,
# with matching and mismatching argument counts (specialising a call site must stay correct).
import functools

def two(a, b):
    return ("two", a, b)

def var(*a, **k):
    return ("var", a, tuple(sorted(k)))

def kw_only(a, *, b=0):
    return ("kw_only", a, b)

cached = functools.lru_cache(maxsize=None)(lambda a, b: ("cached", a + b))
callees = [two, lambda a, b: ("lambda", a * b), max, functools.partial(two, "p"), var, cached,
           "{}-{}".format, kw_only, divmod, two]
arg_sets = [(1, 2), (3,), (4, 5, 6)]
for args in arg_sets:
    for fn in callees:
        try:
            result = fn(*args)
        except (TypeError, IndexError) as e:
            result = type(e).__name__ + ": " + str(e)
        print(len(args), result)
kw_site = []
for fn in (two, var, kw_only, functools.partial(kw_only, b=9)):
    try:
        kw_site.append(fn(1, b=2))
    except TypeError as e:
        kw_site.append(str(e))
print(kw_site)
print(cached.cache_info())
