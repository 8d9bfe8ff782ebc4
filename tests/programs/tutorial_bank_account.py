# Closures tutorial: data hiding with closures (a bank account without classes).
def make_account(balance=0):
    history = []

    def deposit(amount):
        nonlocal balance
        if amount <= 0:
            raise ValueError("Deposit must be positive")
        balance += amount
        history.append(("deposit", amount))
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ValueError(f"Insufficient funds: balance is {balance}, asked for {amount}")
        balance -= amount
        history.append(("withdraw", amount))
        return balance

    def get_balance():
        return balance

    return {"deposit": deposit, "withdraw": withdraw, "balance": get_balance,
            "history": lambda: list(history)}


account = make_account(100)
print(account["deposit"](50))
print(account["withdraw"](30))
try:
    account["withdraw"](500)
except ValueError as e:
    print("Error:", e)
try:
    account["deposit"](-5)
except ValueError as e:
    print("Error:", e)
print(account["balance"]())
print(account["history"]())
other = make_account()
other["deposit"](1)
print(other["balance"](), account["balance"]())
