package names

// accented lists, for each plain letter or letter pair, the Latin letters
// with diacritics that fold to it, in both cases. It covers Latin-1, Latin
// Extended-A, the letters of Latin Extended-B and -Additional that
// romanizations of Arabic, Persian, Turkish, Vietnamese and Slavic names use
// (ḥ ṣ ṭ ẓ ḍ ā ī ū ǧ š č ơ ư ...), and a few ligatures.
var accented = []struct{ plain, letters string }{
	{"a", "àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦḀẠẢẤẦẨẪẬẮẰẲẴẶ"},
	{"b", "ḃḅḇƀɓḂḄḆ"},
	{"c", "çćĉċčƈḉÇĆĈĊČḈ"},
	{"d", "ďđḋḍḏḑḓɗðĎĐḊḌḎḐḒÐ"},
	{"e", "èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệÈÉÊËĒĔĖĘĚȄȆȨḔḖḘḚḜẸẺẼẾỀỂỄỆ"},
	{"f", "ḟƒḞ"},
	{"g", "ĝğġģǧǵḡĜĞĠĢǦǴḠ"},
	{"h", "ĥħȟḣḥḧḩḫẖĤĦȞḢḤḦḨḪ"},
	{"i", "ìíîïĩīĭįıǐȉȋḭḯỉịÌÍÎÏĨĪĬĮİǏȈȊḬḮỈỊ"},
	{"j", "ĵǰĴ"},
	{"k", "ķǩḱḳḵƙĶǨḰḲḴ"},
	{"l", "ĺļľŀłḷḹḻḽĹĻĽĿŁḶḸḺḼ"},
	{"m", "ḿṁṃḾṀṂ"},
	{"n", "ñńņňŉǹṅṇṉṋÑŃŅŇǸṄṆṈṊ"},
	{"o", "òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợÒÓÔÕÖØŌŎŐƠǑǪǬǾȌȎȪȬȮȰṌṎṐṒỌỎỐỒỔỖỘỚỜỞỠỢ"},
	{"p", "ṕṗṔṖ"},
	{"r", "ŕŗřȑȓṙṛṝṟŔŖŘȐȒṘṚṜṞ"},
	{"s", "śŝşšșṡṣṥṧṩſŚŜŞŠȘṠṢṤṦṨ"},
	{"t", "ţťŧțṫṭṯṱẗŢŤŦȚṪṬṮṰ"},
	{"u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữựÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖṲṴṶṸṺỤỦỨỪỬỮỰ"},
	{"v", "ṽṿṼṾ"},
	{"w", "ŵẁẃẅẇẉẘŴẀẂẄẆẈ"},
	{"x", "ẋẍẊẌ"},
	{"y", "ýÿŷẏẙỳỵỷỹÝŸŶẎỲỴỶỸ"},
	{"z", "źżžẑẓẕƶŹŻŽẐẒẔƵ"},
	{"ss", "ßẞ"},
	{"ae", "æǽǣÆǼǢ"},
	{"oe", "œŒ"},
	{"th", "þÞ"},
	{"ij", "ĳĲ"},
}

// deaccent maps each rune of accented to its plain form.
var deaccent = func() map[rune]string {
	m := make(map[rune]string, 700)
	for _, a := range accented {
		for _, r := range a.letters {
			m[r] = a.plain
		}
	}
	return m
}()
