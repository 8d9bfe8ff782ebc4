# finally with return: it runs before the return completes and can override or swallow.
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


def return_value_captured():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x set to", x, "in finally")


print(return_value_captured())
