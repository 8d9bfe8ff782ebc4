# A retrying decorator: exceptions inside the wrapped function cross the closure boundary.
def retry(times, on=(ValueError,)):
    def deco(func):
        def wrapper(*args):
            last = None
            for attempt in range(1, times + 1):
                try:
                    result = func(*args)
                except on as e:
                    print(f"attempt {attempt} failed: {e}")
                    last = e
                else:
                    print(f"attempt {attempt} ok")
                    return result
            raise RuntimeError(f"gave up after {times}") from last
        return wrapper
    return deco


state = {"n": 0}


@retry(5)
def flaky(limit):
    state["n"] += 1
    if state["n"] < limit:
        raise ValueError(f"n={state['n']}")
    return "success at " + str(state["n"])


print(flaky(3))
state["n"] = 0
try:
    flaky(10)
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))


@retry(3, on=(KeyError,))
def wrong_kind():
    raise TypeError("not retried")


try:
    wrong_kind()
except TypeError as e:
    print("escaped:", e)
