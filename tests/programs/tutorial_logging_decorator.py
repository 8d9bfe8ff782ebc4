# Decorators tutorial: logging every call to a file with the logging module.
import functools
import logging

logging.basicConfig(filename="calls.log", level=logging.INFO,
                    format="%(levelname)s - %(message)s")


def log_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        logging.info("Calling %s with args=%s kwargs=%s", func.__name__, args, kwargs)
        try:
            result = func(*args, **kwargs)
        except Exception as e:
            logging.error("%s raised %s: %s", func.__name__, type(e).__name__, e)
            raise
        logging.info("%s returned %r", func.__name__, result)
        return result
    return wrapper


@log_calls
def divide(a, b):
    return a / b


print(divide(10, 4))
try:
    divide(1, 0)
except ZeroDivisionError:
    print("division failed, see the log")

with_log = open("calls.log")
print(with_log.read(), end="")
with_log.close()
