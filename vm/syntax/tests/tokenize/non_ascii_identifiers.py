é = 1
ℌello = 2
𝔘 = é + ℌello
x² = 3
٣ = 4
naïve_café = ²
_é = 'ü'
€ = 5
class Ñ: pass
combining = 'é'
