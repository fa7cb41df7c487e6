# A function with no indented body.
def greet(name):
return "hi " + name
