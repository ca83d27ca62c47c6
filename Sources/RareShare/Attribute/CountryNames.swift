/// Country names the resolver reads as explicit evidence: English short and
/// long names (ISO 3166-1, GeoNames), the forms Web of Science and Scopus
/// print ("Peoples R China", "U Arab Emirates", "Papua N Guinea"), common
/// endonyms in the local script (CLDR-style: Deutschland, 中国, 대한민국,
/// Россия) and former names of today's states.
///
/// Names are written as affiliation strings show them; matching normalizes
/// case, accents, punctuation and the small words "of", "and", "the" (see
/// ``AffiliationText``), so "Korea, Republic of" and "Republic of Korea" are
/// one entry.
///
/// Territories the reference study keeps apart keep their own ISO code: HK,
/// MO, TW, PR, and likewise GU, VI, the French overseas departments (GP, MQ,
/// GF, RE, YT) and other dependencies that ISO 3166-1 lists.
///
/// Disputed choices (each has a test in `EvidenceResolverTests.disputed`;
/// a user who decides otherwise writes a rule in the overrides file):
/// - "Hong Kong, Peoples R China" is HK, "Macau, China" MO, "Taiwan, China"
///   TW, "San Juan, Puerto Rico, USA" PR: the territory, not the state.
/// - "Republic of China" and "ROC" are TW; "People's Republic of China" CN.
/// - "Korea" alone is KR (South Korea); only explicit North Korean forms
///   ("DPR Korea", "Democratic People's Republic of Korea") are KP.
/// - "USSR", "Czechoslovakia", "Yugoslavia", "Serbia and Montenegro",
///   "Netherlands Antilles": the successor state holding the city named,
///   otherwise unresolved.
/// - West Germany, East Germany, FRG, GDR, DDR, "Fed Rep Ger" are DE.
/// - England, Scotland, Wales, Northern Ireland are GB.
/// - "Georgia" is GE unless other evidence names another country (then the
///   US state); likewise "Jordan", "Chad", "Lebanon" (Lebanon, NH).
/// - "Congo" alone is CG (the Republic of the Congo, as ISO's short name);
///   "Dem Rep Congo" and "Zaire" are CD.
/// - Kosovo is XK (the code GeoNames and the EU use; not assigned by ISO).
/// - Palestine, West Bank and Gaza are PS; Canary Islands ES; "Burma" MM;
///   "Macedonia" MK; "Swaziland" SZ; "Ceylon" LK; "Rhodesia" ZW.
enum CountryNames {
    /// Code → names, `|`-separated.
    static let table: [(String, String)] = [
        ("AD", "Andorra"), ("AE", "United Arab Emirates|U Arab Emirates|UAE|Emirates|الإمارات العربية المتحدة"),
        ("AF", "Afghanistan"), ("AG", "Antigua and Barbuda|Antigua & Barbu|Antigua"), ("AI", "Anguilla"),
        ("AL", "Albania|Shqipëri|Shqipëria"), ("AM", "Armenia|Հայաստան"), ("AO", "Angola"), ("AQ", "Antarctica"),
        ("AR", "Argentina|Argentine Republic"), ("AS", "American Samoa"), ("AT", "Austria|Österreich|Republic of Austria"),
        ("AU", "Australia|Commonwealth of Australia"), ("AW", "Aruba"), ("AX", "Aland Islands|Åland"),
        ("AZ", "Azerbaijan|Azərbaycan"), ("BA", "Bosnia and Herzegovina|Bosnia & Herceg|Bosnia-Herzegovina|Bosnia|Bosna i Hercegovina"),
        ("BB", "Barbados"), ("BD", "Bangladesh"), ("BE", "Belgium|België|Belgique|Belgien"), ("BF", "Burkina Faso"),
        ("BG", "Bulgaria|България"), ("BH", "Bahrain"), ("BI", "Burundi"), ("BJ", "Benin"), ("BL", "Saint Barthelemy"),
        ("BM", "Bermuda"), ("BN", "Brunei|Brunei Darussalam"), ("BO", "Bolivia|Plurinational State of Bolivia"),
        ("BQ", "Bonaire|Bonaire, Saint Eustatius and Saba"), ("BR", "Brazil|Brasil"), ("BS", "Bahamas"), ("BT", "Bhutan"),
        ("BW", "Botswana"), ("BY", "Belarus|Byelarus|Беларусь|Republic of Belarus"), ("BZ", "Belize"),
        ("CA", "Canada"), ("CD", "Democratic Republic of the Congo|Dem Rep Congo|DR Congo|DRC|Congo (Kinshasa)|Congo-Kinshasa"),
        ("CF", "Central African Republic|Cent Afr Republ"), ("CG", "Republic of the Congo|Rep Congo|Congo|Congo (Brazzaville)|Congo-Brazzaville"),
        ("CH", "Switzerland|Schweiz|Suisse|Svizzera|Swiss Confederation"), ("CI", "Ivory Coast|Cote Ivoire|Côte d'Ivoire|Cote d'Ivoire"),
        ("CK", "Cook Islands"), ("CL", "Chile"), ("CM", "Cameroon|Cameroun"),
        ("CN", "China|Peoples R China|People's Republic of China|Peoples Republic of China|P. R. China|PR China|P.R. China|P R China|PRC|P.R.C.|Mainland China|中国|中國|中华人民共和国"),
        ("CO", "Colombia"), ("CR", "Costa Rica"), ("CU", "Cuba"), ("CV", "Cabo Verde|Cape Verde"), ("CW", "Curacao|Curaçao"),
        ("CY", "Cyprus|Κύπρος"), ("CZ", "Czech Republic|Czechia|Česko|Česká republika|Ceska Republika"),
        ("DE", "Germany|Deutschland|Federal Republic of Germany|Bundesrepublik Deutschland"), ("DJ", "Djibouti"), ("DK", "Denmark|Danmark"), ("DM", "Dominica"),
        ("DO", "Dominican Republic|Dominican Rep|República Dominicana"), ("DZ", "Algeria|Algérie|الجزائر"), ("EC", "Ecuador"),
        ("EE", "Estonia|Eesti"), ("EG", "Egypt|Arab Republic of Egypt|مصر"), ("EH", "Western Sahara"), ("ER", "Eritrea"),
        ("ES", "Spain|España|Espana|Kingdom of Spain|Canary Islands"), ("ET", "Ethiopia"), ("FI", "Finland|Suomi"), ("FJ", "Fiji"),
        ("FK", "Falkland Islands|Falkland Island"), ("FM", "Micronesia|Federated States of Micronesia"), ("FO", "Faroe Islands|Faroe Isl"),
        ("FR", "France|French Republic|République française"), ("GA", "Gabon"),
        ("GB", "United Kingdom|UK|U.K.|Great Britain|England|Scotland|Wales|North Ireland|Northern Ireland|United Kingdom of Great Britain and Northern Ireland|Britain"),
        ("GD", "Grenada"), ("GE", "Georgia|საქართველო"), ("GF", "French Guiana|Guyane"), ("GG", "Guernsey"), ("GH", "Ghana"),
        ("GI", "Gibraltar"), ("GL", "Greenland"), ("GM", "Gambia|The Gambia"), ("GN", "Guinea"), ("GP", "Guadeloupe"),
        ("GQ", "Equatorial Guinea|Equat Guinea"), ("GR", "Greece|Hellas|Ελλάδα|Hellenic Republic"), ("GT", "Guatemala"), ("GU", "Guam"),
        ("GW", "Guinea-Bissau|Guinea Bissau"), ("GY", "Guyana"), ("HK", "Hong Kong|Hong Kong SAR|Hongkong|香港"), ("HN", "Honduras"),
        ("HR", "Croatia|Hrvatska"), ("HT", "Haiti"), ("HU", "Hungary|Magyarország|Magyarorszag"), ("ID", "Indonesia"),
        ("IE", "Ireland|Republic of Ireland|Eire|Éire|Irish Republic"), ("IL", "Israel|ישראל"), ("IM", "Isle of Man"),
        ("IN", "India|भारत|Republic of India"), ("IQ", "Iraq|العراق"), ("IR", "Iran|Islamic Republic of Iran|Iran, Islamic Republic of|ایران"),
        ("IS", "Iceland"), ("IT", "Italy|Italia"), ("JE", "Jersey"), ("JM", "Jamaica"), ("JO", "Jordan|Hashemite Kingdom of Jordan|الأردن"),
        ("JP", "Japan|Nippon|日本"), ("KE", "Kenya"), ("KG", "Kyrgyzstan|Kyrgyz Republic|Kirghizia"), ("KH", "Cambodia|Kampuchea"),
        ("KI", "Kiribati"), ("KM", "Comoros"), ("KN", "Saint Kitts and Nevis|St Kitts & Nevi|St Kitts and Nevis"),
        ("KP", "North Korea|Democratic People's Republic of Korea|DPR Korea|D.P.R. Korea|DPRK|Korea, Democratic People's Republic of|Dem People's Rep Korea|조선민주주의인민공화국"),
        ("KR", "South Korea|Republic of Korea|Korea (South)|Korea, Republic of|Korea, South|Rep of Korea|Rep. of Korea|ROK|Korea|대한민국|한국"),
        ("KW", "Kuwait"), ("KY", "Cayman Islands"), ("KZ", "Kazakhstan|Қазақстан|Казахстан"), ("LA", "Laos|Lao PDR|Lao People's Democratic Republic"),
        ("LB", "Lebanon|لبنان"), ("LC", "Saint Lucia|St Lucia"), ("LI", "Liechtenstein"), ("LK", "Sri Lanka|Ceylon"),
        ("LR", "Liberia"), ("LS", "Lesotho"), ("LT", "Lithuania|Lietuva"), ("LU", "Luxembourg|Luxemburg|Lëtzebuerg"),
        ("LV", "Latvia|Latvija"), ("LY", "Libya|ليبيا"), ("MA", "Morocco|Maroc|المغرب"), ("MC", "Monaco"),
        ("MD", "Moldova|Republic of Moldova|Moldavia"), ("ME", "Montenegro|Crna Gora"), ("MF", "Saint Martin"), ("MG", "Madagascar"),
        ("MH", "Marshall Islands|Marshall Island"), ("MK", "North Macedonia|Macedonia|Republic of North Macedonia|Severna Makedonija"),
        ("ML", "Mali"), ("MM", "Myanmar|Burma"), ("MN", "Mongolia|Монгол Улс"), ("MO", "Macao|Macau|Macao SAR|Macau SAR|澳門|澳门"),
        ("MP", "Northern Mariana Islands"), ("MQ", "Martinique"), ("MR", "Mauritania"), ("MS", "Montserrat"), ("MT", "Malta"),
        ("MU", "Mauritius"), ("MV", "Maldives"), ("MW", "Malawi"), ("MX", "Mexico|México|United Mexican States"),
        ("MY", "Malaysia"), ("MZ", "Mozambique|Moçambique"), ("NA", "Namibia"), ("NC", "New Caledonia|Nouvelle-Calédonie"),
        ("NE", "Niger"), ("NF", "Norfolk Island"), ("NG", "Nigeria"), ("NI", "Nicaragua"),
        ("NL", "Netherlands|The Netherlands|Nederland|Holland|Kingdom of the Netherlands"), ("NO", "Norway|Norge|Noreg"),
        ("NP", "Nepal"), ("NR", "Nauru"), ("NU", "Niue"), ("NZ", "New Zealand|Aotearoa"), ("OM", "Oman|Sultanate of Oman"),
        ("PA", "Panama|Panamá"), ("PE", "Peru|Perú"), ("PF", "French Polynesia|Fr Polynesia|Polynésie française"),
        ("PG", "Papua New Guinea|Papua N Guinea"), ("PH", "Philippines|Pilipinas"), ("PK", "Pakistan|Islamic Republic of Pakistan"),
        ("PL", "Poland|Polska"), ("PM", "Saint Pierre and Miquelon"), ("PN", "Pitcairn"), ("PR", "Puerto Rico"),
        ("PS", "Palestine|State of Palestine|Palestinian Territory|Palestinian Territories|West Bank|Gaza Strip|فلسطين"),
        ("PT", "Portugal"), ("PW", "Palau"), ("PY", "Paraguay"), ("QA", "Qatar|قطر"), ("RE", "Reunion|Réunion|La Réunion"),
        ("RO", "Romania|România|Roumanie"), ("RS", "Serbia|Srbija|Србија|Republic of Serbia"),
        ("RU", "Russia|Russian Federation|Россия|Российская Федерация|Rossiya|Russland"), ("RW", "Rwanda"),
        ("SA", "Saudi Arabia|Kingdom of Saudi Arabia|KSA|المملكة العربية السعودية"), ("SB", "Solomon Islands"), ("SC", "Seychelles"),
        ("SD", "Sudan|السودان"), ("SE", "Sweden|Sverige"), ("SG", "Singapore|新加坡"), ("SH", "Saint Helena"),
        ("SI", "Slovenia|Slovenija"), ("SJ", "Svalbard|Svalbard and Jan Mayen"), ("SK", "Slovakia|Slovak Republic|Slovensko"),
        ("SL", "Sierra Leone"), ("SM", "San Marino"), ("SN", "Senegal|Sénégal"), ("SO", "Somalia"), ("SR", "Suriname|Surinam"),
        ("SS", "South Sudan"), ("ST", "Sao Tome and Principe|Sao Tome & Prin"), ("SV", "El Salvador"), ("SX", "Sint Maarten"),
        ("SY", "Syria|Syrian Arab Republic|سوريا"), ("SZ", "Eswatini|Swaziland"), ("TC", "Turks and Caicos Islands|Turks & Caicos"),
        ("TD", "Chad|Tchad"), ("TG", "Togo"), ("TH", "Thailand|ประเทศไทย|Kingdom of Thailand"), ("TJ", "Tajikistan"), ("TK", "Tokelau"),
        ("TL", "Timor-Leste|Timor Leste|East Timor"), ("TM", "Turkmenistan"), ("TN", "Tunisia|Tunisie|تونس"), ("TO", "Tonga"),
        ("TR", "Turkey|Türkiye|Turkiye|Republic of Turkey"), ("TT", "Trinidad and Tobago|Trinid & Tobago|Trinidad"), ("TV", "Tuvalu"),
        ("TW", "Taiwan|Taiwan, ROC|Taiwan ROC|Republic of China|ROC|R.O.C.|台灣|台湾|中華民國"), ("TZ", "Tanzania|United Republic of Tanzania"),
        ("UA", "Ukraine|Україна|Украина"), ("UG", "Uganda"),
        ("US", "USA|U.S.A.|U.S.A|U S A|United States|United States of America|U.S.|US|美国|미국"),
        ("UY", "Uruguay"), ("UZ", "Uzbekistan|Oʻzbekiston"), ("VA", "Vatican|Vatican City|Holy See"),
        ("VC", "Saint Vincent and the Grenadines|St Vincent"), ("VE", "Venezuela|Bolivarian Republic of Venezuela"),
        ("VG", "British Virgin Islands|Br Virgin Isl"), ("VI", "U.S. Virgin Islands|US Virgin Islands|US Virgin Isl|Virgin Islands"),
        ("VN", "Vietnam|Viet Nam|Việt Nam"), ("VU", "Vanuatu"), ("WF", "Wallis and Futuna"), ("WS", "Samoa"),
        ("XK", "Kosovo"), ("YE", "Yemen|اليمن"), ("YT", "Mayotte"), ("ZA", "South Africa|Suid-Afrika|Republic of South Africa"),
        ("ZM", "Zambia"), ("ZW", "Zimbabwe|Rhodesia"),
        // Former names that map to one state today.
        ("DE", "West Germany|East Germany|Fed Rep Ger|FRG|BRD|DDR|GDR|Ger Dem Rep|German Democratic Republic|W Germany|E Germany"),
        ("CD", "Zaire"), ("BF", "Upper Volta"), ("BJ", "Dahomey"), ("IR", "Persia"), ("TZ", "Tanganyika"), ("BZ", "British Honduras"),
        ("BY", "Byelorussia|Belorussia|Belorussian SSR|Byelorussian SSR"), ("UA", "Ukrainian SSR"), ("KZ", "Kazakh SSR"),
    ]

    /// Names that also name something else often met in addresses (a US
    /// state, a person, US towns), so they name the country only when
    /// nothing else in the string points to another country.
    /// Disputed choice: "Georgia" alone is the country GE; "Atlanta, Georgia"
    /// is US because the city decides against it.
    static let weak: Set<String> = ["Georgia", "Jordan", "Chad", "Lebanon", "Trinidad", "Bosnia", "Holland", "Britain", "Virgin Islands"]

    /// Names read only when written in capitals ("US", "ROC"), since the same
    /// letters in lower case are ordinary words.
    static let capitalsOnly: Set<String> = ["US", "UK", "ROC", "ROK", "PRC", "UAE", "KSA", "DRC", "FRG", "BRD", "DDR", "GDR", "DPRK"]

    /// Names of a state that no longer exists and split into several: the
    /// country today is the successor holding the city named in the string;
    /// with no such city the string stays unresolved (choosing, say, Russia
    /// for every "USSR" would be a guess).
    static let splitStates: [(names: String, successors: String)] = [
        ("USSR|U.S.S.R.|Soviet Union|URSS|UdSSR|СССР|SSSR|Union of Soviet Socialist Republics", "RU UA BY UZ KZ GE AZ LT MD LV KG TJ AM TM EE"),
        ("Czechoslovakia|CSSR|ČSSR|Czechoslovak Socialist Republic|Tchécoslovaquie|Československo", "CZ SK"),
        ("Yugoslavia|Jugoslavija|Югославија|Socialist Federal Republic of Yugoslavia", "RS HR SI BA MK ME XK"),
        ("Serbia and Montenegro|Serbia & Montenegro|Serbia Montenegro", "RS ME XK"),
        ("Netherlands Antilles|Neth Antilles", "CW SX BQ"),
    ]

    /// Territory → the state exports sometimes print after it ("Hong Kong,
    /// Peoples R China", "Taipei, Taiwan, China", "San Juan, Puerto Rico,
    /// USA"): the territory is kept, as in the reference study.
    static let sovereignOf: [String: String] = [
        "HK": "CN", "MO": "CN", "TW": "CN", "PR": "US", "GU": "US", "VI": "US", "AS": "US", "MP": "US",
        "GP": "FR", "MQ": "FR", "GF": "FR", "RE": "FR", "YT": "FR", "NC": "FR", "PF": "FR",
        "GL": "DK", "FO": "DK", "AW": "NL", "CW": "NL", "SX": "NL", "BQ": "NL",
        "GI": "GB", "BM": "GB", "KY": "GB", "VG": "GB", "IM": "GB", "JE": "GB", "GG": "GB",
    ]

    static let sovereignCode: [CountryCode: CountryCode] = {
        var map: [CountryCode: CountryCode] = [:]
        for (t, s) in sovereignOf { if let a = CountryCode(t), let b = CountryCode(s) { map[a] = b } }
        return map
    }()

    /// Every ISO 3166-1 alpha-2 code named above, for reading a bare code.
    static let isoCodes: Set<String> = Set(table.map(\.0)).union(["XK"])

    /// The first (English) name of each code, for people reading a summary.
    private static let english: [String: String] = {
        var out: [String: String] = [:]
        for (code, names) in table where out[code] == nil {
            out[code] = String(names.prefix { $0 != "|" })
        }
        return out
    }()

    /// The English name of an ISO code ("CN" → "China"), `nil` when the code is not listed.
    static func englishName(_ code: String) -> String? { english[code] }
}
