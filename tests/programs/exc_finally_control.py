# finally with return, break and continue.
def return_override():
    try:
        return "from try"
    finally:
        print("finally runs before the return completes")


print(return_override())


def finally_return_wins():
    try:
        return "try value"
    finally:
        return "finally value"


print(finally_return_wins())


def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


print(finally_swallows())


def loop_control():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out


print(loop_control())


def while_finally():
    i = 0
    trace = []
    while True:
        try:
            i += 1
            if i > 3:
                break
        finally:
            trace.append(i)
    return trace


print(while_finally())


def return_value_captured():
    x = 1
    try:
        return x
    finally:
        x = 2


print(return_value_captured())
