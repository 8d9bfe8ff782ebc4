# try/except/else/finally: which clauses run, in what order, for each path.
def run(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("boom")
        if action == "return":
            log.append("returning")
            return log
        log.append("try end")
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log


for action in ["normal", "raise", "return"]:
    print(action, run(action))


def uncaught():
    log = []
    try:
        try:
            log.append("inner try")
            raise KeyError("k")
        except ValueError:
            log.append("wrong handler")
        else:
            log.append("inner else")
        finally:
            log.append("inner finally")
    except KeyError as e:
        log.append("outer caught " + repr(e))
    return log


print(uncaught())


def else_raises():
    try:
        try:
            pass
        except Exception:
            print("not reached")
        else:
            raise TypeError("from else")
        finally:
            print("finally after else")
    except TypeError as e:
        print("caught", e)


else_raises()
