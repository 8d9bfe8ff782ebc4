# __closure__ is None when a function has no free variables, even when nested or using globals.
G = 1

def top():
    return G

def outer():
    local = 2
    def uses_global():
        return G
    def uses_default(x=local):
        return x
    def uses_builtin():
        return len("abc")
    def uses_own_locals():
        y = 3
        return y
    def uses_free():
        return local
    return uses_global, uses_default, uses_builtin, uses_own_locals, uses_free

print(top.__closure__, (lambda: 0).__closure__, (lambda: G).__closure__)
for fn in outer():
    clo = fn.__closure__
    print(fn.__name__, clo if clo is None else (type(clo).__name__, len(clo)), fn.__code__.co_freevars)

def only_inner_uses():
    x = 1
    def a():
        def b():
            return x
        return b
    return a

a = only_inner_uses()
print(a.__closure__ is None, len(a.__closure__), a().__closure__[0] is a.__closure__[0])

def nonlocal_only():
    v = 0
    def setter():
        nonlocal v
        v = 5
    return setter

print(len(nonlocal_only().__closure__), nonlocal_only().__code__.co_freevars)
print(outer.__closure__, type(outer()[4].__closure__[0]).__name__)
