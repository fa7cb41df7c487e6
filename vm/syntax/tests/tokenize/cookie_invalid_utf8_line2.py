#!python
# ÿ
x = 1
