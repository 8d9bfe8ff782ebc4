# globals() and locals() contents (filtered to names the program defines).
x = 1


def f(a, b=2):
    c = a + b
    return sorted(locals().items())


print(f(1))
print("x" in globals(), "f" in globals(), globals()["x"])
globals()["made_dynamically"] = "hello"
print(made_dynamically)


def outer():
    v = 1
    def inner():
        return sorted(locals())
    def inner_uses():
        return v, sorted(locals())
    return inner(), inner_uses()


print(outer())
print(sorted(k for k in globals() if not k.startswith("__")))
