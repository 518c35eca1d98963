"""Short articles written for the language tests (not the benchmark's sentences, not from the web).

Each non-English one holds capitalised words the English name model took for names ("Menteri
Keuangan", "Maliye Bakanı", "Polski", "Sejmie") when the article's language was not known.
"""

from __future__ import annotations

ARTICLES: dict[str, str] = {
    "id": (
        "Menteri Keuangan mengatakan pada hari Rabu bahwa pemerintah akan menambah anggaran untuk pembangunan "
        "jalan di desa-desa terpencil. Menurut Menteri Keuangan, dana tersebut akan diambil dari penghematan "
        "belanja kementerian dan tidak akan menambah utang negara. Para anggota dewan menyambut baik rencana "
        "itu, tetapi meminta agar pengawasan proyek diperketat."
    ),
    "tr": (
        "Maliye Bakanı çarşamba günü yaptığı açıklamada, köy yollarının yapımı için ayrılan bütçenin "
        "artırılacağını söyledi. Maliye Bakanı, bu paranın bakanlıkların harcamalarından yapılacak tasarrufla "
        "karşılanacağını ve devlet borcunun artmayacağını belirtti. Milletvekilleri plana destek verdi, ancak "
        "projelerin daha sıkı denetlenmesini istedi."
    ),
    "pl": (
        "Posłowie w Sejmie przyjęli w środę ustawę o budowie dróg lokalnych. Podczas debaty w Sejmie minister "
        "finansów zapewniał, że pieniądze pochodzą z oszczędności, a nie z nowych długów. Polski rząd liczy, że "
        "pierwsze odcinki zostaną oddane do użytku jeszcze przed zimą. Opozycja domaga się jednak ściślejszej "
        "kontroli wydatków."
    ),
    "sv": (
        "Riksdagen beslutade på onsdagen att anslagen till vägar på landsbygden ska höjas. Finansministern sade "
        "att pengarna tas från besparingar i myndigheternas budgetar och att statsskulden inte ökar. Oppositionen "
        "välkomnade beslutet men vill att projekten granskas noggrannare."
    ),
    "da": (
        "Folketinget vedtog onsdag, at tilskuddet til veje i landdistrikterne skal hæves. Finansministeren sagde, "
        "at pengene kommer fra besparelser i ministeriernes budgetter, og at statsgælden ikke vokser. "
        "Oppositionen bakkede op om planen, men ønsker en skrappere kontrol med projekterne."
    ),
    "ro": (
        "Parlamentul a adoptat miercuri legea privind construcția drumurilor comunale. Ministrul Finanțelor a "
        "declarat că banii vor proveni din economii la bugetele ministerelor și că datoria publică nu va crește. "
        "Opoziția a susținut proiectul, dar cere un control mai strict al cheltuielilor."
    ),
    "en": (
        "The finance minister, Maria Hallström, told parliament in Stockholm on Wednesday that money for rural "
        "roads would rise next year. She said the funds would come from savings in ministry budgets and that "
        "the national debt would not grow. Opposition members backed the plan but asked for closer checks."
    ),
}

# The words of each article that are not names and must never be marked as one.
NOT_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("Menteri Keuangan",),
    "tr": ("Maliye Bakanı",),
    "pl": ("Polski", "Sejmie"),
}
