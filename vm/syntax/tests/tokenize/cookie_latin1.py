# -*- coding: latin-1 -*-
s = 'été'
é = 1
