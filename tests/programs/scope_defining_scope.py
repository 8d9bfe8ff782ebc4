# Names in default arguments and decorators are resolved in the defining scope.
k = "global k"


def outer():
    k = "outer k"

    def with_default(v=k):
        return v

    def deco(f):
        return lambda: "decorated with " + k + " / " + f()

    @deco
    def decorated():
        return k

    k = "rebound k"
    return with_default(), decorated()


print(outer())


def loop_names():
    result = []
    for name in ["a", "b"]:
        def f(n=name):
            return n + name
        result.append(f)
    return [f() for f in result]


print(loop_names())
