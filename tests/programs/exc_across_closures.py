# Exceptions raised inside closures propagate through wrappers and enclosing calls.
def make_checked(limit):
    def check(v):
        if v > limit:
            raise ValueError(f"{v} exceeds {limit}")
        return v
    return check


check = make_checked(10)
for v in (5, 15):
    try:
        print("ok", check(v))
    except ValueError as e:
        print("error", e)


def guard(default):
    def deco(func):
        def wrapper(*args):
            try:
                return func(*args)
            except (ZeroDivisionError, KeyError) as e:
                return f"{default} ({type(e).__name__})"
        return wrapper
    return deco


@guard("n/a")
def ratio(a, b):
    return a / b


@guard("missing")
def lookup(d, k):
    return d[k]


print(ratio(1, 4), ratio(1, 0))
print(lookup({"a": 1}, "a"), lookup({}, "b"))


def run_all(callbacks):
    results = []
    for cb in callbacks:
        try:
            results.append(cb())
        except Exception as e:
            results.append(type(e).__name__)
    return results


n = 0
print(run_all([lambda: 1, lambda: 1 / n, lambda: [][0], lambda: int("z"), lambda: "ok"]))
