# Exception state inside loops: each iteration's handler sees its own exception, the handled
# exception is cleared afterwards (a bare raise later has nothing to re-raise), context chains reset.
results = []
for i in range(6):
    try:
        if i % 3 == 0:
            raise ValueError(i)
        elif i % 3 == 1:
            {}[i]
        results.append(("ok", i))
    except ValueError as e:
        results.append(("ValueError", e.args, e.__context__))
    except KeyError as e:
        results.append(("KeyError", e.args, e.__context__))
print(results)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e, e.__context__)
count = 0
for i in range(1000):
    try:
        1 // (i % 2)
    except ZeroDivisionError:
        count += 1
print(count)

def nested_contexts():
    chain = []
    for i in range(3):
        try:
            try:
                raise KeyError(i)
            except KeyError:
                raise ValueError(i)
        except ValueError as e:
            chain.append((repr(e), repr(e.__context__), e.__context__.__context__))
    return chain

for entry in nested_contexts():
    print(entry)
