# A dispatch table built with a parameterised registering decorator.
handlers = {}


def on(*events):
    def deco(func):
        for ev in events:
            handlers.setdefault(ev, []).append(func)
        return func
    return deco


@on("start")
def greet(ev):
    return "hello on " + ev


@on("start", "stop")
def log(ev):
    return "log " + ev


@on("stop")
def bye(ev):
    return "bye on " + ev


def fire(ev):
    return [h(ev) for h in handlers.get(ev, [])]


print(fire("start"))
print(fire("stop"))
print(fire("other"))
print({k: [f.__name__ for f in v] for k, v in handlers.items()})
