# Uncaught: a missing keyword-only argument, through a forwarding wrapper.
def forward(func):
    def wrapper(*args, **kwargs):
        print("forwarding", args, kwargs)
        return func(*args, **kwargs)
    return wrapper


@forward
def connect(host, *, port):
    return host, port


print(connect("h", port=1))
connect("h")
