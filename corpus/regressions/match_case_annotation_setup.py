# Regression from the cargo-fuzz compile target (bytecode-co-code-setup-annotations):
# an annotated assignment inside a module-level match case needs SETUP_ANNOTATIONS.
match 3:
    case 3:
        b: int = 1
    case _:
        pass
print(__annotations__)
print(b)
