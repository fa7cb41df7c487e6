# Uncaught custom exception with a custom __str__ in a class method.
# expect-exit: 1
class InsufficientFunds(Exception):
    def __init__(self, need, have):
        super().__init__(need, have)
        self.need, self.have = need, have
    def __str__(self):
        return "need %d, have %d" % (self.need, self.have)
class Wallet:
    def __init__(self, amount):
        self.amount = amount
    def pay(self, n):
        if n > self.amount:
            raise InsufficientFunds(n, self.amount)
        self.amount -= n
        return self.amount
w = Wallet(10)
print(w.pay(3))
print(w.pay(20))
