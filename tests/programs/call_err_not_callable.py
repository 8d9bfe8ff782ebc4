# Uncaught: calling something that is not callable (a decorator that returned a value).
def call_now(func):
    return func()


@call_now
def answer():
    return 42


print(answer, callable(answer))
funcs = [len, answer]
print(funcs[0]("abc"))
funcs[1]()
