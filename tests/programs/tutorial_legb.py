# Scope tutorial: the LEGB rule (Local, Enclosing, Global, Built-in).
x = "global x"


def outer():
    x = "enclosing x"

    def inner():
        x = "local x"
        print("inner sees:", x)

    inner()
    print("outer sees:", x)


outer()
print("module sees:", x)


def outer2():
    x = "enclosing x"

    def inner():
        print("inner sees:", x)  # no local x, so the enclosing one is used

    inner()


outer2()


def uses_builtin():
    return len("four")  # len is found in the built-in scope


print(uses_builtin())


def shadow_builtin():
    len = lambda s: "shadowed!"
    return len("four")


print(shadow_builtin(), len("four"))


def modify_global():
    global x
    x = "modified global x"


modify_global()
print(x)
