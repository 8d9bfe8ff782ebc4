# Uncaught: ** with a non-string key inside a forwarding wrapper.
def forward(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper

@forward
def show(**kw):
    return sorted(kw)

print(show(**{"a": 1, "b": 2}))
print(show(**{1: "one"}))
