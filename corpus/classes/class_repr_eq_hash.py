# A value class with __eq__, __hash__, __repr__ and ordering, used in sets/dicts.
class Card:
    RANKS = "23456789TJQKA"
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __repr__(self):
        return self.rank + self.suit
    def __eq__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return (self.rank, self.suit) == (other.rank, other.suit)
    def __hash__(self):
        return hash((self.rank, self.suit))
    def __lt__(self, other):
        return Card.RANKS.index(self.rank) < Card.RANKS.index(other.rank)
hand = [Card("K", "h"), Card("2", "s"), Card("A", "d"), Card("K", "h"), Card("9", "c")]
print(sorted(hand), len(set(hand)), Card("A", "d") in hand, hand.count(Card("K", "h")))
print({c: str(c) for c in hand}, max(hand), min(hand))
print(Card("2", "s") == "2s", Card("2", "s") != Card("2", "h"))
