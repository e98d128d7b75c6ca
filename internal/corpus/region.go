package corpus

import "strings"

// regions groups ISO 3166-1 alpha-2 codes as the shared gold's "region"
// does: the Middle East (with Egypt, Turkey and Iran), Africa (with the
// Maghreb), South Asia, Asia-Pacific, Europe (with Russia and the
// Caucasus), the Americas.
var regions = map[string]string{
	"Middle East":  "IQ SY LB IL PS JO YE SA AE QA BH KW OM IR TR EG CY",
	"Africa":       "DZ AO BJ BW BF BI CM CV CF TD KM CG CD CI DJ GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW",
	"South Asia":   "AF PK IN BD LK NP BT MV",
	"Asia-Pacific": "CN JP KR KP MN TW HK MO PH ID MY SG TH VN KH LA MM BN TL AU NZ PG FJ SB VU WS TO KI KZ KG TJ TM UZ",
	"Europe":       "GB IE FR DE BE NL LU CH AT IT ES PT GR MT NO SE FI DK IS PL CZ SK HU SI HR BA RS ME MK AL XK BG RO MD UA BY LT LV EE RU GE AM AZ",
	"Americas":     "US CA MX GT BZ HN SV NI CR PA CU DO HT JM PR TT BS BB CO VE EC PE BO BR PY UY AR CL GY SR",
}

var regionOf = func() map[string]string {
	m := map[string]string{}
	for r, codes := range regions {
		for _, c := range strings.Fields(codes) {
			m[c] = r
		}
	}
	return m
}()

// RegionOf returns the region of a country code, or "" when unknown.
func RegionOf(code string) string { return regionOf[code] }
