# A dict display missing a comma between entries.
config = {
    "name": "x"
    "size": 3,
}
