# A class statement with no body.
class Empty:

x = Empty()
