"""Short articles written for these tests (never real ones)."""

ENGLISH = """Ministry warns of foreign plot

The Defence Ministry said on Tuesday that foreign agents were preparing provocations near the border.

"These criminals will answer for every crime," Defence Minister Arkady Belov told reporters in Minsk.
"""

RUSSIAN = """Министр предупредил о провокациях

Во вторник министр обороны Аркадий Белов заявил, что иностранные агенты готовят провокации у границы.

«Эти преступники ответят за каждое преступление», — сказал Белов журналистам в Минске.
"""
