"""What a case tells the apps built on it, so that it imports none of them."""

from django.dispatch import Signal

# Sent in the transaction of every move of a case's state, with `case` (moved) and `source`
# (the state it left). The requester's state e-mail listens (custodes.letters).
case_moved = Signal()
