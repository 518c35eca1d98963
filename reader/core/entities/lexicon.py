"""Hand-compiled word lists (facts): countries, cities, nationalities, titles, organisation words.

They give the tagger knowledge the training corpus only hints at. Entries are lower-case single
tokens (multi-word names contribute each word, e.g. "new" and "york" both mark a place word);
the model learns how much to trust each list.
"""

from __future__ import annotations

COUNTRIES = """afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas
bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia herzegovina botswana brazil brunei
bulgaria burkina faso burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus
czech denmark djibouti dominica ecuador egypt salvador eritrea estonia eswatini ethiopia fiji finland france gabon
gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia
iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos
latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg macedonia madagascar malawi malaysia
maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique
myanmar burma namibia nauru nepal netherlands holland zealand nicaragua niger nigeria norway oman pakistan palau
palestine panama papua paraguay peru philippines poland portugal qatar romania russia rwanda samoa marino senegal
serbia seychelles sierra leone singapore slovakia slovenia somalia spain lanka sudan suriname swaziland sweden
switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tobago tunisia turkey turkmenistan tuvalu
uganda ukraine emirates britain england scotland wales ulster uruguay uzbekistan vanuatu vatican venezuela vietnam
yemen zambia zimbabwe yugoslavia zaire ussr usa uk us america europe asia africa antarctica oceania caribbean
balkans scandinavia kurdistan chechnya tibet kashmir gaza crimea""".split()

CITIES = """london paris berlin moscow washington tokyo beijing brussels rome madrid lisbon vienna prague warsaw
budapest bucharest sofia athens ankara istanbul cairo jerusalem tel aviv amman beirut damascus baghdad tehran
kabul islamabad karachi delhi mumbai bombay calcutta kolkata madras chennai dhaka colombo bangkok hanoi saigon
manila jakarta singapore sydney melbourne brisbane perth auckland wellington toronto montreal vancouver ottawa
quebec chicago boston angeles francisco york houston dallas miami atlanta seattle denver detroit philadelphia
phoenix orleans vegas frankfurt munich hamburg cologne bonn zurich geneva bern milan naples turin florence venice
barcelona seville valencia amsterdam rotterdam hague antwerp copenhagen stockholm oslo helsinki dublin edinburgh
glasgow manchester liverpool birmingham leeds belfast cardiff kiev kyiv minsk riga tallinn vilnius belgrade zagreb
sarajevo ljubljana bratislava tirana skopje lagos nairobi johannesburg pretoria durban harare lusaka kinshasa
addis ababa khartoum algiers tunis tripoli rabat casablanca dakar accra abidjan kampala mogadishu beijing shanghai
hong kong taipei seoul pyongyang osaka kyoto lima bogota caracas quito santiago buenos aires montevideo brasilia
rio janeiro sao paulo havana mexico kingston grozny tbilisi baku yerevan tashkent almaty dushanbe bishkek
strasbourg lyon marseille nice bordeaux toulouse monte carlo luxembourg wimbledon""".split()

NATIONALITIES = """afghan albanian algerian american angolan argentine argentinian armenian asian australian austrian
azerbaijani bangladeshi belarusian belgian bolivian bosnian brazilian british briton bulgarian burmese burundian
cambodian cameroonian canadian chadian chilean chinese colombian congolese croatian cuban cypriot czech danish dane
dutch ecuadorian egyptian english eritrean estonian ethiopian european filipino finnish finn french georgian german
ghanaian greek guatemalan haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian
jamaican japanese jordanian kazakh kenyan korean kurdish kuwaiti kyrgyz latvian lebanese liberian libyan lithuanian
macedonian malaysian malian maltese mexican moldovan mongolian moroccan mozambican namibian nepalese nigerian
nigerien norwegian pakistani palestinian panamanian paraguayan peruvian polish pole portuguese qatari romanian
russian rwandan saudi scottish scot senegalese serb serbian slovak slovenian somali spanish spaniard sudanese
swedish swede swiss syrian taiwanese tajik tanzanian thai tibetan tunisian turkish turk ugandan ukrainian
uruguayan uzbek venezuelan vietnamese welsh yemeni yugoslav zambian zimbabwean arab arabic muslim christian
catholic protestant jewish hindu buddhist sikh shi'ite shiite sunni islamic african latin nordic western
eastern soviet""".split()

# Words that end or make up organisation names.
ORG_WORDS = """inc inc. corp corp. corporation co co. company companies ltd ltd. plc llc ag sa nv bv gmbh spa ab oy asa
group holdings holding bank bancorp trust fund association society union council committee commission party
league federation institute university college school agency authority board bureau ministry department office
airlines airways motors industries international systems technologies communications electric energy petroleum
oil steel securities capital partners investments insurance financial services news times post journal press
television radio network club fc united city rovers athletic wanderers""".split()

TITLES = """mr mr. mrs mrs. ms ms. dr dr. prof prof. sir lady lord president minister premier chancellor secretary
senator sen. governor gov. mayor king queen prince princess pope general gen. colonel col. captain capt. sergeant
judge justice chairman chairwoman chief director spokesman spokeswoman ambassador envoy coach striker
midfielder defender goalkeeper rev. father sister brother saint cardinal bishop sheikh ayatollah""".split()

MONTHS = """january february march april may june july august september october november december jan jan. feb
feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.""".split()

DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

# Words that tell what kind of story a document is: in sports stories city names are often
# teams (ORG), in business stories unknown capitalised words are often companies.
SPORT_WORDS = frozenset("""soccer football cricket rugby tennis golf baseball basketball hockey cycling athletics
boxing racing match matches game games goal goals scored score scorer striker midfielder goalkeeper league
division championship champions cup tournament final semifinal quarterfinal season innings wicket wickets
runs inning pitcher homer touchdown coach beat beats defeated draw drew win wins won victory halftime
half-time penalty penalties referee stadium olympic olympics medal race lap grand prix seeded round""".split())

BUSINESS_WORDS = frozenset("""shares share stock stocks profit profits revenue revenues earnings sales company
companies firm corporation market markets investors analyst analysts dividend quarter quarterly percent pct
bank banks bond bonds trading traded index prices price merger acquisition takeover subsidiary chairman
executive ceo billion million fiscal net operating results forecast outlook exchange securities""".split())

LISTS: dict[str, frozenset[str]] = {
    "CTRY": frozenset(COUNTRIES),
    "CITY": frozenset(CITIES),
    "NAT": frozenset(NATIONALITIES),
    "ORGW": frozenset(ORG_WORDS),
    "TITLE": frozenset(TITLES),
    "MONTH": frozenset(MONTHS),
    "DAY": frozenset(DAYS),
}


def list_memberships(lower: str) -> list[str]:
    """The names of the lists that contain this lower-cased token."""
    return [name for name, words in LISTS.items() if lower in words]
