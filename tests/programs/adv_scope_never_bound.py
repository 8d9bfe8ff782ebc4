# Free variables that are never bound, or bound only after the closure runs.
def loop_never_runs():
    for item in []:
        pass
    def show():
        return item
    return show

show = loop_never_runs()
print(show.__closure__)
try:
    show()
except NameError as e:
    print(type(e).__name__, e)

def bound_later():
    def early():
        return later
    results = []
    try:
        results.append(early())
    except NameError as e:
        results.append(str(e))
    later = "now bound"
    results.append(early())
    return results

print(bound_later())

def recursive_inner():
    def fact(n):
        return 1 if n < 2 else n * fact(n - 1)
    return fact

fact = recursive_inner()
print(fact(10), fact.__code__.co_freevars, recursive_inner.__code__.co_cellvars)

def mutual():
    def ping(n):
        return "done" if n == 0 else pong(n - 1)
    def pong(n):
        return "done" if n == 0 else ping(n - 1)
    return ping

print(mutual()(5), mutual().__code__.co_freevars)
