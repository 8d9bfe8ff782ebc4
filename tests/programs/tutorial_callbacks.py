# Closures tutorial: callbacks and a tiny event system.
handlers = {}


def on(event):
    def register(callback):
        handlers.setdefault(event, []).append(callback)
        return callback
    return register


def emit(event, *args):
    results = []
    for callback in handlers.get(event, []):
        results.append(callback(*args))
    return results


@on("greet")
def say_hello(name):
    return f"hello {name}"


@on("greet")
def say_bye(name):
    return f"bye {name}"


def make_logger(prefix):
    log = []

    def logger(*args):
        log.append(args)
        return f"{prefix}: {args}"
    logger.log = log
    return logger


audit = make_logger("AUDIT")
on("greet")(audit)
on("save")(audit)
print(emit("greet", "Ann"))
print(emit("save", "file.txt", 3))
print(emit("unknown"))
print(audit.log)


def process(items, on_item, on_done=lambda count: print("done with", count, "items")):
    for item in items:
        on_item(item)
    on_done(len(items))


collected = []
process([3, 1, 2], collected.append)
process("ab", lambda ch: collected.append(ch.upper()), on_done=lambda n: collected.append(n))
print(collected)
