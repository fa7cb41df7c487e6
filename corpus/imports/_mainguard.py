"""Support module: code guarded by __name__ == '__main__' does not run on import."""
def helper():
    return "helper from " + __name__
if __name__ == "__main__":
    print("this never prints when imported")
LOADED = True
