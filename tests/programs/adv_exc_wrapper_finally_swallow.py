# A wrapper whose finally returns swallows the wrapped function's exception; continue/break in
# finally inside a retry loop swallow exceptions and override returns alike.
import functools

def never_fails(func):
    @functools.wraps(func)
    def wrapper(*args):
        try:
            return func(*args)
        finally:
            return "swallowed by " + wrapper.__name__
    return wrapper

@never_fails
def explode(kind):
    raise {"key": KeyError, "value": ValueError}[kind]("boom")

print(explode("key"), explode("value"))

def retry_break(func):
    def wrapper():
        attempts = 0
        while True:
            attempts += 1
            try:
                return func(attempts)
            finally:
                if attempts < 3:
                    continue
                break
        return "gave up after %d attempts" % attempts
    return wrapper

@retry_break
def flaky(n):
    raise RuntimeError("attempt %d" % n)

print(flaky())

@retry_break
def succeeds(n):
    return "succeeded on attempt %d" % n

print(succeeds())
