# Single inheritance, overriding, super() and isinstance/issubclass.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "%s says %s" % (self.name, self.sound)
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog, a kind of " + super().kind()
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (tiny)"
for a in (Animal("generic"), Dog("rex"), Puppy("bit", 1)):
    print(a.speak(), "|", a.kind())
p = Puppy("x", 2)
print(isinstance(p, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy), p.age)
print(Puppy.__bases__, Puppy.__mro__)
print(Puppy.__base__.__name__, object.__bases__, Animal.__bases__)
