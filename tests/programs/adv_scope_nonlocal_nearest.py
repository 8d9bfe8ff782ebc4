# nonlocal binds the NEAREST enclosing scope that binds the name, skipping pass-through levels.
def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "set by inner"
        inner()
        return x
    m = middle()
    return x, m

print(outer())

def skip():
    x = 0
    def middle():
        def inner():
            nonlocal x
            x += 1
            return x
        return inner
    f = middle()
    f()
    f()
    return x, f(), middle.__code__.co_freevars, middle.__code__.co_cellvars

print(skip())

def four_levels():
    v = 1
    def a():
        def b():
            def c():
                nonlocal v
                v *= 10
            c()
            return v
        return b()
    a()
    a()
    return v

print(four_levels())

def shadow_then_nonlocal():
    v = "top"
    def a():
        v = "a"
        def b():
            def c():
                nonlocal v
                v = v + "!"
                return v
            return c()
        return b(), v
    return a(), v

print(shadow_then_nonlocal())
