"""The core tests' content set: a few categories and entries (written by conftest.make_content)."""

CATEGORIES = """\
- id: crisis
  name: Urgent help now
  name_cy: Help brys nawr
- id: food
  name: Food and essentials
  name_cy: Bwyd a hanfodion
- id: money
  name: Money, benefits and debt
  name_cy: Arian, budd-daliadau a dyled
- id: mental-health
  name: Mental health and emotional support
  name_cy: Iechyd meddwl a chymorth emosiynol
- id: domestic-abuse
  name: Domestic abuse and relationships
  name_cy: Cam-drin domestig a pherthnasoedd
- id: young-people
  name: Young people and youth clubs
  name_cy: Pobl ifanc a chlybiau ieuenctid
- id: language
  name: English and Welsh classes, interpreting
  name_cy: Dosbarthiadau Saesneg a Chymraeg, cyfieithu
"""

ENTRIES = {
    "food-bank": """---
title: Community food bank
summary: Emergency food parcels for anyone who is struggling.
categories: [food]
tags: [food parcel, groceries]
cost: Free
---
Pick up a food parcel. No questions asked.
""",
    "debt-advice": """---
title: Debt advice
summary: Free, confidential help with debts, bills and benefits.
categories: [money]
tags: [debt, arrears, bailiffs]
cost: Free
ages: 18+
---
""",
    "youth-club": """---
title: Youth club
title_cy: Clwb ieuenctid
summary: Evening youth club with food, games and trips.
categories: [young-people]
ages: 11-18
cost: Free
---
""",
    "esol": """---
title: English classes (ESOL)
summary: English for speakers of other languages, all levels.
categories: [language]
tags: [english lessons]
languages: [en, pl, ar]
---
""",
    "samaritans": """---
title: Samaritans
summary: Free listening, day or night, for anyone struggling to cope.
categories: [crisis, mental-health]
phone: 116 123
cost: Free
---
""",
    "live-fear-free": """---
title: Live Fear Free helpline
summary: 24-hour helpline for anyone affected by domestic abuse or sexual violence.
categories: [crisis, domestic-abuse]
phone: 0808 80 10 800
cost: Free
---
""",
    "emergency-999": """---
title: Emergency services (999)
summary: Police, ambulance or fire when a life is at risk.
categories: [crisis]
phone: "999"
---
""",
    "old-warehouse": """---
title: Old food warehouse
summary: A food store that has closed.
categories: [food]
status: closed
---
""",
}
