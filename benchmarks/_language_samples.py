"""Sentences written for the language benchmark: one short sentence (~12 words) and one paragraph
(~60 words) per language, and a few short or mixed texts on which no language should be claimed.

They were written for this project (town-hall news of an invented kind), not copied from anywhere.
The tests use other sentences (tests/unit/extract/language_texts.py), so the identifier is not judged on what it
was tuned on.
"""

from __future__ import annotations

# language code -> (short sentence, paragraph)
SAMPLES: dict[str, tuple[str, str]] = {
    "pl": (
        "Rada miasta zatwierdziła we wtorek nowy budżet na remont szkół podstawowych.",
        "Władze Krakowa poinformowały w poniedziałek, że budowa nowej linii tramwajowej potrwa dłużej, niż "
        "zakładano. Wykonawca tłumaczy opóźnienie wysokimi cenami materiałów i brakiem pracowników. Mieszkańcy "
        "dzielnicy skarżą się na hałas i korki, które od miesięcy utrudniają dojazd do pracy. Prezydent miasta "
        "obiecał, że pierwsze tramwaje pojadą nową trasą najpóźniej jesienią przyszłego roku, a objazdy zostaną "
        "skrócone.",
    ),
    "sv": (
        "Regeringen presenterade i dag ett nytt förslag om sänkt skatt för pensionärer.",
        "Kommunen meddelade på måndagen att den nya simhallen i centrum öppnar först nästa vår. Byggarbetet har "
        "försenats eftersom entreprenören hade svårt att få tag på material. Många föräldrar är besvikna, "
        "eftersom barnen inte har kunnat ha simundervisning i skolan på över ett år. Kommunalrådet säger att man "
        "nu har en tydlig plan och att kostnaderna inte kommer att öka ytterligare.",
    ),
    "tr": (
        "Belediye meclisi salı günü okulların onarımı için yeni bütçeyi onayladı.",
        "İstanbul'da yaşayan binlerce kişi, hafta sonu boyunca süren yoğun kar yağışı nedeniyle evlerinden "
        "çıkamadı. Yetkililer, ana yolların açık tutulması için yüzlerce iş makinesinin gece boyunca çalıştığını "
        "açıkladı. Bazı ilçelerde elektrik kesintileri yaşanırken okullar iki gün süreyle tatil edildi. "
        "Meteoroloji uzmanları, soğuk havanın önümüzdeki hafta da etkisini sürdüreceğini ve sürücülerin dikkatli "
        "olması gerektiğini söyledi.",
    ),
    "id": (
        "Pemerintah kota menyetujui anggaran baru untuk memperbaiki sekolah dasar pada hari Selasa.",
        "Ribuan warga di pinggiran Jakarta terpaksa mengungsi setelah hujan deras semalaman menyebabkan sungai "
        "meluap. Petugas penanggulangan bencana mengatakan bahwa air mulai surut pada siang hari, tetapi banyak "
        "rumah masih terendam lumpur. Pemerintah daerah telah mendirikan dapur umum dan posko kesehatan di "
        "beberapa sekolah. Para ahli mengingatkan bahwa saluran air yang tersumbat sampah membuat banjir semakin "
        "parah setiap tahun.",
    ),
    "da": (
        "Regeringen fremlagde i dag et nyt forslag om lavere skat på fødevarer.",
        "Kommunen oplyste mandag, at den nye cykelsti langs havnen først bliver færdig til efteråret. Arbejdet er "
        "blevet forsinket, fordi entreprenøren har haft svært ved at skaffe folk. Mange borgere er utilfredse, da "
        "de i forvejen har måttet køre omveje i næsten et år. Borgmesteren siger, at kommunen nu har lavet en ny "
        "aftale, og at prisen for projektet ikke bliver højere end planlagt.",
    ),
    "ro": (
        "Consiliul local a aprobat marți un nou buget pentru renovarea școlilor din oraș.",
        "Autoritățile din Cluj au anunțat luni că lucrările la noul pod peste râu vor dura mai mult decât se "
        "estimase. Constructorul explică întârzierea prin creșterea prețurilor la materiale și lipsa muncitorilor "
        "calificați. Locuitorii cartierului se plâng de zgomot și de aglomerația care le îngreunează drumul spre "
        "serviciu. Primarul a promis că podul va fi deschis circulației până la sfârșitul anului viitor.",
    ),
    "no": (
        "Regjeringen la i dag fram et nytt forslag om lavere skatt på strøm.",
        "Kommunen opplyste mandag at den nye sykkelveien langs fjorden ikke blir ferdig før til høsten. Arbeidet "
        "er blitt forsinket fordi entreprenøren har hatt problemer med å skaffe nok folk. Mange innbyggere er "
        "misfornøyde, siden de allerede har måttet kjøre omveier i nesten ett år. Ordføreren sier at kommunen nå "
        "har inngått en ny avtale, og at prisen for prosjektet ikke skal bli høyere enn planlagt.",
    ),
    "cs": (
        "Městská rada v úterý schválila nový rozpočet na opravu základních škol.",
        "Vedení Brna v pondělí oznámilo, že stavba nové tramvajové trati potrvá déle, než se původně plánovalo. "
        "Stavební firma zdržení vysvětluje vysokými cenami materiálu a nedostatkem dělníků. Obyvatelé čtvrti si "
        "stěžují na hluk a dopravní zácpy, které jim už několik měsíců komplikují cestu do práce. Primátorka "
        "slíbila, že první tramvaje po nové trati vyjedou nejpozději na podzim příštího roku.",
    ),
    "nl": (
        "De gemeenteraad keurde dinsdag een nieuwe begroting goed voor de renovatie van scholen.",
        "Het stadsbestuur van Utrecht maakte maandag bekend dat de bouw van de nieuwe fietsbrug langer duurt dan "
        "verwacht. De aannemer wijt de vertraging aan de hoge prijzen van staal en een tekort aan personeel. "
        "Bewoners van de wijk klagen over lawaai en files, die hun reis naar het werk al maanden bemoeilijken. De "
        "wethouder belooft dat de brug uiterlijk in het najaar van volgend jaar opengaat.",
    ),
    "pt": (
        "A câmara municipal aprovou na terça-feira um novo orçamento para a reforma das escolas.",
        "A prefeitura de Porto Alegre anunciou na segunda-feira que as obras da nova ponte vão demorar mais do que "
        "o previsto. A empresa responsável atribui o atraso ao aumento do preço dos materiais e à falta de "
        "trabalhadores. Os moradores do bairro reclamam do barulho e dos engarrafamentos, que há meses dificultam "
        "a ida ao trabalho. O prefeito prometeu que a ponte será aberta ao trânsito até o fim do próximo ano.",
    ),
    "en": (
        "The city council approved a new budget for school repairs on Tuesday.",
        "Officials in the northern port town said on Monday that work on the new bridge would take longer than "
        "planned. The builder blamed the delay on the rising cost of steel and a shortage of skilled workers. "
        "Residents have complained for months about noise and traffic jams that make the trip to work much "
        "slower. The mayor promised that the bridge would open to traffic before the end of next year.",
    ),
    "fr": (
        "Le conseil municipal a adopté mardi un nouveau budget pour rénover les écoles.",
        "La mairie de Lyon a annoncé lundi que les travaux du nouveau pont dureront plus longtemps que prévu. "
        "L'entreprise chargée du chantier explique ce retard par la hausse du prix de l'acier et le manque "
        "d'ouvriers qualifiés. Les habitants du quartier se plaignent depuis des mois du bruit et des "
        "embouteillages qui rallongent leur trajet vers le travail. Le maire a promis que le pont serait ouvert à "
        "la circulation avant la fin de l'année prochaine.",
    ),
    "de": (
        "Der Stadtrat hat am Dienstag einen neuen Haushalt für die Sanierung der Schulen beschlossen.",
        "Die Stadtverwaltung von Leipzig teilte am Montag mit, dass der Bau der neuen Brücke länger dauern wird als "
        "geplant. Die Baufirma begründet die Verzögerung mit gestiegenen Preisen für Stahl und einem Mangel an "
        "Fachkräften. Anwohner beklagen sich seit Monaten über Lärm und Staus, die ihren Weg zur Arbeit deutlich "
        "verlängern. Der Bürgermeister versprach, dass die Brücke spätestens Ende nächsten Jahres für den Verkehr "
        "freigegeben wird.",
    ),
    "es": (
        "El ayuntamiento aprobó el martes un nuevo presupuesto para reformar las escuelas.",
        "El gobierno municipal de Sevilla anunció el lunes que las obras del nuevo puente durarán más de lo "
        "previsto. La empresa constructora atribuye el retraso a la subida del precio del acero y a la falta de "
        "trabajadores cualificados. Los vecinos del barrio se quejan desde hace meses del ruido y de los atascos "
        "que alargan su camino al trabajo. El alcalde prometió que el puente se abrirá al tráfico antes de que "
        "termine el año que viene.",
    ),
    "it": (
        "Il consiglio comunale ha approvato martedì un nuovo bilancio per ristrutturare le scuole.",
        "Il comune di Bologna ha annunciato lunedì che i lavori del nuovo ponte dureranno più a lungo del previsto. "
        "L'impresa costruttrice attribuisce il ritardo all'aumento del prezzo dell'acciaio e alla mancanza di "
        "operai specializzati. Gli abitanti del quartiere si lamentano da mesi del rumore e del traffico che "
        "allungano il tragitto verso il lavoro. Il sindaco ha promesso che il ponte sarà aperto al traffico entro "
        "la fine dell'anno prossimo.",
    ),
    "fi": (
        "Kaupunginvaltuusto hyväksyi tiistaina uuden talousarvion koulujen korjaamista varten.",
        "Tampereen kaupunki kertoi maanantaina, että uuden sillan rakentaminen kestää suunniteltua kauemmin. "
        "Rakennusyhtiö selittää viivästystä teräksen kallistumisella ja ammattitaitoisten työntekijöiden "
        "puutteella. Alueen asukkaat ovat jo kuukausia valittaneet melusta ja ruuhkista, jotka hidastavat matkaa "
        "töihin. Pormestari lupasi, että silta avataan liikenteelle viimeistään ensi vuoden loppuun mennessä.",
    ),
    "ru": (
        "Городской совет во вторник утвердил новый бюджет на ремонт школ.",
        "Власти Новосибирска в понедельник сообщили, что строительство нового моста займёт больше времени, чем "
        "планировалось. Подрядчик объясняет задержку ростом цен на сталь и нехваткой квалифицированных рабочих. "
        "Жители района уже несколько месяцев жалуются на шум и пробки, из-за которых дорога на работу стала "
        "намного дольше. Мэр пообещал, что мост откроют для движения до конца следующего года.",
    ),
    "el": (
        "Το δημοτικό συμβούλιο ενέκρινε την Τρίτη νέο προϋπολογισμό για την επισκευή των σχολείων.",
        "Ο δήμος της Θεσσαλονίκης ανακοίνωσε τη Δευτέρα ότι οι εργασίες για τη νέα γέφυρα θα διαρκέσουν "
        "περισσότερο από ό,τι είχε προβλεφθεί. Η κατασκευαστική εταιρεία αποδίδει την καθυστέρηση στην αύξηση "
        "της τιμής του χάλυβα και στην έλλειψη εργατών. Οι κάτοικοι της περιοχής διαμαρτύρονται εδώ και μήνες για "
        "τον θόρυβο και την κίνηση. Ο δήμαρχος υποσχέθηκε ότι η γέφυρα θα ανοίξει μέχρι το τέλος του επόμενου "
        "έτους.",
    ),
    "ar": (
        "وافق مجلس المدينة يوم الثلاثاء على ميزانية جديدة لإصلاح المدارس.",
        "أعلنت بلدية الإسكندرية يوم الاثنين أن أعمال بناء الجسر الجديد ستستغرق وقتا أطول مما كان مخططا له. "
        "وتعزو الشركة المنفذة هذا التأخير إلى ارتفاع أسعار الحديد ونقص العمال المهرة. ويشكو سكان الحي منذ أشهر "
        "من الضجيج والازدحام الذي يطيل طريقهم إلى العمل. ووعد المحافظ بأن يفتح الجسر أمام حركة المرور قبل "
        "نهاية العام المقبل.",
    ),
    "zh": (
        "市议会周二批准了一项用于修缮学校的新预算。",
        "成都市政府周一宣布，新大桥的建设工期将比原计划更长。施工单位表示，钢材价格上涨和熟练工人短缺是造成"
        "延误的主要原因。附近居民几个月来一直抱怨噪音和交通拥堵，上班路上花的时间明显增加。市长承诺，大桥将"
        "在明年年底之前建成通车。",
    ),
    "ja": (
        "市議会は火曜日、学校の修理のための新しい予算を承認した。",
        "札幌市は月曜日、新しい橋の建設工事が予定より長引くと発表した。建設会社は、鉄鋼価格の上昇と熟練した"
        "作業員の不足が遅れの原因だと説明している。近くの住民は何か月も前から騒音と渋滞に不満を訴えており、"
        "通勤にかかる時間が大幅に増えたという。市長は、来年末までに橋を開通させると約束した。",
    ),
    "ko": (
        "시의회는 화요일 학교 보수를 위한 새 예산을 승인했다.",
        "부산시는 월요일 새 다리 공사가 예정보다 오래 걸릴 것이라고 발표했다. 시공사는 철강 가격 상승과 "
        "숙련된 노동자 부족을 지연의 원인으로 꼽았다. 인근 주민들은 몇 달째 소음과 교통 체증에 불만을 "
        "제기하고 있으며, 출근 시간이 크게 늘었다고 말했다. 시장은 내년 말까지 다리를 개통하겠다고 약속했다.",
    ),
}

# Texts too short or too mixed to name one language: a date line, names alone, a code, half and half.
UNCLEAR: tuple[str, ...] = (
    "Warszawa, 12.03.2024",
    "Photo: Reuters",
    "Anna Kowalska, Jan Nowak",
    "ISBN 978-3-16-148410-0",
    "Live: Tour de France 2025",
    "OK",
    "Stockholm – Oslo 2:1",
    "Kraków Główny 14:05 → Gdynia 19:40",
    # half English, half Polish; half English, half Indonesian
    f"{SAMPLES['en'][1]} {SAMPLES['pl'][1]}",
    f"{SAMPLES['id'][1]} {SAMPLES['en'][1]}",
)

# Other codes an identifier may give for the same language (Norwegian Bokmål is "nb" in some).
SAME_LANGUAGE: dict[str, frozenset[str]] = {"no": frozenset({"no", "nb", "nn"})}


def is_right(expected: str, got: str) -> bool:
    """Whether `got` names the language `expected` (allowing the other codes of the same language)."""
    return got.split("-")[0] in SAME_LANGUAGE.get(expected, frozenset({expected}))
