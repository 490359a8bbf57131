"""Crisis detection, the development table: every kind and tier, in English and Welsh, positive and
negative. The mechanism is tuned on these rows; tests/test_crisis_heldout.py judges it on rows it was
never tuned on."""

import random
import string
from pathlib import Path

import pytest

from search_index import crisis, wordnet
from search_index.crisis import NEAR_WORDS, CrisisSignal, detect_crisis, is_risk_word

ROOT = Path(__file__).resolve().parent.parent

# (message, kind, tier, about)
CRISIS = [
    # suicide: intent, plans, hopelessness, slang and typos
    ("I can't go on anymore", "suicide", "crisis", "self"),
    ("I want to kill myself", "suicide", "crisis", "self"),
    ("i wanna die", "suicide", "crisis", "self"),
    ("i wanna dye", "suicide", "crisis", "self"),
    ("Im going to overdose tonight", "suicide", "urgent", "self"),
    ("I don't want to be alive anymore", "suicide", "crisis", "self"),
    ("thinking about ending it all", "suicide", "crisis", "self"),
    ("i feel suicidal", "suicide", "crisis", "self"),
    ("sucidal", "suicide", "crisis", "self"),
    ("kil myself", "suicide", "crisis", "self"),
    ("no point in living", "suicide", "crisis", "self"),
    ("everyone would be better off without me", "suicide", "crisis", "self"),
    ("can't take it anymore", "suicide", "crisis", "self"),
    ("want to go to sleep and not wake up", "suicide", "crisis", "self"),
    ("i just wanna sleep forever", "suicide", "crisis", "self"),
    ("KMS", "suicide", "crisis", "self"),
    ("k.m.s lol not even joking", "suicide", "crisis", "self"),
    ("im gonna unalive myself", "suicide", "crisis", "self"),
    ("i want to dieeee", "suicide", "crisis", "self"),
    ("nothing to live for anymore", "suicide", "crisis", "self"),
    ("i'm done with my life", "suicide", "crisis", "self"),
    ("i have written a goodbye note", "suicide", "crisis", "self"),
    ("nobody would miss me", "suicide", "crisis", "self"),
    # methods and means
    ("I took a load of pills", "suicide", "urgent", "self"),
    ("i took 30 paracetamol", "suicide", "urgent", "self"),
    ("I've got pills saved up", "suicide", "crisis", "self"),
    ("tried to OD", "suicide", "crisis", "self"),
    ("i od'd", "suicide", "urgent", "self"),
    ("swallowed a bottle of codeine", "suicide", "urgent", "self"),
    ("i want to jump into traffic", "suicide", "crisis", "self"),
    ("gonna throw myself off a bridge", "suicide", "crisis", "self"),
    ("i'm going to hang myself", "suicide", "crisis", "self"),
    ("i want to set myself on fire", "suicide", "crisis", "self"),
    ("will 20 tablets kill me", "suicide", "crisis", "self"),
    ("i've got the noose prepared", "suicide", "crisis", "self"),
    ("i'm going to swallow antifreeze", "suicide", "crisis", "self"),
    ("i hate being alive", "suicide", "crisis", "self"),
    ("i want 2 b dead", "suicide", "crisis", "self"),
    ("i wish i'd never been born", "suicide", "crisis", "self"),
    ("sick of this life", "suicide", "concern", "self"),
    ("gonna disappear for good", "suicide", "crisis", "self"),
    ("everyone's better off if i was gone", "suicide", "crisis", "self"),
    ("i won't be here much longer", "suicide", "crisis", "self"),
    ("i tried to overdose before", "suicide", "crisis", "self"),
    ("i'm going to cut tonight", "self-harm", "urgent", "self"),
    ("i've got a razor ready", "suicide", "crisis", "self"),
    ("i just tried to end it", "suicide", "urgent", "self"),
    ("i really don't want to wake up in the morning", "suicide", "crisis", "self"),
    ("thinking i might end my own life", "suicide", "crisis", "self"),
    ("i've saved loads of tablets in a box", "suicide", "crisis", "self"),
    ("standing at the cliff ready to jump", "suicide", "crisis", "self"),
    ("i want to crash my car into a tree", "suicide", "crisis", "self"),
    ("no one would care if i died", "suicide", "crisis", "self"),
    ("can't be bothered being alive", "suicide", "crisis", "self"),
    ("everyone would be relieved if i died", "suicide", "crisis", "self"),
    ("how many co-codamol would be fatal", "suicide", "crisis", "self"),
    ("this is it, i end it tonight", "suicide", "urgent", "self"),
    ("i want out of life", "suicide", "crisis", "self"),
    ("took three packs of ibuprofen", "suicide", "urgent", "self"),
    ("thinking of lying down on the railway", "suicide", "crisis", "self"),
    ("i have pills and i'm going to use them on myself", "suicide", "crisis", "self"),
    ("thinkin bout ending it all", "suicide", "crisis", "self"),
    ("i've been saying goodbye to everyone", "suicide", "concern", "self"),
    ("after this i won't be around", "suicide", "crisis", "self"),
    ("i have put my affairs in order", "suicide", "crisis", "self"),
    ("i've got every tablet i own here", "suicide", "concern", "self"),
    ("i'm on the viaduct right now", "suicide", "urgent", "self"),
    # self-harm
    ("I've been cutting myself", "self-harm", "crisis", "self"),
    ("i keep self harming", "self-harm", "crisis", "self"),
    ("i burn myself", "self-harm", "crisis", "self"),
    ("cut my wrists last night", "self-harm", "crisis", "self"),
    ("i've been slashing my legs", "self-harm", "crisis", "self"),
    ("i burnt my leg on purpose", "self-harm", "crisis", "self"),
    ("i keep cutting", "self-harm", "crisis", "self"),
    ("i hit my head against the door till it hurts", "self-harm", "crisis", "self"),
    ("i burn my arms with matches", "self-harm", "crisis", "self"),
    # a third person
    ("my mate is threatening to kill himself", "suicide", "crisis", "other"),
    ("my daughter is cutting herself", "self-harm", "crisis", "other"),
    ("my son says he wants to die", "suicide", "crisis", "other"),
    ("my brother keeps threatening to leap in front of a train", "suicide", "crisis", "other"),
    ("my girlfriend is talking about suicide", "suicide", "crisis", "other"),
    ("my friend has taken loads of tablets", "suicide", "urgent", "other"),
    # violence to the writer
    ("my boyfriend strangled me", "abuse", "crisis", "self"),
    ("he hit me again and I'm scared", "abuse", "crisis", "self"),
    ("my partner threatened to kill me", "abuse", "crisis", "self"),
    ("I'm scared for my life", "abuse", "crisis", "self"),
    ("my partner pushed me down the stairs", "abuse", "crisis", "self"),
    ("my husband punches me", "abuse", "crisis", "self"),
    ("she keeps kicking me", "abuse", "crisis", "self"),
    ("my dad hits my mum", "abuse", "crisis", "other"),
    ("he kicked me and punched me", "abuse", "crisis", "self"),
    ("he shoved me against the wall", "abuse", "crisis", "self"),
    ("he slammed my face into the door", "abuse", "crisis", "self"),
    ("he hurled a bottle at me", "abuse", "crisis", "self"),
    ("my partner will kill me if he finds out", "abuse", "crisis", "self"),
    ("my husband gets aggressive with me", "abuse", "crisis", "self"),
    ("he pulled my hair then kicked me", "abuse", "crisis", "self"),
    ("he threatens to hurt the cat and me", "abuse", "crisis", "self"),
    ("he said he'd slit my throat", "abuse", "crisis", "self"),
    # sexual violence
    ("I was raped", "sexual-violence", "crisis", "self"),
    ("rape", "sexual-violence", "crisis", "self"),
    ("he forced me to have sex", "sexual-violence", "crisis", "self"),
    ("he groped me", "sexual-violence", "crisis", "self"),
    ("he forced himself on me", "sexual-violence", "crisis", "self"),
    ("i was sexually assaulted at a party", "sexual-violence", "crisis", "self"),
    ("my cousin molested me", "sexual-violence", "crisis", "self"),
    ("my neighbour waits for me after school and touches me", "sexual-violence", "crisis", "self"),
    ("my tutor keeps touching me", "sexual-violence", "crisis", "self"),
    ("he pressured me into sexual stuff", "sexual-violence", "crisis", "self"),
    ("he made me give him a blowjob", "sexual-violence", "crisis", "self"),
    ("my uncle touched my chest", "sexual-violence", "crisis", "self"),
    # immediate danger
    ("someone has a knife outside my door", "danger", "urgent", "self"),
    ("someone is outside with a knife", "danger", "urgent", "self"),
    ("knife to my throat", "danger", "urgent", "self"),
    ("my friend is unconscious and not breathing", "danger", "urgent", "other"),
    ("my house is on fire", "danger", "urgent", "self"),
    ("I'm being followed home", "danger", "urgent", "self"),
    ("someone is breaking in", "danger", "urgent", "self"),
    ("my dad collapsed", "danger", "urgent", "other"),
    ("a van keeps following me", "danger", "urgent", "self"),
    ("someone's kicking my door in", "danger", "urgent", "self"),
    ("someone has broken into my house", "danger", "urgent", "self"),
    ("he threatened to burn my flat down", "danger", "urgent", "self"),
    ("found my brother with pills everywhere", "danger", "urgent", "other"),
    ("i'm hiding from him in the loft", "danger", "urgent", "self"),
    ("i got stabbed last night", "abuse", "crisis", "self"),
    ("someone slipped something in my drink", "danger", "crisis", "self"),
    ("my ex waits outside my flat every day", "danger", "crisis", "self"),
    # concern: softer signals
    ("nobody cares about me", "suicide", "concern", "self"),
    ("I've had enough of everything", "suicide", "concern", "self"),
    ("i hate myself so much", "suicide", "concern", "self"),
    ("i can't cope", "suicide", "concern", "self"),
    ("i'm not suicidal but i feel awful", "suicide", "concern", "self"),
    ("i feel so trapped", "suicide", "concern", "self"),
    ("i'm just a burden to my family", "suicide", "concern", "self"),
    ("there's no hope for me", "suicide", "concern", "self"),
    ("i don't matter to anyone", "suicide", "concern", "self"),
    ("honestly i'm done", "suicide", "concern", "self"),
    # Welsh
    ("dw i eisiau lladd fy hun", "suicide", "crisis", "self"),
    ("rwy am ladd fy hun", "suicide", "crisis", "self"),
    ("dwi isio marw", "suicide", "crisis", "self"),
    ("dw i ddim eisiau byw", "suicide", "crisis", "self"),
    ("dwi'n meddwl am hunanladdiad", "suicide", "crisis", "self"),
    ("methu mynd ymlaen", "suicide", "crisis", "self"),
    ("mae hi eisiau lladd ei hun", "suicide", "crisis", "other"),
    ("dw i'n hunan-niweidio", "self-harm", "crisis", "self"),
    ("mae e wedi fy nharo eto", "abuse", "crisis", "self"),
    ("Mae o'n fy nharo i", "abuse", "crisis", "self"),
    ("mae fy ngŵr yn fy nghicio", "abuse", "crisis", "self"),
    ("mae gen i ofn am fy mywyd", "abuse", "crisis", "self"),
    ("mae e wedi fy nhreisio", "sexual-violence", "crisis", "self"),
    ("treisio", "sexual-violence", "crisis", "self"),
    ("mae rhywun y tu allan gyda chyllell", "danger", "urgent", "self"),
    ("mae dyn wrth y drws gyda gwn", "danger", "urgent", "self"),
    ("mae'r gegin ar dân", "danger", "urgent", "self"),
    ("dw i mewn perygl", "danger", "crisis", "self"),
    ("mae e'n anymwybodol", "danger", "urgent", "other"),
    ("dw i ddim eisiau bod yn fyw", "suicide", "crisis", "self"),
    ("dwi'n teimlo'n ddiwerth", "suicide", "concern", "self"),
    ("mae e wedi llyncu'r pils i gyd", "suicide", "urgent", "other"),
    ("dwi eisiau gorffen popeth", "suicide", "crisis", "self"),
    ("does dim pwynt i fi fyw", "suicide", "crisis", "self"),
    ("dw i wedi cael llond bol ar fy mywyd", "suicide", "crisis", "self"),
    ("dwi isio diweddu'r cyfan", "suicide", "crisis", "self"),
    ("dwi eisiau diflannu", "suicide", "crisis", "self"),
    ("mae hi wedi cymryd gormod o baracetamol", "suicide", "urgent", "other"),
    ("mae rhywun yn torri mewn i'r fflat", "danger", "urgent", "self"),
    ("does neb yn fy ngharu", "suicide", "concern", "self"),
    ("byddai'n well gen i farw", "suicide", "crisis", "self"),
    # a way to die asked for, "yourself" read as the writer, an object to hit with, bleeding as the aim
    ("whats the quickest way to die", "suicide", "crisis", "self"),
    ("how do you hang yourself", "suicide", "crisis", "self"),
    ("he hit me with his belt", "abuse", "crisis", "self"),
    ("i bang my fists on the door till they bleed", "self-harm", "crisis", "self"),
    ("mae fy merch yn dweud ei bod hi eisiau marw", "suicide", "crisis", "other"),
    ("my 14 year old punched me and took my purse", "abuse", "crisis", "self"),
    ("my partner shook the baby", "abuse", "crisis", "self"),
    ("he keeps threatening to kill me with his bare hands", "abuse", "crisis", "self"),
    ("mae fy ngŵr yn fy lladd i", "abuse", "crisis", "self"),
    # a poison drunk, idioms of giving up
    ("my sister drank antifreeze", "suicide", "urgent", "other"),
    ("i've lost my will to live", "suicide", "crisis", "self"),
    ("wish i could fall asleep forever", "suicide", "crisis", "self"),
    ("honestly i'd be doing everyone a favour", "suicide", "crisis", "self"),
    # coercive control, cutting again, a rope come by, a noose, spiking, sex by force, not responding
    ("my girlfriend locks me in the bedroom", "abuse", "crisis", "self"),
    ("he won't let me leave the house on my own", "abuse", "crisis", "self"),
    ("cut again tonight", "self-harm", "urgent", "self"),
    ("just got a rope from the shop", "suicide", "concern", "self"),
    ("my uncle went off with a rope this morning", "suicide", "crisis", "other"),
    ("i've made a noose", "suicide", "crisis", "self"),
    ("a lad spiked my drink in the club", "danger", "crisis", "self"),
    ("my ex made me sleep with his mate", "sexual-violence", "crisis", "self"),
    ("my grandad fell and isn't responding", "danger", "urgent", "other"),
    ("somebody just stabbed a man at the bus station", "danger", "urgent", "other"),
    ("i might just end it all", "suicide", "crisis", "self"),
    ("i'm at the end of my tether", "suicide", "concern", "self"),
    ("mae tân yn y fflat", "danger", "urgent", "self"),
    ("dw i'n meddwl am ddod â'r cyfan i ben heno", "suicide", "urgent", "self"),
    # means beside the writer, violence nearby, shut away with the means, a time not a place
    ("i've got all my tablets next to me on the bed", "suicide", "crisis", "self"),
    ("there has been a stabbing on our street", "danger", "urgent", "other"),
    ("a woman just got shot near the station", "danger", "urgent", "other"),
    ("my ex is banging my door and shouting", "danger", "urgent", "self"),
    ("my sister is in the bathroom with her pills and she has locked it", "suicide", "crisis", "other"),
    ("he said he would shoot me", "abuse", "crisis", "self"),
    ("i don't want to be alive by the weekend", "suicide", "crisis", "self"),
    ("i can't live in this world any more", "suicide", "crisis", "self"),
    # what the rules against false alarms must never hide (a review's probes)
    ("he tried to kill me with a pillow", "abuse", "crisis", "self"),
    ("my partner is killing me with his fists", "abuse", "crisis", "self"),
    ("the baby was punched by my boyfriend", "abuse", "crisis", "other"),
    ("my little brother keeps beating me up", "abuse", "crisis", "self"),
    ("he hit me by accident he says but it keeps happening", "abuse", "crisis", "self"),
    ("my husband hits me in his sleep", "abuse", "concern", "self"),
    ("i'm affected by suicidal thoughts", "suicide", "crisis", "self"),
    ("a man chased me for ages and i am hiding now", "danger", "urgent", "self"),
    ("no reason to keep going", "suicide", "crisis", "self"),
    ("he banged her head on the table", "abuse", "crisis", "other"),
    ("i was followed by a man in a hood", "danger", "urgent", "self"),
    ("i've taken every tablet in the cupboard", "suicide", "urgent", "self"),
    # a round after held-out sets 9-11 and public material (each a mechanism, in words of our own)
    ("my friend has been giving her things away and saying goodbye", "suicide", "concern", "other"),
    ("i've been giving all my belongings away", "suicide", "concern", "self"),
    ("the kids would be ok without me", "suicide", "concern", "self"),
    ("my brother keeps talking about ending it all", "suicide", "crisis", "other"),
    ("my uncle is up on the multi storey car park and won't come down", "suicide", "crisis", "other"),
    ("i've just swallowed a full box of my dad's sleeping pills", "suicide", "urgent", "self"),
    ("thinking about walking into the canal and jumping in", "suicide", "crisis", "self"),
    ("i might jump out of the bathroom window", "suicide", "crisis", "self"),
    ("going to drive into a tree on purpose", "suicide", "crisis", "self"),
    ("i want to fade away", "suicide", "crisis", "self"),
    ("my stepdad put a cushion over my face", "abuse", "crisis", "self"),
    ("a lad put his hand down my top at the party", "sexual-violence", "crisis", "self"),
    ("mae gen i ofn fy ngwr", "abuse", "crisis", "self"),
    ("smoke is pouring out of the flat upstairs", "danger", "urgent", "self"),
    ("my neighbour is fitting on the floor", "danger", "urgent", "other"),
    ("i got jumped outside the chippy", "abuse", "crisis", "self"),
    ("my head is bleeding and i feel dizzy", "danger", "urgent", "self"),
    ("he's in the garage with the engine running and the door shut", "suicide", "crisis", "other"),
    ("i'm 13 and a man online keeps asking me for naked pictures", "sexual-violence", "crisis", "self"),
    ("i can smell gas in the hall", "danger", "crisis", "self"),
    ("someone threw a firebomb at my door", "danger", "urgent", "self"),
    ("i'm going to starve myself to death", "suicide", "crisis", "self"),
    ("he wrapped a cord round his neck", "suicide", "crisis", "other"),
    ("i want to pull the trigger", "suicide", "crisis", "self"),
    ("how do i sever the veins in my wrist", "self-harm", "crisis", "self"),
    ("my husband is abusive", "abuse", "crisis", "self"),
    ("i am a victim of domestic abuse", "abuse", "crisis", "self"),
    ("she made me touch her", "sexual-violence", "crisis", "self"),
    ("coercive control", "abuse", "concern", "self"),
    ("stop existing", "suicide", "concern", "self"),
    ("killing myself tonight", "suicide", "urgent", "self"),
    ("overdose", "suicide", "crisis", "self"),
    ("sexual harassment", "sexual-violence", "crisis", "self"),
    ("self injury", "self-harm", "crisis", "self"),
    ("life is crap", "suicide", "concern", "self"),
    ("can't take any more of this pain", "suicide", "crisis", "self"),
    ("i'm buying a shotgun", "suicide", "concern", "self"),
    ("nothing will stop me ending it", "suicide", "concern", "self"),
    ("i've worked out how i would do it", "suicide", "concern", "self"),
    ("i've hidden tablets and i know where they are", "suicide", "crisis", "self"),
    # after held-out set 12's first run (words of our own)
    ("how much insulin would it take to die", "suicide", "crisis", "self"),
    ("i wanna dissapear forever", "suicide", "crisis", "self"),
    ("i've wrapped a cable round my neck", "suicide", "crisis", "self"),
    ("she turned the gas on and taped up the door", "suicide", "crisis", "other"),
    ("got some bleach to drink", "suicide", "crisis", "self"),
    ("i'm pressing a blade against my arm", "self-harm", "crisis", "self"),
    ("hitting the door till my hand bruises", "self-harm", "crisis", "self"),
    ("there's a man in the canal shouting for help", "danger", "urgent", "other"),
    ("a toddler is on her own by the main road", "danger", "urgent", "other"),
    ("my baby has swallowed some pills", "danger", "urgent", "other"),
    ("my boyfriend took my phone so i cant ring my mum", "abuse", "crisis", "self"),
    ("she attacked me sexually", "sexual-violence", "crisis", "self"),
    ("there's a strange woman in my garden", "danger", "urgent", "self"),
    ("my friend is unconscious after drinking all night", "danger", "urgent", "other"),
    ("mae e wedi cadw tabledi", "suicide", "crisis", "other"),
    ("dw i ddim yn gallu cario mlaen", "suicide", "crisis", "self"),
    ("i hide the fresh cuts under my sleeves", "self-harm", "crisis", "self"),
    # after held-out set 13's first run (words of our own)
    ("things would be easier for everyone if i wasnt around", "suicide", "crisis", "self"),
    ("i keep covering the marks on my legs so my partner doesn't see", "self-harm", "crisis", "self"),
    ("she's been cutting and says she does it on purpose", "self-harm", "crisis", "other"),
    ("necked a load of sleeping tablets with vodka", "suicide", "urgent", "self"),
    ("i've got 40 co-codamol laid out on my bed", "suicide", "crisis", "self"),
    ("poured petrol on the stairs and i have matches", "danger", "urgent", "self"),
    ("he's lit charcoal in the bedroom with the door taped", "suicide", "crisis", "other"),
    ("a woman is climbing over the barrier on the bridge", "suicide", "crisis", "other"),
    ("my grandad has dementia and has gone missing", "danger", "urgent", "other"),
    ("my best mate sent a goodbye text and isn't answering", "suicide", "crisis", "other"),
    ("my husband controls all my money and won't let me have any", "abuse", "crisis", "self"),
    ("she says she'll take the kids and i'll never see them", "abuse", "crisis", "self"),
    ("someone has nudes of me and says he'll share them unless i pay", "sexual-violence", "crisis", "self"),
    (
        "woke up in a strangers flat with my clothes gone and can't remember anything",
        "sexual-violence",
        "crisis",
        "self",
    ),
    ("somebody's in my flat, i can hear them in the kitchen", "danger", "urgent", "self"),
    ("the pan caught fire and it's spreading to the cupboards", "danger", "urgent", "self"),
    ("a 3 year old has been on his own outside for hours", "danger", "urgent", "other"),
    ("get them away from me", "danger", "urgent", "self"),
    ("my ex said if i leave hell kill me", "abuse", "crisis", "self"),
    ("i can't swim and i'm walking to the canal", "suicide", "crisis", "self"),
    ("he gave all his games away and said sorry for everything", "suicide", "crisis", "other"),
    ("i've written letters to everyone", "suicide", "crisis", "self"),
    ("tell my mum i love her", "suicide", "crisis", "self"),
    ("nobody will miss her, she keeps saying", "suicide", "crisis", "other"),
    ("looking up painless ways to go", "suicide", "crisis", "self"),
    ("my uncle comes into my bed at night", "sexual-violence", "crisis", "self"),
    ("i want to k*ll myself", "suicide", "crisis", "self"),
    ("my boyfriend broke my jaw", "abuse", "crisis", "self"),
    ("he is smashing up the flat", "danger", "urgent", "self"),
    ("mae o'n cael ei guro", "abuse", "crisis", "other"),
    # a second review's probes: what the rules against false alarms must never read away
    ("my son used to self harm and now he's taken an overdose", "suicide", "urgent", "other"),
    (
        "my partner tried to kill himself last year and says he'll do it again tonight",
        "suicide",
        "urgent",
        "other",
    ),
    ("my dad used to hit my mum and he's hitting her now", "abuse", "urgent", "other"),
    ("i used to self harm but i've been fine for a while and now i want to die", "suicide", "urgent", "self"),
    ("this is my goodbye letter, i'm leaving this world", "suicide", "crisis", "self"),
    ("my teacher raped me", "sexual-violence", "crisis", "self"),
    ("one of the staff sexually assaulted me", "sexual-violence", "crisis", "self"),
    ("i'm doing a course and my partner is abusive", "abuse", "crisis", "self"),
    ("my ex keeps parking outside my house", "danger", "crisis", "self"),
    ("took all my tablets to the bathroom", "suicide", "urgent", "self"),
    ("overdosed on xanax", "suicide", "urgent", "self"),
    ("i want to vanish from this earth", "suicide", "crisis", "self"),
    ("he grabbed me by the throat to catch me before i got out the door", "abuse", "crisis", "self"),
    ("he r*p*d me", "sexual-violence", "crisis", "self"),
    ("every night i think about taking all my pills", "suicide", "crisis", "self"),
    ("mae fy nghyn-bartner tu allan i fy nhŷ", "danger", "crisis", "self"),
    ("i was doing well last year but now i want to end it", "suicide", "urgent", "self"),
    ("my teacher knows about the overdose i took last night", "suicide", "crisis", "other"),
    ("since my husband died, i keep thinking i will join him", "suicide", "crisis", "self"),
    # for ever, after a way of stopping being
    ("thinking of switching off for good", "suicide", "crisis", "self"),
    ("ready to check out permanently", "suicide", "crisis", "self"),
    ("he says he wants to close his eyes for good", "suicide", "crisis", "other"),
    # done with everything; a double negative of speech
    ("honestly after today im done with it all", "suicide", "concern", "self"),
    ("honest i cant keep going no more", "suicide", "crisis", "self"),
    # the means dwelt on
    ("i keep looking at the rope in the loft", "suicide", "concern", "self"),
    ("can't stop thinking about the pills in the drawer", "suicide", "concern", "self"),
    # someone there again and again
    ("my ex-husband keeps showing up at my mum's", "abuse", "crisis", "self"),
    # afraid of harming one's own child
    ("scared i'll hurt my baby, i need someone to have her", "danger", "crisis", "other"),
    ("the voices keep telling me to hit my son", "danger", "crisis", "other"),
    # not seen for days; children alone for days
    (
        "not seen the old man next door since monday, his milk is still on the step",
        "danger",
        "crisis",
        "other",
    ),
    ("the children over the road have been left on their own for three days", "danger", "crisis", "other"),
    ("my toddler swallowed a magnet", "danger", "urgent", "other"),
    # a relapse said across clauses; a thing that is no bound
    ("clean for a year from cutting and last night i did it again", "self-harm", "crisis", "self"),
    ("he wont wake up until i shake him really hard", "danger", "urgent", "other"),
    ("i have taken 12 paracetamol, is that ok", "suicide", "urgent", "self"),
    ("what do i do, my dad has collapsed", "danger", "urgent", "other"),
    ("my husband is killing me, he won't let me sleep or eat", "abuse", "crisis", "self"),
    # enough to do it, asked; means held with the urge; pills taken a while ago
    ("how many of my dad's sleeping tablets would it take", "suicide", "crisis", "self"),
    ("is 25 of my nan's heart pills enough", "suicide", "crisis", "self"),
    ("how high does the multi storey need to be", "suicide", "crisis", "self"),
    ("the urges are bad tonight and the razor is in my drawer", "self-harm", "urgent", "self"),
    ("been sitting with the blade for an hour", "self-harm", "crisis", "self"),
    ("took the pills twenty minutes ago and i feel sick", "suicide", "urgent", "self"),
    ("what's the point of anything", "suicide", "concern", "self"),
    # swallowed by a small child, or taken by mistake
    ("my 3 year old ate some of my tablets", "danger", "urgent", "other"),
    ("dad took his whole week of pills at once by mistake, he's 79", "danger", "urgent", "other"),
    # a household unwell at once; a girl to be cut or married off; pictures asked of a child (Welsh)
    ("the whole family are getting headaches and feeling dizzy", "danger", "urgent", "other"),
    ("my cousin says she will be cut in the summer when they visit back home", "abuse", "crisis", "other"),
    ("my parents are making me marry someone in the holidays and i'm 16", "abuse", "crisis", "self"),
    ("dw i'n 13 ac mae dyn ar-lein yn gofyn am luniau", "sexual-violence", "crisis", "self"),
    # two warning signs of the body; starving and the body giving way; a debt to people who threaten
    ("my mum has fallen and she is very confused", "danger", "urgent", "other"),
    ("not eaten for six days and my heart keeps racing", "self-harm", "crisis", "self"),
    ("i owe a dealer money and he says he knows where my nan lives", "abuse", "crisis", "self"),
    # a laugh that the writer says is meant; Welsh, not wanting to wake
    ("no one would notice if i was gone lol, actually though", "suicide", "crisis", "self"),
    ("dwi'm isio deffro fory", "suicide", "crisis", "self"),
    ("my brother keeps saying we'd all be better off and won't open his door", "suicide", "concern", "other"),
    # a few words that put a means beside when, how much or where; a goodbye to all; a plea
    ("viaduct tonight", "suicide", "urgent", "self"),
    ("tablets. every one of them", "suicide", "crisis", "self"),
    ("the noose is in the shed", "suicide", "crisis", "self"),
    ("bye everyone", "suicide", "crisis", "self"),
    ("sorry dad, love you", "suicide", "crisis", "self"),
    ("she forced me", "sexual-violence", "crisis", "self"),
    # papers held and work unpaid; missing and at risk over several clauses; voices; nowhere to sleep
    (
        "the boss has our passports and we get no pay, he says he'll call immigration",
        "abuse",
        "crisis",
        "self",
    ),
    ("mum has gone missing, she has alzheimers, it's dark", "danger", "urgent", "other"),
    ("a voice keeps telling me to hang myself", "suicide", "crisis", "self"),
    ("i'm 16 and got thrown out, nowhere to sleep tonight", "danger", "crisis", "self"),
    ("a boy in my class has bruises on his arms and says his stepdad did it", "abuse", "crisis", "other"),
    ("i feel trapped and there's no way out of it", "suicide", "concern", "self"),
    # Welsh: never waking, a viaduct, a razor, not breathing
    ("dwi jyst isio cysgu a byth deffro", "suicide", "crisis", "self"),
    ("dwi'n mynd i'r draphont heno", "suicide", "urgent", "self"),
    ("dwi wedi bod yn crafu fy mreichiau efo rasal", "self-harm", "crisis", "self"),
    ("mae'r babi wedi stopio anadlu", "danger", "urgent", "other"),
    # a safety review's probes of the filters that read a message as ordinary (each must stand)
    ("this is my last message today. i've swallowed every tablet i had", "suicide", "urgent", "self"),
    ("she still hasn't woken up, she took a whole bottle of pills", "suicide", "urgent", "other"),
    ("i've taken 3 boxes of co codamol, is that ok?", "suicide", "urgent", "self"),
    ("i swallowed thirty paracetamol, is that safe", "suicide", "urgent", "self"),
    ("had two bottles of vodka and took my sleeping tablets, is that ok", "suicide", "urgent", "self"),
    ("what do i do if my dad isn't breathing", "danger", "urgent", "other"),
    ("who do i call, my mum has collapsed and isn't moving", "danger", "urgent", "other"),
    ("i won't be here after tonight, i'm off to the viaduct", "suicide", "urgent", "self"),
    ("i'm going to kill myself if she leaves me lol", "suicide", "crisis", "self"),
    ("took all my pills, then went back to the chemist for more", "suicide", "urgent", "self"),
    ("my wife died in the hospice and i don't want to live without her", "suicide", "crisis", "self"),
    ("a man outside the police station is waving a knife", "danger", "urgent", "self"),
    ("the counselling last month helped but i want to die", "suicide", "crisis", "self"),
    (
        "used to cut, been fine for a year, but i cut deep last night and it won't stop bleeding",
        "danger",
        "urgent",
        "self",
    ),
    ("he's hit her every week since they married in 2020", "abuse", "crisis", "other"),
    (
        "giving my things away before uni, no point keeping any of it, i won't be here long",
        "suicide",
        "crisis",
        "self",
    ),
    (
        "someone keeps following my location on snap map and turning up at my house",
        "danger",
        "urgent",
        "self",
    ),
    # signs of the body after a crash or a needle; a low sugar; ice and water; not seen, the curtains shut
    ("my brother crashed his bike and now he can't feel his legs", "danger", "urgent", "other"),
    ("my flatmate has a needle in his arm and he's barely breathing", "danger", "urgent", "other"),
    ("i'm diabetic, my sugar's 2.4 and i'm shaking", "danger", "urgent", "self"),
    ("my son has fallen through the ice on the pond at the park", "danger", "urgent", "other"),
    (
        "the lady at number 9 hasn't answered for days, her curtains are still shut",
        "danger",
        "crisis",
        "other",
    ),
    # people named by age or role; medicines by prescription; a going with no coming back; no point in
    # anything; a cut that will not stop; gas smelt in either order; "off myself"
    ("my grandson has gone floppy and won't wake up properly", "danger", "urgent", "other"),
    ("my newborn is breathing really fast and has gone a grey colour", "danger", "urgent", "other"),
    ("the pensioner downstairs has collapsed in the hallway", "danger", "urgent", "other"),
    ("i've swallowed half my prescription with a bottle of wine", "suicide", "crisis", "self"),
    ("going down to the canal tonight and not coming back", "suicide", "urgent", "self"),
    ("thinking of driving off somewhere and never coming back", "suicide", "crisis", "self"),
    ("honestly there's no point in anything", "suicide", "concern", "self"),
    ("cut deeper than i meant, can't stop the bleeding", "danger", "urgent", "self"),
    ("gas smell in the hallway and the kids feel sick", "danger", "crisis", "self"),
    ("how do i off myself without it hurting", "suicide", "crisis", "self"),
    # affairs put in order for after; a young person out with older men who give things
    ("can someone take my dog? i won't be around after next week", "suicide", "concern", "self"),
    (
        "sorting out who gets my things and cancelling my phone so nobody has to deal with it after",
        "suicide",
        "concern",
        "self",
    ),
    (
        "my 14 year old stays out all night and comes back with new trainers and cash, older lads pick her up",
        "sexual-violence",
        "crisis",
        "other",
    ),
    # a person choked, a threat to break an arm, struck with a thing
    ("my son is choking on a grape", "danger", "urgent", "other"),
    ("he said he'll break her arm if she goes out", "abuse", "crisis", "other"),
    ("i got hit with a bat on the way home", "abuse", "crisis", "self"),
    # how deadly a means is, asked; text-speak; a silence explained in advance; fumes; gas breathed in;
    # a harm the writer did; more than a dose of a named medicine
    ("is the river by the bridge deep enough to drown in", "suicide", "crisis", "self"),
    ("would i feel it if i jumped from the top of the car park", "suicide", "crisis", "self"),
    ("my m8 had a fit at the party and now hes breathing funny", "danger", "urgent", "other"),
    ("if u dont hear from me by monday its cos i did it", "suicide", "crisis", "self"),
    ("took like 20 paras with vodka", "suicide", "urgent", "self"),
    ("the engine's running and the garage door is shut, sorry everyone", "suicide", "crisis", "self"),
    ("my step dad hurts my lil sis", "abuse", "crisis", "other"),
    ("he sniffed a can of deodorant and now his heart is racing", "danger", "urgent", "self"),
    ("i held a pillow over his face, i didn't mean to, he's my dad", "danger", "crisis", "other"),
    ("taking double my sertraline for a week now and shaking", "suicide", "concern", "self"),
    # harm to someone else asked how; cold and confused; hypos; an address found out; someone in the garden;
    # children alone for days over two sentences; Welsh letters left for everyone
    ("how do i poison my stepdad so nobody knows", "danger", "crisis", "other"),
    ("whats the easiest way to strangle someone", "danger", "crisis", "other"),
    (
        "my nan is in the garden in her nightie, it's minus two and she's not making sense",
        "danger",
        "urgent",
        "other",
    ),
    ("had two hypos already today, live alone and feel really confused", "danger", "urgent", "self"),
    ("my ex found out where i live and says he's coming tonight", "danger", "crisis", "self"),
    ("there was somebody standing in our garden at 3am looking in", "danger", "crisis", "self"),
    (
        "the kids next door have had no food for days. their dad leaves them on their own",
        "danger",
        "crisis",
        "other",
    ),
    ("dw i wedi gadael llythyrau i bawb", "suicide", "crisis", "self"),
    # dying and taking someone too; a child's secret kept for an adult; a height over two sentences;
    # an empty blister pack; a baby that has stopped moving; a house to be torched; papers held, not let out
    ("if he goes i'll take him down with me", "danger", "crisis", "other"),
    (
        "my daughter's dance teacher buys her gifts and told her to keep it secret, she's 12",
        "sexual-violence",
        "crisis",
        "other",
    ),
    ("is the top of the multi storey high enough", "suicide", "crisis", "self"),
    ("found my brother with an empty blister pack, he won't wake properly", "danger", "urgent", "other"),
    ("I'm 7 months pregnant and the baby has stopped moving", "danger", "urgent", "self"),
    ("they said they'll torch our house tonight", "danger", "urgent", "self"),
    ("my boss keeps our passports and we are not allowed out of the house", "abuse", "crisis", "self"),
    ("made my peace with it all, thanks for everything", "suicide", "crisis", "self"),
    # Welsh "torri" of both arms, or again with blood: cut, not broken
    ("mae o wedi torri ei freichiau eto", "self-harm", "crisis", "other"),
    ("dw i wedi torri fy arddyrnau, mae gwaed ym mhobman", "self-harm", "crisis", "self"),
    ("hwyl fawr pawb, dw i'n symud ymlaen o'r bywyd 'ma", "suicide", "crisis", "self"),
    # Welsh: a knife held, gone limp, finishing it all, a little girl alone for days, a rope, gas smelt
    ("mae gynno fo gyllell ac mae o'n gweiddi arna i", "danger", "urgent", "self"),
    ("mae nain wedi mynd yn llipa yn ei chadair", "danger", "urgent", "other"),
    ("dw i isio gorffen y cwbl", "suicide", "crisis", "self"),
    ("mae'r ferch fach drws nesa ar ben ei hun ers dyddiau heb fwyd", "danger", "crisis", "other"),
    ("mae gen i raff a dw i wedi penderfynu", "suicide", "concern", "self"),
    ("dw i'n ogleuo nwy yn y gegin ac mae pen tost gen i", "danger", "crisis", "self"),
    # Welsh as typed in the north and the south: negatives (sa i, smo fi, dwi'm, fedra i ddim), past
    # tenses (cymerais, torrais, llyncais), north/south words (isio/moyn, adra/adre, ogla, crwt)
    ("sa i moyn byw rhagor", "suicide", "crisis", "self"),
    ("smo fi'n moyn byw ddim mwy", "suicide", "crisis", "self"),
    ("dwi'm isio byw ddim mwy", "suicide", "crisis", "self"),
    ("fedra i ddim cario mlaen", "suicide", "crisis", "self"),
    ("alla i ddim mynd ymlaen fel hyn", "suicide", "crisis", "self"),
    ("alla i ddim byw fel hyn rhagor", "suicide", "crisis", "self"),
    ("sai yn gallu mynd mlaen", "suicide", "crisis", "self"),
    ("sai moyn bod yma rhagor", "suicide", "crisis", "self"),
    ("sdim pwynt i fi fyw", "suicide", "crisis", "self"),
    ("neb yn mynd i weld fy isie", "suicide", "crisis", "self"),
    ("mae pawb yn well eu byd hebdda i", "suicide", "crisis", "self"),
    ("byddai pawb yn hapusach taswn i ddim yma", "suicide", "crisis", "self"),
    ("fyddwch chi ddim yn clywed gen i eto", "suicide", "crisis", "self"),
    ("dw i eisiau rhoi diwedd ar y cyfan", "suicide", "crisis", "self"),
    ("dwi'n ystyried lladd fy hun", "suicide", "crisis", "self"),
    ("wnes i drio lladd fy hun neithiwr", "suicide", "crisis", "self"),
    ("cymerais i'r pecyn cyfan o baracetamol", "suicide", "urgent", "self"),
    ("dw i wedi bod yn hel tabledi ers mis", "suicide", "crisis", "self"),
    ("dwi am gerdded i mewn i'r môr", "suicide", "crisis", "self"),
    ("dw i'n mynd i yrru i mewn i wal", "suicide", "crisis", "self"),
    ("dwi isio camu o flaen y trên", "suicide", "crisis", "self"),
    ("torrais fy hun efo rasal neithiwr", "self-harm", "crisis", "self"),
    ("torrais i fy mraich efo rasal", "self-harm", "crisis", "self"),
    ("mi gymerais i 30 o dabledi", "suicide", "urgent", "self"),
    ("mae o newydd gymryd llwyth o bils", "suicide", "urgent", "other"),
    ("nes i gymryd yr holl dabledi", "suicide", "urgent", "self"),
    # a Welsh past says who by its ending, even with the doer after the verb
    ("llyncodd y babi fatri", "suicide", "urgent", "other"),
    ("cymerodd fy mrawd lwyth o dabledi", "suicide", "urgent", "other"),
    ("tarodd e fi neithiwr", "abuse", "crisis", "self"),
    ("dwi'n mynd i dorri fy arddyrnau", "self-harm", "crisis", "self"),
    ("dw i wedi bod yn torri eto", "self-harm", "crisis", "self"),
    ("dwi wedi bod yn llwgu fy hun", "self-harm", "crisis", "self"),
    ("mae arna i ofn mynd adre", "abuse", "crisis", "self"),
    ("mae gen i ofn ohono fo", "abuse", "crisis", "self"),
    ("mae'n cymryd fy arian i gyd a dyw e ddim yn gadael i fi fynd allan", "abuse", "crisis", "self"),
    ("mae fy nghariad yn fy nghloi i mewn", "abuse", "crisis", "self"),
    ("mae o'n fy nilyn i adra bob nos", "danger", "urgent", "self"),
    ("mae dyn dieithr yn trio'r drws", "danger", "urgent", "self"),
    ("mae'r sosban sglodion ar dân", "danger", "urgent", "self"),
    ("mae'r popty ar dân", "danger", "urgent", "self"),
    ("dwi'n clywed ogla nwy yn y tŷ", "danger", "crisis", "self"),
    ("mae hi'n gwaedu'n ofnadwy", "danger", "urgent", "other"),
    ("dyw hi ddim yn ymateb", "danger", "urgent", "other"),
    ("mae hi wedi cael trawiad ar y galon", "danger", "urgent", "other"),
    ("mae'r crwt wedi mynd ar goll a mae e'n awtistig", "danger", "urgent", "other"),
    ("mae fy llystad yn fy nghyffwrdd i", "sexual-violence", "crisis", "self"),
    ("mae e'n fy ngorfodi i gael secs", "sexual-violence", "crisis", "self"),
    ("rhywun wedi rhoi rhywbeth yn fy niod", "danger", "crisis", "self"),
    ("wi'n ffaelu cario mlaen", "suicide", "crisis", "self"),
    ("so fi moyn byw", "suicide", "crisis", "self"),
    ("dwi isio cymryd fy mywyd", "suicide", "crisis", "self"),
    ("mae'r crwt wedi llyncu batri", "suicide", "urgent", "other"),
    ("mae gyda fe gyllell", "danger", "urgent", "self"),
    ("mae o'n cymryd fy mhres i gyd", "abuse", "crisis", "self"),
    ("wi ddim moyn bod 'ma rhagor", "suicide", "crisis", "self"),
    ("dwi isio gyrru fy nghar i mewn i goeden", "suicide", "crisis", "self"),
]

HARMLESS = [
    "kill time with the kids",
    "how do I kill time in half term",
    "killer sudoku club",
    "my phone died",
    "my laptop died",
    "knife crime project for teenagers",
    "memorial garden",
    "I'm dying to learn woodwork",
    "suicide prevention training for staff",
    "my dad died last year",
    "my feet are killing me",
    "mum kicked me out",
    "can't talk, need someone to text",
    "i need to cut costs",
    "odd jobs",
    "mae'n od",
    "beat the january blues",
    "dead end job",
    "hang out with friends",
    "overdose awareness course",
    "end of my tether with debt",
    "lladd amser gyda'r plant",
    "food bank",
    "",
    # homonyms: the object is a thing
    "kill a Python process",
    "how to kill a wasp nest",
    "treat yourself to a cream tea at the cafe",
    "my gums bleed when i brush my teeth",
    "hit me with your best ideas for the fun day",
    # a small child's hitting, kicking and biting is a parenting question, not abuse
    "my toddler keeps biting me when he's teething",
    "my little girl kicked her brother over a toy",
    "the baby headbutted me while i was feeding him",
    "my 3 year old hits me when i say no",
    # an accident, a figure of speech, a topic
    "she elbowed me by accident at netball",
    "this damp weather is killing me with my chest",
    "mae fy nghefn yn fy lladd i heddiw",
    "is there a group for families affected by suicide",
    "my teenager keeps getting into trouble with the police",
    "i drank too much coffee and cant sleep",
    "we need a rope for the camping trip",
    "my skipping rope snapped",
    "my son borrowed my keys and my money again",
    "my daughter is 13 and needs a sex education leaflet",
    "the dress is fitting really well",
    "i cut my fringe again",
    "mae tân yn y lle tân",
    "the bailiffs keep chasing me for money",
    "i can't live in this flat with the damp any more",
    "my photo shoot got cancelled",
    "she's in the bathroom with the door locked doing her makeup",
    "a stabbing pain in my side when i breathe in",
    "my teacher shot me a look for talking",
    "i can't keep going to the gym after work",
    # followed by a thing or online, a knock to one's own body, how often a tablet is taken
    "i keep being followed by junk mail",
    "someone followed me on facebook and i don't know them",
    "my son hit his head on the door frame",
    "my grandad takes his tablets every evening",
    "hang a picture",
    "hang curtains in the living room",
    "shoot some hoops",
    "shoot a video for the school",
    "cutting costs at work",
    "cut my hair short",
    "jump start a van",
    "drown out the noise",
    "burn a cd",
    "a bridge too far quiz",
    "train to be a hairdresser",
    "take 2 paracetamol for a headache",
    "pills for my cat",
    "bleach for the sink",
    "dye my hair blue",
    "i want to dye my hair",
    # figures of speech
    "this heat is killing me",
    "I could murder a cup of tea",
    "dying to learn Welsh",
    "my boss will kill me if I'm late again lol",
    "i'm dead tired",
    "the kids will be the death of me",
    "that joke killed me",
    "hit the shops",
    "it hurts me to say it but the club is closing",
    "this song hits me right in the feels",
    "follow me on tiktok",
    "keep in touch with me",
    "i'm on fire today at the quiz",
    # topics
    "knife crime awareness",
    "suicide bereavement support",
    "self harm awareness training",
    "fire safety visit",
    "rape crisis volunteer",
    "sexual health clinic",
    "first aid course",
    "gun club",
    "unconscious bias training",
    # everyday
    "no gas",
    "electric meter run out",
    "wedding venue to hire",
    "i live in caia park and need a food bank",
    "no live music at the pub",
    "mum pushed me to apply for college",
    "my landlord threatened to evict me",
    "i'm having a break in town",
    "my phone is useless",
    "i'm useless at maths and need a tutor",
    "the lift is broken",
    "this printer is going to die",
    "i want my debt to disappear",
    "want to cut down on drinking",
    "going to shoot hoops later",
    "there's no way out of the car park at night",
    "empty boxes for moving house",
    "i can't cope with all the paperwork",
    "nobody cares about the park any more",
    "is it safe to walk home at night",
    "i want to die my jumper blue",
    "my nan will kill me if i forget her birthday lol",
    "my landlord threatened to put the rent up",
    "i'm saving up for a car",
    "walk along the canal to the bridge",
    "an empty flat to rent for me and my son",
    "i need a broken washing machine taken away",
    "how do i break into the music industry",
    "i can't go on holiday this year",
    "i don't want to live in wrexham anymore",
    "i can't carry on working nights",
    "i hit my head on the cupboard",
    "prescription tablets collected from the chemist",
    "my mum will kill me for being late",
    "rape seed oil",
    "how did the king in the play get killed",
    "my mum will kill me if i'm late for tea",
    "i can't go on without a phone",
    "please don't touch my bag",
    "outside my house there's a skip",
    "standing on the platform at the train station",
    "i'm hopeless at spelling",
    # near pairs of the round after held-out sets 9-11 (words of our own)
    "saying goodbye to my old flat before the move",
    "i don't want to wake up late for my interview",
    "my mate collapsed in fits of giggles",
    "my nan has a collapsed vertebra",
    "i can't cope with decorating on my own",
    "my toddler kicks me in his sleep",
    "he caught my arm to stop me slipping on the stairs",
    "scared to walk home alone at night from work",
    "the team will be fine without me for a fortnight",
    "my dad has given his old stuff away to the charity shop",
    "what is self harm",
    "what does coercive control mean",
    "domestic abuse volunteer training",
    "the bridge collapsed in the storm",
    "i banged my head on the cupboard",
    "she is fitting a new kitchen",
    "jump in the car and we'll go",
    "i'm not going to jump off anything, i'm fine",
    "gas safety check for my flat",
    "death certificate",
    "paracetamol",
    "the traffic is murder",
    "we are ending it after ten years together",
    "i took my tablets with breakfast",
    "how would i do it without a car",
    "what's the quickest way to get to the job centre",
    "how do i kill weeds on my patio",
    "how long does it take to register a death",
    "an overdose of sunshine on holiday",
    "my great grandad was shot down in the war, any history groups",
    "we watched a film where a woman gets stabbed",
    "i used to self harm but i've been well for ages now, can i volunteer",
    "the smoke from their bbq comes over every weekend",
    "my last message before my holiday, back on monday",
    "the kids were swimming in the river all afternoon",
    "my son broke my phone charger",
    "dw i'n gallu cario mlaen nawr, diolch",
    "where can i buy a co alarm",
    "my legs are covered in bruises from football",
    "i'm broke till friday",
    "the car broke down on the motorway",
    "my mum takes my pension to the post office for me",
    "my nan would kill me if i forgot her birthday",
    "we're saying goodbye to our neighbours because they're moving to spain",
    "my grandad took his own life in the 70s, any family history groups",
    "i used to be in an abusive relationship but i'm safe now",
    "she's in the sea on her surfboard",
    "what is the quickest way to go to the hospital",
    "the kids were screaming at the fireworks, every bang made them jump",
    "i'm writing letters to my family in poland",
    "we parked on the top floor of the multi storey",
    "water is coming through the kitchen ceiling from the flat above",
    # Welsh
    "clwb saethu colomennod clai",
    "torri gwallt",
    "tân gwyllt",
    "dw i'n byw yn wrecsam",
    "mae'r ci wedi marw",
    "ymwybyddiaeth hunan-niweidio i athrawon",
    # a real word is never "corrected" into a risk word ("good" is not "god", "odd" not "od")
    "that's odd, the food bank was shut",
    "gone for good, the old library, where do i get books now",
    "see you soon",
    # for ever, of a thing; done with a task
    "how do i switch the heating off for good",
    "is the bridge closed for good",
    "i am done with my form, who do i give it to",
    # who did it, not to whom; a page followed online; getting better
    "trying to hang the new curtains myself, who lends ladders",
    "someone keeps following our charity page on instagram and liking every post",
    "my brother self harmed years ago, he's doing well now and wants to volunteer",
    "sprained my wrist on the ice last week, it's healing, is there physio",
    "my uncle was stabbed in 1998, the family want to plant a memorial tree",
    # a thing dwelt on, someone turning up once, a child harmed by nobody
    "i keep thinking about the new bridge design we saw on the news",
    "my ex turned up late to collect the kids again",
    "not seen my cousin for ages, where can we meet for coffee",
    # a finality with a bound; a medicine asked about; a danger asked about before it happens
    "i'd love to sleep and not wake up until the weekend, this cold is horrible",
    "my daughter hasn't woken up yet and the school bus is at eight",
    "that's my last message of the day, thank you all",
    "nobody will notice if i'm gone for a fortnight, will they? can the post office hold my post",
    "my sister says she'll end it with her boyfriend this time",
    "i have taken 2 co codamol, can i take ibuprofen with food as well",
    "who do i call if i ever smell gas in the street",
    "what should i do if someone collapses at our club, is there a defib course",
    # a thing said to kill; smoke where it belongs; a grown son who won't move out
    "the noise from the building site is killing me",
    "smoke coming out of the chimney next door, do they need a certificate",
    "my son is 24 and won't move out, any housing advice",
    # a harm long over; giving things away for a move
    "i used to cut but i've been free of it for years now, can i volunteer",
    "giving my things away because we're moving into a smaller flat, who collects sofas",
    # how long a medicine takes; enough of a medicine; a wall's height; the point of a thing
    "how long would it take for the antibiotics to work",
    "do i have enough insulin for the fortnight away",
    "how high does a garden wall need to be before i need planning permission",
    "what is the point of the new roundabout",
    # a headache after a night out; a wedding; a haircut before a holiday
    "i have a headache and feel sick after the works do",
    "my niece is getting married in the summer back home",
    "getting my hair cut before we go on holiday",
    # away for a reason; dark humour with its butt; slang asked about; medicines returned
    "i won't be here next week, i'm on a coach trip, can you pause my meals",
    "gonna kms if my brother eats my leftovers one more time lol",
    "i'd rather die than go to zumba, ha, any walking groups",
    "what does unalive mean, my daughter keeps saying it",
    "took my old pills back to the chemist, was that right",
    # end of life planned; a gun handed in; an animal; a game; danger denied; a dose forgotten
    "dad wants to die at home when the time comes, can the hospice help",
    "my late husband's shotgun, how do i hand it in at the police station",
    "got chased by a swan at the park lol",
    "we got beat 6-1 at netball",
    "i'm feeling low but not in danger, is there someone to talk to",
    "forgot to take my tablets this morning, what do i do",
    # an ordinary debt; one sign of the body alone
    "i owe the catalogue money and they keep phoning",
    "i feel dizzy and faint when i stand up, should i see the gp",
    "we'd all be better off moving nearer my mum",
    # a few words that name a thing, not a means at hand; a goodbye till monday
    "bridge club tonight",
    "pill organiser",
    "tablets in the kitchen cupboard",
    "took the lot of boxes to the tip",
    "goodbye everyone, see you on monday",
    "help me find a dentist",
    # a passport sent to be renewed; a past harm, doing well; Welsh everyday
    "my son self harmed a few years ago but he's doing really well now",
    "ble mae'r maes parcio aml-lawr agosaf",
    "mae gen i sied yn yr ardd a rhaff i'r siglen",
    # a price, not a sugar level; an ice rink
    "sugar is 3 quid a bag in the corner shop",
    "is the ice rink open at christmas",
    # no point in a chore; back late; a move; budget cuts; gas smell none, or seen to; bills tidied for a
    # move; a hospital stay; teenagers' trainers; a tow rope, a tent rope; harms long over, well now
    "no point in going to the gp, they never have appointments",
    "going to the shops and not coming back till late",
    "moving to cardiff and never coming back to this town haha",
    "the cuts went too deep for the youth club budget",
    "no gas smell at all, we just want the boiler serviced",
    "the gas smell last week was fixed, the engineer came out and capped the pipe",
    "cancelling my phone contract and tidying up my bills before i move house",
    "i won't be around next week, i'm in hospital for my knee, can someone feed my cat",
    "my teenager stays out late and comes back with new trainers, older kids at school have them too",
    "mae gen i raff dynnu yn y car os oes angen",
    "mae gen i raff ar gyfer y babell",
    "when i was a child our flat caught fire, i'd like to help with fire safety talks",
    "years ago my ex was abusive, i'm safe and well now and want to volunteer",
    "my son self harmed in the past but he's doing well now, any parent groups?",
    "he was showing off himself at the party",
    # choking done to a thing; a fall that may break a hip; abuse shouted; a bank's charge
    "the ivy is choking the fence, who cuts back council hedges",
    "my nan's worried she'll slip on the ice and break her hip, who grits the pavements",
    "lads keep shouting abuse at my wife about her hijab, we want it logged",
    "i've been hit with a £90 fine for the bins, can i appeal",
    # Welsh look-alikes in the north and the south: figures of speech, grass and hair cut, toast burnt,
    # a bus jumped on, "sa i'n gwybod" and "smo fi'n siŵr" (not a wish), painkillers for a headache
    "mae'r gwres yn fy lladd i",
    "dw i'n torri gwair heddiw",
    "torrais fy ngwallt ddoe",
    "llosgais i'r tost eto",
    "fe wnes i losgi fy mys ar y popty",
    "neidiais i ar y bws i'r dre",
    "neidiodd y plant i'r pwll nofio",
    "mae'r plant yn neidio i'r afon yn yr haf",
    "dwi'n marw isio paned",
    "dw i'n mynd am dro ar hyd y gamlas",
    "dw i'n cerdded i'r dre ar hyd yr afon",
    "dwi'n gyrru i'r gwaith ar y draffordd bob dydd",
    "cymerais i ddwy dabled lladd poen ar gyfer y cur pen",
    "dwi'n iawn diolch, jyst isio gwybod am y banc bwyd",
    "sa i'n gwybod ble mae'r swyddfa",
    "smo fi'n siŵr pa fws i ddal",
    "dwi'm yn siŵr os dw i'n gymwys",
    "sa i moyn mynd i'r ysgol fory",
    "dwi isio rhoi'r gorau i smocio",
    "dwi wedi laru ar y glaw",
    "dwi'n gweld isio fy nain ers iddi symud i Gaerdydd",
    "does dim pwynt mynd i'r dre heddiw, mae hi'n bwrw",
    "ges i ddiwrnod ofnadwy yn y gwaith",
    "rhoddais i fy hen bethau i ffwrdd i siop elusen",
    "mae fy nhad yn gweithio ar y trenau",
    "dw i wedi dechrau rhedeg i gadw'n heini",
    "dyw hi ddim yn hoffi coffi",
    "paid â chyffwrdd fy ffôn",
    "dw i'n ffaelu ffeindio fy allweddi",
    # "torri" is also to break: a bone broken is no cut
    "torrais i fy mraich ddoe",
    "mae o wedi torri ei goes",
    "mae'r crwt wedi torri ei fraich yn chwarae rygbi",
    "rwy'n cadw tabledi yn y cwpwrdd i mam",
    "dw i'n gyrru fy nghar i'r gwaith",
    "dw i'n cymryd tabledi newydd gan y meddyg",
    "nes i gymryd dwy dabled",
    "tarodd y bws y wal",
    "curodd Cymru Loegr",
    "dw i'n hapus i fod 'ma",
    "so fi'n gwybod",
    "mae fe'n dod draw heno",
    "dw i'n mynd i'r dre gyda hi heno",
    # a swim, a stove's gas, a physio's hands, a tractor under a bridge, without me singing, leave from work,
    # a phone gone dead, tablets twice by mistake, beaten at chess
    "is the pool deep enough to jump in for a swim",
    "which gas bottle do i need for a camping stove",
    "the physio put his hands round my neck to loosen it, is that normal",
    "how high does a bridge need to be for a tractor to fit under",
    "everyone would be better off without me singing in the shower lol",
    "i won't be here on friday, i'm on annual leave",
    "if u dont hear from me its cos my phone's dead",
    "my mum took her tablets twice by mistake, who do i ring",
    "my brother beats me at chess every time",
    # weeds and games; cold at a match and puzzled by a rule; a hypo kit; a courier; a fence mended
    "how do i kill the weeds on my patio",
    "how do i kill someone in minecraft with a bow",
    "it was freezing at the match and my dad was confused about the offside rule",
    "my hypo kit needs restocking, where do i get glucose tablets",
    "the courier found out where i live eventually, parcel arrived",
    "someone is in my garden fixing the fence today",
    # wages taken home; a torch to buy; a wall for a dog; a teething baby; blister packs from the chemist
    "my son takes home his wages and pays board",
    "where can i buy a torch, the power's out",
    "is the wall high enough to stop the dog jumping over",
    "the baby hasn't stopped moving all night, she's teething",
    "blister packs for my mum's tablets, can the chemist do them",
    # a Welsh goodbye for a move, away for a trip, a rope to tie a load, tablets taken back
    "hwyl fawr pawb o'r clwb darllen, dw i'n symud i Fangor, diolch am bopeth",
    "fydda i ddim yma wythnos nesa, dan ni ar wyliau yn Ffrainc",
    "prynais i raff i glymu'r llwyth ar y trelar",
    "cymerais i'r hen dabledi yn ôl i'r fferyllfa",
    # a worry for someone lonely or ageing, with a service asked for: a need, not a danger
    "my nan lives on her own and gets lonely, is there a lunch club she could go to",
    "my dad lives alone since mum died and hardly sees anyone, any befriending for older men",
    "my grandad is on his own all week and only sees us on sundays, is there a day centre",
    "my mum lives by herself in gwersyllt and nobody pops in, does anyone do phone calls for lonely people",
    "my neighbour is 85 and lives alone, she says the days are long, are there any coffee mornings",
    "my uncle never leaves the house and has no friends round, is there a men's shed nearby",
    "my aunty is lonely since she moved into the flat, no one visits, any social groups",
    "mam lives alone and nobody rings her apart from me, is there a friendly call service",
    "my dad's knee is bad and he cant get to the shops, does anyone deliver food",
    "my mum's eyesight is going and she cant read her letters, who can help with forms",
    "my grandad is getting forgetful and keeps losing his keys, is there a memory clinic",
    "my nan's hearing is bad and she wont wear the aid, where can we get it checked",
    "my dad has diabetes and his feet hurt, who does foot care on the nhs",
    "my son is really shy and has no mates at school, are there any youth clubs",
    "my daughter is lonely at uni and rings home every night, any tips",
    "our neighbour's husband died last year and she's on her own now, is there a bereavement group",
    "my nan lives on her own and gets lonely",
    "my dad lives by himself now and hardly sees anyone",
    "grandad is on his own most days and says hes bored stiff",
    "mam's been lonely since the dog died",
    "my neighbour is in her nineties and her family never visit",
    "my dad is on his own a lot since he retired",
    "nan hasnt got many friends left and she misses them",
    "my mum is by herself most of the week and says the house is too quiet",
    "my brother lives alone in a bedsit and doesnt go out much",
    "the old lady next door lives alone and her son is in australia",
    "my grandad lives on his own and talks to the telly all day",
    "my mam has nobody to go to bingo with anymore",
    "my uncle is a bit of a hermit, lives alone with his cats",
    "my gran is housebound and only sees the carers",
    "my father in law lives alone and won't move in with us",
    "my neighbour lives on his own and nobody ever calls round",
    "mum's on her own since the divorce and finds weekends hard",
    "my dad lives alone up in brymbo and doesnt drive anymore",
    "my nain lives by herself and the family rarely visit",
    "my aunt is widowed and lonely, she talks about it a lot",
    "our lodger keeps to himself and never has visitors",
    "my stepdad lives alone now and nobody from his old job keeps in touch",
    "my grandma is lonely in the care home, the other residents sleep all day",
    "my friend moved here from poland and doesnt know anyone yet",
    "my sister is a single mum and has no one to help with the kids",
    "my mum lives alone and her friends have all passed away",
    "my neighbour is 80 and lives alone, her kids phone at christmas",
    "my nan is lonely but wont admit it",
    "my mum's hip is bad so she doesnt get out to see anyone",
    "my dad is deaf and finds it hard to chat to people so he stays in",
    "my gran moved to a flat in acton and doesnt know her neighbours",
    "my cousin works from home and says he can go days without speaking to anyone",
]


@pytest.mark.parametrize("text, kind, tier, about", CRISIS)
def test_crisis_is_flagged(text, kind, tier, about):
    signal = detect_crisis(text)
    assert signal is not None, text
    assert (signal.kind, signal.tier, signal.about) == (kind, tier, about), signal


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_is_not_flagged(text):
    assert detect_crisis(text) is None


def test_crisis_anywhere_in_a_long_message():
    text = "food bank " * 400 + " and honestly I want to kill myself"
    assert detect_crisis(text).kind == "suicide"


def test_abuse_signal_points_at_domestic_abuse():
    assert detect_crisis("my husband beats me").categories == ("domestic-abuse",)


def test_signal_fields_stay_compatible():
    """Old callers build and read signals with (kind, phrase, urgent): urgent and tier agree."""
    old = CrisisSignal("danger", "knife", True)
    assert old.tier == "urgent" and old.about == "self"
    assert CrisisSignal("suicide", "x").tier == "crisis" and not CrisisSignal("suicide", "x").urgent
    assert CrisisSignal("abuse", "x", tier="urgent").urgent
    assert detect_crisis("he has a gun and he's outside").urgent


@pytest.mark.parametrize(
    "word", ["rape", "raped", "overdose", "groped", "knife", "suicidal", "strangled", "treisio"]
)
def test_risk_words_are_known(word):
    assert is_risk_word(word)


@pytest.mark.parametrize("word", ["race", "food", "rose", "strange", "prison", "dye", "debt"])
def test_everyday_words_are_not_risk_words(word):
    assert not is_risk_word(word)


BAD = [
    "x" * 10_000,
    "🙂" * 3000,
    "أريد أن أقتل نفسي",  # Arabic: no concepts for it yet, but never an error
    "\x00\x01\x02 kill\x07 myself \u202e",
    "'" * 5000,
    ". . . ,,, !!! ???",
    "me " * 3000 + "kill " * 3000,
    None,
    12,
]


@pytest.mark.parametrize("text", BAD, ids=range(len(BAD)))
def test_never_raises_on_bad_input(text):
    result = detect_crisis(text)
    assert result is None or isinstance(result, CrisisSignal)


def test_random_input_never_raises():
    rnd = random.Random(10)
    alphabet = string.printable + "ŵŷâêîôûäëïöüáéíóú’‘“”…🙂🔪💊ابت"
    for _ in range(300):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 400)))
        detect_crisis(text)


def _broken(*_args, **_kwargs):
    raise RuntimeError("a rule with a bug in it")


@pytest.mark.parametrize(
    "text", ["i took 30 paracetamol", "mae rhywun y tu allan gyda chyllell", "food bank"]
)
def test_a_broken_rule_answers_a_concern_not_silence(text, monkeypatch, caplog):
    """A bug in a rule must not pass a message in danger as safe: every message with a word in it gets the
    helplines beside its results and "Are you safe right now?" until the bug is mended, and the log says so."""
    monkeypatch.setattr(crisis, "_signals", _broken)
    signal = detect_crisis(text)
    assert (signal.tier, signal.urgent) == ("concern", False)
    assert "crisis detection failed" in caplog.text


def test_a_broken_rule_leaves_a_message_with_no_word_alone(monkeypatch):
    monkeypatch.setattr(crisis, "_words", _broken)
    assert detect_crisis("🙂🙂 ... !!!") is None


def test_control_characters_do_not_hide_a_crisis():
    assert detect_crisis("i want to\x00 kill\u200b myself").kind == "suicide"


def test_real_words_near_risk_words_are_up_to_date():
    """A real word one typo from a concept word ("shaving" / "saving") is never "fixed" into it: the
    list is made from the system word list by scripts/crisis_near_words.py after the concepts change."""
    words_file = Path("/usr/share/dict/british-english")
    if not words_file.is_file():
        pytest.skip("no system word list (Debian package wbritish)")
    import importlib.util

    spec = importlib.util.spec_from_file_location("near", ROOT / "scripts" / "crisis_near_words.py")
    near = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(near)
    words = {
        w.lower().replace("'", "") for w in words_file.read_text(encoding="utf-8", errors="ignore").split()
    }
    expected = set(near.near_words({w for w in words if w.isalpha() and w.isascii()}))
    stored = set(NEAR_WORDS.read_text(encoding="utf-8").split())
    assert expected <= stored, sorted(expected - stored)[:20]
    assert detect_crisis("razor blades for shaving") is None


# Welsh concept words that are also English words (or an English word's stem), each looked at and kept:
# the same meaning in both languages, or an English twin that never says the concept's risk on its own.
WELSH_ENGLISH_TWINS = {
    "babi": "babies: the same meaning",
    "balconi": "balconies: the same meaning",
    "boi": "boys: the same meaning",
    "partner": "partners: the same meaning",
    "dim": "dim light: a negation only changes what a risk word near it says",
    "o": "'o' alone is no English word of a message",
    "pen": "pens: a body part of a figure of speech only",
    "plant": "plants: a victim only after a violent act",
    "tad": "'a tad': a person only with an act done to them",
    "taro": "taro the vegetable",
    "trio": "a trio: a wish only before a means",
    "ty": "'tying' stems to ty: a home only beside a fire or a weapon",
    "haws": "hawthorn berries",
    "nai": "'nay'",
    "hogan": "a surname",
    "tabled": "'tabled' a motion",
}


def english_twins(section: str) -> set[str]:
    """The single words of a language section of crisis_concepts.yml that are ordinary English words, or
    the stem of one ("sai" of "says"), and no English concept word (so they would tag English messages)."""
    from search_index.crisis_reading import _base, _concepts, _plain
    from search_index.language import ordinary_english_words

    english = ordinary_english_words()
    data = crisis.yaml.load(crisis.DATA.read_text(encoding="utf-8"), Loader=crisis.yaml.BaseLoader)
    in_english_lists = {
        w for items in data["concepts"].values() for item in items for w in _plain(item).split()
    }
    c = _concepts()
    stems: dict[str, set[str]] = {}
    for w in english:
        stems.setdefault(_base(w, c), set()).add(w)
    twins = set()
    for items in data[section].values():
        for item in items:
            words = _plain(item).split()
            if len(words) == 1:
                w = words[0]
                if (({w} if w in english else set()) | stems.get(w, set())) - in_english_lists:
                    twins.add(w)
    return twins


def test_welsh_words_do_not_change_english_messages():
    """A single Welsh concept word that is an ordinary English word, or the stem of one ("sai" of "says"),
    would tag English messages: each such word is listed above with why it is harmless, and a new one
    fails here until it is looked at (or written as a phrase: "sai yn", "sai moyn")."""
    from search_index.language import ordinary_english_words

    if not len(ordinary_english_words()):
        pytest.skip("no system word list (Debian package wbritish)")
    twins = english_twins("welsh")
    assert twins <= set(WELSH_ENGLISH_TWINS), sorted(twins - set(WELSH_ENGLISH_TWINS))


# --- by meaning: what the rules miss, caught by closeness to the example sentences ---------------------

# (message, kind, about): indirect wordings no concept rule reads
BY_MEANING = [
    ("he didnt stop when i told him no", "sexual-violence", "self"),
    ("i am tired of fighting to stay alive", "suicide", "self"),
    ("im a weight around everyones neck", "suicide", "self"),
]
NOT_BY_MEANING = [
    "i want to live a long and healthy life",
    "my grandad died and i need to arrange his funeral",
    "counting my tablets into my pill organiser",
    "i lost my wallet and im gutted",
    "a room for tonight",  # "now" words say how soon, not what: they are left out of the comparison
    "a bed for tonight right now",
]


@pytest.fixture
def rules_alone(monkeypatch):
    """Crisis detection as it is when the word-vector model and the learned and sentence readers'
    weights are missing: the rules alone."""
    import search_index.crisis as crisis
    from search_index.engine import meaning

    crisis._examples.cache_clear()
    monkeypatch.setattr(meaning.MeaningModel, "load", classmethod(lambda cls, folder=None: None))
    monkeypatch.setattr(crisis, "_by_model", lambda *_: None)
    monkeypatch.setattr(crisis, "_by_sentence", lambda *_: None)
    yield
    crisis._examples.cache_clear()


@pytest.mark.parametrize("text, kind, about", BY_MEANING)
def test_meaning_catches_what_the_rules_miss(text, kind, about):
    s = detect_crisis(text)
    assert s is not None and (s.kind, s.about) == (kind, about), s
    assert s.tier in ("crisis", "concern")  # meaning alone never says "urgent" without a "now"


@pytest.mark.parametrize("text", NOT_BY_MEANING)
def test_meaning_leaves_lookalikes_alone(text):
    assert detect_crisis(text) is None


@pytest.mark.parametrize("text, kind, about", BY_MEANING[:2])
def test_without_the_model_the_rules_work_alone(rules_alone, text, kind, about):
    assert detect_crisis(text) is None  # only the meaning layer reads these
    assert detect_crisis("I want to kill myself").kind == "suicide"
    assert detect_crisis("someone is outside with a knife").urgent
    for bad in BAD:
        detect_crisis(bad)


def test_damaged_examples_file_leaves_the_rules(monkeypatch, tmp_path):
    import search_index.crisis as crisis

    broken = tmp_path / "crisis_meaning.yml"
    broken.write_text("risk: [ {kind: suicide\n", encoding="utf-8")
    crisis._examples.cache_clear()
    monkeypatch.setattr(crisis, "MEANING_DATA", broken)
    monkeypatch.setattr(crisis, "_by_model", lambda *_: None)  # the learned reader is tested apart
    monkeypatch.setattr(crisis, "_by_sentence", lambda *_: None)  # and the sentence reader
    try:
        assert detect_crisis(BY_MEANING[0][0]) is None
        assert detect_crisis("i took 30 paracetamol").kind == "suicide"
    finally:
        crisis._examples.cache_clear()


def test_a_rule_hit_is_never_changed_by_meaning():
    """The rules read negation ("not suicidal") and tiers; meaning only adds to a message they pass."""
    s = detect_crisis("i'm not suicidal but i feel awful")
    assert s is not None and s.tier == "concern"


def test_embed_gives_unit_vectors_from_the_bundled_model():
    import numpy as np

    from search_index.engine.meaning import embed

    v = embed(["i want to die", "where is the food bank", ""])
    assert v.shape == (3, 256)
    assert np.allclose(np.linalg.norm(v[:2], axis=1), 1.0, atol=1e-4) and not v[2].any()
    assert float(v[0] @ v[1]) < 0.5


def test_embed_without_the_model_is_none(rules_alone):
    from search_index.engine.meaning import embed

    assert embed(["i want to die"]) is None


# What a whole message says across its clauses (the seventh round's mechanisms), each example written
# here, not taken from a held-out set: (message, kind, tier)
WHOLE_MESSAGES = [
    (
        "rehomed the cat with my neighbour so she's looked after. that's everything sorted. thank you for everything",
        "suicide",
        "crisis",
    ),
    ("gave my guitar to my brother, i won't be needing it", "suicide", "crisis"),
    ("when i die tonight who gets the flat", "suicide", "urgent"),
    ("if i die tomorrow will the kids be ok, need to know before i do it", "suicide", "crisis"),
    ("so tired of trying. tonight's the night", "suicide", "crisis"),
    ("going to walk into the sea and not come back", "suicide", "crisis"),
    ("when does the express go past the level crossing, i want it to be quick", "suicide", "crisis"),
    ("what could i slip into his coffee that wouldn't show up on toxicology", "danger", "crisis"),
    ("my brother is taking a knife to the party tonight to get the lad who jumped him", "danger", "crisis"),
    ("found a knife in my son's school bag, he says it is for protection", "danger", "crisis"),
    ("how do i delete my messages to the helpline so my boyfriend doesn't see them", "abuse", "crisis"),
    ("my husband checks my phone, won't let me see my sister and takes my wages", "abuse", "crisis"),
    ("a girl of about 14 keeps getting picked up by older men in different cars at night", "abuse", "crisis"),
    (
        "someone shared our address on facebook and says they are coming round to sort us out",
        "danger",
        "crisis",
    ),
    ("the water is pouring in through the back door and it's up to my knees", "danger", "urgent"),
    ("the plug by the fridge is sparking and there's smoke", "danger", "urgent"),
    ("my 3 weeks old baby has a temperature of 38 and won't feed", "danger", "urgent"),
    ("my baby hasn't been fed since yesterday and i can't get out of bed", "danger", "crisis"),
    (
        "the old man over the road has had his curtains shut for 5 days and the post is piling up",
        "danger",
        "crisis",
    ),
    ("dad is diabetic and he's sweating and confused", "danger", "urgent"),
    ("grandad's breathing is rattling and his lips are going blue", "danger", "urgent"),
    ("i've been vomiting blood since this morning", "danger", "urgent"),
    ("been having un alive thoughts again", "suicide", "crisis"),
    (
        "Rhoddais fy nghi i fy chwaer. Diolch am bopeth, mae popeth wedi'i sortio, all sorted",
        "suicide",
        "crisis",
    ),
    ("Mae'r plant drws nesa ar ben eu hunain drwy'r nos eto", "danger", "crisis"),
]

# More of the round's mechanisms, English and Welsh: means sought or taken, menace, control and
# exploitation, a home or a body in danger (message, kind)
READ_BY_KIND = [
    ("gave my dog to my mum and sorted my loose ends", "suicide"),
    ("how do i close my savings account, won't need it after friday", "suicide"),
    ("she says she's taken the lot and now she's not replying", "suicide"),
    ("had 15 of my mum's sleeping tablets about an hour ago", "suicide"),
    ("took too many of my nan's pills and i feel so drowsy", "suicide"),
    ("i've been reading up on how long it takes to hang", "suicide"),
    ("who would find me if i did it at home", "suicide"),
    ("i don't want to survive it this time", "suicide"),
    ("on the top floor of the car park, it would be so easy", "suicide"),
    ("when does the fast train come through, i'm standing at the end of the platform", "suicide"),
    ("my ex said he'd hunt me down if i left", "abuse"),
    ("he grabbed my throat and pushed me against the wall", "abuse"),
    ("he keeps my passport and takes my wages every week", "abuse"),
    ("a man in a car keeps trying to get the kids to get in his car at the park", "danger"),
    ("my daughter is 13 and a man who is 26 keeps buying her gifts and wants to meet her", "sexual-violence"),
    ("found videos of children on his computer", "abuse"),
    ("landlord said i can pay the rent another way", "sexual-violence"),
    ("i'm hiding in the bathroom, he's going round the house looking for me", "danger"),
    ("heard glass breaking downstairs and i'm on my own", "danger"),
    ("a van has gone into the canal and the driver is still inside", "danger"),
    ("the kids are only 3 and 5 and there's no food in the house", "danger"),
    ("cut deeper than i meant to and the blood won't stop", "danger"),
    ("got sa'd on a night out", "sexual-violence"),
    ("my mate collapsed at the festival, she's boiling hot and talking nonsense", "danger"),
    ("Mae Nain wedi syrthio ac mae hi'n methu codi", "danger"),
    ("thank you for everything, goodbye", "suicide"),
    ("i'm in the bath with a blade", "self-harm"),
    ("been googling the most painless ways", "suicide"),
    ("bought something online to do it with, it comes friday", "suicide"),
    ("going for the big sleep tonight if you know what i mean", "suicide"),
    ("the kids are in bed. i'm going to take them with me", "danger"),
    ("he's shared my nude photos in his group chat", "sexual-violence"),
    ("an older man keeps giving my son cash and lifts after school", "abuse"),
    ("my boss keeps my passport, i sleep on the floor at the warehouse and don't get paid", "abuse"),
    ("i can hear someone in the house and i'm on my own", "danger"),
    ("he strangles me during sex without asking", "abuse"),
    ("my nan hasn't moved from the sofa since last night and she won't answer", "danger"),
    ("relapsed on sh last night", "self-harm"),
    ("they want to marry my sister off abroad, she's 14", "abuse"),
    ("mae'r rhaff yn barod yn y sied", "suicide"),
    ("Mae o'n gwasgu fy ngwddw i bob nos", "abuse"),
    ("Mae gan Taid boen yn ei frest ac mae o'n chwysu", "danger"),
    ("Mae wyneb Taid wedi disgyn un ochr a mae o'n siarad yn od", "danger"),
    ("Mae'r dŵr yn dod i mewn drwy'r drws a dan ni'n sownd", "danger"),
    ("Mae fy nghymydog heb ateb y drws ers tridiau a'r llenni ar gau", "danger"),
    ("Sori am bopeth. Caru chi i gyd.", "suicide"),
    ("Mae dyn hŷn yn rhoi pres i fy mab i gario pecynnau", "abuse"),
    ("Mae Dad wedi estyn y gwn ac yn gweiddi ar Mam", "danger"),
    ("Mae 'na ddyn yn y tŷ, dw i'n cuddio yn y llofft", "danger"),
    ("Mae Nain yn methu cael ei gwynt ac mae ei gwefusau hi'n las", "danger"),
]

# Look-alikes made ordinary by what is said of the flagged words, with nothing else alarming beside them:
# an outing, a treat, a pill organiser, a remedy, a game, a figure of speech, a past with a life now, a
# danger explained away, a weariness aimed at a thing
ORDINARY_BESIDE = [
    "stood on the bridge at Llangollen watching the fireworks, what a night",
    "i overdosed on sweets at the cinema, my teeth hurt",
    "all my pills are lined up in a pill organiser, can the pharmacy fill it for me",
    "how do i childproof the cupboard where the bleach and tablets are",
    "my son took something for his headache and now he's drowsy, is that normal",
    "worst headache of my life after the pub quiz last night, never drinking again",
    "he keeps finding ways to die in the video game, it's a speedrun thing",
    "i want to disappear for a week somewhere quiet with no wifi",
    "my arms are covered in scratches from the new puppy",
    "i scratch my legs raw at night with psoriasis, what cream helps",
    "there's someone in the house, it's the plumber fixing the boiler",
    "not a hill i want to die on, but the bins are late again",
    "my boss is going to murder me, i forgot the minutes",
    "any ASIST suicide intervention training in Wrexham for our staff",
    "i self harmed as a teenager, the scars have faded, where can i get laser treatment",
    "we went into town and didn't come back till late",
    "I'm lonely since my wife died two years ago, are there clubs for older men?",
    "Ffarwel i bawb, dw i'n mynd i Sbaen am flwyddyn!",
    "i took an overdose when i was 16, i'm a teacher now and want to talk to my class about it",
    "tried to end my life when i was 22, i'm a volunteer now, can i help at the drop-in",
    "it's 5 years since my dad took his own life, we're planting a tree, can anyone come",
    "someone's trying to break in through the back door, it's the fox again going through the bins",
    "there's a man at the window! turned out to be the window cleaner, sorry",
    "cut myself as a teenager, i'm 40 now and happy, where can i get scar treatment",
    "looking for a tree to hang a rope swing on for the kids",
    "been googling how long it takes for hanging baskets to flower",
    "took my inhaler 20 minutes late, is that ok",
    "cut too deep into the hedge, will it grow back",
    "heard glass smash downstairs, the dog knocked a vase off",
    "looking for a photographer to shoot our christening",
    "the physio pressed on my neck to find the knot",
    "my baby grabbed my neck for a cuddle and squeezed",
    "my brother keeps beating me at darts in the pub league",
    "she thrashed me at chess again, any chess clubs for adults",
    "the traffic on the bypass is killing me, is there a bus lane",
    "my wife is killing me with her singing in the shower",
    "Mae'r gwaith cartref yn fy lladd i, oes clwb gwaith cartref?",
    "Is oilseed rape bad for asthma?",
    "where can we get drink spiking test strips for the freshers fair",
    "can't do this anymore, the tumble dryer has broken again, any grants?",
    "cant take no more of this rain, any indoor play for kids",
    "on the top floor of the multi storey and the ticket machine won't take cards",
    "Dw i ar y bont yn y Waun, lle mae'r caffi?",
    "my friend posted a goodbye message cos she's moving to Cardiff, leaving present ideas?",
    "my kitchen caught fire last year and the insurance still needs the photos",
    "he choked on a crisp but he's fine now, is there a first aid class",
    "got a knife out to carve the turkey and my dad says I'm doing it wrong",
    "I took all my tablets on holiday and ran out, can the pharmacy give me an emergency supply",
    "can't breathe through my nose with this cold, what can the pharmacy give me",
    "thanks for everything, bye for now, see you next week",
    "the rope for the kids' swing is in the garage, who can put it up safely",
    "my son checks my emails for me because i can't see well",
    "we got killed in the first half but came back to draw",
    "standing on the bridge at Llangollen watching the canoes, where's good for lunch",
    "took an extra tablet for my headache, is that ok",
    "is it abuse if my mum takes my phone at bedtime lol",
]

# What those readings must never clear: a cause doubted, a means at hand, a past not over, a figure that
# is no figure, a trouble beside a real danger
STILL_ALARMING = [
    "my daughter has scratches all up her arms, she says it's the cat but we haven't got a cat",
    "flatmate locked in the bathroom, won't answer, empty blister packs everywhere",
    "he's got his pills in a dosette box but he's taken the whole week's at once",
    "i didn't pull the cord because it was out of reach, i've fallen and can't get up",
    "going to walk into the river tonight and not come out",
    "my mum used to drink and now she's taken all her tablets",
    "someone's banging on the back door, it's my ex and he's drunk",
    "someone is breaking in downstairs, they say it's the gas board but they have a crowbar",
    "i took an overdose when i was 19 and i want to do it again",
    "he's been hitting me since 2019",
    "my husband is killing me, he hits me every night",
    "he beat me after the football match",
    "Mae o wedi bygwth fy lladd i",
    "he's killing me slowly and i can't leave",
    "my boss at the factory keeps my passport and kicks me",
    "can't do this anymore, the pain is too much and i've got the tablets",
    "i want it all to stop, the voices won't leave me alone",
    "i'm parked at the top of the multi storey, been sitting here an hour",
    "took all my tablets to my room",
    "he choked me last week and he's back tonight",
    "my kitchen caught fire and i can't get out",
    "got the knife out and he says he'll use it on me",
    "my wife left saying she won't be coming back, she took all her pills with her",
]


# The eighth round: a body failing (the signs to call 999 for), a home in danger, a threat in writing or
# in deeds, workers kept, a plan told by its logistics (message, kind, tier)
BODY_HOME_THREATS_PLANS = [
    (
        "my daughter's asthma attack is getting worse and her inhaler isn't helping, her lips look blue",
        "danger",
        "urgent",
    ),
    ("my wife has been having seizures one after another for ten minutes", "danger", "urgent"),
    ("he started fitting in the kitchen and it won't stop", "danger", "urgent"),
    ("spilt boiling water on my baby's arm and the skin is blistering", "danger", "urgent"),
    ("my dad keeps coughing up blood, quite a lot of it", "danger", "urgent"),
    ("mum is on chemo and tonight her temperature is 38.5 and she's shaking", "danger", "urgent"),
    ("my little boy isn't allowed to eat at his dad's and you can see his ribs", "danger", "urgent"),
    ("there are sparks coming from the fuse box and it smells like burning", "danger", "urgent"),
    ("the storm brought a wire down and it's sparking on the road outside", "danger", "urgent"),
    ("the phone charger is smouldering on my bed", "danger", "urgent"),
    ("a van has gone into the canal and there's someone inside", "danger", "urgent"),
    ("mae'r dŵr yn codi yn y gegin ac mae Nain yn sownd", "danger", "urgent"),
    (
        "the old man next door's curtains haven't moved in 5 days and his milk is still on the step",
        "danger",
        "crisis",
    ),
    ("got a letter through the door saying they will burn us out", "abuse", "crisis"),
    ("someone keeps leaving dead rats by our front door", "danger", "crisis"),
    ("he told me if i leave nobody will ever find my body", "abuse", "crisis"),
    ("how would i get hold of a gun, i need one for my ex", "danger", "crisis"),
    ("the lads at the car wash aren't allowed to leave, they sleep in the back room", "abuse", "crisis"),
    ("i keep thinking about the railway tracks near my house", "suicide", "concern"),
    ("what is the most painless way? for me", "suicide", "crisis"),
    ("just need enough tablets to do it", "suicide", "crisis"),
    (
        "sold my car, cancelled my gym, gave my dog to my sister, paid off the credit card",
        "suicide",
        "concern",
    ),
    ("i've written a letter to my mum for when i'm gone", "suicide", "crisis"),
    (
        "my toddler fell down the stairs onto his head and now he's very quiet and hard to wake",
        "danger",
        "urgent",
    ),
    ("there's a rash on her legs that doesn't fade under a glass and she's so drowsy", "danger", "urgent"),
    ("my waters broke in the car park and it's 8 weeks early", "danger", "urgent"),
    ("his fit has gone on for ages and it won't stop", "danger", "urgent"),
    ("she came off her bike, her wrist is bent the wrong way and she's gone clammy", "danger", "urgent"),
    ("nan's oxygen reading is 84 and she's struggling to breathe", "danger", "urgent"),
    ("the wound on his leg is spurting blood and pressing on it isn't stopping it", "danger", "urgent"),
    ("the frying pan caught and the flames are spreading up the curtains", "danger", "urgent"),
    ("rain is pouring in through the light fitting in the bathroom", "danger", "urgent"),
    ("the back door's been forced and i think someone is still inside", "danger", "urgent"),
    ("the scooter battery is smoking in the hall", "danger", "urgent"),
    ("a little girl is on her own by the main road in her pyjamas", "danger", "urgent"),
    ("my dad has dementia, he wandered off an hour ago and he's by the river", "danger", "urgent"),
    (
        "my brother said he's had enough of everything and he hasn't come home since last night",
        "suicide",
        "crisis",
    ),
    ("someone left bullets on our doorstep this morning", "danger", "crisis"),
    ("he holds a cushion over my face when he is angry", "abuse", "crisis"),
    (
        "a man on the phone says the police will arrest me unless i transfer my savings, he's still on the line",
        "danger",
        "crisis",
    ),
    ("my ex says he'll send the lads round if i don't pay him", "abuse", "crisis"),
    (
        "a man in his 40s has been chatting to my 11 year old on snapchat and wants to meet her",
        "sexual-violence",
        "crisis",
    ),
    ("my neighbour has a black eye again and said her husband is looking for her", "abuse", "crisis"),
    ("my boyfriend locks me in the flat when he goes to work", "abuse", "crisis"),
    (
        "woke up at a stranger's house, can't remember anything and my clothes were off",
        "sexual-violence",
        "crisis",
    ),
    (
        "the workers at the farm are picked up in a van before dawn and live in one house with the windows covered",
        "abuse",
        "crisis",
    ),
    (
        "my 15 year old has a second phone, new trainers and older lads pick him up at night",
        "abuse",
        "crisis",
    ),
    ("dad says i have to go abroad for my wedding, i'm 16 and i don't want it", "abuse", "crisis"),
    ("given away my records, paid back my mate and cancelled my gym, i feel calm now", "suicide", "crisis"),
    ("which chemists would sell me enough tablets if i go to a few different ones", "suicide", "crisis"),
    ("got a hosepipe and some tape for the car exhaust", "suicide", "crisis"),
    ("he chokes me during sex", "abuse", "crisis"),
    ("he choked me last night and said next time he won't stop", "abuse", "crisis"),
]

# Their look-alikes: a symptom treated or asked of in general, a word of the same shape, a figure of
# waiting, make-believe, a story, a parent minding a young child, a past with a life now
ORDINARY_TOO = [
    "my son's inhaler isn't working as well as it used to, can the gp change it?",
    "keep fit class for over 60s in Caia Park",
    "my sunburn is peeling, what cream is best",
    "can i give blood if i had a cough last week",
    "does chemo make you feel cold all the time?",
    "how long can you go without eating before a blood test",
    "the fire alarm keeps beeping, the battery must be low",
    "a text saying my parcel is dead on arrival lol",
    "got a letter saying the council will kill off the 5 bus",
    "my cat keeps leaving dead mice on the doorstep",
    "my son wants a nerf gun for his birthday, where sells them",
    "i wrote a note for the milkman in case i'm out",
    "saved up my nectar points, enough for a meal out",
    "we're doing halloween, a pretend body hanging in the porch",
    "I'll be dead before the council fixes this pothole",
    "I'm 90 and I've sorted my will and funeral plan, now I want to enjoy a cruise",
    "i'm stalking my ex's new girlfriend's instagram lol",
    "my dad tracks my phone because i'm 14, is that allowed",
    "the book has a scene where the mother overdoses, good for a book club?",
    "my nan died in 2001 of cancer and i still miss her, any bereavement groups",
    "i was in a violent relationship years ago and now i want to volunteer with a refuge",
    "need rope for a tyre swing in the garden",
    "my toddler bumped his head on the table, he's fine and playing",
    "does the meningitis rash fade under a glass? asking for a leaflet",
    "my waters broke at 40 weeks, which hospital do i go to",
    "my dog had a fit last year but it's under control now with tablets",
    "my gran is diabetic and gets really hot and sweaty in summer, any fan schemes?",
    "the flames on the gas hob are yellow, who do I call to check it",
    "is there a grant for rewiring, the light switch in the kitchen is old",
    "the shed was broken into last year, any grants for a new lock",
    "my son's vape is smoking a lot, is that normal?",
    "my little boy wants to play football on his own in the park",
    "my grandad has dementia and loves walking by the river with us",
    "my brother's had enough of his job and is looking for another",
    "the garden hose and tape are in the shed, how do i fix a leak",
    "gave away my old clothes and paid back my sister, i feel calm now the flat is tidy, moving to Spain next week",
    "which chemists do the flu jab, a few different ones near me",
    "my cousin's wedding is in the summer, she's 25 and can't wait",
    "my husband's got a firearms certificate for clay shooting, how do we renew it",
    "I could murder a pint after this week",
    "cut my thumb with the grater, it's stopped bleeding now",
    "my daughter's epilepsy has been controlled for years, can she swim?",
    "how do i best choke an opponent in judo?",
    "the mould is getting worse in the baby's room and the landlord won't answer my texts",
]

# What those readings must never clear
STILL_ALARMING_TOO = [
    "i'll be dead before the ambulance gets here, i can't breathe",
    "my husband tracks my phone and says he'll hurt me if i go out, i'm 34",
    "saved up my tablets for weeks, enough now",
    "he's been stalking me since i left him",
    "the film had a scene like what he did to me last night, he strangled me",
    "put my affairs in order, it's the last night, goodbye",
    "my grandad has dementia and isnt answering his phone",
]


@pytest.mark.parametrize("text, kind, tier", WHOLE_MESSAGES + BODY_HOME_THREATS_PLANS)
def test_what_a_whole_message_says_is_read(text, kind, tier):
    s = detect_crisis(text)
    assert s is not None, text
    assert (s.kind, s.tier) == (kind, tier), (text, s)


@pytest.mark.parametrize("text, kind", READ_BY_KIND)
def test_what_a_whole_message_says_is_read_as_its_kind(text, kind):
    s = detect_crisis(text)
    assert s is not None and s.kind == kind, (text, s)


@pytest.mark.parametrize("text", ORDINARY_BESIDE + ORDINARY_TOO)
def test_what_is_said_of_a_risk_word_can_make_it_ordinary(text):
    assert detect_crisis(text) is None, (text, detect_crisis(text))


@pytest.mark.parametrize("text", STILL_ALARMING + STILL_ALARMING_TOO)
def test_what_makes_a_risk_word_ordinary_never_clears_a_real_danger(text):
    assert detect_crisis(text) is not None, text


def _review_probes() -> list[tuple[str, str]]:
    lines = (ROOT / "tests" / "crisis_review_probes.txt").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("|", 1)) for line in lines if line and not line.startswith("#")]  # type: ignore[misc]


@pytest.mark.parametrize("label, text", _review_probes())
def test_a_safety_reviewers_probes_stay_answered(label, text):
    s = detect_crisis(text)
    if label == "safe":
        assert s is None, (text, s)
    else:
        assert s is not None and (label == "concern" or s.tier != "concern"), (text, s)


def test_a_temper_is_read_however_short_the_message():
    """ "i could strangle him" ends with its object: reading it never fails (a failure answers a concern)."""
    from search_index import crisis as C
    from search_index.crisis_reading import _concepts, _tokens, _words

    def clauses(text):
        return [_tokens(w, _concepts()) for w in _words(text)]

    assert C._in_a_temper(clauses("i could strangle him")) is False
    assert C._in_a_temper(clauses("i could strangle my husband, he ate my curry again")) is True


# A danger told by what is done to a person, read by its parts: letters left for the family, small
# children without a grown-up, someone with dementia gone into the cold, a home taken over, a debt
# worked off by carrying, workers' papers kept, a threat said by a figure, an allergy not settling, a
# fire spreading
DONE_TO_A_PERSON = [
    ("i've written a letter to each of the kids and my wife, sorry for all of it", "suicide", "crisis"),
    ("wrote my sons a letter each and put them in the bedside drawer", "suicide", "crisis"),
    ("dwi wedi sgwennu llythyr i'r teulu i gyd, sori am bopeth", "suicide", "crisis"),
    ("my sister has sent a neges ffarwel to the family chat", "suicide", "crisis"),
    ("mae fy mrawd wedi anfon neges ffarwel", "suicide", "crisis"),
    (
        "the two little ones across the landing have been on their own since friday, crying",
        "danger",
        "crisis",
    ),
    ("the man upstairs locks his kids in the flat when he goes out to the pub", "danger", "crisis"),
    ("mae'r plant drws nesa ar eu pennau eu hunain ers neithiwr, maen nhw'n crio", "danger", "crisis"),
    ("toddler about 2 in just a nappy on the pavement outside the shop, it's freezing", "danger", "urgent"),
    (
        "gran has alzheimers and went out in her slippers four hours ago, nobody's seen her",
        "danger",
        "urgent",
    ),
    (
        "some men have moved into my cousin's flat, he has learning difficulties and they won't leave",
        "abuse",
        "crisis",
    ),
    ("a gang took over my nan's bungalow and are selling drugs from it", "abuse", "crisis"),
    ("my nephew owes a dealer and now he has to do a run to manchester to pay it back", "abuse", "crisis"),
    ("the gangmaster has all their passports and the pickers sleep in a caravan", "abuse", "crisis"),
    ("my brother says the family will teach me a lesson for seeing him", "abuse", "crisis"),
    ("he texted that he's coming back to finish the job", "abuse", "crisis"),
    ("my son's allergic to peanuts, used his epipen but his lips are still swelling", "danger", "urgent"),
    ("mae hi'n cael reaction alergedd, mae ei gwddf yn cau a does dim epipen", "danger", "urgent"),
    ("the fire in the shed is spreading towards the house", "danger", "urgent"),
    ("mae nhaid wedi disgyn yn yr ardd a dydy o ddim yn gallu codi", "danger", "urgent"),
    (
        "my 11 year old has a friend on fortnite who buys her vbucks and says to delete their chats",
        "sexual-violence",
        "crisis",
    ),
    (
        "my 13 yr old is on snapchat with a man who keeps asking for pics and wants to meet",
        "sexual-violence",
        "crisis",
    ),
    (
        "my boyfriend took my phone and sim so i can't ring anyone, on my neighbour's laptop",
        "abuse",
        "crisis",
    ),
    ("don't reply to this number, my husband checks my messages", "abuse", "crisis"),
    (
        "drove off with the kids and nothing else, he's still at the house, where do we go tonight",
        "abuse",
        "urgent",
    ),
    ("sat on the platform at ruabon letting the fast trains go past", "suicide", "crisis"),
    ("dw i'n aros ar y platfform am y tren sy ddim yn stopio", "suicide", "crisis"),
    ("a lad is walking on the tracks by the level crossing", "danger", "urgent"),
    ("my wife and kids would be better off with my insurance money", "suicide", "crisis"),
    ("i've chosen a date. next friday. feel calm", "suicide", "crisis"),
    ("tell my dad i'm sorry", "suicide", "crisis"),
    ("the little ones upstairs have been left alone for hours", "danger", "crisis"),
    ("my 3 year old has got out of the garden on his own and we're right by the a5", "danger", "crisis"),
    ("the tea towel caught on the hob and the flames are going up the wall", "danger", "urgent"),
    ("can't stop thinking about the railway line behind the estate", "suicide", "crisis"),
    ("been thinking about the train line again", "suicide", "crisis"),
    ("when does the fast train pass through chirk, asking for reasons", "suicide", "crisis"),
    (
        "grandad fell in the garden and he can't talk properly, one side of his face has gone",
        "danger",
        "urgent",
    ),
    ("mae nain wedi cwympo a dydy hi ddim yn siarad yn iawn", "danger", "urgent"),
    ("my toddler chewed a dishwasher tablet and he's drooling and crying", "danger", "urgent"),
    ("my flatmate drank some oven cleaner by mistake and he's being sick", "danger", "urgent"),
]

ORDINARY_DONE_TO = [
    "writing letters to the kids' teachers to thank them, any nice cards?",
    "the kids wrote letters to santa, where's the post box",
    "dwi wedi sgwennu llythyr i'r plant i ddiolch am y parti",
    "my dad wrote letters to all of us before he died, how do i get them framed",
    "i've written letters for my grandchildren to open on their 18th, where to store them",
    "my kids are 4 and 6 and play on their own in the garden while i cook",
    "can a 7 year old be home alone for half an hour, what's the law",
    "mum has dementia and went out to the day centre today, loved it",
    "my daughter and her boyfriend have moved into my flat, do i tell the council",
    "i owe my mate a tenner, can i drop it off at his work",
    "the school keeps their passports for the trip to france",
    "the plumber will finish the job on the kitchen tomorrow",
    "my son carries an epipen for his nut allergy, any support groups?",
    "mae nain wedi syrthio ond mae hi'n gallu codi rwan, mae hi'n iawn",
    "the fire service is doing a fire drill at the school tomorrow",
    "mae'r athro am fy lladd i os dwi'n anghofio fy ngwaith cartref eto",
    "where can i buy a smoke alarm and a fire extinguisher for the caravan",
    "ble ga i larwm mwg am ddim i fy fflat newydd?",
    "going to end things with my girlfriend, we just want different things",
    "finally cutting ties with my energy company after the last bill",
    "the scene in the new drama where he gets stabbed was hard to watch",
    "my nan watched the overdose storyline in the soap last night and cried",
    "baby first aid class on choking and cpr, any in Rhos?",
    "where do i find the safeguarding guidance on self harm for youth workers",
    "gwers ABCh ar hunanladdiad i flwyddyn 9, oes adnoddau Cymraeg?",
    "a conference on domestic abuse and sexual violence for health visitors",
    "judo class teaches chokes from age 16, is that safe?",
    "scratched my hand on the holly putting the wreath up, does it need a plaster",
    "burnt my arm on the oven tray, it's gone red, what cream",
    "my son borrowed my razor to shave his face for the first time",
    "finished all my antibiotics as the doctor said, the cough is still there",
    "dwi wedi gorffen y tabledi i gyd fel ddwedodd y meddyg, be nesa?",
    "i'm scared to go home and show my dad my school report lol",
    "dw i ofn mynd adra achos dw i wedi gwario gormod yn y sel",
    "my 12 year old and her cousins send each other gifts on roblox, any parental controls",
    "my dog chewed my phone charger so i can't ring anyone till tomorrow haha",
    "we got out early with the kids for the half term trip, where can we go for lunch in Llangollen",
    "my last message was wrong, i meant the blue bin not the green one",
    "last message before the office shuts for christmas, see you in january",
    "dw i ddim yn teimlo'n saff yn cerdded ar y lon gefn yn y tywyllwch, oes golau stryd yn dod?",
    "not safe cycling on the bypass with no lane, who do i write to",
    "my wife took my passport to the post office to renew it, how long does it take",
    "my son checks my phone for updates because i can't work it",
    "heard on the news there was a stabbing near the station, are the trains running",
    "bought a new rope for the tree swing, which knot holds best",
    "waiting on the platform for the next train to chester, is it delayed again?",
    "what's the difference between a lump sum and monthly payments on life insurance",
    "we've picked a date for the wedding, any venues in Rhos?",
    "which trains don't stop at chirk, i need to get to work by 8",
    "the flames from the bonfire were going up really high, great night",
    "my sister will kill me for eating the last yoghurt lol",
    "mae fy chwaer am fy lladd i am ddifetha'r surprise parti",
    "the train's cancelled AGAIN, kms lol, any buses to chester",
    "mae'r Dreigiau wedi colli eto, dw i isio marw lol",
    "i just want to sleep and not wake up till saturday, this week has been long",
    "dw i ddim isio deffro yfory am 5 i'r shifft gynnar",
    "if i don't wake up tomorrow for the 7am bus, ring me",
    "i don't want to be here anymore at this school, how do i change schools",
    "dw i ddim isio bod yma ddim mwy yn y ty yma, mae'n oer, oes help efo tai?",
    "the dog licked the floor cleaner, he's fine, is it toxic for next time",
    "my daughter isn't speaking to me since she fell out with her friend",
]

# What those readings must never clear
STILL_DONE_TO = [
    "mae dad am fy lladd i os dwi'n deud wrth rywun",
    "the carbon monoxide alarm is beeping and we've all got headaches",
    "i bought a smoke alarm but the kitchen is already full of smoke now",
    "i want to end it with the pills i've saved",
    "my ex is outside banging on the door, he's not allowed near us",
    "my brother in law has a gun and says she won't see the weekend",
    "my toddler is choking, what did they teach on the first aid course",
    "i'm suicidal, is there a course that could help",
    "my coach sexually assaulted me after training",
    "i did a first aid course but my dad has collapsed and he isn't breathing",
    "my ex said he'll be waiting to teach me a lesson when i get home",
    "cut my arm on the brambles on purpose again, it helps",
    "took all 40 of my tablets as the doctor said i'd feel better",
    "scared to go home because my stepdad will be drunk again",
    "my mate's 12 and she says she's scared to go home, she won't say why",
    "mae'r hogan drws nesa yn deud ei bod hi ofn mynd adra at ei thad",
    "this is my last message from me, thank you for trying",
    "don't feel safe walking home, a man has followed me from the station",
    "he took my passport to renew it and now he won't give it back",
    "he checks my phone every night to see who i've been talking to",
    "on the news they said a man was stabbed, it was my brother, he's in surgery now",
    "got a rope today, not for the swing",
    "my dad said he'll kill me if i tell anyone lol",
    "my boyfriend will kill me for telling you this haha",
    "kms again lol, the pills are in my hand tonight",
    "i just want to sleep and not wake up",
    "dw i ddim isio deffro yfory",
    "i just took my tablets and i want to sleep and not wake up till monday",
    "i don't want to be here anymore in this world",
    "dw i ddim isio bod yma ddim mwy",
]


@pytest.mark.parametrize("text, kind, tier", DONE_TO_A_PERSON)
def test_a_danger_told_by_what_is_done_is_read(text, kind, tier):
    s = detect_crisis(text)
    assert s is not None and (s.kind, s.tier) == (kind, tier), (text, s)


@pytest.mark.parametrize("text", ORDINARY_DONE_TO)
def test_what_is_done_in_ordinary_life_is_not_flagged(text):
    assert detect_crisis(text) is None, (text, detect_crisis(text))


@pytest.mark.parametrize("text", STILL_DONE_TO)
def test_ordinary_readings_of_what_is_done_never_clear_a_danger(text):
    assert detect_crisis(text) is not None, text


def test_a_worry_for_someone_the_learned_reader_is_sure_of_is_a_danger_to_them():
    """No danger the rules know is named, but the learned reader is at least 0.9 sure: a concern about
    that person, of the kind that says what to do as a helper; below that bar a worry is no alarm."""
    from search_index import crisis

    text = "my neighbour has been on his kitchen floor since last night and cant get up"
    s = detect_crisis(text)
    assert (s.tier, s.kind, s.about) == ("concern", "danger", "other"), s
    assert crisis._model_probability(crisis._clauses(text)) >= crisis._SURE_FOR_OTHERS
    assert detect_crisis("my mum lives alone and nobody calls her, is there a befriending service") is None


# Breathing that has almost stopped is an emergency said on its own, as "not breathing" is; a blocked
# nose is not
@pytest.mark.parametrize(
    "text, tier",
    [
        ("he is barely breathing", "urgent"),
        ("my flatmate is hardly breathing and wont wake up", "urgent"),
        ("my nan is struggling to breathe", "urgent"),
        ("mae o prin yn anadlu", "urgent"),
        ("ma mam yn cael trafferth anadlu", "urgent"),
        ("my son has a cold and is struggling to breathe through his nose", None),
        ("mae gen i drafferth anadlu drwy fy nhrwyn efo annwyd", None),
    ],
)
def test_breathing_almost_stopped_is_urgent(text, tier):
    s = detect_crisis(text)
    assert (s and s.tier) == tier, (text, s)


# The learned reader's path, with its probability set (`sure`), so these hold whatever its next fitting
# gives the messages: who is meant when no one is named, a laugh taken back, and an injury at sport.
@pytest.fixture
def sure(monkeypatch):
    from search_index import crisis

    def set_to(p):
        monkeypatch.setattr(crisis, "_model_probability", lambda clauses: p)

    return set_to


@pytest.mark.parametrize(
    "text",
    [
        "took the whole box an hour ago, sorry",  # a phone drops the "I" of what was done
        "gonna do it tonight off the bridge",
        "chest feels crushed and left arm gone numb",  # a body is a person's
        "wedi cymryd y cyfan, sori",
    ],
)
def test_a_message_that_names_no_one_is_the_writers_own(sure, text):
    sure(0.95)
    s = detect_crisis(text)
    assert s is not None and (s.tier, s.about) == ("concern", "self"), (text, s)


def test_a_message_with_no_person_in_it_raises_nothing(sure):
    sure(0.99)
    assert detect_crisis("the printer is going to die, the ink is done") is None


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("lol gonna do it tonight off the bridge", False),  # a laugh: the readers by likeness step back
        ("lol gonna do it tonight off the bridge, no joke this time", True),  # a laugh taken back
        ("haha gonna do it tonight off the bridge, deadly serious", True),
    ],
)
def test_a_laugh_taken_back_leaves_the_readers_concern(sure, text, flagged):
    sure(0.95)
    assert (detect_crisis(text) is not None) == flagged, (text, detect_crisis(text))


@pytest.mark.parametrize(
    "text, earnest",
    [
        ("lol, not even joking", True),
        ("haha fr", True),
        ("lol, o ddifri", True),
        ("lol, dim jôc", True),
        ("lol this isnt a joke", True),  # any word that says no, not a list of them
        ("haha never joking about this", True),
        ("lol what a joke", False),
        ("lol this is a joke", False),
        ("haha, jôc oedd hi", False),
    ],
)
def test_a_laugh_is_taken_back_in_either_language(text, earnest):
    from search_index import crisis

    assert crisis._said_in_earnest(crisis._clauses(text)) == earnest


def test_a_blow_at_sport_is_an_injury_when_the_reader_is_sure_and_the_game_otherwise(sure):
    text = "my lad had a bang to the head at rugby, now hes really drowsy and one pupil looks bigger"
    sure(0.95)
    s = detect_crisis(text)
    assert s is not None and (s.tier, s.kind) == ("concern", "danger"), s
    sure(0.85)
    assert detect_crisis(text) is None


# Thrown out of a home is a housing need, whichever verb says it; what is thrown at a person is not
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("landlord chucking me out", False),
        ("my mam chucked me out last night and im sleeping on a mates sofa", False),
        ("wedi cael fy nhaflu allan gan y landlord", False),
        ("mae mam wedi fy nhaflu i allan", False),
        ("he chucked a plate at me", True),
        ("he chucked me out and then punched me", True),
    ],
)
def test_thrown_out_of_a_home_is_no_blow(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, (text, detect_crisis(text))


# Hands round the writer's neck, with words between the hands and what encircles, in either language
@pytest.mark.parametrize(
    "text",
    [
        "his hands were round my neck last night",
        "he had both his hands around my throat till i nearly passed out",
        "roedd ei ddwylo fo rownd fy ngwddw i neithiwr",
        "nath o roi ei ddwylo o gwmpas fy ngwddf",
    ],
)
def test_hands_round_the_neck_with_words_between(text):
    s = detect_crisis(text)
    assert s is not None and s.tier in ("crisis", "urgent"), s  # ("nearly passed out": urgent)


@pytest.mark.parametrize(
    "text",
    [
        "the physio put her hands round my neck to loosen it",  # at work on the neck
        "my hands were cold so i held a warm scarf round my neck",  # the scarf is round the neck
    ],
)
def test_hands_near_the_neck_are_not_a_grip(text):
    s = detect_crisis(text)
    assert s is None or s.tier != "crisis", s


# A message that is nothing but a call for help or a danger named alone: a concern, in any language
@pytest.mark.parametrize(
    "text",
    [
        "help",
        "HELP!!",
        "help us please",
        "somebody help",
        "Help. Fire",
        "knife",
        "FIRE",
        "gas!!",
        "helpwch fi plis",
        "Tân!",
        "pomocy",
        "ratunku!",
        "socorro",
        "ajutor va rog",
        "ساعدني",
    ],
)
def test_a_bare_call_for_help_is_a_concern(text):
    s = detect_crisis(text)
    assert s is not None and s.tier == "concern" and s.kind == "danger", s


@pytest.mark.parametrize(
    "text",
    [
        "fire",  # said quietly, fire, smoke and gas alone are what someone looks up
        "gas",
        "pożar",
        "fire safety",
        "a bread knife",
        "knife crime",
        "help with forms",
        "help efo biliau",
        "tân gwyllt",
        "help me write my cv",
    ],
)
def test_a_call_or_a_danger_beside_another_word_is_a_search(text):
    assert detect_crisis(text) is None


# A clause that opens with a past or "-ing" form, its doer unsaid, is the writer's: the readers by
# likeness may read it, as they read a message that names a person
@pytest.mark.parametrize(
    "text, asked",
    [
        ("been stockpiling my meds for weeks now", True),
        ("went down to the canal again tonight", True),
        ("heading out with the dog lead and not coming back", True),
        ("lol gone and done it now", True),
        ("this printer is going to die", False),
        ("the printer died again lol", False),
    ],
)
def test_a_deed_with_its_doer_unsaid_is_the_writers(text, asked):
    assert crisis._may_be_a_concern(crisis._clauses(text)) == asked


@pytest.mark.parametrize(
    "word, form",
    [("went", True), ("bought", True), ("been", True), ("heading", True), ("sorted", True), ("go", False)]
    + [("kids", False), ("goes", False), ("printer", False), ("gonna", False), ("wifi", False)],
)
def test_a_verbs_past_or_ing_form_is_known_by_wordnet(word, form):
    from search_index.wordnet import is_verb_form

    assert is_verb_form(word) == form


# Blows dealt by a small child are a tantrum, whichever reader reads them; by anyone else they are not
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("my 3 year old hits me when i say no", False),
        ("my toddler hits me when i tell him no", False),
        ("my little boy kicks me every night at bedtime", False),
        ("my husband hits me when i say no", True),
        ("my 3 year old hits me and my partner hits me too", True),
        ("my 3 year old says daddy hits her", True),  # the child's report: a grown-up's blows
        ("my 4 year old cries and says daddy hit her with a belt", True),
    ],
)
def test_a_small_childs_blows_are_no_abuse(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# Medicines carried away to be got rid of are not swallowed; carried to a room, they may be
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("taking all my old tablets to the chemist to get rid of them", False),
        ("took the whole lot to the tip with the old sofa", False),
        ("mam took all her old pills to the pharmacy returns box", False),
        ("took all my pills to the bathroom and swallowed them", True),
        ("took the lot an hour ago", True),
    ],
)
def test_medicines_carried_away_are_not_taken(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# Violence told in the passive: the one it is done to comes first, the one who does it after "by"
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("my grandad is being hit by his carer", True),
        ("my mum was pushed by a man in the street", True),
        ("mae nain yn cael ei tharo gan ei gofalwr", True),
        ("my nan got hit by a car but she's ok, just bruised", False),
        ("i got hit by a ball at footy", False),
    ],
)
def test_violence_told_in_the_passive(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# The people of a child's or an older person's life, as they are called at home and in care
@pytest.mark.parametrize(
    "text, kind",
    [
        ("my nanna hit me", "abuse"),
        ("mummy hits me when daddy is at work", "abuse"),
        ("the babysitter shook the baby", "abuse"),
        ("my childminder slaps my son", "abuse"),
        ("the vicar touched me", "sexual-violence"),
    ],
)
def test_the_people_a_child_names(text, kind):
    s = detect_crisis(text)
    assert s is not None and s.kind == kind, s


def test_a_young_childs_report_of_a_grown_ups_blows_is_about_the_child():
    s = detect_crisis("my 3 year old says daddy hits her")
    assert s is not None and s.kind == "abuse" and s.about == "other", s


# What is left of a supply is an amount, as "all" and "the lot" are
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("swallowed the rest of my antidepressants before i came on here", True),
        ("took what was left of my meds", True),
        ("llyncais i weddill fy nhabledi", True),
        ("took the rest of the day off", False),
        ("ate the rest of the cake", False),
    ],
)
def test_what_is_left_of_a_supply_is_an_amount(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# A touch of a thing is no touch of a person, whichever reader reads it
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("please don't touch my bag", False),
        ("he touched my phone without asking", False),
        ("he touched my chest on the bus", True),
        ("my uncle touches me when mum is out", True),
        ("Mae fy chwaer fach yn deud bod ewythr yn ei chyffwrdd hi", True),
    ],
)
def test_a_thing_touched_is_no_touch_of_a_person(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# A pet or a small child that follows or gets in is no intruder; a person, or anything else named, is
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("a seagull followed me all the way down the high street", False),
        ("the pony follows me round the field every morning", False),
        ("my toddler follows me to the toilet, is that normal", False),
        ("the neighbour's cat keeps getting in through our catflap", False),
        ("i'm being followed by a stray cat every morning lol", False),
        ("the budgie keeps getting into the kitchen", False),
        ("Mae'r ci yn fy nilyn i bob man yn y tŷ", False),
        ("a man keeps following me home", True),
        ("im being followed by a man in a van", True),
        ("someone is following me and my dog", True),
        ("my ex keeps getting in through the back door", True),
        ("the dog is following me and im scared, hes got a knife", True),
        ("Roedd 'na gar tu ôl i mi yr holl ffordd adra", True),  # a car ("gar"), not WordNet's fish
        ("mae dyn yn fy nilyn i adra", True),
        ("followed by a stray and a bloke in a balaclava, i'm scared", True),  # a person as well
        ("a big dog has got in the yard and bit my son, there's blood everywhere", True),  # an injury
        ("me and my toddler were followed home by a man in a car", True),  # the child is followed
        ("my 4 year old got in a stranger's car and they've driven off", True),
        ("i've been followed home by a dog walker who keeps staring at me", True),  # a person's name
    ],
)
def test_a_creature_that_follows_or_gets_in_is_no_intruder(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


@pytest.mark.parametrize(
    "word, animal",
    [("stray", True), ("budgie", True), ("horses", True), ("seagull", True), ("cow", False), ("snake", False)]
    + [("bitch", False), ("toddler", False), ("van", False), ("gar", True)],
)
def test_an_animal_is_a_word_wordnet_has_first_as_an_animal_and_never_as_a_person(word, animal):
    from search_index.wordnet import is_an_animal

    assert is_an_animal(word) == animal


# A clause written in English inside a message in another language is read as English
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("mam dość, took all my tabs, przepraszam mamo", True),  # Polish "my" would be "we"
        ("mam dość, took all my tabs", True),
        ("on ma nóż", True),  # Polish all through: its small words are Polish
        ("powiedział że mnie zabije jak odejdę", True),
        ("mam dość, took all my tabs back to the pharmacy", False),
        ("przepraszam, took my mum to the doctor today", False),
    ],
)
def test_an_english_clause_in_another_language_is_read_as_english(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# The places of a home are places near the writer: a stranger or a weapon there is a danger now
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("intruder downstairs, hiding in the bathroom", True),
        ("theres a stranger upstairs", True),
        ("glow and crackling up in the loft and smoke coming down thru the hatch", True),
        ("mae dyn dieithr lawr grisiau", True),
        ("the cat is downstairs", False),
        ("we're doing up the loft, who can help with insulation grants", False),
        ("mae'r plant lawr grisiau yn gwylio'r teledu", False),
        ("Roedd y parti lawr grisiau tan yn y bore bach", False),  # "tan", until, before a time
        ("mae tan yn y ty a dwi methu mynd allan", True),  # "tân", fire, written without its accent
    ],
)
def test_the_places_of_a_home_are_near(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# A Welsh verb-noun borrowed from English with "-io" reads as the English verb it borrows
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("ma hogia'r ysgol yn deud bo nhw am fy stabio fi fory", True),
        ("mae o yn fy stalkio fi ers wythnosau", True),
        ("dwi'n textio fy mam bob nos", False),
        ("dwi isio gwrando ar y radio", False),
        ("eistedd ar y patio yn yr haul", False),
    ],
)
def test_a_welsh_verb_borrowed_with_io_reads_as_the_english_verb(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# A plea with someone feared there, in Welsh as in English
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("help plis mae o yma", True),
        ("helpu mae hi tu allan", True),
        ("help mae o yn dod", True),
        ("help he's here", True),
        ("help mae o yn yr ysgol", False),
        ("Mae o yma i helpu", False),  # here to help
        ("Mae nhw yn dod i helpu", False),
        ("help, mae nhw yma i helpu gyda ffurflenni", False),
    ],
)
def test_a_plea_with_someone_there_in_welsh_and_english(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# A clause that is only a fear, its feeler unsaid, in a message that names someone, is the writer's own
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("he's back. scared", True),
        ("he's back. so scared", True),
        ("Mam's boyfriend is drunk again. Scared.", True),
        ("Mae o nôl. Scared.", True),
        ("scared of spiders lol", False),
        ("exam tomorrow. so scared", False),  # no one named: no one feared
        ("Afraid not, sorry", False),
    ],
)
def test_a_fear_with_its_feeler_unsaid_is_the_writers(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# "follow" asked of others is no one at the writer's heels
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("follow us for updates on the food bank", False),
        ("final post on this account, moving to a new one, follow me there x", False),
        ("pls follow me on my new account", False),
        ("they follow me home from school", True),
        ("men follow me home every night", True),
        ("someone keeps following me", True),
    ],
)
def test_follow_asked_of_others_is_no_danger(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# anyone's "'s" before a helper verb is "is" or "has": "someone's in the house", "mum's going to kill me"
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("someone's in the house, i can hear them downstairs, im in the wardrobe", True),
        ("someones in the house, i can hear them downstairs", True),
        ("somebody's outside my door", True),
        ("my dad's been drinking and he's got a knife", True),
        ("my mate's gone quiet after saying he has pills saved", True),
        ("mum's going to kill me when she sees my phone bill", False),
        ("mum's gonna murder me when she sees the carpet", False),
        ("someones bag was left on the bus", False),
    ],
)
def test_an_apostrophe_s_before_a_helper_verb_is_is(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# a colour of too little oxygen on the lips, in either order, beside a second sign of too little air
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("lad on the floor by the bus station, lips blue, needle next to him", True),
        ("grandad's breathing has gone rattly and slow and hes blue round the mouth", True),
        ("baby has gone grey around the lips and is really floppy", True),
        ("mae ei gwefusau'n las ac mae hi ar y llawr", True),
        ("mae o'n las o gwmpas ei geg ac yn oer", True),
        ("she wears blue lipstick", False),
        ("baby's got blue lips from the blue ice lolly, she loves them", False),
        ("painted my lips blue and white for the Cardiff match", False),
        ("got a grey mouth ulcer that wont heal, do I need the dentist or GP", False),
        ("he has a blue inhaler in his mouth", False),
        ("my babys lips have gone blue from the blueberries lol", False),  # a cause follows
        ("mae ganddo fo geg las ar ol y lolipop", False),
        ("mae gen i geg sych", False),
    ],
)
def test_lips_gone_blue_are_a_sign_of_no_air(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# a tracking device found or hidden among the writer's things, not the writer's own
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("found an airtag in my bag that isnt mine", True),
        ("found a tracker under the wheel arch of my car, only he would do that", True),
        ("someone hid an airtag in my coat pocket", True),
        ("ffeindiais i draciwr o dan fy nghar, dim fi sydd bia fo", True),
        ("mae rhywun wedi cuddio airtag yn fy mag", True),
        ("where can i buy an airtag for my keys", False),
        ("found my airtag under the sofa", False),
        ("found an airtag in my bag, it's my own, how do i change the name on it", False),
        ("found a fitness tracker on the number 1 bus, who do I hand it in to", False),
        ("hid an airtag in my bike frame in case it gets nicked again", False),
        ("found a tracker mortgage deal with my bank, is it worth it", False),
        ("found a tracker under my car and now im scared to go back to my own house", True),
        ("ffeindiais i fy airtag o dan y soffa", False),
    ],
)
def test_a_tracker_found_among_the_writers_things(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# idioms of laughing and of ending a contract are no wish to die
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("nearly killed myself laughing at the panto", False),
        ("we killed ourselves laughing", False),
        ("want to end it all with my energy supplier, how do i switch", False),
        ("i want to end it all with pills", True),
        ("going to end it all with my car", True),
        ("i nearly killed myself last night, i took everything", True),
    ],
)
def test_idioms_of_laughing_and_of_ending_a_contract(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# a blow that is a figure for words: "with" and what WordNet knows first as said or known, never a thing
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("dad hits me with the worst puns", False),
        ("my dad hits me with the bible when i dont pray right", True),  # a written work is a thing
        ("he beats me with his textbook when i get homework wrong", True),  # only "hit" is the idiom
        ("my stepdad hits me with dad jokes every morning", False),
        ("she hit me with a load of questions", False),
        ("he hits me with his belt", True),
        ("he hits me with a book when he's drunk", True),  # a book is also a thing
        ("he hits me with his words and his fists", True),
        ("he hit me with the remote", True),
        ("mae o'n fy nharo i efo belt", True),
    ],
)
def test_struck_with_words_is_a_figure(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


@pytest.mark.parametrize(
    "word, saying",
    [
        ("puns", True),
        ("jokes", True),
        ("questions", True),
        ("facts", True),
        ("belt", False),
        ("book", False),
        ("cable", False),
        ("fist", False),
        ("punch", False),
        ("zzzz", False),
    ],
)
def test_a_saying_is_a_word_wordnet_knows_first_as_said_or_known_and_never_as_a_thing(word, saying):
    from search_index.wordnet import is_a_saying

    assert is_a_saying(word) == saying


# someone unknown in the writer's garden or home, "back" or "front" between; named as someone known later
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("theres a man in my back garden shining a torch in the windows", True),
        ("someone is in my back garden", True),
        ("man in my garden with a torch looking in the windows at 2am", True),
        ("two lads in my back garden trying the shed", True),
        ("theres a man in my garden, its my ex", True),  # an ex is no one safe
        ("theres a man in my garden, its my ex, he has a knife", True),
        ("mae rhywun yn fy nhŷ i", True),
        ("a man in my garden fixing the fence", False),
        ("theres a man in my garden with a torch, its my husband looking for the hedgehog lol", False),
        ("man in my garden with a torch at 2am, its my husband looking for the hedgehog again", False),
        ("there's a man in my garden looking at the fence, he's the surveyor the landlord sent", False),
        ("thought a car was following me home, turned out it was my new neighbour lol", False),
        ("mae dyn yn yr ardd efo tortsh, fy ngŵr i ydy o yn chwilio am y draenog", False),
    ],
)
def test_someone_unknown_in_the_garden_unless_named_as_someone_known(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# a stroke's signs in the languages crisis detection reads, and years gone by said in them
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Mama ma krzywą twarz i mówi niewyraźnie", True),
        ("O meu pai caiu, tem a boca torta e não consegue mexer o braço", True),
        ("o meu pai de repente começou a falar arrastado", True),  # one sign, come on suddenly
        ("a minha sogra fez cara torta quando viu o bolo", False),  # one sign: a face pulled
        ("mój synek ma 3 lata i mówi niewyraźnie, gdzie znajdę logopedę?", False),
        ("Bunica are gura strâmbă și vorbește neclar de o oră", True),
        ("أبي سقط ولا يستطيع الكلام ووجهه مائل", True),
        ("Mae Nain ar y llawr ers neithiwr", True),
        ("Mae wyneb Taid yn gam ac mae o'n methu siarad yn iawn", True),
        (
            "Mae mam wedi cael strôc dair blynedd yn ôl, mae hi'n llawer gwell rŵan, oes grŵp cymdeithasol iddi?",
            False,
        ),
        ("Tata miał udar dwa lata temu, szukamy fizjoterapii", False),
        ("O meu pai teve um AVC há dois anos, há fisioterapia?", False),
        ("أبي أصيب بجلطة قبل سنتين، هل يوجد علاج طبيعي في ريكسهام؟", False),
        ("my dad had a stroke two years ago, is there a stroke club", False),
        ("mój mąż bił mnie dwa lata temu i znowu zaczął", True),  # started again: not over
    ],
)
def test_a_strokes_signs_and_years_gone_by_in_each_language(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# a course taken as prescribed, said in each language read: no overdose
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Wziąłem wszystkie tabletki przepisane przez lekarza i dalej kaszlę", False),
        ("tomei os comprimidos todos do antibiótico como o médico disse, ainda tenho tosse", False),
        ("Am luat toate pastilele prescrise de doctor și tot tușesc", False),
        ("wedi cymryd y tabledi i gyd fel ddeudodd y meddyg", False),
        ("taken all my antibiotics as the doctor told me", False),
        ("Wziąłem wszystkie tabletki naraz, chcę umrzeć", True),
        ("wziąłem wszystkie przepisane tabletki naraz, cały miesiąc", True),  # all at once
        ("tomei a caixa toda de comprimidos receitados de uma vez", True),
        ("Am luat toate pastilele deodată", True),
        ("tomei todos os comprimidos de uma vez", True),
        ("took all my tablets at once", True),
    ],
)
def test_a_course_taken_as_prescribed_in_each_language(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# a weapon brought where people gather, or for someone; never the writer's own tools, nor for a task
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("he is bringing a knife to school tomorrow", True),
        ("a lad in my year says hes bringing his dads knife in tomorrow for the kid who grassed", True),
        ("he's taking a knife to the party tonight", True),
        ("mae o'n dod â chyllell i'r ysgol fory", True),
        ("teacher: a year 11 has brought a blade in to settle something at lunch", True),
        ("remember to bring a knife in the picnic bag to cut the sandwiches", False),
        ("can I take a plastic sword to the fancy dress party", False),
        ("taking a hammer to the youth club to fix the shelves", False),
        ("mae hi'n mynd â chyllell i'r parti heno", True),
        ("bring a knife for the cake", False),
        ("we're taking a knife to the park for the picnic", False),
        ("can I carry my chef's knives on the train to college", False),
        ("dwi'n dod â chyllell fara i'r picnic", False),
    ],
)
def test_a_weapon_brought_where_people_gather(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# a sign of the body said of someone named by what they are ("the driver", "a cyclist"), as WordNet knows
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("car crash on our road, the driver isnt moving", True),
        ("the cyclist isnt breathing", True),
        ("the referee collapsed", True),
        ("the queue isnt moving", False),
        ("the tent collapsed", False),
        ("the stall collapsed", False),
    ],
)
def test_a_sign_said_of_someone_named_by_what_they_are(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# someone else crying out for help, heard or seen, in the languages the rules read
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("the woman next door is screaming for help", True),
        ("i can hear someone calling for help", True),
        ("the old man upstairs keeps calling for help, his door is locked", True),
        ("mae hi'n gweiddi am help drws nesa", True),
        ("dw i'n clywed rhywun yn galw am help", True),
        ("sąsiadka krzyczy o pomoc", True),
        ("uma mulher a gritar por socorro na rua", True),
        ("femeia de alături strigă după ajutor", True),
        ("جارتي تستغيث", True),
        ("my toddler was shouting for help with his shoes", False),
        ("mum is calling for help with her shopping, who can help", False),
        ("i was screaming for help with my universal credit forms", False),
        ("the kids were screaming for help on the ghost train at the fair lol", False),
        ("calling for help from volunteers for the litter pick", False),
        ("mae'r plant yn gweiddi am help efo'u gwaith cartref", False),
        ("mama woła o pomoc z zakupami", False),
        ("my mum's calling for help about her boiler again", False),
        ("dad's shouting for help in the kitchen, the gravy's gone lumpy", False),
        ("the woman in the horror film kept screaming for help", False),
        ("had a nightmare i could hear someone screaming for help", False),
        ("heard my toddler yelling for help because he cant reach the biscuits", False),
        ("ouço uma mulher berrando por socorro no prédio ao lado", True),
    ],
)
def test_someone_crying_out_for_help(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# a weapon taken up and someone on the way to a person now, across clauses
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("keeps parking in my space, got the baseball bat out the shed, going round now", True),
        ("he's grabbed a knife and he's on his way over", True),
        ("got a knife, going round now to sort him out", True),
        ("mae o wedi cael cyllell ac mae o ar ei ffordd", True),
        ("mae o wedi gafael mewn cyllell, mae o'n mynd draw heno", True),
        ("got the hammer out, going round my mate's now to fix his fence", False),
        ("grabbed the bat, going round the park now for a game of rounders", False),
        ("got the carving knife out, mum's coming round now for sunday dinner", False),
        ("got a plastic sword for the party, going round to my cousin's now", False),
        ("dw i wedi cael cyllell fara newydd, mae Mam yn dod draw heno i de", False),
    ],
)
def test_armed_and_on_the_way_now(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


def test_sui_is_slang_for_suicidal_only_where_said_of_someone():
    assert detect_crisis("sui thoughts bad today and i have the means") is not None
    assert detect_crisis("feeling sui again") is not None
    assert detect_crisis("is a hmo sui generis in wrexham planning") is None
    assert detect_crisis("where can i get char sui pork in town") is None


# a following that is only online, in any language the rules read, unless it leaves the screen
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Somebody follow my daughter on Instagram she not know, how I make her account private?", False),
        ("tem um homem me seguindo no instagram, como bloqueio?", False),
        ("mae dyn yn fy nilyn i ar instagram", False),
        ("un bărbat mă urmărește pe instagram", False),
        ("he follows me on insta and followed me home last night", True),
        ("someone is following me on instagram and i'm scared, he knows where i live", True),
        ("a man follows my daughter on tiktok and now waits outside her school", True),
        ("mae dyn yn fy nilyn i adref bob nos", True),
        ("someone is following me", True),
        ("um homem me segue no instagram e também na rua", True),
        ("mae o'n fy nilyn i ar instagram ac ar y stryd hefyd", True),
        ("older bloke following my daughter on snapchat sending her gifts and money", True),
    ],
)
def test_a_following_only_online(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# a toy is no weapon (by a toy's word before it, or as WordNet knows the pair); a weapon pointed at someone
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("saw a kid with a water gun at the park, who organises the summer splash day", False),
        ("my flatmate got a nerf gun for his birthday and keeps ambushing me", False),
        ("my brother has a toy gun", False),
        ("he's got a staple gun for the carpet", False),
        ("he's outside with an air gun", True),
        ("my husband is waving the bread knife at me", True),
        ("a man pointed a fake gun at me in the shop", True),
        ("a man pointed a gun at me in the shop", True),
        ("he aimed his rifle at my dad", True),
        ("mae o wedi pwyntio gwn ata i", True),
        ("the instructor pointed the rifle at the target", False),
        ("my mate pointed a finger gun at me across the pub", False),
        ("the nurse aimed the temperature gun at my forehead", False),
        ("he held a staple gun to my head and said hed shut me up for good", True),
        ("he's got a plastic gun he printed himself and says hes going to use it", True),
        ("theres a man outside the shop with a big gun", True),
        ("man pointed a bb gun at my son from a car on the estate", True),
    ],
)
def test_a_toy_is_no_weapon_and_a_weapon_pointed_at_someone(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


def test_wordnet_knows_which_pairs_name_no_weapon():
    assert wordnet.is_a_weapon("gun") and wordnet.is_a_weapon("air gun")
    assert not wordnet.is_a_weapon("knife")  # first an edge tool: the concept table names it a weapon
    assert wordnet.names_no_weapon("water", "gun") and wordnet.names_no_weapon("staple", "gun")
    assert not wordnet.names_no_weapon("paintball", "gun") and not wordnet.names_no_weapon("hunting", "knife")


# who is seen or heard doing it does it: "i saw him slap a lady" is abuse told (a crisis), not the writer's
@pytest.mark.parametrize(
    "text, crisis",
    [
        ("I've seen him hit her in the garden", True),
        ("i saw him punch her outside the pub", True),
        ("i heard him hit her through the wall", True),
        ("i saw him hit a six at the cricket", False),
        ("we watched him punch the air when they scored", False),
    ],
)
def test_who_is_seen_doing_it_does_it(text, crisis):
    found = detect_crisis(text)
    assert (found is not None and found.tier == "crisis" and found.kind == "abuse") == crisis, found


# a fire or gas said by its signs: smoke where people are, a thing at home gone up, burning electrics, a
# gas smell with someone unwell; in Welsh and English
@pytest.mark.parametrize(
    "text, urgent",
    [
        ("smoke in the hallway and i can't get out", True),
        ("theres smoke upstairs and the baby's asleep up there", True),
        ("the fire alarm is going and there's smoke", True),
        ("the corridor's full of smoke", True),
        ("mae mwg yn y ty a'r plant yn cysgu", True),
        ("the tumble dryer's gone up", True),
        ("i can smell burning from the plug socket", True),
        ("dw i'n gallu arogli llosgi o'r socedi", True),
        ("can i smoke in my council flat", False),
        ("cigarette smoke in the stairwell every night, who do i complain to", False),
        ("my neighbours smoke in the corridor and it comes under my door", False),
        ("the smoke alarm in the hall keeps beeping", False),
        ("mae'r larwm mwg yn y gegin yn bipian", False),
        ("smoke from the bbq next door keeps coming in the kitchen", False),
        ("the cooker's gone up in price", False),
        ("smell of burning toast every morning lol", False),
    ],
)
def test_a_fire_or_gas_said_by_its_signs(text, urgent):
    found = detect_crisis(text)
    assert (found is not None and found.tier == "urgent") == urgent, found


# a gas smell with words between ("really strongly"); people kept behind a locked door who cannot leave; a goodbye for good from a place to fall or drown;
# someone who will not wake, or is down and not getting up; in Welsh and English
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("brought here for work, now they lock us in the house and we cannot leave", True),
        ("maen nhw'n ein cloi ni yn y ty, dan ni'n methu gadael", True),
        ("the kitchen smells really strongly of gas and my daughter feels dizzy", True),
        ("im locked in a phone contract and cant leave till march", False),
        ("the kids locked themselves in the bathroom lol", False),
        ("my brother said bye forever and his location is at the bridge", True),
        ("mae fy ffrind wedi dweud hwyl fawr am byth ac mae hi wrth y draphont", True),
        ("said goodbye to my sister at the bridge club", False),
        ("we had a farewell walk along the river before we moved", False),
        ("baby not waking", True),
        ("mums too drunk to wake up and my little brother needs feeding", True),
        ("my nan fell and cant get up", True),
        ("nana on floor cold", True),
        ("mae nain ar y llawr ac yn oer", True),
        ("I just want to go to sleep and not wake up till noon, night shifts have wrecked me", False),
        ("it's cold on the floor in my nan's flat, is there a grant for carpet", False),
        ("my nan fell last year and can't get up the stairs now, can we get a stairlift", False),
        ("my son fell asleep on the floor watching telly", False),
    ],
)
def test_kept_in_a_goodbye_at_the_edge_and_someone_down(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


def test_a_thing_thrown_at_the_writer_from_further_off():
    found = detect_crisis("we rowed and she threw a kettle of boiling water at me")
    assert found is not None and found.kind == "abuse" and found.tier == "crisis"
    assert detect_crisis("she threw a party for my birthday and everyone looked at me") is None


# the words the English rules are written with, read in Polish, Portuguese and Romanian: a boss who took
# the workers' passports, a child crying alone for hours, a grown man asking a child for photos
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Szef zabrał nam paszporty i nie płaci", True),
        ("Szef zabrał nam paszporty do skserowania w biurze, oddał po godzinie", False),
        ("Dziecko sąsiadów płacze całą noc, a rodzice wyjechali i zostawili je samo", True),
        ("Dziecko płacze w nocy, ząbkuje, czy jest grupa dla rodziców?", False),
        ("Copilul vecinilor plânge de ore întregi și e singur acasă", True),
        ("Copilul meu plânge când îl las singur la grădiniță, e normal?", False),
        ("Minha filha de 13 anos está falando com um homem adulto que pede fotos", True),
        ("O fotógrafo da escola tirou fotos da minha filha de 13 anos para o anuário", False),
        ("A minha filha de 13 anos quer um curso de fotografia, há algum em Wrexham?", False),
    ],
)
def test_words_the_rules_are_written_with_read_in_other_languages(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# whom a blow is dealt to may be anyone the table names as a person ("my gran", "a lady"), though not the
# person an adjective describes ("an abusive ex"); a child shut in a hot car; a man exposing himself to
# children; "yesterday" in Polish, Portuguese and Romanian
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("my mum keeps slapping my gran, she's 92", True),
        ("I saw him slap a lady at the bus stop", True),
        ("my friend left an abusive ex and is safe in a refuge now, how does she apply for housing", False),
        ("he hit a six off the bowler", False),
        ("child locked in a hot car in the car park crying", True),
        ("man showing himself to kids at the park right now", True),
        ("my son was showing himself up at the school play lol", False),
        ("copilul vecinilor e singur acasă de ieri și plânge", True),
    ],
)
def test_whom_a_blow_is_dealt_to_and_children_shut_in_or_exposed_to(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


# means in the writer's hand; a note each for the family; a safe place asked tonight for the children, from
# him; found again after getting away
@pytest.mark.parametrize(
    "text, flagged",
    [
        ("what's the number for the samaritans, i've got the pills in my hand", True),
        ("im writing my notes now. one for mum one for my brother", True),
        ("writing christmas cards, one for mum one for my brother", False),
        ("need somewhere safe tonight with the kids, he's coming back from the pub", True),
        ("need to leave tonight while he's at the pub, where can I go with the kids", True),
        ("where can I go with the kids tonight while he's working late, somewhere with soft play", False),
        ("moved to Wrexham last month to get away, he found me again, same car outside", True),
        ("my old mate found me on facebook again after we moved away, so nice", False),
    ],
)
def test_means_in_hand_notes_each_fleeing_tonight_and_found_again(text, flagged):
    assert (detect_crisis(text) is not None) == flagged, detect_crisis(text)


def test_said_hed_is_what_he_would_do_and_fumes_felt_in_other_words():
    found = detect_crisis("my ex said he'd kill me if i went to the police")
    assert found is not None and found.kind == "abuse"
    found = detect_crisis(
        "using a camping gas stove indoors since the heating went off, she's groggy and headachy"
    )
    assert found is not None and found.tier == "urgent"
    assert (
        detect_crisis("bought a camping gas stove for the festival, any good campsites near wrexham") is None
    )


# narrowed after the second review: a friendly slap, a man shown as someone, a dose in hand, somewhere safe
# for an activity, found something for us
@pytest.mark.parametrize(
    "text",
    [
        "lad at work slapped the boss on the back at his leaving do and we all cheered",
        "dad was showing himself as santa at the school fayre, the pupils were in stitches",
        "the lollipop man was flashing the kids a smile and waving, lovely man",
        "tablets in my hand and the leaflet says with food, does toast count",
        "looking for somewhere safe to swim with the kids tonight before he gets back from work",
        "since we moved he found us a great nursery, any other tips for new families",
    ],
)
def test_what_the_second_review_found_stays_harmless(text):
    assert detect_crisis(text) is None, detect_crisis(text)
