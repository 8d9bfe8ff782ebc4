# Nested try statements: which handler sees which exception; exceptions inside handlers.
def run(kind):
    trace = []
    try:
        try:
            if kind == "key":
                raise KeyError("k")
            if kind == "value":
                raise ValueError("v")
            trace.append("no raise")
        except KeyError:
            trace.append("inner caught key")
            if kind == "key":
                raise IndexError("from handler")
        finally:
            trace.append("inner finally")
    except IndexError as e:
        trace.append("outer caught " + str(e))
    except ValueError as e:
        trace.append("outer caught value " + str(e))
    finally:
        trace.append("outer finally")
    return trace


for k in ["none", "key", "value"]:
    print(k, run(k))

count = 0
for i in range(3):
    try:
        try:
            raise ValueError(i)
        finally:
            count += 1
    except ValueError as e:
        print("loop", e, count)
