'a' "b" '''c''' """d"""
B'a' B"b" B'''c''' B"""d"""
BR'a' BR"b" BR'''c''' BR"""d"""
Br'a' Br"b" Br'''c''' Br"""d"""
F'a' F"b" F'''c''' F"""d"""
FR'a' FR"b" FR'''c''' FR"""d"""
Fr'a' Fr"b" Fr'''c''' Fr"""d"""
R'a' R"b" R'''c''' R"""d"""
RB'a' RB"b" RB'''c''' RB"""d"""
RF'a' RF"b" RF'''c''' RF"""d"""
Rb'a' Rb"b" Rb'''c''' Rb"""d"""
Rf'a' Rf"b" Rf'''c''' Rf"""d"""
U'a' U"b" U'''c''' U"""d"""
b'a' b"b" b'''c''' b"""d"""
bR'a' bR"b" bR'''c''' bR"""d"""
br'a' br"b" br'''c''' br"""d"""
f'a' f"b" f'''c''' f"""d"""
fR'a' fR"b" fR'''c''' fR"""d"""
fr'a' fr"b" fr'''c''' fr"""d"""
r'a' r"b" r'''c''' r"""d"""
rB'a' rB"b" rB'''c''' rB"""d"""
rF'a' rF"b" rF'''c''' rF"""d"""
rb'a' rb"b" rb'''c''' rb"""d"""
rf'a' rf"b" rf'''c''' rf"""d"""
u'a' u"b" u'''c''' u"""d"""
ub'x'
bu'x'
rr'x'
bf'x'
fb'x'
rub'x'
Ur'x'
