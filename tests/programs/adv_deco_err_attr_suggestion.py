# Uncaught: a misspelt wrapper attribute gets 3.11's "Did you mean" suggestion.
def counted(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper

@counted
def work(x):
    return x + 1

work(1)
work(2)
print(work.calls)
print(work.calss)
