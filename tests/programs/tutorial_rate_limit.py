# Decorators tutorial: limiting how many times a function may be called.
import functools


class_free_note = "implemented with closures only"


def call_limit(max_calls):
    def decorator(func):
        calls = 0

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            nonlocal calls
            if calls >= max_calls:
                raise RuntimeError(f"{func.__name__} can only be called {max_calls} times")
            calls += 1
            return func(*args, **kwargs)

        def remaining():
            return max_calls - calls
        wrapper.remaining = remaining
        return wrapper
    return decorator


@call_limit(2)
def send_email(to):
    return f"email sent to {to}"


print(send_email("a@example.com"), send_email.remaining())
print(send_email("b@example.com"), send_email.remaining())
try:
    send_email("c@example.com")
except RuntimeError as e:
    print("RuntimeError:", e)
print(class_free_note)


def once(func):
    result = []

    @functools.wraps(func)
    def wrapper(*args):
        if not result:
            result.append(func(*args))
        return result[0]
    return wrapper


@once
def initialize(config):
    print("initializing with", config)
    return {"ready": True, "config": config}


print(initialize("first"))
print(initialize("second"))
