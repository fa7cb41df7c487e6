# coding=iso-8859-15
s = '€'
