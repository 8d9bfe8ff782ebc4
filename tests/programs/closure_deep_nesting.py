# Five levels of nesting; each level adds a variable, the innermost reads all of them.
def l1(a):
    def l2(b):
        def l3(c):
            def l4(d):
                def l5(e):
                    return [a, b, c, d, e]
                return l5
            return l4
        return l3
    return l2


f = l1(1)(2)(3)(4)
print(f(5))
print(f.__code__.co_freevars)
print(l1.__code__.co_cellvars, l1.__code__.co_freevars)
g = l1("a")
h = g("b")
print(h.__code__.co_freevars, h.__code__.co_cellvars)
print(h("c")("d")("e"))
print(len(f.__closure__), [c.cell_contents for c in f.__closure__])


def counter_levels():
    n = 0
    def a():
        def b():
            def c():
                nonlocal n
                n += 1
                return n
            return c
        return b
    c = a()()
    c(); c(); c()
    return n, c.__code__.co_freevars


print(counter_levels())
