/// The named rules of ``EvidenceResolver``, in the order they are tried;
/// the id of the rule that decided is reported with every answer
/// (``CountryResolution/rule``) so that an answer can be traced to one short
/// function and its tests.
public enum ResolverRule: String, Sendable, CaseIterable {
    /// A pattern of the user's overrides file (``AffiliationOverrides``).
    case override = "override"
    /// The string has no word at all.
    case noWords = "no-words"
    /// A former state that split (USSR, Yugoslavia): the successor holding a
    /// city or region named, or unresolved.
    case formerState = "former-state"
    /// A place of another country in a part after the country name is the
    /// address ("Beth Israel Deaconess Med Ctr, Boston, MA").
    case placeAfterCountryName = "place-after-country-name"
    /// A territory named before its state keeps its own code ("Hong Kong,
    /// Peoples R China").
    case territoryBeforeState = "territory-before-state"
    /// A city or region of HK, MO, TW (under China) or PR (under the US).
    case territoryByPlace = "territory-by-place"
    /// The last country name in the string.
    case countryName = "country-name"
    /// A bare ISO code as the whole last part ("…, Berlin, DE").
    case isoCode = "iso-code"
    /// A state, province, postal abbreviation with its postcode, or postcode;
    /// the last one when several countries' are named.
    case region = "region"
    /// Research organizations (ROR) of one country.
    case organization = "organization"
    /// Organizations of several countries, one of them holding a city named.
    case organizationWithCity = "organization-with-city"
    /// A name several countries' organizations use, with a city in one of them.
    case sharedOrganizationWithCity = "shared-organization-with-city"
    /// Cities (GeoNames) that name one country on their own.
    case city = "city"
    /// Several ambiguous cities only one country has all of.
    case citiesInOneCountry = "cities-in-one-country"
    /// The country domain of an e-mail address.
    case emailDomain = "email-domain"
    /// Nothing decided; the evidence says why.
    case unresolved = "unresolved"
}
