"""Hand-compiled word lists (facts): countries, cities, regions, nationalities, given names,
family-name endings, titles, organisation and sports-club words.

They give the tagger knowledge the training corpus only hints at, above all about names it never
saw. Entries are lower-case single tokens (multi-word names contribute each word, e.g. "new" and
"york" both mark a place word); the model learns how much to trust each list. Written by us from
general knowledge; facts, not copied lists.
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

# More places: cities and towns the list above lacks, across the world.
MORE_CITIES = """aachen aberdeen abuja acapulco adelaide agra ahmedabad ajaccio aleppo alexandria alicante amritsar
anchorage annapolis antalya antananarivo apia arequipa arnhem asmara astana asuncion augsburg austin avignon
baltimore bamako bandung bangalore bengaluru bangui banjul barranquilla basel basra bath batumi benghazi bergen
bethlehem bilbao bloemfontein bochum bologna bordeaux bournemouth bradford bremen brest brighton bristol brno
bucaramanga bujumbura bulawayo bursa cadiz cagliari calais calgary cali cambridge canberra cannes canton cape
cartagena catania cebu charleroi charlotte chengdu chernobyl chittagong chongqing cincinnati cleveland coimbra
columbus conakry constanta cordoba cork cotonou coventry cracow krakow cusco daegu dalian damascus danang
dar davos debrecen derby dortmund dresden dubai duisburg dundee dunedin dusseldorf edmonton eindhoven
eldoret entebbe erfurt essen faisalabad fez florence fortaleza freetown freiburg fukuoka gaborone galway gdansk
genoa ghent gibraltar giza goa gothenburg graz grenoble guadalajara guangzhou guayaquil haifa halifax hamilton
hannover hanover harbin hebron heidelberg hiroshima ho honolulu hull hyderabad ibadan incheon indianapolis
innsbruck ipswich irkutsk isfahan izmir jaffna jeddah jericho johor juba kabul kampala kandahar kano kaohsiung
karlsruhe kathmandu katowice kaunas kazan kharkiv kharkov khartoum kigali kirkuk kisumu kobe kosice kuala lumpur
kumasi kunming kuwait kyoto lahore lausanne leicester leipzig lens leon leuven lhasa lilongwe lille limassol
limerick linz lodz lome lourdes luanda lubumbashi lucerne lugano luxor lviv lvov maastricht macau maceio madurai
malaga malmo managua manama manaus mandalay mannheim maputo maracaibo marrakesh marrakech maseru mashhad mbabane
mecca medan medellin medina mendoza merida messina milwaukee minneapolis mombasa monrovia monterrey montpellier
mosul multan murmansk muscat nagasaki nagoya nairobi nancy nanjing nantes naypyidaw ndjamena newcastle niamey
nicosia nizhny norwich nottingham nouakchott novosibirsk nuremberg nuernberg odessa omsk oporto porto oran
orlando osijek ostrava oulu oxford padua palermo palma pamplona paramaribo parma patras peshawar pisa pittsburgh
plymouth podgorica pointe poznan pristina puebla pune pusan busan quetta rabaul rangoon yangon rawalpindi recife
regina reims rennes reykjavik riga riyadh rostov rouen sacramento salvador salzburg samara sanaa sapporo
sarajevo seattle sendai sevastopol sfax shenzhen sheffield shiraz sibiu sidon skopje southampton split st.
stuttgart surabaya suva swansea szeged tabriz taichung tampa tampere tangier tashkent tbilisi tegucigalpa
thessaloniki tianjin tijuana timisoara tirana tokyo toledo toronto toulon trieste tripoli trondheim tucson
tulsa turku tuzla tyre ufa ulan ulaanbaatar uppsala utrecht valletta valladolid valparaiso varna vasteras
verona vichy vientiane vilnius vladivostok volgograd wuhan xian xi'an yaounde yekaterinburg yokohama zagreb
zaragoza zenica zwolle""".split()

# Regions: states, provinces and other areas within countries, and large geographic features.
# Words of multi-word names that are common on their own ("new", "north", "south") are left out.
REGIONS = """alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois
indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
montana nebraska nevada hampshire jersey carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee texas
utah vermont virginia wisconsin wyoming ontario alberta manitoba saskatchewan nova scotia brunswick newfoundland
labrador yukon nunavut queensland tasmania victoria bavaria saxony hesse thuringia brandenburg westphalia
rhineland saarland schleswig holstein mecklenburg pomerania silesia bohemia moravia transylvania wallachia
dalmatia istria slavonia krajina herzegovina vojvodina sandzak macedonia thrace anatolia kurdistan punjab
sindh baluchistan waziristan kashmir jammu bengal bihar gujarat kerala karnataka maharashtra orissa odisha assam
rajasthan uttar pradesh tamil nadu andhra telangana haryana sikkim tripura nagaland manipur mizoram goa
xinjiang tibet guangdong fujian yunnan sichuan hunan hubei henan hebei shandong jiangsu zhejiang anhui jiangxi
shanxi shaanxi gansu qinghai ningxia heilongjiang jilin liaoning hainan guangxi guizhou manchuria mongolia
hokkaido honshu kyushu shikoku okinawa mindanao luzon visayas sumatra java borneo sulawesi kalimantan aceh
timor papua irian bali lombok sabah sarawak catalonia catalunya andalusia andalucia galicia asturias cantabria
navarre navarra aragon castile castilla extremadura murcia basque valencia brittany normandy burgundy alsace
lorraine provence picardy aquitaine champagne auvergne corsica languedoc savoy lombardy piedmont tuscany umbria
lazio campania calabria apulia puglia sicily sardinia veneto liguria emilia romagna friuli abruzzo flanders
wallonia brabant limburg zeeland friesland groningen utrecht gelderland cornwall devon dorset somerset kent
essex sussex surrey yorkshire lancashire cheshire cumbria durham northumberland norfolk suffolk merseyside
ulster munster leinster connacht donegal kerry galway antrim tyrone chechnya ingushetia dagestan ossetia
abkhazia adjaria tatarstan bashkortostan siberia chukotka kamchatka sakhalin karelia kaliningrad crimea
donbass donbas transdniestria transnistria nagorno karabakh kosovo darfur kordofan katanga kivu shaba
ogaden tigray eritrea amhara oromia casamance biafra natal transvaal kwazulu gauteng cape sinai negev galilee
golan gaza judea samaria kurdistan khuzestan patagonia amazonia amazon chiapas yucatan sonora chihuahua
oaxaca jalisco tabasco guerrero michoacan bahia minas gerais parana pernambuco ceara tierra fuego
alps pyrenees andes himalayas himalaya urals caucasus balkans sahara sahel kalahari gobi tundra
mediterranean atlantic pacific adriatic aegean baltic caspian arctic antarctic riviera danube rhine elbe
volga nile congo zambezi niger yangtze ganges indus euphrates tigris mekong mississippi thames seine jordan
bosphorus dardanelles suez panama gulf persian""".split()

# Given names of many cultures (lower-case). Names that are also common English words
# ("will", "mark", "bill", "may", "rose", "grant") are left out.
GIVEN_NAMES = """aaron abdul abdullah abu adam adrian ahmad ahmed aidan aisha alan albert alberto alejandro
aleksandr aleksander alessandro alex alexander alexandre alexei alexey alfred alfredo ali alice alicia alison amanda
amir amy ana anastasia anatoly andre andrea andreas andrei andres andrew andrey andrzej angela angelo anil anita ann
anna anne annie anthony antoine anton antonio arjun arnold arthur arturo arun ashok audrey barbara barry bashir
beatriz ben benjamin benoit bernard bernardo bert bjorn boris brad brendan brian bruce bruno carl carla carlo carlos
carmen carol caroline catherine cesar charles charlotte chris christian christina christine christopher christophe
claire claude claudia claudio colin craig cristina daniel daniela daniele danny dario david dean deborah deepak
denis dennis derek diana diane diego dieter dimitri dimitris dmitry dmitri dominique donald douglas dragan dusan
eduardo edward elena elizabeth emma emmanuel enrique eric erik ernesto ernst esther eugene eva fabio fabrice farid
fatima fernando filip francesco francisco francois frank franz fred frederic frederick friedrich gabriel gabriela
gareth gary georg george georges georgi gerard gerhard giorgio giovanni giuseppe gloria goran gordon graham gregory
guillaume gunter gustavo hamid hans harald harold harry hassan heinz helen helena helmut henri henrik henry herbert
hiroshi hugo hussein ian ibrahim igor ilya imran ingrid ioannis irina isabel isabelle ismail istvan ivan ivana
jacques jakob james jan jane janet janos jason javier jean jeffrey jennifer jens jeremy jerome jesus jianguo joachim
joao joe johan johann johannes john jonathan jorge jose josef joseph juan julia julian julie jurgen karen karim karl
katarina kate katherine kazuo keith ken kenji kenneth kevin khaled khalid klaus krishna kristina kumar lars laura
laurent leonid leonardo liam linda lisa lorenzo louis luc luca lucas luigi luis lukas maciej mahmoud mamadou manfred
manuel marc marcel marco marcos margaret maria mariana marie mario marion marek marta martin mary masao matteo
matthew matthias maurice max maxim mehmet michael michel michele miguel mikhail milan miroslav mohamed mohammad
mohammed monica moussa muhammad mustafa nadia nancy naomi natalia natasha nathalie nelson nicholas nicola nicolas
nigel nikolai nikolay nina noah nuno olaf oleg olga oliver olivier omar oscar otto pablo paolo pascal patricia
patrick paul paulo pavel pedro peter petr petra philip philippe pierre pietro piotr pradeep rachel rafael rahul raj
rajesh ramon raul raymond renato rene ricardo richard rico robert roberto roger roland roman ronald rudolf ruth ryan
sabine salem salim salvatore samir samuel sandra sanjay sara sarah sean sebastian sergei sergey sergio silvio simon
sofia sophie stanislav stefan stefano stephen steven suresh susan sven tadeusz takashi tatiana tatyana teresa
thierry thomas tim timothy tomas tomasz tony ulrich umberto uwe valentin valery vasily vera veronique victor viktor
vincent vincenzo vitaly vladimir vladislav walter wei werner wilhelm william wolfgang xavier yasser yevgeny yitzhak
youssef yuri yusuf zbigniew zoran ahmet alain alexandru bogdan cristian dan dumitru gheorghe ion ionut mihai nicolae
radu vasile aleksandar dejan milos nenad slobodan vojislav zeljko ante ivica stipe mirko arben besnik fatos hashim
agim kofi kwame kwabena nana ama akua yaw abena chinedu chukwuemeka emeka ngozi olusegun oluwaseun adebayo ayodele
babatunde femi tunde musa abubakar sani bola thabo sipho jacob cyril desmond morgan tesfaye girma tadesse getachew
hailu etienne jean-pierre jean-claude jean-marie jean-paul jean-louis jean-luc jean-francois francois-xavier
abdelaziz abdelkader abdelilah abdellah abderrahmane ali-reza akbar hossein reza mohsen nasser anwar gamal rafik
saad walid amin emile ariel moshe avraham yossi shlomo ming hui jie xin ying yan ping lei ichiro taro jiro hideo
kenichi koichi masahiro yasuo akira makoto satoshi takeshi yuki yoko keiko akiko mariko hiroko naoko narendra rajiv
sonia lal prakash sunil vijay amit anand arvind ashish gaurav harish jagdish kapil manoj mukesh narayan pranab
rakesh ramesh ravi sachin sanjeev santosh shyam subhash sudhir uday vikram vinod vivek benazir nawaz zulfikar pervez
wasim saeed aamir shoaib mushtaq wang zhang chen zhao huang zhou guo zheng liang xie kim park choi jung kang cho
yoon jang kwon hwang""".split()

# Endings of family names typical of a language (Russian -ov, Polish -ski, Romanian -escu, ...).
SURNAME_ENDINGS = ("ov", "ova", "ev", "eva", "yov", "yova", "ski", "ska", "sky", "skiy", "skaya", "skyi", "wicz",
                   "czyk", "czak", "enko", "chenko", "chuk", "yuk", "shvili", "dze", "adze", "yan", "yants", "sson",
                   "sen", "ssen", "ez", "escu", "eanu", "opoulos", "poulos", "akis", "idis", "iadis", "oglu", "ovic",
                   "evic", "vic", "vich", "ini", "etti", "elli", "ucci", "mann", "stein", "berger", "hoff", "ides",
                   "kas", "ius", "aitis", "auskas", "enas", "oni", "ishi", "moto", "mura", "yama", "kawa", "shita",
                   "uchi", "naga", "wala")
# Endings matched only when this many letters at least come before them.
SURNAME_STEM = 3

# Words in the names of companies and other organisations (besides ORG_WORDS above).
MORE_ORG_WORDS = """enterprises brothers bros manufacturing pharmaceuticals pharmaceutical pharma chemicals chemical
motor automotive auto telecom telecommunications telekom telecomunicacoes mining resources minerals metals foods
food stores entertainment media broadcasting broadcast publishing publishers software computers computer
electronics semiconductor semiconductors networks solutions logistics shipping lines railways railway railroad
railroads refining petrochemical petrochemicals gas utilities utility power ventures associates consulting labs
laboratories healthcare health hospital foundation organisation organization organisations organizations exchange
bourse parliament assembly congress senate army navy police front movement alliance coalition brigade brigades
guard militia tribunal court courts fund funds reserve treasury bancorp bankers banking finance credit savings loan
trading traders exports imports airline air aviation aerospace shipyard shipbuilding steelworks textiles textile
cement construction engineering builders properties property realty estate developments development hotels
hotel resorts tobacco brewery breweries brewing beverages dairy sugar cocoa coffee cotton grain agricultural
agriculture fertiliser fertilizer paper pulp timber forest forestry glass rubber tyres tire tires plastics
retail retailers supermarkets mart store magazine newspaper newspapers gazette herald tribune telegraph chronicle
courier observer daily weekly review agency agencies ministries directorate secretariat inspectorate
commissioner council councils cabinet government governments administration junta regime opposition union
unions syndicate cartel consortium conglomerate co-operative cooperative mutual trustees limited incorporated
cos corporations lp kk bhd pty tbk pt nl sarl kg ltda s.a. n.v. a.g. s.p.a. a.s. a/s ab. oyj""".split()

# Words in the names of sports clubs and teams.
CLUB_WORDS = """real sporting dynamo dinamo spartak lokomotiv torpedo cska olympique olympic olympiakos racing
deportivo atletico athletico internazionale inter borussia eintracht fortuna hertha werder bayer alemannia
arminia kickers sparta slavia legia ruch gornik wisla lech polonia partizan crvena zvezda hajduk rapid
admira sturm grasshoppers servette lausanne-sports xamax fc sc sv vfb vfl tsv ssv fsv afc cf cd ud sd ac as ss
rc us sk fk nk bk if ik aik kv kaa rsc psv nac az rkc vvv hsv tsg rovers rangers albion county town thistle
orient hotspur argyle villa wanderers athletic united city academical alexion hibernian motherwell
juventus lazio sampdoria fiorentina udinese standard anderlecht club brugge feyenoord benfica boavista
maritimo estrela uniao vitoria nacional penarol independiente boca river velez estudiantes universidad
corinthians palmeiras flamengo fluminense botafogo vasco gremio internacional cruzeiro santos saints
tigers lions bulls bears eagles hawks falcons giants jets dolphins patriots packers vikings chiefs raiders
chargers broncos cowboys redskins steelers browns bengals colts titans jaguars texans ravens seahawks
cardinals rams panthers buccaneers yankees mets red sox dodgers cubs braves astros orioles phillies pirates
padres mariners royals twins brewers marlins rockies expos athletics angels indians reds knicks lakers celtics
pistons spurs rockets suns jazz nets heat magic hornets sonics clippers kings warriors blazers nuggets
timberwolves grizzlies raptors bucks sixers mavericks""".split()

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
# Added lists, each a feature of its own (see `knowledge.Knowledge.memberships`).
EXTRA_LISTS: dict[str, frozenset[str]] = {
    "CITY2": frozenset(MORE_CITIES) - frozenset(CITIES),
    "REGION": frozenset(REGIONS),
    "GIVEN": frozenset(GIVEN_NAMES),
    "ORGW2": frozenset(MORE_ORG_WORDS) - frozenset(ORG_WORDS),
    "CLUB": frozenset(CLUB_WORDS),
}
LISTS.update(EXTRA_LISTS)


def has_surname_ending(lower: str) -> bool:
    """True when the word ends like a family name of some language ("ivanov", "kowalski", "popescu")."""
    # One C-level endswith over all endings first: most words end otherwise.
    return lower.endswith(SURNAME_ENDINGS) and lower.isalpha() and any(
        lower.endswith(e) and len(lower) >= len(e) + SURNAME_STEM for e in SURNAME_ENDINGS)
