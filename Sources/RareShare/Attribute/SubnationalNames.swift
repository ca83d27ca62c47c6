/// Names of states, provinces and other first-level divisions, the second
/// kind of evidence: "Sendai, Miyagi 9808578" is Japan and "Ames, IA 50011"
/// is the United States even when the export cut the country off.
///
/// Full names are read anywhere as whole words. Postal abbreviations ("IA",
/// "ON", "NSW") are read only in capitals and only where an address puts
/// them: followed by a postcode of the country's shape, or alone as a whole
/// comma-separated part ("Boston, MA"). Names shared by divisions of two
/// countries (Punjab, Limburg, Galicia, Tyrol, Victoria) are left out.
enum SubnationalNames {
    /// Country → division names, `|`-separated.
    static let names: [(String, String)] = [
        ("US", "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia|Washington DC|Washington D.C.|Calif|Mich|Minn|Wisc|Tenn|Ariz|Colo|Okla|New England"),
        ("CA", "Ontario|Quebec|Québec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Newfoundland and Labrador|Prince Edward Island|Yukon|Northwest Territories|Nunavut|Ont|Que|Alta|Sask"),
        ("AU", "New South Wales|New S Wales|N S Wales|Queensland|Tasmania|Western Australia|South Australia|Northern Territory|Australian Capital Territory"),
        ("CN", "Anhui|Fujian|Gansu|Guangdong|Guizhou|Hainan|Hebei|Heilongjiang|Henan|Hubei|Hunan|Jiangsu|Jiangxi|Jilin|Liaoning|Qinghai|Shaanxi|Shandong|Shanxi|Sichuan|Yunnan|Zhejiang|Guangxi|Inner Mongolia|Nei Mongol|Ningxia|Xinjiang|Tibet|Xizang|Beijing|Shanghai|Tianjin|Chongqing|安徽|福建|甘肃|广东|贵州|海南|河北|黑龙江|河南|湖北|湖南|江苏|江西|吉林|辽宁|青海|陕西|山东|山西|四川|云南|浙江|广西|内蒙古|宁夏|新疆|西藏|北京|上海|天津|重庆"),
        ("IN", "Andhra Pradesh|Arunachal Pradesh|Assam|Bihar|Chhattisgarh|Goa|Gujarat|Haryana|Himachal Pradesh|Jharkhand|Karnataka|Kerala|Madhya Pradesh|Maharashtra|Manipur|Meghalaya|Mizoram|Nagaland|Odisha|Orissa|Rajasthan|Sikkim|Tamil Nadu|Telangana|Tripura|Uttar Pradesh|Uttarakhand|West Bengal|Jammu and Kashmir|Puducherry|Pondicherry|Chandigarh"),
        ("DE", "Baden-Württemberg|Baden-Wurttemberg|Bavaria|Bayern|Berlin|Brandenburg|Bremen|Hamburg|Hesse|Hessen|Lower Saxony|Niedersachsen|Mecklenburg-Vorpommern|Mecklenburg-Western Pomerania|North Rhine-Westphalia|Nordrhein-Westfalen|Rhineland-Palatinate|Rheinland-Pfalz|Saarland|Saxony|Sachsen|Saxony-Anhalt|Sachsen-Anhalt|Schleswig-Holstein|Thuringia|Thüringen"),
        ("JP", "Hokkaido|Aomori|Iwate|Miyagi|Akita|Yamagata|Fukushima|Ibaraki|Tochigi|Gunma|Saitama|Chiba|Tokyo|Kanagawa|Niigata|Toyama|Ishikawa|Fukui|Yamanashi|Nagano|Gifu|Shizuoka|Aichi|Mie|Shiga|Kyoto|Osaka|Hyogo|Hyōgo|Nara|Wakayama|Tottori|Shimane|Okayama|Hiroshima|Yamaguchi|Tokushima|Kagawa|Ehime|Kochi|Fukuoka|Nagasaki|Kumamoto|Oita|Miyazaki|Kagoshima|Okinawa|東京|大阪|京都|北海道"),
        ("KR", "Gyeonggi|Gyeonggi-do|Kyunggi|Kyonggi|Gangwon|Chungbuk|Chungcheongbuk-do|Chungnam|Chungcheongnam-do|Jeonbuk|Jeollabuk-do|Jeonnam|Jeollanam-do|Gyeongbuk|Gyeongsangbuk-do|Kyungbuk|Gyeongnam|Gyeongsangnam-do|Kyungnam|Jeju|Cheju|서울|경기도"),
        ("ES", "Catalonia|Catalunya|Cataluña|Andalusia|Andalucía|Andalucia|Basque Country|País Vasco|Euskadi|Castilla y León|Castilla-La Mancha|Comunidad de Madrid|Comunitat Valenciana|Asturias|Cantabria|Extremadura|Aragón|Aragon|Navarra"),
        ("IT", "Lombardy|Lombardia|Piedmont|Piemonte|Tuscany|Toscana|Emilia-Romagna|Veneto|Lazio|Campania|Sicily|Sicilia|Sardinia|Sardegna|Liguria|Puglia|Apulia|Calabria|Abruzzo|Umbria|Marche|Friuli-Venezia Giulia"),
        ("GB", "Cambridgeshire|Oxfordshire|Yorkshire|Lancashire|Essex|Hertfordshire|Midlothian|Lanarkshire"),
        ("BR", "São Paulo|Sao Paulo|Minas Gerais|Rio Grande do Sul|Rio de Janeiro|Santa Catarina|Pernambuco|Ceará|Ceara|Goiás|Goias|Bahia|Paraíba|Rio Grande do Norte|Mato Grosso|Mato Grosso do Sul|Espírito Santo|Espirito Santo"),
        ("MX", "Jalisco|Nuevo León|Nuevo Leon|Michoacán|Michoacan|Puebla|Veracruz|Guanajuato|Chihuahua|Sonora|Yucatán|Yucatan|Oaxaca|Chiapas|Tamaulipas|Morelos|Querétaro|Queretaro|Coahuila|Sinaloa|Baja California|Baja California Sur|Estado de México"),
        ("RU", "Moscow Oblast|Moscow Region|Novosibirsk Oblast|Tatarstan|Bashkortostan|Sverdlovsk Oblast|Leningrad Oblast|Krasnoyarsk Krai|Primorsky Krai"),
        ("PK", "Khyber Pakhtunkhwa|Sindh|Balochistan|Baluchistan"),
        ("NL", "Noord-Holland|Zuid-Holland|Gelderland|Utrecht|Overijssel|Groningen|Friesland"),
        ("CH", "Zurich|Zürich|Vaud|Genève|Ticino|Aargau"),
        ("AT", "Styria|Steiermark|Carinthia|Kärnten|Salzburg|Vorarlberg|Niederösterreich|Oberösterreich"),
        ("TW", "Hsinchu|Taoyuan|Tainan|Kaohsiung|Taichung|Taipei"),
    ]

    /// Postal abbreviation → country, with how the postcode after it looks.
    struct Abbreviation: Sendable {
        var country: String
        var postcode: PostcodeShape
        /// Alone as a comma part it decides too ("Boston, MA"); codes that
        /// clash with an ISO code or another country's abbreviation need the
        /// postcode ("NL A1B 2C3", "WA 6009").
        var standalone: Bool
    }

    enum PostcodeShape: Sendable { case usZIP, canadian, australian }

    /// An abbreviation as the resolver looks it up: by normalized word hash.
    struct Reading: Sendable {
        var code: CountryCode
        var postcode: PostcodeShape
        var standalone: Bool
        /// Read in any case ("Vic 3800", "Qld"): three letters no word shares.
        var anyCase: Bool
    }

    static let abbreviationsByHash: [UInt64: [Reading]] = {
        var table: [UInt64: [Reading]] = [:]
        for (abbr, list) in abbreviations {
            guard let h = AffiliationText.wordHashes(of: abbr).first else { continue }
            for a in list {
                guard let c = CountryCode(a.country) else { continue }
                table[h, default: []].append(Reading(code: c, postcode: a.postcode, standalone: a.standalone,
                                                     anyCase: ["NSW", "QLD", "VIC", "TAS"].contains(abbr)))
            }
        }
        return table
    }()

    static let postcodePrefixByHash: [UInt64: CountryCode] = {
        var table: [UInt64: CountryCode] = [:]
        for (prefix, code) in postcodePrefixes {
            if let h = AffiliationText.wordHashes(of: prefix).first, let c = CountryCode(code) { table[h] = c }
        }
        return table
    }()

    static let abbreviations: [String: [Abbreviation]] = {
        var table: [String: [Abbreviation]] = [:]
        let us = "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
        for a in us.split(separator: " ") { table[String(a), default: []].append(Abbreviation(country: "US", postcode: .usZIP, standalone: true)) }
        for a in "ON QC BC AB MB NS NB".split(separator: " ") { table[String(a), default: []].append(Abbreviation(country: "CA", postcode: .canadian, standalone: true)) }
        for a in "SK NL PE PEI YT NT NU".split(separator: " ") { table[String(a), default: []].append(Abbreviation(country: "CA", postcode: .canadian, standalone: false)) }
        for a in "NSW QLD VIC TAS".split(separator: " ") { table[String(a), default: []].append(Abbreviation(country: "AU", postcode: .australian, standalone: true)) }
        for a in "ACT SA WA NT".split(separator: " ") { table[String(a), default: []].append(Abbreviation(country: "AU", postcode: .australian, standalone: false)) }
        return table
    }()

    /// Letters before a hyphenated postcode ("D-69120 Heidelberg", "IL-91905
    /// Jerusalem", "F-75005 Paris"), the European postal-code prefixes.
    static let postcodePrefixes: [String: String] = [
        "D": "DE", "F": "FR", "I": "IT", "E": "ES", "P": "PT", "A": "AT", "B": "BE", "S": "SE", "N": "NO", "H": "HU",
        "L": "LU", "CH": "CH", "NL": "NL", "DK": "DK", "FIN": "FI", "SF": "FI", "PL": "PL", "CZ": "CZ", "CS": "CZ",
        "SK": "SK", "IL": "IL", "GR": "GR", "HR": "HR", "SI": "SI", "SLO": "SI", "RO": "RO", "BG": "BG", "LT": "LT",
        "LV": "LV", "EE": "EE", "IS": "IS", "IRL": "IE", "FL": "LI", "MC": "MC", "TR": "TR", "RUS": "RU", "UA": "UA",
    ]

    /// Never read as a bare ISO code: every US, Canadian and Australian
    /// abbreviation, Indian state abbreviations that spell a code ("MP",
    /// Madhya Pradesh), and codes of small dependencies that clash with
    /// Italian province codes and other local abbreviations ("BL" Belluno).
    static let notISO: Set<String> = Set(abbreviations.keys).union([
        "MP", "BL", "MF", "PM", "SH", "TK", "NU", "NF", "CX", "CC", "HM", "BV", "GS", "IO", "UM", "TF", "PN", "WF", "AQ",
        "AS", "VG", "VI", "GU", "KY", "BM", "MS", "AI", "TC", "FK", "SJ", "AX", "YT", "BQ", "SX", "CW", "AW", "GG", "JE", "IM",
    ])
}
