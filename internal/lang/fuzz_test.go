package lang

import "testing"

// FuzzDetect checks invariants on any input: no panic, a code, and a
// confidence in [0, 1] that is 0 exactly when the code is "und".
func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		"The Houla massacre (مجزرة الحولة) was a mass murder of civilians.",
		"روز یکشنبه یک پهپاد به خانه نخست وزیر در بغداد حمله کرد",
		"В воскресенье беспилотник атаковал резиденцию премьер-министра",
		"日曜日、ドローンがバグダッドの首相公邸を攻撃した。",
		"Dimanche, un drone a attaqué la résidence du Premier ministre à Bagdad.",
		"", "\xff\xfe", "a",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		code, conf := Detect(text)
		if code == "" || conf < 0 || conf > 1 || (code == Undetermined) != (conf == 0) {
			t.Fatalf("Detect(%q) = %q, %v", text, code, conf)
		}
	})
}
