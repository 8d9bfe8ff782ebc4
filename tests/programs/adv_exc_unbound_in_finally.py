# Reading a variable in finally that the failed try never assigned: UnboundLocalError replaces
# the original exception, which becomes its __context__.
def risky():
    try:
        result = 1 / 0
    finally:
        print("finally sees result?")
        print(result)

try:
    risky()
except NameError as e:
    print(type(e).__name__, e)
    print("context:", repr(e.__context__))

def cleanup_order():
    log = []
    try:
        try:
            handle = {}["missing"]
        finally:
            log.append("inner finally")
            try:
                handle
            except UnboundLocalError:
                log.append("handle unbound")
    except KeyError as e:
        log.append("outer caught " + repr(e))
    return log

print(cleanup_order())
