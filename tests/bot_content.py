"""The bot tests' content set (written by conftest.make_content): a few categories, everyday services, and the crisis lines.

The helplines keep their real, public national numbers (the crisis answers are about them); the
local services use Ofcom's drama range (01632 960xxx), never real lines.
"""

CATEGORIES = """\
- id: crisis
  name: "Urgent help now"
  name_cy: "Help brys nawr"
  description: "Help straight away if you or someone else is in danger."
- id: food
  name: "Food and essentials"
  name_cy: "Bwyd a hanfodion"
  description: "Free or cheap food."
- id: money
  name: "Money, benefits and debt"
  name_cy: "Arian, budd-daliadau a dyled"
  description: "Help when money is tight."
- id: language
  name: "English and Welsh classes, interpreting"
  name_cy: "Dosbarthiadau Saesneg a Chymraeg, cyfieithu"
  description: "Learning English or Welsh."
- id: learning
  name: "Learning, skills and jobs"
  name_cy: "Dysgu, sgiliau a swyddi"
  description: "Courses and training."
- id: young-people
  name: "Young people and youth clubs"
  name_cy: "Pobl ifanc a chlybiau ieuenctid"
  description: "Youth clubs and holiday activities."
- id: mental-health
  name: "Mental health and emotional support"
  name_cy: "Iechyd meddwl a chymorth emosiynol"
  description: "Someone to talk to."
- id: domestic-abuse
  name: "Domestic abuse and relationships"
  name_cy: "Cam-drin domestig a pherthnasoedd"
  description: "Help if someone at home hurts or controls you."
- id: health
  name: "Health and wellbeing"
  name_cy: "Iechyd a lles"
  description: "Health services."
- id: disability
  name: "Disability"
  name_cy: "Anabledd"
  description: "Nothing listed here yet."
"""

ENTRIES = {
    "caia-food-bank": """\
        ---
        title: Caia food bank
        title_cy: Banc bwyd Caia
        summary: Free food parcels for anyone who is struggling, no questions asked.
        summary_cy: Parseli bwyd am ddim i unrhyw un sy'n ei chael hi'n anodd, heb gwestiynau.
        organisation: Caia Park Partnership
        categories: [food, money]
        tags: [food bank, food parcel, hungry, skint]
        area: Caia Park
        address: "1 Example Road, Wrexham"
        postcode: "LL13 9ZZ"
        phone: "01632 960001"
        website: https://example.org/food
        hours: "Monday to Friday 9am to 5pm"
        cost: Free
        languages: [en, cy, pl]
        referral: Just turn up
        verified: 2025-04-11
        ---

        Come to the hub and ask at the desk. **Bring a bag** if you can; see [our page](https://example.org/food).
        """,
    "community-fridge": """\
        ---
        title: Community fridge
        title_cy: Oergell gymunedol
        summary: Free surplus food from local shops, for anyone, to stop food going to waste.
        summary_cy: Bwyd dros ben am ddim o siopau lleol, i unrhyw un.
        categories: [food]
        tags: [free food, food, fridge]
        phone: "01632 960002"
        hours: "Thursdays 1pm to 3pm"
        ---

        Bring a bag.
        """,
    "lunch-club": """\
        ---
        title: Lunch club
        title_cy: Clwb cinio
        summary: A hot lunch and company every Wednesday, for older people.
        summary_cy: Cinio poeth a chwmni bob dydd Mercher, i bobl hŷn.
        categories: [food]
        tags: [lunch, hot meal, food, older people]
        email: lunch@example.org
        ---

        Ask at the hub.
        """,
    "baby-bank": """\
        ---
        title: Baby bank
        title_cy: Banc babanod
        summary: Free nappies, baby food and clothes for families who need them.
        summary_cy: Cewynnau, bwyd babanod a dillad am ddim i deuluoedd sydd eu hangen.
        categories: [food]
        tags: [baby food, nappies, food, baby clothes]
        website: https://example.org/baby
        ---

        Ask your health visitor.
        """,
    "pantry-paused": """\
        ---
        title: Community pantry
        title_cy: Pantri cymunedol
        summary: Low-cost food shopping for members; paused while the hall is repaired.
        summary_cy: Siopa bwyd rhad i aelodau; wedi'i oedi tra bo'r neuadd yn cael ei thrwsio.
        categories: [food]
        tags: [food, pantry, cheap food]
        status: temporarily-closed
        ---

        Back soon.
        """,
    "english-classes": """\
        ---
        title: English classes (ESOL) at the hub
        title_cy: Dosbarthiadau Saesneg (ESOL) yn yr hyb
        summary: Free English classes for adults whose first language is not English.
        summary_cy: Dosbarthiadau Saesneg am ddim i oedolion nad Saesneg yw eu hiaith gyntaf.
        categories: [language, learning]
        tags: [English classes, ESOL, learn English, English lessons, improve my English]
        questions:
          - "Where can I learn English?"
        phone: "01632 960003"
        hours: "Mondays 10am to 12pm"
        cost: Free
        verified: 2020-01-01
        ---

        Beginners welcome.
        """,
    "half-term-club": """\
        ---
        title: Half term holiday club
        title_cy: Clwb gwyliau hanner tymor
        summary: Games, crafts and sport for children in the school holidays and half term.
        summary_cy: Gemau, crefftau a chwaraeon i blant yng ngwyliau'r ysgol a hanner tymor.
        categories: [young-people]
        tags: [half term, school holidays, things to do, activities, kids]
        hours: "Half term weekdays 10am to 3pm"
        ---

        Book at the hub.
        """,
    "samaritans": """\
        ---
        title: Samaritans, call 116 123
        title_cy: Y Samariaid, ffoniwch 116 123
        summary: Free, confidential listening any time, for anyone struggling to cope or thinking of suicide.
        summary_cy: Gwrando cyfrinachol am ddim unrhyw bryd, i unrhyw un sy'n ei chael hi'n anodd ymdopi.
        categories: [crisis, mental-health]
        tags: [suicidal, want to die, can't cope, someone to talk to, listening]
        phone: "116 123"
        hours: "24 hours"
        cost: Free
        ---

        Call free, any time, day or night.
        """,
    "nhs-111-mental-health": """\
        ---
        title: NHS 111 Wales, press 2 for mental health
        title_cy: GIG 111 Cymru, pwyswch 2 am iechyd meddwl
        summary: Call 111 and choose option 2 to talk to a mental health worker straight away.
        summary_cy: Ffoniwch 111 a dewiswch opsiwn 2 i siarad â gweithiwr iechyd meddwl ar unwaith.
        categories: [crisis, mental-health, health]
        tags: [mental health crisis, urgent mental health, struggling, talk]
        phone: "111"
        hours: "24 hours"
        cost: Free
        ---

        Free from any phone.
        """,
    "live-fear-free": """\
        ---
        title: Live Fear Free helpline, 0808 80 10 800
        title_cy: Llinell Gymorth Byw Heb Ofn, 0808 80 10 800
        summary: Free, confidential help 24 hours a day for anyone affected by domestic abuse or sexual violence.
        summary_cy: Help cyfrinachol am ddim 24 awr y dydd i unrhyw un sy'n cael ei effeithio gan gam-drin domestig.
        categories: [crisis, domestic-abuse]
        tags: [domestic abuse, partner hits me, scared at home, violence, safe]
        phone: "0808 80 10 800"
        hours: "24 hours"
        cost: Free
        ---

        Call any time.
        """,
    "emergency-999": """\
        ---
        title: Emergency, call 999
        title_cy: Argyfwng, ffoniwch 999
        summary: Call 999 if someone is in danger right now or their life is at risk.
        summary_cy: Ffoniwch 999 os oes rhywun mewn perygl nawr.
        categories: [crisis, health, domestic-abuse]
        tags: [emergency, police, ambulance, danger]
        phone: "999"
        ---

        Police, ambulance, fire.
        """,
    "a-service-with-a-very-long-name-that-goes-on-and-on-past-telegrams-limit": """\
        ---
        title: A service with a very long name that goes on and on past Telegram's limit
        title_cy: Gwasanaeth gydag enw hir iawn
        summary: Debt advice with a deliberately long file name, to test button data limits.
        summary_cy: Cyngor dyled gydag enw ffeil hir.
        categories: [money]
        tags: [debt, debt advice, bills]
        ---

        Debt advice.
        """,
    "old-advice-shop": """\
        ---
        title: Old advice shop
        title_cy: Hen siop gyngor
        summary: An advice shop that has closed for good.
        summary_cy: Siop gyngor sydd wedi cau am byth.
        categories: [money]
        tags: [advice shop, debt]
        status: closed
        ---

        Closed.
        """,
}
