def make_account(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            raise ValueError('insufficient')
        balance -= x
        return balance
    def get():
        return balance
    return {'deposit': deposit, 'withdraw': withdraw, 'get': get}
