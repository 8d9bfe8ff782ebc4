# logging format= fields, style='{', and a decorator that logs calls; file read back.
import logging
logging.basicConfig(filename="fmt.log", level=logging.DEBUG,
                    format="%(levelname)-8s|%(name)s|%(levelno)d|%(funcName)s|%(message)s")

def logged(func):
    def wrapper(*args, **kwargs):
        logging.debug("calling %s args=%s kwargs=%s", func.__name__, args, kwargs)
        result = func(*args, **kwargs)
        logging.info("%s returned %r", func.__name__, result)
        return result
    return wrapper

@logged
def add(a, b=0):
    return a + b

print(add(2, b=3), add("x", "y"))
logging.warning("module level")

def helper():
    logging.error("from helper")

helper()
logging.log(25, "custom level")
logging.log(logging.CRITICAL, "via log()")
print(logging.getLevelName(25), logging.getLevelName(30), logging.getLevelName("ERROR"))
handle = open("fmt.log")
for line in handle.read().splitlines():
    print(repr(line))
handle.close()
