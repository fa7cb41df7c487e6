# Class definition, instances, attributes, methods and __dict__.
class Account:
    bank = "PyBank"
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def deposit(self, amount):
        self.balance += amount
        return self
    def __repr__(self):
        return "Account(%r, %r)" % (self.owner, self.balance)
a = Account("ann")
b = Account("bob", 50)
a.deposit(10).deposit(5)
print(a, b, a.bank, Account.bank)
print(a.__dict__, sorted(Account.__dict__.keys() & {"deposit", "bank", "__init__"}))
a.bank = "Other"
print(a.bank, b.bank, Account.bank)
del a.bank
print(a.bank)
print(type(a) is Account, isinstance(a, Account), type(a).__name__, Account.__name__, Account.__qualname__)
print(Account.deposit(b, 1), b.deposit.__self__ is b, b.deposit.__func__ is Account.deposit)
try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)
