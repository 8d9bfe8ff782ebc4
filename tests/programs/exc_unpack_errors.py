# Unpacking errors and their messages.
def attempt(label, f):
    try:
        print(label, f())
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__ + ":", e)


def two(v):
    a, b = v
    return a, b


def star(v):
    a, *b, c = v
    return a, b, c


attempt("ok", lambda: two([1, 2]))
attempt("many", lambda: two([1, 2, 3]))
attempt("few", lambda: two([1]))
attempt("none", lambda: two(5))
attempt("str", lambda: two("xy"))
attempt("star ok", lambda: star(range(5)))
attempt("star min", lambda: star([1, 2]))
attempt("star few", lambda: star([1]))
attempt("dict", lambda: two({"k": 1, "j": 2}))
