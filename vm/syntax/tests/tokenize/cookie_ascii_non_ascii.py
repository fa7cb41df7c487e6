# coding: ascii
s = 'é'
