# return/break/continue inside finally override returns and swallow exceptions.
def finally_return_wins():
    try:
        return "try"
    finally:
        return "finally"
def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
def finally_sees_return_value():
    x = "before"
    try:
        return x
    finally:
        x = "changed in finally"
def break_in_finally():
    out = []
    for i in range(5):
        try:
            if i == 2:
                raise KeyError(i)
            out.append(i)
        finally:
            if i == 2:
                break
    return out
def continue_in_finally():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        finally:
            continue
    return out
def except_return_then_finally():
    log = []
    try:
        raise TypeError
    except TypeError:
        log.append("except")
        return log
    finally:
        log.append("finally")
def nested_finally_order():
    log = []
    try:
        try:
            return log
        finally:
            log.append("inner")
    finally:
        log.append("outer")
for fn in (finally_return_wins, finally_swallows, finally_sees_return_value, break_in_finally,
           continue_in_finally, except_return_then_finally, nested_finally_order):
    print(fn.__name__, fn())
