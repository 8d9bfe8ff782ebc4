# Default values are evaluated in the scope containing the def, not in the function itself.
a = "global a"

def outer():
    a = "enclosing a"
    def inner(b=a):
        a = "inner local a"
        return b, a
    return inner()

print(outer())

def shadow_param(a=a):
    return a

print(shadow_param(), shadow_param("given"))
try:
    def bad_default(p, q=p):
        return q
except NameError as e:
    print(type(e).__name__, e)
p = "global p"

def uses_global_p(p, q=p):
    return p, q

print(uses_global_p("param p"))

def lambda_defaults():
    fs = []
    for i in range(3):
        fs.append(lambda i=i, j=i * 10: (i, j))
    return [f() for f in fs]

print(lambda_defaults())

def default_is_closure():
    state = []
    def add(v, store=lambda v: state.append(v) or len(state)):
        return store(v)
    return add, state

add, state = default_is_closure()
print(add("x"), add("y"), state, add.__defaults__[0].__qualname__)
print(add.__closure__, add.__defaults__[0].__code__.co_freevars)
