# finally with break and continue inside for and while loops.
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


def nested_loops():
    log = []
    for a in range(2):
        for b in range(3):
            try:
                if b == 1:
                    continue
                log.append((a, b))
            finally:
                log.append("f")
    return log


print(nested_loops())
