# An object built from closures sharing state: a small bank account with a dispatch dict.
def make_account(owner, balance=0):
    history = []

    def deposit(amount):
        nonlocal balance
        balance += amount
        history.append(("deposit", amount))
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            history.append(("refused", amount))
            return "insufficient funds"
        balance -= amount
        history.append(("withdraw", amount))
        return balance

    def report():
        return f"{owner}: {balance} after {len(history)} operations"

    return {"deposit": deposit, "withdraw": withdraw, "report": report, "history": lambda: list(history)}


acct = make_account("ann", 100)
print(acct["deposit"](50))
print(acct["withdraw"](500))
print(acct["withdraw"](30))
print(acct["report"]())
print(acct["history"]())
other = make_account("bob")
other["deposit"](1)
print(other["report"](), "|", acct["report"]())
print(sorted(acct))
