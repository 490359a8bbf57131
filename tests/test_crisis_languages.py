"""Crisis detection in Polish, Arabic, Portuguese and Romanian, languages Wrexham's newer residents write in: the core
signals (suicidal intent and means, overdoses taken, self-harm, violence and threats, sexual violence,
someone not breathing or collapsed, fire, a weapon, intruders, someone else at risk), their harmless
look-alikes, and the rules that keep a word of theirs from changing how an English or Welsh message is
read. The Welsh and English tables are in tests/test_crisis.py."""

import pytest
import test_crisis
import yaml
from test_crisis import CRISIS, HARMLESS

from search_index import crisis, crisis_reading
from search_index.crisis import LANGUAGES, detect_crisis
from search_index.crisis_reading import _concepts, _plain
from search_index.language import is_welsh_word, ordinary_english_words

# (message, kind, tier, about)
POLISH = [
    # suicide: intent, means, hopelessness
    ("Nie chcę już żyć, mam przygotowane tabletki", "suicide", "crisis", "self"),
    ("Nie chce juz zyc, mam przygotowane tabletki", "suicide", "crisis", "self"),
    ("Chcę umrzeć", "suicide", "crisis", "self"),
    ("Chcę się zabić", "suicide", "crisis", "self"),
    ("Zabiję się", "suicide", "crisis", "self"),
    ("Chcę się powiesić", "suicide", "crisis", "self"),
    ("Chcę skończyć ze sobą", "suicide", "crisis", "self"),
    ("Myślę o samobójstwie", "suicide", "crisis", "self"),
    ("Nie mam po co żyć", "suicide", "crisis", "self"),
    ("Wszyscy byliby szczęśliwsi beze mnie", "suicide", "crisis", "self"),
    ("Mam odłożone tabletki", "suicide", "crisis", "self"),
    ("Zbieram tabletki od miesiąca", "suicide", "crisis", "self"),
    ("Stoję na moście i chcę skoczyć", "suicide", "crisis", "self"),
    ("Mam dość wszystkiego", "suicide", "concern", "self"),
    ("Mam zamiar przedawkować dzisiaj", "suicide", "crisis", "self"),  # "mam" (I have) is no Welsh "mam"
    ("Nikt mnie nie kocha", "suicide", "concern", "self"),
    # overdoses taken
    ("Wziąłem 30 tabletek paracetamolu", "suicide", "urgent", "self"),
    ("Połknęłam całe opakowanie tabletek", "suicide", "urgent", "self"),
    ("Wczoraj połknęłam wszystkie tabletki nasenne", "suicide", "urgent", "self"),
    ("Zażyłam wszystkie leki", "suicide", "urgent", "self"),
    # self-harm
    ("Tnę się", "self-harm", "crisis", "self"),
    ("Pocięłam się żyletką", "self-harm", "crisis", "self"),
    # someone else at risk
    ("Mój syn chce się zabić", "suicide", "crisis", "other"),
    ("Moja córka mówi, że się zabije", "suicide", "crisis", "other"),
    ("Moja siostra mówi, że chce umrzeć", "suicide", "crisis", "other"),
    ("Mój brat chce skoczyć z mostu", "suicide", "crisis", "other"),
    ("Moja przyjaciółka się tnie", "self-harm", "crisis", "other"),
    ("Mój kolega przedawkował", "suicide", "urgent", "other"),
    # violence and threats
    ("Mój mąż mnie bije i grozi, że zabije dzieci", "abuse", "crisis", "self"),
    ("On mnie uderzył", "abuse", "crisis", "self"),
    ("Mąż mnie pobił", "abuse", "crisis", "self"),
    ("Mąż bił mnie", "abuse", "crisis", "self"),
    ("Mój partner mnie dusił", "abuse", "crisis", "self"),
    ("Boję się męża", "abuse", "crisis", "self"),
    ("Mąż bije żonę", "abuse", "crisis", "other"),
    # sexual violence
    ("Zgwałcił mnie", "sexual-violence", "crisis", "self"),
    ("Partner mnie zgwałcił wczoraj", "sexual-violence", "crisis", "self"),
    ("Molestował mnie szef", "sexual-violence", "crisis", "self"),
    ("Wujek mnie dotykał", "sexual-violence", "crisis", "self"),
    # immediate danger: not breathing, collapsed, fire, a weapon, intruders, followed
    ("Pomocy, moje dziecko nie oddycha", "danger", "urgent", "other"),
    ("Mój tata nie oddycha", "danger", "urgent", "other"),
    ("Mama straciła przytomność", "danger", "urgent", "other"),
    ("Syn zemdlał i nie reaguje", "danger", "urgent", "other"),
    ("Dziecko jest nieprzytomne", "danger", "urgent", "other"),
    ("Pali się mieszkanie", "danger", "urgent", "self"),
    ("Pożar w kuchni", "danger", "urgent", "self"),
    ("Ktoś jest przed domem z nożem", "danger", "urgent", "self"),
    ("Jakiś facet z nożem stoi pod blokiem", "danger", "urgent", "self"),
    ("Mąż grozi mi nożem", "danger", "urgent", "self"),
    ("On ma broń", "danger", "urgent", "self"),
    ("Ktoś się włamuje do domu", "danger", "urgent", "self"),
    ("Ktoś wybił szybę i jest w domu", "danger", "urgent", "self"),
    ("Obcy mężczyzna próbuje wejść do mieszkania", "danger", "urgent", "self"),
    ("Ktoś mnie śledzi", "danger", "urgent", "self"),
    ("Czuję gaz w mieszkaniu", "danger", "crisis", "self"),
]

POLISH_HARMLESS = [
    "Kurs pierwszej pomocy",
    "Szukam kursu pierwszej pomocy",
    "Szkolenie z zapobiegania samobójstwom",
    "Moje serce bije szybko",
    "Zabijam czas grając w gry",
    "Umieram ze śmiechu",
    "Ten upał mnie zabija",
    "Mama mnie zabije, jak się spóźnię",
    "Zabiję go, jeśli jeszcze raz zje mój jogurt",
    "Mam tabletki na ból głowy",
    "Biorę leki na depresję",
    "Gdzie mogę kupić tabletki do zmywarki",
    "Kupiłem nóż do chleba",
    "Pali się światło w kuchni",
    "Pali się ognisko w ogrodzie",
    "Dziecko się dusi ze śmiechu",
    "Nie mogę oddychać przez nos",
    "Mój syn skoczył z trampoliny",
    "Moja mama zmarła w zeszłym roku",
    "Zabieram dzieci na basen",
    "Potrzebuję pomocy z czynszem",
    "Szukam pracy w Wrexham",
    "Chcę się zapisać na kurs angielskiego",
]

ARABIC = [
    # suicide: intent, means, hopelessness
    ("لا أريد أن أعيش", "suicide", "crisis", "self"),
    ("لا اريد ان اعيش", "suicide", "crisis", "self"),
    ("أريد أن أموت", "suicide", "crisis", "self"),
    ("أُرِيدُ أَنْ أَمُوتَ", "suicide", "crisis", "self"),
    ("بدي موت", "suicide", "crisis", "self"),
    ("أريد أن أقتل نفسي", "suicide", "crisis", "self"),
    ("سأنتحر الليلة", "suicide", "urgent", "self"),
    ("أفكر في الانتحار", "suicide", "crisis", "self"),
    ("أريد أن أقفز من الجسر", "suicide", "crisis", "self"),
    ("أريد أن أشنق نفسي", "suicide", "crisis", "self"),
    ("جمعت حبوب كثيرة", "suicide", "crisis", "self"),
    ("حياتي ما لها معنى", "suicide", "crisis", "self"),
    ("الكل أحسن بدوني", "suicide", "crisis", "self"),
    # overdoses taken
    ("بلعت كل الحبوب", "suicide", "urgent", "self"),
    ("أخذت علبة باراسيتامول", "suicide", "urgent", "self"),
    ("أخذت ٣٠ حبة باراسيتامول", "suicide", "urgent", "self"),
    # self-harm
    ("أجرح نفسي", "self-harm", "crisis", "self"),
    ("أؤذي نفسي كل ليلة", "self-harm", "crisis", "self"),
    # someone else at risk
    ("صديقي يريد أن ينتحر", "suicide", "crisis", "other"),
    ("أختي تريد أن تقتل نفسها", "suicide", "crisis", "other"),
    ("ابني يفكر في الانتحار", "suicide", "crisis", "other"),
    ("صديقتي تجرح نفسها", "self-harm", "crisis", "other"),
    ("أخي يريد أن يقفز من الجسر", "suicide", "crisis", "other"),
    ("ابني بلع حبوب كثيرة", "suicide", "urgent", "other"),
    # violence and threats, with the pronoun joined to the verb and "و" to the noun
    ("زوجي يضربني", "abuse", "crisis", "self"),
    ("وزوجي يضربني كل يوم", "abuse", "crisis", "self"),
    ("حبيبي خنقني", "abuse", "crisis", "self"),
    ("زوجي ضربني وأنا خائفة", "abuse", "crisis", "self"),
    ("زوجي يهددني بالقتل", "abuse", "crisis", "self"),
    ("زوجي يهدد بقتل الأطفال", "abuse", "crisis", "other"),
    # sexual violence
    ("اغتصبني", "sexual-violence", "crisis", "self"),
    ("زوجي اغتصبني", "sexual-violence", "crisis", "self"),
    ("تحرش بي مديري", "sexual-violence", "crisis", "self"),
    ("يلمسني عمي", "sexual-violence", "crisis", "self"),
    # immediate danger
    ("ابني لا يتنفس", "danger", "urgent", "other"),
    ("طفلي فاقد الوعي", "danger", "urgent", "other"),
    ("أمي فاقدة الوعي", "danger", "urgent", "other"),
    ("أمي أغمي عليها ولا تتنفس", "danger", "urgent", "other"),
    ("البيت يحترق", "danger", "urgent", "self"),
    ("في حريق في المطبخ", "danger", "urgent", "self"),
    ("شخص غريب عند الباب معه سكين", "danger", "urgent", "self"),
    ("رجل معه سكين برا البيت", "danger", "urgent", "self"),
    ("أحد يلاحقني", "danger", "urgent", "self"),
    ("شخص يحاول الدخول إلى البيت", "danger", "urgent", "self"),
    ("ريحة غاز في البيت", "danger", "crisis", "self"),
]

ARABIC_HARMLESS = [
    "بسم الله الرحمن الرحيم",
    "أموت من الضحك",
    "الوقاية من الانتحار",
    "دورة إسعافات أولية",
    "أحتاج مساعدة في الإيجار",
    "أبحث عن عمل",
    "أحتاج طبيب أسنان لابني",
    "أين أشتري دواء للصداع",
    "ابني يحب كرة القدم",
    "أخذت الدواء بعد الأكل",
    "السكين في المطبخ",
    "الجو نار اليوم",
    "أحب حياتي",
    "أريد أن أعيش في ويلز",
    "أمي ماتت السنة الماضية",
]

# Portuguese (Portugal, Madeira, Brazil) and Romanian, with and without their diacritics
PORTUGUESE = [
    # suicide: intent, means, hopelessness
    ("Quero morrer", "suicide", "crisis", "self"),
    ("Eu só quero morrer", "suicide", "crisis", "self"),
    ("Não quero viver mais", "suicide", "crisis", "self"),
    ("nao quero mais viver", "suicide", "crisis", "self"),
    ("Vou me matar", "suicide", "crisis", "self"),
    ("Vou-me matar esta noite", "suicide", "urgent", "self"),
    ("Quero matar-me", "suicide", "crisis", "self"),
    ("Estou a pensar em suicídio", "suicide", "crisis", "self"),
    ("tenho pensamentos suicidas", "suicide", "crisis", "self"),
    ("Quero me enforcar", "suicide", "crisis", "self"),
    ("Quero saltar da ponte", "suicide", "crisis", "self"),
    ("Vou atirar-me para a frente do comboio", "suicide", "crisis", "self"),
    ("Tenho comprimidos guardados", "suicide", "crisis", "self"),
    ("A minha vida não tem sentido", "suicide", "crisis", "self"),
    ("nao aguento mais", "suicide", "crisis", "self"),
    ("Ficavam todos melhor sem mim", "suicide", "crisis", "self"),
    ("Escrevi uma carta de despedida", "suicide", "crisis", "self"),
    ("Estou farto de tudo", "suicide", "concern", "self"),
    ("Ninguém gosta de mim", "suicide", "concern", "self"),
    # overdoses taken
    ("Tomei 30 comprimidos de paracetamol", "suicide", "urgent", "self"),
    ("Tomei uma caixa inteira de comprimidos", "suicide", "urgent", "self"),
    ("engoli todos os comprimidos", "suicide", "urgent", "self"),
    ("Tomei uma overdose", "suicide", "urgent", "self"),
    # self-harm
    ("Eu corto-me", "self-harm", "crisis", "self"),
    ("Cortei-me com uma lâmina", "self-harm", "crisis", "self"),
    ("me corto todas as noites", "self-harm", "crisis", "self"),
    # someone else at risk
    ("O meu filho quer se matar", "suicide", "crisis", "other"),
    ("A minha filha diz que quer morrer", "suicide", "crisis", "other"),
    ("Minha amiga está a cortar-se", "self-harm", "crisis", "other"),
    ("O meu irmão tomou comprimidos todos", "suicide", "urgent", "other"),
    # violence and threats
    ("O meu marido disse que me mata se eu for embora", "abuse", "crisis", "self"),
    ("O meu marido bate-me", "abuse", "crisis", "self"),
    ("Meu marido me bate", "abuse", "crisis", "self"),
    ("O meu namorado bateu-me ontem", "abuse", "crisis", "self"),
    ("Ele me estrangulou", "abuse", "crisis", "self"),
    ("O meu companheiro ameaça matar-me", "abuse", "crisis", "self"),
    ("Tenho medo do meu marido", "abuse", "crisis", "self"),
    # sexual violence
    ("Ele violou-me", "sexual-violence", "crisis", "self"),
    ("Fui violada", "sexual-violence", "crisis", "self"),
    ("O meu chefe me obrigou a ter sexo", "sexual-violence", "crisis", "self"),
    ("Ele me estuprou", "sexual-violence", "crisis", "self"),
    # immediate danger
    ("O meu bebé não respira", "danger", "urgent", "other"),
    ("A minha mãe desmaiou e não acorda", "danger", "urgent", "other"),
    ("O meu pai está inconsciente", "danger", "urgent", "other"),
    ("A casa está a arder", "danger", "urgent", "self"),
    ("Há um incêndio na cozinha", "danger", "urgent", "self"),
    ("Está um homem lá fora com uma faca", "danger", "urgent", "self"),
    ("Alguém está a tentar entrar em casa", "danger", "urgent", "self"),
    ("Alguém me segue", "danger", "urgent", "self"),
    ("Cheira a gás em casa", "danger", "crisis", "self"),
    # control
    ("O patrão tirou-me o passaporte", "abuse", "crisis", "self"),
    ("Não me pagam há três meses", "abuse", "crisis", "self"),
    # more ways of saying it
    ("nao consigo mais viver assim", "suicide", "crisis", "self"),
    ("Não vejo razão para continuar a viver", "suicide", "crisis", "self"),
    ("penso em me matar todos os dias", "suicide", "crisis", "self"),
    ("quero acabar com a minha vida", "suicide", "crisis", "self"),
    ("Eu quero morrer, não aguento mais", "suicide", "crisis", "self"),
    ("tomei muitos comprimidos", "suicide", "urgent", "self"),
    ("Tomei os comprimidos todos da minha mãe", "suicide", "urgent", "self"),
    ("Bebi lixívia", "suicide", "urgent", "self"),
    ("vou pular do prédio", "suicide", "crisis", "self"),
    ("Quero me atirar ao rio", "suicide", "crisis", "self"),
    ("já tenho a corda preparada", "suicide", "crisis", "self"),
    ("Estou a cortar-me outra vez", "self-harm", "crisis", "self"),
    ("O meu filho de 15 anos corta-se nos braços", "self-harm", "crisis", "other"),
    ("A minha namorada diz que se vai matar", "suicide", "crisis", "other"),
    ("meu amigo tentou se matar", "suicide", "crisis", "other"),
    ("A minha mãe tomou uma overdose", "suicide", "urgent", "other"),
    ("O meu marido espancou-me ontem à noite", "abuse", "crisis", "self"),
    ("meu namorado me agrediu", "abuse", "crisis", "self"),
    ("Ele ameaçou matar-me", "abuse", "crisis", "self"),
    ("O meu ex diz que me vai matar", "abuse", "crisis", "self"),
    ("Ele pôs as mãos no meu pescoço", "abuse", "crisis", "self"),
    ("O meu companheiro dá-me murros", "abuse", "crisis", "self"),
    ("O meu padrasto abusou de mim", "sexual-violence", "crisis", "self"),
    ("Fui violada na festa", "sexual-violence", "crisis", "self"),
    ("Um homem tocou-me sem eu querer", "sexual-violence", "crisis", "self"),
    ("Alguém pôs algo na minha bebida", "danger", "crisis", "self"),
    ("O meu avô não está a respirar", "danger", "urgent", "other"),
    ("a minha filha desmaiou", "danger", "urgent", "other"),
    ("O bebê está inconsciente", "danger", "urgent", "other"),
    ("A cozinha está a pegar fogo", "danger", "urgent", "self"),
    ("o apartamento está em chamas", "danger", "urgent", "self"),
    ("Há um homem com uma faca à porta", "danger", "urgent", "self"),
    ("ele tem uma arma", "danger", "urgent", "self"),
    ("Estão a arrombar a porta", "danger", "urgent", "self"),
    ("Há alguém a tentar entrar pela janela", "danger", "urgent", "self"),
    ("Um homem anda atrás de mim", "danger", "urgent", "self"),
    ("Tenho medo dele", "abuse", "crisis", "self"),
    ("O meu patrão ficou com o meu passaporte", "abuse", "crisis", "self"),
    ("O patrão não me paga há meses", "abuse", "crisis", "self"),
    ("Sinto cheiro a gás", "danger", "crisis", "self"),
    ("Já não tenho forças para viver", "suicide", "crisis", "self"),
    ("Estou a pensar em tirar a minha vida", "suicide", "crisis", "self"),
    ("Quero desaparecer para sempre", "suicide", "crisis", "self"),
    ("Eu vou me enforcar hoje", "suicide", "urgent", "self"),
    ("tomei 20 comprimidos para dormir", "suicide", "urgent", "self"),
    ("Engoli uma caixa de ben-u-ron", "suicide", "urgent", "self"),
    ("vou saltar da varanda", "suicide", "crisis", "self"),
    ("Quero atirar-me para debaixo de um carro", "suicide", "crisis", "self"),
    ("Corto-me com uma gilete", "self-harm", "crisis", "self"),
    ("Tenho vontade de me cortar", "self-harm", "crisis", "self"),
    ("O meu filho diz que se quer matar", "suicide", "crisis", "other"),
    ("A minha irmã tomou comprimidos a mais", "suicide", "urgent", "other"),
    ("O meu marido dá-me pontapés", "abuse", "crisis", "self"),
    ("Ele empurrou-me pelas escadas", "abuse", "crisis", "self"),
    ("O meu namorado apertou-me o pescoço", "abuse", "crisis", "self"),
    ("Ele ameaça-me com uma faca", "danger", "urgent", "self"),
    ("Fui abusada sexualmente", "sexual-violence", "crisis", "self"),
    ("Ele forçou-me a ter relações", "sexual-violence", "crisis", "self"),
    ("O meu tio apalpou-me", "sexual-violence", "crisis", "self"),
    ("A minha avó caiu e não se mexe", "danger", "urgent", "other"),
    ("O meu marido está a ter um ataque cardíaco", "danger", "urgent", "other"),
    ("Está a sair fumo da cozinha, há fogo", "danger", "urgent", "self"),
    ("Está alguém dentro de casa, ouvi partir a janela", "danger", "urgent", "self"),
    ("Há um homem com uma pistola na rua", "danger", "urgent", "self"),
    ("Estou com muito medo do meu ex-marido", "abuse", "crisis", "self"),
    ("Não me deixa sair de casa", "abuse", "crisis", "self"),
    ("O meu chefe tem o meu passaporte", "abuse", "crisis", "self"),
    # typed as in a chat: no diacritics, Brazilian 'tô', 'tá'
    ("nao aguento mais essa vida quero morrer", "suicide", "crisis", "self"),
    ("eu vou me matar hj", "suicide", "crisis", "self"),
    ("to pensando em suicidio", "suicide", "crisis", "self"),
    ("ja nao quero viver", "suicide", "crisis", "self"),
    ("tomei todos os remedios da caixa", "suicide", "urgent", "self"),
    ("queria dormir e nao acordar mais", "suicide", "crisis", "self"),
    ("to me cortando de novo", "self-harm", "crisis", "self"),
    ("minha filha se corta", "self-harm", "crisis", "other"),
    ("meu irmao quer se matar", "suicide", "crisis", "other"),
    ("meu marido me bateu de novo", "abuse", "crisis", "self"),
    ("ele me espancou", "abuse", "crisis", "self"),
    ("meu ex ameacou me matar", "abuse", "crisis", "self"),
    ("fui estuprada", "sexual-violence", "crisis", "self"),
    ("meu padrasto me toca", "sexual-violence", "crisis", "self"),
    ("minha mae nao ta respirando", "danger", "urgent", "other"),
    ("a casa ta pegando fogo", "danger", "urgent", "self"),
    ("tem um cara com faca na porta", "danger", "urgent", "self"),
    ("alguem ta tentando entrar em casa", "danger", "urgent", "self"),
    ("to com medo do meu marido", "abuse", "crisis", "self"),
    ("o patrao nao me paga", "abuse", "crisis", "self"),
    ("escrevi cartas de despedida à minha família", "suicide", "crisis", "self"),
    ("alguém drogou a minha bebida", "danger", "crisis", "self"),
    ("ele trancou-me em casa", "abuse", "crisis", "self"),
    ("quero dar um tiro na cabeça", "suicide", "crisis", "self"),
    ("vou beber lixívia", "suicide", "crisis", "self"),
    ("o meu vizinho está a sangrar muito", "danger", "urgent", "other"),
    # someone else hurt, the passive, pay and papers
    ("o meu vizinho bate na mulher", "abuse", "crisis", "other"),
    ("o pai bate nos filhos", "abuse", "crisis", "other"),
    ("ele ameaçou matar os meus filhos", "abuse", "crisis", "other"),
    ("o meu marido diz que me mata", "abuse", "crisis", "self"),
    ("tenho medo de voltar para casa", "abuse", "crisis", "self"),
    ("trabalho há dois meses e não me pagaram nada", "abuse", "crisis", "self"),
    ("tiraram-me o passaporte no trabalho", "abuse", "crisis", "self"),
    ("estou a pensar em atirar-me da ponte", "suicide", "crisis", "self"),
    ("tenho uma faca e quero acabar com tudo", "suicide", "crisis", "self"),
    ("a minha filha de 16 anos quer morrer", "suicide", "crisis", "other"),
    ("o meu amigo disse que se vai enforcar", "suicide", "crisis", "other"),
    ("fui agredida pelo meu companheiro", "abuse", "crisis", "self"),
]

PORTUGUESE_HARMLESS = [
    "Estou a morrer de rir",
    "Morri de rir com esse vídeo",
    "Tenho uma faca de cozinha nova",
    "Curso de primeiros socorros",
    "Formação sobre prevenção do suicídio",
    "O meu coração bate muito rápido",
    "Tomo comprimidos para a tensão",
    "Preciso de ajuda com a renda",
    "Procuro trabalho em Wrexham",
    "Quero aprender inglês",
    "O meu filho saltou na piscina",
    "A minha mãe morreu no ano passado",
    "Este calor está a matar-me",
    "Estou morta de cansaço",
    "Acendi a lareira",
    "Cortei o cabelo",
    "morrendo de rir kkkk",
    "estou morto de cansaço",
    "morro de saudades da minha mãe",
    "morrer de fome não é opção",
    "curso de prevenção da violência doméstica",
    "o meu filho quer aprender a nadar",
    "comprei comprimidos para a dor de cabeça",
    "tomei o pequeno almoço",
    "quero marcar uma consulta no médico",
    "o meu marido perdeu o emprego",
    "preciso de uma faca para cortar o pão",
    "cortei o dedo a cozinhar",
    "a bateria do telemóvel morreu",
    "estou a matar o tempo",
    "o jogo foi de matar",
    "a minha filha saltou à corda",
    "o fogo de artifício foi lindo",
    "há gás na botija",
    "o meu pai bate bolas com os amigos",
    "ele bateu o carro",
    "Quero morrer de rir com este filme",
    "tenho medo de aranhas",
    "o meu filho parte tudo",
    "preciso de um martelo para pendurar um quadro",
    "vou matar saudades da família",
    "comprei uma corda para o estendal",
    "o meu avô toma comprimidos para a tensão",
    "ele bate à porta sempre antes de entrar",
    "a vida é bela",
    "sem gás para cozinhar, preciso de ajuda com a conta",
    "to morrendo de rir",
    "morri de vergonha",
    "to morto de fome",
    "matei a saudade da minha familia",
    "ele bateu o recorde",
    "o bolo queimou no forno",
    "comprei uma faca nova",
    "tenho medo de altura",
    "tomei um cafe",
    "a bateria morreu",
    # topics, figures of speech, errands
    "vi um documentário sobre suicídio",
    "li um livro sobre violação dos direitos humanos",
    "o filme de terror matou-me de susto",
    "quero matar a fome",
    "este trabalho está a matar-me",
    "a minha mãe vai-me matar se chegar tarde",
    "cortaram a luz",
    "a polícia prendeu o ladrão ontem",
    "o meu filho caiu da bicicleta mas está bem",
    "tenho uma arma de brinquedo para o carnaval",
    "o fogão está avariado",
    "queimei o arroz",
    "fui ao médico por causa dos comprimidos",
    "preciso de ajuda para pagar o gás",
    "o meu patrão paga-me pouco",
    "estou cansado do trabalho",
    "ninguém atende o telefone na câmara",
    "quero deixar de fumar",
    "a ponte está fechada",
    "o comboio atrasou",
    # everyday needs
    "preciso de um médico de família",
    "o meu filho tem febre",
    "onde posso aprender inglês",
    "quero ajuda para encontrar casa",
    "o meu marido está desempregado",
    "tenho consulta amanhã",
    "a minha mãe está no hospital para uma operação",
    "ele matou a sede com água",
    "o meu cão morreu",
    "o jogo de futebol foi uma guerra",
    "estou farto do frio",
    "vou cortar a relva",
    "o bebé está a dormir",
    "preciso de ajuda com o passaporte",
    "não me pagaram o subsídio ainda",
]

ROMANIAN = [
    # suicide: intent, means, hopelessness
    ("Vreau să mor", "suicide", "crisis", "self"),
    ("vreau sa mor", "suicide", "crisis", "self"),
    ("Vreau doar să mor", "suicide", "crisis", "self"),
    ("Nu mai vreau să trăiesc", "suicide", "crisis", "self"),
    ("nu mai vreau sa traiesc", "suicide", "crisis", "self"),
    ("Vreau să mă sinucid", "suicide", "crisis", "self"),
    ("Mă gândesc la sinucidere", "suicide", "crisis", "self"),
    ("O să mă omor în seara asta", "suicide", "urgent", "self"),
    ("Vreau să mă spânzur", "suicide", "crisis", "self"),
    ("Vreau să mă arunc de pe pod", "suicide", "crisis", "self"),
    ("Am strâns pastile", "suicide", "crisis", "self"),
    ("Viața mea nu are sens", "suicide", "crisis", "self"),
    ("Ar fi mai bine fără mine", "suicide", "crisis", "self"),
    ("nu mai pot să trăiesc așa", "suicide", "crisis", "self"),
    ("M-am săturat de tot", "suicide", "concern", "self"),
    ("Nimeni nu mă iubește", "suicide", "concern", "self"),
    # overdoses taken
    ("Am luat 30 de pastile de paracetamol", "suicide", "urgent", "self"),
    ("Am înghițit toate pastilele", "suicide", "urgent", "self"),
    ("am luat o supradoza", "suicide", "urgent", "self"),
    # self-harm
    ("Mă tai", "self-harm", "crisis", "self"),
    ("M-am tăiat pe mâini", "self-harm", "crisis", "self"),
    # someone else at risk
    ("Fiul meu vrea să se sinucidă", "suicide", "crisis", "other"),
    ("Fiica mea se taie", "self-harm", "crisis", "other"),
    ("Prietena mea vrea să moară", "suicide", "crisis", "other"),
    ("Fratele meu a luat toate pastilele", "suicide", "urgent", "other"),
    # violence and threats
    ("Soțul meu mă bate", "abuse", "crisis", "self"),
    ("sotul meu ma bate", "abuse", "crisis", "self"),
    ("M-a bătut iubitul meu", "abuse", "crisis", "self"),
    ("Soțul meu a zis că mă omoară dacă plec", "abuse", "crisis", "self"),
    ("M-a strâns de gât", "abuse", "crisis", "self"),
    ("Mi-e frică de soțul meu", "abuse", "crisis", "self"),
    # sexual violence
    ("M-a violat", "sexual-violence", "crisis", "self"),
    ("Am fost violată", "sexual-violence", "crisis", "self"),
    ("Șeful m-a forțat să fac sex", "sexual-violence", "crisis", "self"),
    # immediate danger
    ("Copilul meu nu respiră", "danger", "urgent", "other"),
    ("Mama a leșinat și nu răspunde", "danger", "urgent", "other"),
    ("Tata este inconștient", "danger", "urgent", "other"),
    ("Casa a luat foc", "danger", "urgent", "self"),
    ("E un incendiu în bucătărie", "danger", "urgent", "self"),
    ("Un bărbat cu un cuțit e la ușă", "danger", "urgent", "self"),
    ("Cineva încearcă să intre în casă", "danger", "urgent", "self"),
    ("Cineva mă urmărește", "danger", "urgent", "self"),
    ("Miroase a gaz în casă", "danger", "crisis", "self"),
    # control
    ("Șeful mi-a luat pașaportul", "abuse", "crisis", "self"),
    ("Nu mă plătesc de două luni", "abuse", "crisis", "self"),
    # more ways of saying it
    ("nu mai vreau sa traiesc", "suicide", "crisis", "self"),
    ("vreau sa ma sinucid", "suicide", "crisis", "self"),
    ("Mă gândesc să mă omor", "suicide", "crisis", "self"),
    ("nu mai are rost nimic, vreau să mor", "suicide", "crisis", "self"),
    ("Am luat toate pastilele de dormit", "suicide", "urgent", "self"),
    ("am inghitit o cutie de pastile", "suicide", "urgent", "self"),
    ("Am strâns pastile de o lună", "suicide", "crisis", "self"),
    ("Vreau să sar de pe bloc", "suicide", "crisis", "self"),
    ("Vreau să mă arunc în fața trenului", "suicide", "crisis", "self"),
    ("Am pregătit frânghia", "suicide", "crisis", "self"),
    ("Mă tai pe mâini în fiecare seară", "self-harm", "crisis", "self"),
    ("Fiica mea de 14 ani se taie", "self-harm", "crisis", "other"),
    ("Prietenul meu vrea să se omoare", "suicide", "crisis", "other"),
    ("mama mea a luat o supradoză", "suicide", "urgent", "other"),
    ("Sotul meu m-a batut aseara", "abuse", "crisis", "self"),
    ("Iubitul meu mă lovește", "abuse", "crisis", "self"),
    ("El m-a amenințat că mă omoară", "abuse", "crisis", "self"),
    ("Fostul meu soț zice că o să mă omoare", "abuse", "crisis", "self"),
    ("M-a luat de gât", "abuse", "crisis", "self"),
    ("Soțul meu mă bate și mi-e frică", "abuse", "crisis", "self"),
    ("Unchiul meu m-a atins", "sexual-violence", "crisis", "self"),
    ("am fost violata", "sexual-violence", "crisis", "self"),
    ("Cineva mi-a pus ceva în băutură", "danger", "crisis", "self"),
    ("Bunicul meu nu mai respiră", "danger", "urgent", "other"),
    ("Copilul a leșinat", "danger", "urgent", "other"),
    ("Fiul meu e inconștient", "danger", "urgent", "other"),
    ("Apartamentul a luat foc", "danger", "urgent", "self"),
    ("E foc în bucătărie", "danger", "urgent", "self"),
    ("E un bărbat cu un cuțit afară", "danger", "urgent", "self"),
    ("Cineva a spart ușa", "danger", "urgent", "self"),
    ("Un necunoscut încearcă să intre în casă", "danger", "urgent", "self"),
    ("Un bărbat mă urmărește", "danger", "urgent", "self"),
    ("Mi-e frică de el", "abuse", "crisis", "self"),
    ("Patronul mi-a luat pașaportul", "abuse", "crisis", "self"),
    ("nu ne platesc salariul", "abuse", "crisis", "self"),
    ("Miroase a gaz", "danger", "crisis", "self"),
    ("Nu mai am putere să trăiesc", "suicide", "crisis", "self"),
    ("Mă gândesc să îmi iau viața", "suicide", "crisis", "self"),
    ("Vreau să dispar pentru totdeauna", "suicide", "crisis", "self"),
    ("Mă spânzur diseară", "suicide", "urgent", "self"),
    ("am luat 20 de somnifere", "suicide", "urgent", "self"),
    ("Vreau să mă arunc de la etajul 10", "suicide", "crisis", "self"),
    ("Mă tai cu lama", "self-harm", "crisis", "self"),
    ("Fiul meu spune că vrea să se sinucidă", "suicide", "crisis", "other"),
    ("Soțul meu m-a lovit cu pumnul", "abuse", "crisis", "self"),
    ("M-a împins pe scări", "abuse", "crisis", "self"),
    ("Iubitul meu m-a sugrumat", "abuse", "crisis", "self"),
    ("Mă amenință cu cuțitul", "abuse", "crisis", "self"),
    ("Am fost abuzată sexual", "sexual-violence", "crisis", "self"),
    ("M-a obligat să fac sex cu el", "sexual-violence", "crisis", "self"),
    ("Bunica a căzut și nu se mișcă", "danger", "urgent", "other"),
    ("Soțul meu face atac de cord", "danger", "urgent", "other"),
    ("Iese fum din bucătărie", "danger", "urgent", "self"),
    ("Cineva a intrat în casă, am auzit geamul spart", "danger", "urgent", "self"),
    ("Un bărbat cu un pistol pe stradă", "danger", "urgent", "self"),
    ("Mi-e foarte frică de fostul meu soț", "abuse", "crisis", "self"),
    ("Nu mă lasă să ies din casă", "abuse", "crisis", "self"),
    ("Patronul are pașaportul meu", "abuse", "crisis", "self"),
    # typed as in a chat: no diacritics, Brazilian 'tô', 'tá'
    ("nu mai suport viata asta vreau sa mor", "suicide", "crisis", "self"),
    ("o sa ma sinucid", "suicide", "crisis", "self"),
    ("ma gandesc la sinucidere", "suicide", "crisis", "self"),
    ("am luat toate medicamentele", "suicide", "urgent", "self"),
    ("vreau sa adorm si sa nu ma mai trezesc", "suicide", "crisis", "self"),
    ("fiica mea se taie pe maini", "self-harm", "crisis", "other"),
    ("fratele meu vrea sa se sinucida", "suicide", "crisis", "other"),
    ("sotul m-a batut iar", "abuse", "crisis", "self"),
    ("fostul meu m-a amenintat ca ma omoara", "abuse", "crisis", "self"),
    ("am fost violata aseara", "sexual-violence", "crisis", "self"),
    ("arde casa", "danger", "urgent", "self"),
    ("e un tip cu cutit la usa", "danger", "urgent", "self"),
    ("cineva incearca sa intre in casa", "danger", "urgent", "self"),
    ("mi e frica de sotul meu", "abuse", "crisis", "self"),
    ("seful nu ma plateste", "abuse", "crisis", "self"),
    ("am scris o scrisoare de adio", "suicide", "crisis", "self"),
    ("cineva mi-a pus ceva în băutură", "danger", "crisis", "self"),
    ("m-a încuiat în casă", "abuse", "crisis", "self"),
    ("vreau să beau otravă", "suicide", "crisis", "self"),
    ("vecinul meu sângerează tare", "danger", "urgent", "other"),
    # someone else hurt, the passive, pay and papers
    ("vecinul își bate soția", "abuse", "crisis", "other"),
    ("tatăl bate copiii", "abuse", "crisis", "other"),
    ("soțul zice că mă omoară", "abuse", "crisis", "self"),
    ("mi-e frică să merg acasă", "abuse", "crisis", "self"),
    ("lucrez de două luni și nu m-au plătit", "abuse", "crisis", "self"),
    ("mi-au luat pașaportul la muncă", "abuse", "crisis", "self"),
    ("mă gândesc să mă arunc de pe pod", "suicide", "crisis", "self"),
    ("fiica mea de 16 ani vrea să moară", "suicide", "crisis", "other"),
    ("prietenul meu a zis că se spânzură", "suicide", "crisis", "other"),
]

ROMANIAN_HARMLESS = [
    "Mor de râs",
    "mor de ras",
    "Am murit de râs",
    "Mor de foame",
    "Am un cuțit nou de bucătărie",
    "Curs de prim ajutor",
    "Instruire despre prevenirea sinuciderii",
    "Inima îmi bate repede",
    "Iau pastile pentru tensiune",
    "Caut de lucru în Wrexham",
    "Vreau să învăț engleza",
    "Fiul meu a sărit în piscină",
    "Bunica mea a murit anul trecut",
    "Căldura asta mă omoară",
    "Mi-am tăiat părul",
    "Am nevoie de ajutor cu chiria",
    "am murit de ras",
    "mor de cald",
    "mi-e dor de mama",
    "curs despre violența domestică",
    "fiul meu vrea să învețe să înoate",
    "am cumpărat pastile pentru durere de cap",
    "am luat micul dejun",
    "vreau o programare la doctor",
    "soțul meu și-a pierdut locul de muncă",
    "am nevoie de un cuțit să tai pâinea",
    "m-am tăiat la deget când găteam",
    "mi-a murit bateria la telefon",
    "omor timpul jucând jocuri",
    "am sărit coarda cu fiica mea",
    "focurile de artificii au fost frumoase",
    "inima îmi bate tare",
    "el a bătut recordul",
    "vreau să slăbesc",
    "bunicul meu a murit acum doi ani",
    "aragazul merge pe gaz",
    "Am râs de am murit",
    "mi-e frică de păianjeni",
    "am nevoie de un ciocan să agăț un tablou",
    "am cumpărat o frânghie pentru rufe",
    "bunicul meu ia pastile pentru tensiune",
    "viața e frumoasă",
    "nu am gaz să gătesc, am nevoie de ajutor cu factura",
    "fiul meu a spart un pahar",
    "ne omoară căldura",
    "vreau să mă mut în altă casă",
    "mor de ras",
    "am murit de rusine",
    "mor de foame",
    "am omorat timpul",
    "a batut recordul",
    "s-a ars prajitura in cuptor",
    "mi-am cumparat un cutit nou",
    "mi e frica de inaltime",
    "am luat cafeaua",
    "mi-a murit telefonul",
    # topics, figures of speech, errands
    "am văzut un documentar despre sinucidere",
    "filmul m-a omorât de frică",
    "mama o să mă omoare dacă întârzii",
    "munca asta mă omoară",
    "ne-au tăiat curentul",
    "poliția a prins hoțul ieri",
    "fiul meu a căzut de pe bicicletă dar e bine",
    "aragazul e stricat",
    "am ars orezul",
    "am fost la doctor pentru pastile",
    "am nevoie de ajutor să plătesc gazul",
    "șeful mă plătește puțin",
    "sunt obosit de la muncă",
    "vreau să mă las de fumat",
    "podul e închis",
    "trenul a întârziat",
    "am un pistol de jucărie",
    "copiii se bat cu perne",
    "bate vântul tare",
    "mi-e dor de casă",
    # everyday needs
    "am nevoie de un medic de familie",
    "fiul meu are febră",
    "unde pot învăța engleza",
    "vreau ajutor să găsesc o casă",
    "soțul meu e șomer",
    "am programare mâine",
    "mama e la spital pentru o operație",
    "câinele meu a murit",
    "meciul a fost un război",
    "m-am săturat de frig",
    "tai iarba",
    "bebelușul doarme",
    "am nevoie de ajutor cu pașaportul",
    "nu mi-au plătit încă alocația",
]


@pytest.mark.parametrize("text, kind, tier, about", POLISH + ARABIC + PORTUGUESE + ROMANIAN)
def test_a_crisis_in_polish_arabic_portuguese_or_romanian_is_flagged(text, kind, tier, about):
    signal = detect_crisis(text)
    assert signal is not None, text
    assert (signal.kind, signal.tier, signal.about) == (kind, tier, about), signal


@pytest.mark.parametrize("text", POLISH_HARMLESS + ARABIC_HARMLESS + PORTUGUESE_HARMLESS + ROMANIAN_HARMLESS)
def test_lookalikes_in_polish_arabic_portuguese_or_romanian_are_not_flagged(text):
    assert detect_crisis(text) is None


def test_portuguese_and_romanian_small_words_are_read_as_english():
    """Romanian "mor" (I die) is never the Welsh "môr" (sea) nor "mă" (me) the English "ma" (mum);
    Portuguese "no" (in the) is never a "no", "de" (from) never the Welsh "de" (south): each is read as
    the English word only in a message in that language."""
    assert crisis_reading._words("vreau sa mor") == [["vreau", "to", "die"]]
    assert crisis_reading._words("Soțul meu mă bate") == [["sotul", "me", "bate"]]  # "meu" (my) left out
    assert crisis_reading._words("Cheira a gás no apartamento") == [
        ["cheira", "the", "gas", "in", "the", "apartamento"]
    ]
    assert detect_crisis("dw i isio mynd i'r môr") is None  # Welsh: I want to go to the sea
    assert detect_crisis("my ma said no") is None
    # "me" before its verb is the writer the act is done to; "se" is read with its verb, never alone:
    # "vai-me matar se chegar tarde" (will kill me if I'm late) is no "matar-se" (to kill oneself)
    assert detect_crisis("O meu marido me bate").about == "self"
    assert detect_crisis("A minha filha corta-se").about == "other"
    assert "se" not in crisis_reading._tags_of("se") and not crisis_reading._tags_of("se")


def test_a_word_of_a_language_section_is_matched_only_as_written():
    """No English stemming and no respelling reaches a word of a language section: the listed forms
    are found, an unlisted form or a stem is not, and no other word is "corrected" into one."""
    c = _concepts()
    tags = crisis_reading._tags_of
    assert "suicide" in tags("samobojstwie") and "suicide" in tags("samobójstwie".replace("ó", "o"))
    assert not tags("samobojstw")  # a stem of the listed forms
    assert not tags("samobojstwach")  # a real form nobody listed
    assert "substance" in tags("tabletki") and not tags("tabletk")
    assert "tabletki" in c.as_written_only
    # Arabic: its joined clitics are its other forms ("and the suicide"), a suffix nobody listed is not
    assert "suicide" in tags("والانتحار") and not tags("انتحارات")
    # a two-letter word takes no clitics: "بسم" (in the name of) is no "ب" + "سم" (poison)
    assert not tags("بسم")
    # never a respelling into one: Welsh "gwallt" (hair) is not squeezed into Polish "gwalt" (rape)
    assert crisis_reading._spelled("gwallt") == "gwallt"
    assert detect_crisis("torri gwallt") is None


def test_a_polish_message_reads_its_small_words_as_english():
    """Polish "i" (and) is never the writer, "o" (about) never the Welsh "o" (he), "od" (from) never
    an overdose: in a Polish message they are read as the English words the rules know."""
    assert detect_crisis("Chcę od niego odejść") is None  # "I want to leave him": no "want to OD"
    assert detect_crisis("Myślę o samobójstwie").about == "self"  # "o" is not Welsh "he"
    words = crisis_reading._words("Mój syn wziął tabletki i nie oddycha")
    assert "and" in words[0] and "i" not in words[0]


def _written_in(text: str) -> str | None:
    c = _concepts()
    folded = crisis_reading._fold(crisis_reading.clean_text(text))
    return crisis_reading._written_in(
        text, [crisis_reading._TOKEN.findall(p) for p in crisis_reading._CLAUSE_BREAK.split(folded)], c
    )


@pytest.mark.parametrize("text", [row[0] for row in CRISIS] + HARMLESS)
def test_an_english_or_welsh_message_is_never_read_as_polish(text):
    assert _written_in(text) is None


def test_polish_and_arabic_messages_are_read_as_what_they_are():
    assert {_written_in(row[0]) for row in POLISH} == {"polish"}
    assert {_written_in(row[0]) for row in ARABIC} == {None}  # Arabic needs no English small words


@pytest.mark.parametrize(
    "text", ["dw i'n meddwl mai fi", "mae dau ddyn tu allan", "dw i wedi cymryd dau becyn o dabledi", "tai"]
)
def test_a_welsh_message_is_never_read_as_romanian(text):
    """Romanian "mai" (more), "dau" (I give), "tai" (you cut) are Welsh "mai" (that), "dau" (two), "tai"
    (houses): such words count for no language, so the Welsh "a" (and) is never read as Romanian "a"
    (has), nor "o" (of) as "a"."""
    assert _written_in(text) is None


# Phrases of Portuguese and Romanian whose words, read as English, are all English words, each looked at:
# none is something an English message says ("bate" is English only in "bated breath")
PHRASES_OF_ENGLISH_WORDS = {
    "bate": "'me bate', 'ele bate', 'bate na', 'mă bate', 'îl bate': beats",
    "segue": "'me segue', 'segue me': follows me",
    "estou pronto": "i am ready",
    "sou um peso": "i am a burden",
    "o mar": "'ao mar', 'no mar': into, in the sea",
    "am chef": "i feel like",
    "să beau": "to drink",
    "de pe pod": "off a bridge",
    "de pe bloc": "off a block of flats",
    "de el": "(afraid) of him: 'of he' is no English",
    "de ea": "(afraid) of her: 'of she' is no English",
    "accident vascular": "a stroke",
}


def test_a_phrase_of_portuguese_or_romanian_is_no_english_phrase():
    """A phrase is matched in any message: read as English (its small words glossed), a Portuguese or
    Romanian phrase of English words only ("do meu ex" is "from my ex", "un străin" is "a strain") would
    tag English messages. Each such phrase is looked at and listed above, or has a word of its own."""
    if not len(ordinary_english_words()):
        pytest.skip("no system word list (Debian package wbritish)")
    english = ordinary_english_words()
    data = yaml.load(crisis.DATA.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    c = _concepts()
    found = set()
    for section in ("portuguese", "romanian"):
        glosses = c.glosses[section]
        for items in data[section].values():
            for item in items:
                words = [g for w in _plain(item).split() for g in glosses.get(w, w).split()]
                if len(_plain(item).split()) > 1 and all(w in english for w in words):
                    found.add(item)
    listed = {item for item in found if any(key in item for key in PHRASES_OF_ENGLISH_WORDS)}
    assert found == listed, sorted(found - listed)


@pytest.mark.parametrize("text", ["Ez alîkariyê bi xwarinê re hewce dikim", "Ez naxweş im, çi bikim"])
def test_a_kurdish_message_is_read_as_neither_romanian_nor_portuguese(text):
    """Kurdish writes "î", "ş" and "ç" too: only the letters no other language of Wrexham's residents
    writes ("ă", "ș", "ț"; "ã", "õ") say a message is Romanian or Portuguese."""
    assert _written_in(text) not in ("romanian", "portuguese")


def test_no_own_word_of_portuguese_or_romanian_is_welsh():
    """A word that says a message is in Portuguese or Romanian is no Welsh word (Welsh words are read as
    themselves in `read_as_english`: "mai: mai"); a new one fails here until it is."""
    if not len(ordinary_english_words()):
        pytest.skip("no system word list (Debian package wbritish)")
    c = _concepts()
    for section in ("portuguese", "romanian"):
        assert not {w for w in c.own_words[section] if is_welsh_word(w)}, section


def test_portuguese_and_romanian_messages_are_read_as_what_they_are():
    """A Portuguese "só" has the Polish letter "ó" and is still Portuguese; a message with no word of
    its own language is read as written."""
    portuguese = {row[0]: _written_in(row[0]) for row in PORTUGUESE}
    assert set(portuguese.values()) == {"portuguese", None}
    # of small words and words shared with Romanian ("arma") or English ("segue"): read as written,
    # "ele" (he) and "tem" (has) also listed as words of their own
    assert [text for text, lang in portuguese.items() if lang is None] == [
        "Alguém me segue",
        "ele tem uma arma",
    ]
    assert {_written_in(row[0]) for row in ROMANIAN} == {"romanian"}


# Polish words that are, once folded, also English words (or an English word's stem), each looked at
# and kept: the same meaning in both, or never the concept's risk on its own.
POLISH_ENGLISH_TWINS = {
    "mama": "the same meaning",
    "brat": "a child all the same: a person only with an act done to them",
    "partner": "the same meaning",
    "z": "'z' alone is no English word of a message",
}
# Polish words that are also Welsh words, each looked at and kept
POLISH_WELSH_TWINS = {
    "paracetamol": "the same meaning",
    "ibuprofen": "the same meaning",
    "partner": "the same meaning",
    "nas": "a Welsh particle ('that ... not'): self and victim are read only beside an act",
    "udo": "Welsh 'howl': a body part only beside a cut",
}
# each section's twins, looked at; Portuguese and Romanian write theirs as phrases or read them as
# English only in their own messages (`read_as_english`): "bate" (beats), "mor" (I die), "mă" (me)
SECTION_TWINS = {
    "polish": (POLISH_ENGLISH_TWINS, POLISH_WELSH_TWINS),
    "arabic": ({}, {}),
    "portuguese": ({"amigo": "the same meaning"}, {"paracetamol": "the same meaning"}),
    "romanian": ({}, {"paracetamol": "the same meaning", "ibuprofen": "the same meaning"}),
    "ukrainian": ({}, {}),  # written in Cyrillic: no English or Welsh word
    "bulgarian": ({}, {}),
    "urdu": ({}, {}),  # written in Arabic script: no English or Welsh word
    # the seventeenth round's: a word that is also English or Welsh is read as English in their own
    # messages only (`read_as_english`: Spanish "dice", Turkish "patron", Hungarian "ver")
    "spanish": ({}, {}),
    "turkish": ({}, {}),
    "lithuanian": ({}, {}),
    "hungarian": ({}, {}),
}


@pytest.mark.parametrize("section", [s for s in LANGUAGES if s != "welsh"])
def test_a_language_sections_words_do_not_change_english_or_welsh_messages(section):
    """A single word of a language section that is an ordinary English word (or the stem of one), or a
    Welsh word, would tag English or Welsh messages: each is listed above with why it is harmless, and a
    new one fails here until it is looked at (or moved to the section's `read_as_english` words, read
    only in a message in that language: "linę" (rope) is English "line", "broń" (weapon) Welsh "bron")."""
    if not len(ordinary_english_words()):
        pytest.skip("no system word list (Debian package wbritish)")
    data = yaml.load(crisis.DATA.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    welsh_words = {w for items in data["welsh"].values() for item in items for w in _plain(item).split()}
    welsh_twins = {
        w
        for items in data[section].values()
        for item in items
        if len(words := _plain(item).split()) == 1
        for w in words
        if w in welsh_words or is_welsh_word(w)
    }
    english_twins = test_crisis.english_twins(section)
    english_known, welsh_known = SECTION_TWINS[section]
    assert english_twins <= set(english_known), sorted(english_twins - set(english_known))
    assert welsh_twins <= set(welsh_known), sorted(welsh_twins - set(welsh_known))


@pytest.mark.parametrize(
    "text, expected",
    [
        # Polish shares "nie", the Welsh "bron" (Polish "broń"), "gwallt" (one letter from Polish "gwałt")
        ("my mum said nie and i took 30 paracetamol", ("suicide", "urgent", "self")),
        ("i want to die", ("suicide", "crisis", "self")),
        ("he has a knife and he is outside", ("danger", "urgent", "self")),
        ("dw i bron adre", None),
        ("mae o'n fy nharo i", ("abuse", "crisis", "self")),
        ("torri gwallt", None),
        # Portuguese and Romanian share these
        ("i smell gas in the house", ("danger", "crisis", "self")),  # Portuguese "gás"
        ("my ma hit me", None),  # Romanian "mă" (me)
        ("my mama is not breathing", ("danger", "urgent", "other")),  # Romanian "mama"
        ("i smoke pot every day", None),  # Romanian "pot" (I can)
        ("i want to jump in the canal", ("suicide", "crisis", "self")),
        ("i play the viol in an orchestra", None),  # Romanian "viol" (rape)
        ("he said no and took my passport", ("abuse", "crisis", "self")),  # Portuguese "no" (in the)
        ("a segue into my mental health", None),  # Portuguese "segue" (follows)
        ("i took an overdose", ("suicide", "urgent", "self")),
        ("dw i isio mynd i'r môr", None),  # Romanian "mor" (I die)
        ("mae fy mam yn marw", None),  # Portuguese "mãe" (mother)
        ("dw i'n mynd i'r de ddydd Iau", None),  # Portuguese "de", Romanian "iau" (I take)
        ("mae hi'n dweud mai fi sy ar fai", None),  # Romanian "mai" (more)
        ("dw i isio marw", ("suicide", "crisis", "self")),
        ("mae o wedi cymryd tabledi", ("suicide", "concern", "other")),
    ],
)
def test_english_and_welsh_messages_read_as_before(text, expected):
    """Messages with words a language section shares read as they did without the section."""
    s = detect_crisis(text)
    assert (s and (s.kind, s.tier, s.about)) == expected


# --- forms the lists do not hold, read by their stem (search_index/stems.py) -----------------------------

# (message, kind, tier, about): each with a form that no list holds, read as the listed forms of its stem
BY_STEM = [
    ("Znalazłem brata nieprzytomnego w łazience", "danger", "urgent", "other"),  # "nieprzytomny"
    ("Mąż pobiłby mnie, gdybym wyszła", "abuse", "crisis", "self"),  # "pobił"
    ("Zgwałciłby mnie, gdyby mógł", "sexual-violence", "crisis", "self"),  # "zgwałcił"
    ("Ele espancava-me todas as noites", "abuse", "crisis", "self"),  # "espancou"
    ("O meu companheiro estrangulava-me", "abuse", "crisis", "self"),  # "estrangulou"
    ("Soțul meu mă amenințase cu moartea", "abuse", "crisis", "self"),  # "amenințat"
    ("يهددونني بالقتل", "abuse", "crisis", "self"),  # they threaten me: "يهددني"
]
# look-alikes: a stem lends no more than the word says
BY_STEM_HARMLESS = [
    "أبي يدفع الإيجار كل شهر",  # "يدفع" pays the rent: "يدفعني" (pushes me) says "me" by its ending
    "أحتاج دفع فاتورة الكهرباء",
    "Trenul ăsta mă omoară, mereu întârzie",  # this train is "killing" me: Romanian puts "this" after
    "Autobuzul ăsta mă omoară, iar întârzie",
    "Obrigada pela ajuda",  # thank you: "obrigada" is also "forced"
    "A minha filha cortou o cabelo",
    "Pobiegłem na autobus",
    "Kupiłam tabletkę do zmywarki",
    "Am bătut covorul afară",  # beat the rug
]


@pytest.mark.parametrize("text, kind, tier, about", BY_STEM)
def test_a_form_no_list_holds_is_read_by_its_stem(text, kind, tier, about):
    signal = detect_crisis(text)
    assert signal is not None and (signal.kind, signal.tier, signal.about) == (kind, tier, about), signal


@pytest.mark.parametrize("text", BY_STEM_HARMLESS)
def test_a_stem_lends_no_more_than_the_word_says(text):
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "my face is all red",  # Portuguese "faca" (knife) stems as "face" does
        "he has a face like thunder",
        "i wanna dye my hair",
        "mae gen i fatava",
        "dw i isio mynd i'r môr",
    ],
)
def test_an_english_or_welsh_message_is_never_read_by_stems(text):
    assert crisis_reading._read_words(text)[1] is None


def test_stems_need_the_language_model_to_agree(monkeypatch):
    """A message whose words say Portuguese is read by stems only when the language model is sure of
    Portuguese too: were it not, "espancava" would be read as written (and missed)."""
    text = "Ele espancava-me todas as noites"
    assert crisis_reading._read_words(text)[1] == "portuguese"
    monkeypatch.setattr(crisis_reading, "model_guess", lambda _text: ("es", 0.95))
    assert crisis_reading._read_words(text)[1] is None
    assert detect_crisis(text) is None


# a threat to kill if the writer leaves or tells, in another language, is meant (as "he'll kill me if i
# leave" is), and a parent's "will kill me if i'm late" stays a figure of speech
@pytest.mark.parametrize(
    "text",
    [
        "powiedział że mnie zabije jak odejdę",
        "powiedział, że mnie zabije, jeśli pójdę na policję",
        "a zis că mă omoară dacă plec",
        "zice că mă omoară dacă spun cuiva",  # "spun", not listed, is read by its stem as "spune"
        "disse que me mata se eu o deixar",
        "قال إنه سيقتلني إذا تركته",
    ],
)
def test_a_threat_to_kill_for_leaving_or_telling_is_meant_in_any_language(text):
    signal = detect_crisis(text)
    assert signal is not None and (signal.kind, signal.tier, signal.about) == ("abuse", "crisis", "self")


@pytest.mark.parametrize(
    "text",
    [
        "mama mnie zabije jak się spóźnię",
        "a minha mãe mata-me se eu chegar tarde",
        "mama mă omoară dacă afla de notă",
    ],
)
def test_a_parents_threat_over_a_trifle_stays_a_figure_of_speech(text):
    assert detect_crisis(text) is None


def test_the_held_out_set_in_four_languages_keeps_its_figures():
    """tests/crisis_other_languages_heldout.yml, written before the stems were read and never tuned on:
    with the lists as written 55/62 risk flagged and 2/60 harmless; read by stems 56/62 and 2/60; with
    the learned readers refitted on the stems' features (thirteenth round) 55/62 and 2/60: one message
    the old reader raised as a concern falls under the new one's threshold."""
    from pathlib import Path

    data = yaml.safe_load(
        (Path(__file__).parent / "crisis_other_languages_heldout.yml").read_text(encoding="utf-8")
    )
    risk = sum(detect_crisis(t) is not None for t in data["risk"])
    harmless = [t for t in data["harmless"] if detect_crisis(t) is not None]
    assert risk >= 55, risk
    assert len(harmless) <= 2, harmless


# --- Ukrainian and Bulgarian (sixteenth round): every inflected form listed, no stemmer ---------------------

# (message, kind, tier, about)
UKRAINIAN = [
    ("Чоловік погрожує мене вбити, я ховаюся в туалеті", "abuse", "crisis", "self"),
    ("Чоловік б'є мене щодня", "abuse", "crisis", "self"),
    ("Він сказав, що вб'є мене, якщо я піду від нього", "abuse", "crisis", "self"),
    ("Він душив мене", "abuse", "crisis", "self"),
    ("Я не хочу жити", "suicide", "crisis", "self"),
    ("Хочу померти", "suicide", "crisis", "self"),
    ("Я думаю про самогубство", "suicide", "crisis", "self"),
    ("Хочу покінчити з собою сьогодні", "suicide", "urgent", "self"),
    ("Хочу стрибнути з мосту", "suicide", "crisis", "self"),
    ("Всім буде краще без мене", "suicide", "crisis", "self"),
    ("Я випила всі таблетки", "suicide", "urgent", "self"),
    ("Моя донька хоче вбити себе", "suicide", "crisis", "other"),
    ("Я ріжу себе", "self-harm", "crisis", "self"),
    ("Мене зґвалтували", "sexual-violence", "crisis", "self"),
    ("Дорослий чоловік пише моїй 12-річній доньці і просить голі фото", "sexual-violence", "crisis", "other"),
    ("Хтось іде за мною від зупинки", "danger", "urgent", "self"),
    ("Хтось ламає двері, я сама вдома", "danger", "urgent", "self"),
    ("Роботодавець забрав наші паспорти", "abuse", "crisis", "self"),
    ("Господар не випускає мене з дому", "abuse", "crisis", "self"),
    ("Тато не дихає", "danger", "urgent", "other"),
    ("У квартирі пахне газом", "danger", "crisis", "self"),
    ("Пожежа в будинку, всюди дим", "danger", "urgent", "self"),
    ("Брат каже, що покінчить з собою", "suicide", "crisis", "other"),
]
UKRAINIAN_HARMLESS = [
    "Ця спека мене вбиває",
    "Дивилися фільм про вбивство",
    "Де можна оновити паспорт?",
    "Стежте за нами в Інстаграмі",
    "Ріжу цибулю новим ножем",
    "Купила новий кухонний ніж",
    "Які таблетки можна пити від головного болю?",
    "Бабуся померла минулого року",
    "Мама мене вб'є, якщо я запізнюся",
    "Я боюся павуків",
    "Роботодавець платить щоп'ятниці",
    "Не можу більше чекати на відпустку!",
    "Серце б'ється швидко після кави",
    "Стежу за новинами щодня",
    "Не хочу жити з батьками, шукаю кімнату",
    "Хтось стежить за мною в Інстаграмі, як його заблокувати?",
    "Я вбила павука тапком",
    "Ця робота мене вб'є",
]
BULGARIAN = [
    ("Мъжът ми ме бие", "abuse", "crisis", "self"),
    ("Съпругът ми заплашва да ме убие", "abuse", "crisis", "self"),
    ("Той каза, че ще ме убие, ако го напусна", "abuse", "crisis", "self"),
    ("Той ме души", "abuse", "crisis", "self"),
    ("Искам да умра", "suicide", "crisis", "self"),
    ("Мисля да се самоубия", "suicide", "crisis", "self"),
    ("Не мога повече така", "suicide", "crisis", "self"),
    ("Ще скоча от моста", "suicide", "crisis", "self"),
    ("Изпих всички хапчета", "suicide", "urgent", "self"),
    ("Взех свръхдоза", "suicide", "urgent", "self"),
    ("Синът ми иска да се самоубие", "suicide", "crisis", "other"),
    ("Режа се", "self-harm", "crisis", "self"),
    ("Изнасилиха ме", "sexual-violence", "crisis", "self"),
    ("Мъж пише на 12-годишната ми дъщеря и иска голи снимки", "sexual-violence", "crisis", "other"),
    ("Един мъж ме следва до вкъщи всеки ден", "danger", "urgent", "self"),
    ("Някой разби вратата, скрих се в банята", "danger", "urgent", "self"),
    ("Бившият ми ме заплашва с нож", "danger", "urgent", "self"),
    ("Шефът ни взе паспортите и ни заключва", "abuse", "crisis", "self"),
    ("Майка ми не диша", "danger", "urgent", "other"),
    ("Мирише на газ в апартамента", "danger", "crisis", "self"),
    ("Съседът пак бие жена си, чуват се писъци", "abuse", "crisis", "other"),
]
BULGARIAN_HARMLESS = [
    "Тази жега ме убива",
    "Умирам от смях",
    "Гледахме филм за убийство",
    "Къде мога да подновя паспорта си?",
    "Последвайте ни в Инстаграм",
    "Режа лук с новия нож",
    "Какви хапчета да пия за главоболие?",
    "Майка ми ще ме убие, ако закъснея",
    "Страх ме е от паяци",
    "Съседът чука на вратата за захар",
    "Работодателят плаща всеки петък",
    "Сърцето ми бие бързо след кафето",
    "Има следи от кръв на пода",
    "Някой следи профила ми в инстаграм",
    "Не искам да живея с родителите си, търся стая",
    "Някой ме следи в Инстаграм, как да го блокирам?",
    "Убих един паяк в банята",
    "Тази работа ще ме убие",
]


@pytest.mark.parametrize("text, kind, tier, about", UKRAINIAN + BULGARIAN)
def test_a_crisis_in_ukrainian_or_bulgarian_is_flagged(text, kind, tier, about):
    """As the rules read it (`tier`); flagged at most as a concern while the language is provisional."""
    read = crisis._detect(text)
    assert read is not None, text
    assert (read.kind, read.tier, read.about) == (kind, tier, about), read
    signal = detect_crisis(text)
    assert (signal.kind, signal.tier, signal.about) == (kind, "concern", about), signal


@pytest.mark.parametrize("text", UKRAINIAN_HARMLESS + BULGARIAN_HARMLESS)
def test_lookalikes_in_ukrainian_or_bulgarian_are_not_flagged(text):
    assert detect_crisis(text) is None


def test_ukrainian_and_bulgarian_messages_are_read_as_what_they_are():
    """Ukrainian by its letters ("і", "ї", "є", "ґ") or its own words; Bulgarian by "ъ" or its own words,
    also when it has a word only the Ukrainian lists hold: "я" is the writer in one, "her" in the other."""
    assert {_written_in(row[0]) for row in UKRAINIAN} == {"ukrainian"}
    assert {_written_in(row[0]) for row in BULGARIAN} == {"bulgarian"}
    assert _written_in("Той ме души") == "bulgarian"  # no "ъ"
    assert crisis_reading._words("Я не хочу жити") == [["i", "not", "хочу", "жити"]]
    assert crisis_reading._words("Мъжът ми ме бие") == [["мъжът", "my", "me", "бие"]]


def test_no_cyrillic_word_reads_in_an_english_welsh_or_other_message():
    """The Cyrillic lists fold to Cyrillic ("й" to "и", "ї" to "і"): none of their words is a word of
    the Latin-script or Arabic lists, and no English or Welsh message is read as either language."""
    c = _concepts()
    data = crisis_reading._concept_data()
    cyrillic = (
        crisis_reading._language_words(data)["ukrainian"] | crisis_reading._language_words(data)["bulgarian"]
    )
    assert all(any("\u0400" <= ch <= "\u04ff" for ch in w) for w in cyrillic)  # a Cyrillic letter in each
    others = set().union(
        *(ws for s, ws in crisis_reading._language_words(data).items() if s not in ("ukrainian", "bulgarian"))
    )
    assert not cyrillic & others
    assert not cyrillic & (
        set(c.glosses["polish"]) | set(c.glosses["romanian"]) | set(c.glosses["portuguese"])
    )
    for text in ["i want to die", "dw i isio marw", "Vreau să mor", "Nie chcę już żyć"]:
        assert _written_in(text) in (None, "romanian", "polish")


# --- Urdu (sixteenth round): its own letters, its small words separate, every form listed ---------------

URDU = [
    ("میرا شوہر مجھے روز مارتا ہے", "abuse", "crisis", "self"),
    ("اس نے کہا ہے کہ وہ مجھے جان سے مار دے گا", "abuse", "crisis", "self"),
    ("میں مرنا چاہتی ہوں", "suicide", "crisis", "self"),
    ("میں خودکشی کرنا چاہتا ہوں", "suicide", "crisis", "self"),
    ("میں نے بیس گولیاں کھا لیں", "suicide", "urgent", "self"),
    ("میری بہن نے زہر کھا لیا ہے", "suicide", "urgent", "other"),
    ("میں اپنے آپ کو کاٹتی ہوں", "self-harm", "crisis", "self"),
    ("کوئی آدمی اسٹیشن سے میرا پیچھا کر رہا ہے، مجھے ڈر لگ رہا ہے", "danger", "urgent", "self"),
    ("کوئی گھر میں گھس آیا ہے، میں الماری میں چھپی ہوں", "danger", "urgent", "self"),
    ("اس کے پاس چاقو ہے اور وہ دروازے کے باہر کھڑا ہے", "danger", "urgent", "self"),
    ("میرے ساتھ زیادتی ہوئی ہے", "sexual-violence", "crisis", "self"),
    ("امی سانس نہیں لے رہیں", "danger", "urgent", "other"),
    ("گھر میں گیس کی بو آ رہی ہے", "danger", "crisis", "self"),
    ("بچے دو دن سے گھر میں اکیلے ہیں", "danger", "crisis", "other"),
]
URDU_HARMLESS = [
    "یہ گرمی مجھے مار ڈالے گی",
    "ہم نے قتل کے بارے میں ایک فلم دیکھی",
    "انسٹاگرام پر ہمیں فالو کریں",
    "نئی چھری سے پیاز کاٹ رہی ہوں",
    "سر درد کے لیے کون سی گولی لوں؟",
    "امی مجھے مار ڈالیں گی اگر میں دیر سے گھر گئی",
    "میرا بیٹا ایسی گیم کھیلتا ہے جس میں گولیاں چلتی ہیں",
    "عید پر بکرا ذبح کیا",
    "میں نے روٹی کھا لی",
    "میں مرنا نہیں چاہتی",
    "میرا شوہر ہر شام مجھے پارک میں سیر کرانے لے جاتا ہے",
]


@pytest.mark.parametrize("text, kind, tier, about", URDU)
def test_a_crisis_in_urdu_is_flagged(text, kind, tier, about):
    """As the rules read it (`tier`); flagged at most as a concern while the language is provisional."""
    read = crisis._detect(text)
    assert read is not None, text
    assert (read.kind, read.tier, read.about) == (kind, tier, about), read
    signal = detect_crisis(text)
    assert (signal.kind, signal.tier, signal.about) == (kind, "concern", about), signal


def test_a_provisional_language_raises_a_concern_and_no_alarm():
    """Ukrainian, Bulgarian and Urdu, read for the first time this round, raise at most a concern: the
    helplines beside the results and "Are you safe right now? If not, call 999"; a language a review has
    passed raises its alarms as English does."""
    assert crisis_reading.PROVISIONAL == {"ukrainian", "bulgarian", "urdu", *SEVENTEENTH}
    assert crisis._detect("Чоловік погрожує мене вбити").tier == "crisis"
    assert detect_crisis("Чоловік погрожує мене вбити").tier == "concern"
    assert detect_crisis("Mój mąż mnie bije").tier == "crisis"
    assert detect_crisis("he is outside with a knife").tier == "urgent"


@pytest.mark.parametrize("text", URDU_HARMLESS)
def test_lookalikes_in_urdu_are_not_flagged(text):
    assert detect_crisis(text) is None


def test_an_arabic_message_is_never_read_as_urdu():
    """A word is Urdu's own only with a letter Arabic does not write ("وقت", time, and "خوف", fear, are
    Arabic words too): an Arabic message is read as before, an Urdu one as Urdu."""
    c = _concepts()
    urdu_letters = set("ٹڈڑںےہھیکگچپژ")
    assert c.own_words["urdu"] and all(set(w) & urdu_letters for w in c.own_words["urdu"])
    assert {_written_in(row[0]) for row in ARABIC} | {_written_in(t) for t in ARABIC_HARMLESS} == {None}
    assert {_written_in(row[0]) for row in URDU} == {"urdu"}
    assert crisis_reading._words("میرا شوہر مجھے مارتا ہے") == [["my", "husband", "me", "مارتا", "is"]]


# --- Spanish, Turkish, Lithuanian and Hungarian (seventeenth round): read by their stems, provisional -------

SEVENTEENTH = ("spanish", "turkish", "lithuanian", "hungarian")
BATCHES = yaml.safe_load(
    (test_crisis.ROOT / "tests" / "crisis_more_languages_batches.yml").read_text(encoding="utf-8")
)
# each language's batch (30 risk, 30 harmless), written before its section: risk messages the rules
# flag at least, look-alikes they flag at most (before the sections, as shown: Spanish 4/30 risk through
# the Portuguese lists, the others 0/30; no look-alike in any)
BATCH_FLOORS = {"spanish": (27, 1), "turkish": (26, 1), "lithuanian": (26, 0), "hungarian": (23, 1)}
# of each batch's 60 messages, those read as written in the language: a Spanish message with as many
# Portuguese words of their own ("todos", "matar") as Spanish ones stays Portuguese
READ_AS = {"spanish": 46, "turkish": 56, "lithuanian": 51, "hungarian": 50}


@pytest.mark.parametrize("language", SEVENTEENTH)
def test_the_seventeenth_rounds_batches_keep_their_figures(language):
    """The rules' reading of each batch (`crisis._detect`), and what a resident is shown: at most a concern
    for a message read as written in the language (one read as Portuguese is Portuguese's to answer)."""
    risk_floor, harmless_ceiling = BATCH_FLOORS[language]
    risk = [crisis._detect(t) for t in BATCHES[language]["risk"]]
    harmless = [t for t in BATCHES[language]["harmless"] if crisis._detect(t) is not None]
    assert sum(r is not None for r in risk) >= risk_floor
    assert len(harmless) <= harmless_ceiling, harmless
    for text in (t for t in BATCHES[language]["risk"] if _written_in(t) == language):
        signal = detect_crisis(text)
        assert signal is None or signal.tier == "concern", (text, signal)


@pytest.mark.parametrize("language", SEVENTEENTH)
def test_a_message_in_a_seventeenth_round_language_is_read_as_it(language):
    """By its own words and letters ("ñ", "ğ", "ė", "ő"): most of each batch; none of the older
    languages' messages here is taken for one of the four."""
    texts = BATCHES[language]["risk"] + BATCHES[language]["harmless"]
    assert sum(_written_in(t) == language for t in texts) >= READ_AS[language]
    older = POLISH + PORTUGUESE + ROMANIAN + ARABIC + UKRAINIAN + BULGARIAN + URDU
    assert not {_written_in(row[0]) for row in older} & set(SEVENTEENTH)
    english = [row if isinstance(row, str) else row[0] for row in CRISIS + HARMLESS]
    assert not {_written_in(text) for text in english} & set(SEVENTEENTH)


def test_the_seventeenth_rounds_words_change_no_other_reading():
    """A word of the four sections is matched in every message, so none of their single words is an
    English word (or an English word's stem), a Welsh word or a word of an older section, and none of
    their phrases, read with the section's small words as English, is English alone ("por la" is "by
    the"): such words are read as English in the language's own messages (`read_as_english`). And an
    older section's own words, which say a message is written in it, are as they were: a provisional
    section takes none ("cortar" is Portuguese's own and Spanish too)."""
    if not len(ordinary_english_words()):
        pytest.skip("no system word list (Debian package wbritish)")
    data = crisis_reading._concept_data()
    c = _concepts()
    words = crisis_reading._language_words(data)
    english = ordinary_english_words()
    older = set().union(*(ws for s, ws in words.items() if s not in SEVENTEENTH))
    stems = {crisis_reading._base(w, c) for w in english if w.isalpha()}
    for section in SEVENTEENTH:
        glosses = c.glosses[section]
        for item in (item for items in data[section].values() for item in items):
            toks = _plain(item).split()
            if len(toks) == 1:
                assert toks[0] not in english and toks[0] not in stems, (section, item)
                assert toks[0] not in older and not is_welsh_word(toks[0]), (section, item)
            else:
                read = [g for t in toks for g in glosses.get(t, t).split()]
                assert not all(w in english or w.isdigit() for w in read), (section, item)
    english_lists = {w for items in data["concepts"].values() for item in items for w in _plain(item).split()}
    for section in ("portuguese", "polish", "romanian"):
        others = english_lists.union(
            *(ws for s, ws in words.items() if s != section and s not in SEVENTEENTH)
        )
        expected = {
            w for w in words[section] if w not in others and w not in english and w not in c.glosses[section]
        }
        assert c.own_words[section] == expected, section


def test_a_spanish_message_is_no_portuguese_one():
    """Spanish and Portuguese share many words ("matar", "todos"): a message with more Spanish words of
    its own is Spanish, one with as many or fewer stays Portuguese, as every Portuguese message here."""
    assert _written_in("mi hijo dice que se va a matar") == "spanish"
    assert _written_in("me amenazó con un cuchillo") == "spanish"  # "ó" is no longer Polish alone
    assert {_written_in(row[0]) for row in PORTUGUESE} <= {"portuguese", None}
    assert crisis_reading._words("mi marido me pega") == [["my", "husband", "me", "pega"]]
