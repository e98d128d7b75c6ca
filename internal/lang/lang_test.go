package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"english", "Thirty eight people were reported dead on Sunday in a Taliban attack on a bank in Jalalabad, Afghanistan. The incident was orchestrated by five suicide bombers.", "en"},
		{"english with arabic name", "The Houla massacre (مجزرة الحولة) was a mass murder of civilians that took place on May 25, 2012, in the midst of the Syrian Civil War, in the town of Taldou.", "en"},
		{"english short", "The attack killed nine people and wounded dozens.", "en"},
		{"arabic", "قتل تسعة أشخاص على الأقل وأصيب العشرات في هجوم بطائرة مسيرة استهدف منزل رئيس الوزراء في بغداد يوم الأحد.", "ar"},
		{"persian", "روز یکشنبه یک پهپاد به خانه نخست وزیر در بغداد حمله کرد و چند نفر از نگهبانان زخمی شدند. گزارش‌ها می‌گویند که این حمله شکست خورد.", "fa"},
		{"urdu", "اتوار کے روز بغداد میں وزیر اعظم کے گھر پر ڈرون حملہ ہوا جس میں کئی محافظ زخمی ہوئے۔ حکام نے کہا کہ وہ محفوظ ہیں۔", "ur"},
		{"kurdish", "ڕۆژی یەکشەممە فڕۆکەیەکی بێفڕۆکەوان هێرشی کردە سەر ماڵی سەرۆک وەزیران لە بەغدا و چەند پاسەوانێک بریندار بوون.", "ckb"},
		{"pashto", "د یکشنبې په ورځ یوې بې پیلوټه الوتکې په بغداد کې د لومړي وزیر پر کور برید وکړ او څو ساتونکي ټپیان شول.", "ps"},
		{"russian", "В воскресенье беспилотник атаковал резиденцию премьер-министра в Багдаде. Несколько охранников были ранены, сообщили власти.", "ru"},
		{"ukrainian", "У неділю безпілотник атакував резиденцію прем'єр-міністра в Багдаді. Кілька охоронців було поранено, повідомили її представники.", "uk"},
		{"hebrew", "ביום ראשון תקף מזל\"ט את מעונו של ראש הממשלה בבגדד. כמה שומרים נפצעו, כך נמסר.", "he"},
		{"chinese", "星期日，一架无人机袭击了巴格达总理的住所，几名警卫受伤。官员表示总理本人安然无恙。", "zh"},
		{"japanese", "日曜日、ドローンがバグダッドの首相公邸を攻撃し、数人の警備員が負傷した。首相は無事だと当局は述べた。", "ja"},
		{"korean", "일요일 드론이 바그다드의 총리 관저를 공격해 경비원 여러 명이 다쳤다. 당국은 총리가 무사하다고 밝혔다.", "ko"},
		{"greek", "Την Κυριακή ένα μη επανδρωμένο αεροσκάφος επιτέθηκε στην κατοικία του πρωθυπουργού στη Βαγδάτη. Αρκετοί φρουροί τραυματίστηκαν.", "el"},
		{"hindi", "रविवार को एक ड्रोन ने बगदाद में प्रधानमंत्री के आवास पर हमला किया। कई सुरक्षाकर्मी घायल हो गए।", "hi"},
		{"french", "Dimanche, un drone a attaqué la résidence du Premier ministre à Bagdad. Plusieurs gardes ont été blessés, selon les autorités qui ne donnent pas plus de détails.", "fr"},
		{"spanish", "El domingo, un dron atacó la residencia del primer ministro en Bagdad. Varios guardias resultaron heridos, según las autoridades, que no dieron más detalles.", "es"},
		{"german", "Am Sonntag hat eine Drohne die Residenz des Ministerpräsidenten in Bagdad angegriffen. Mehrere Wachleute wurden verletzt, teilten die Behörden mit, die keine weiteren Einzelheiten nannten.", "de"},
		{"italian", "Domenica un drone ha attaccato la residenza del primo ministro a Bagdad. Diverse guardie sono rimaste ferite, secondo le autorità che non hanno dato altri dettagli.", "it"},
		{"portuguese", "No domingo, um drone atacou a residência do primeiro-ministro em Bagdá. Vários guardas ficaram feridos, segundo as autoridades, que não deram mais detalhes.", "pt"},
		{"dutch", "Op zondag heeft een drone de residentie van de premier in Bagdad aangevallen. Er zijn verschillende bewakers gewond geraakt, maar de premier is ongedeerd, zeggen de autoriteiten.", "nl"},
		{"turkish", "Pazar günü bir insansız hava aracı Bağdat'taki başbakanlık konutuna saldırdı. Yetkililer, birkaç korumanın yaralandığını ve başbakanın ise sağlıklı olduğunu açıkladı.", "tr"},
		{"indonesian", "Pada hari Minggu, sebuah pesawat nirawak menyerang kediaman perdana menteri di Bagdad. Beberapa penjaga terluka, kata pejabat yang tidak memberikan rincian lebih lanjut.", "id"},
		{"too short", "Baghdad", "und"},
		{"empty", "", "und"},
		{"numbers only", "2021-11-07 12:30 1234 5678", "und"},
		{"names only", "Kadhimi Khazali Muhandis Soleimani Sadr Maliki", "und"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf := Detect([]byte(tt.in))
			if got != tt.want {
				t.Errorf("Detect(%q) = %q (%.2f), want %q", tt.in, got, conf, tt.want)
			}
			if conf < 0 || conf > 1 || (got == Undetermined) != (conf == 0) {
				t.Errorf("Detect(%q) confidence %v out of range", tt.in, conf)
			}
		})
	}
}

// TestDetectCorpus checks that every English text of the shared corpus
// is English.
func TestDetectCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/corpus/*/*.txt")
	if len(files) == 0 {
		t.Skip("no corpus at ../../../shared/corpus")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if code, conf := Detect(b); code != "en" || conf < 0.4 {
			t.Errorf("%s: Detect = %q (%.2f), want en", filepath.Base(f), code, conf)
		}
	}
}

func TestDetectExaminesAPrefix(t *testing.T) {
	en := strings.Repeat("The attack killed nine people and wounded dozens of others. ", 200)
	fr := strings.Repeat("Les gardes ont été blessés dans la résidence du ministre. ", 200)
	if code, _ := Detect([]byte(en + fr)); code != "en" {
		t.Errorf("Detect read past the first %d bytes: %q", maxExamined, code)
	}
}
