# try/except/else/finally: else runs only without exception, before finally; errors in else are
# not handled by the same try's handlers.
def run(action):
    log = []
    try:
        try:
            log.append("try")
            action(log)
        except KeyError:
            log.append("except KeyError")
        else:
            log.append("else")
            if action is raise_in_else:
                raise KeyError("from else")
        finally:
            log.append("finally")
    except KeyError as e:
        log.append("outer caught " + str(e))
    return log

def nothing(log):
    pass

def key_error(log):
    raise KeyError("k")

def raise_in_else(log):
    pass

for action in (nothing, key_error, raise_in_else):
    print(action.__name__, run(action))

def else_return():
    try:
        pass
    except Exception:
        return "except"
    else:
        return "else"
    finally:
        print("  finally before else's return completes")

print(else_return())
for i in range(3):
    try:
        if i == 1:
            continue
    finally:
        print("finally", i)
    print("after try", i)
