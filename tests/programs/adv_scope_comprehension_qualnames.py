# Comprehensions are function scopes: closures made inside them have <listcomp>, <dictcomp>,
# <setcomp> and <genexpr> in their qualnames.
def f():
    lam = [lambda: 0 for _ in range(1)][0]
    dlam = {k: lambda: k for k in "a"}["a"]
    slam = {len([lambda: 0]) for _ in range(1)}
    glam = list(lambda: 0 for _ in range(1))[0]

    def g():
        return [lambda: 1 for _ in range(1)][0]
    return lam, dlam, glam, g()


for fn in f():
    print(fn.__qualname__, fn.__name__)
top = [lambda: 0 for _ in range(1)][0]
print(top.__qualname__)
nested = [[lambda: 0 for _ in range(1)][0] for _ in range(1)][0]
print(nested.__qualname__)


def defs_in_comp():
    return [(lambda: lambda: 1)() for _ in range(1)][0]


print(defs_in_comp().__qualname__)
print(repr(top).split(" at ")[0])
dl = {0: (lambda: 0) for _ in range(1)}[0]
print(dl.__qualname__)
sl = {(lambda: 0).__qualname__ for _ in range(2)}
print(sl)
gl = next(lambda: 0 for _ in range(1))
print(gl.__qualname__)
