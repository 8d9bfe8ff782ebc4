# Uncaught: NameError with a suggestion taken from the local scope.
def compute():
    result_total = 10
    return result_totl * 2


print("start")
compute()
