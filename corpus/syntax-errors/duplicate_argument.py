# The same parameter name twice.
def area(width, height, width):
    return width * height
