# Decorators tutorial: retrying a flaky function a fixed number of times.
import functools


def retry(max_attempts=3, exceptions=(Exception,)):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            last_error = None
            for attempt in range(1, max_attempts + 1):
                try:
                    result = func(*args, **kwargs)
                    print(f"attempt {attempt}: success")
                    return result
                except exceptions as e:
                    print(f"attempt {attempt}: failed with {type(e).__name__}: {e}")
                    last_error = e
            raise RuntimeError(f"{func.__name__} failed after {max_attempts} attempts") from last_error
        return wrapper
    return decorator


calls = {"count": 0}


@retry(max_attempts=4, exceptions=(ConnectionError,))
def fetch_data():
    calls["count"] += 1
    if calls["count"] < 3:
        raise ConnectionError("server not responding")
    return {"status": "ok"}


print(fetch_data())


@retry(max_attempts=2)
def always_fails():
    raise ValueError("bad input")


try:
    always_fails()
except RuntimeError as e:
    print("gave up:", e)
    print("cause:", repr(e.__cause__))


@retry(exceptions=(KeyError,))
def wrong_exception():
    raise TypeError("not retried")


try:
    wrong_exception()
except TypeError as e:
    print("propagated immediately:", e)
