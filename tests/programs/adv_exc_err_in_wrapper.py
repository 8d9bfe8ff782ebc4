# Uncaught: an exception raised inside a decorator's wrapper after the finally ran.
import functools

def audited(func):
    @functools.wraps(func)
    def wrapper(*args):
        try:
            print("calling", func.__name__, args)
            return func(*args)
        finally:
            print("finished", func.__name__)
    return wrapper

@audited
def ratio(a, b):
    return a / b

print(ratio(6, 3))
print(ratio(1, 0))
