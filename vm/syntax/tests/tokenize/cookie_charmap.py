# coding: charmap
s = 'ÿ'
