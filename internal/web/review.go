package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier"
)

// Writing: reviews, from the API with a bearer token, or from the pages'
// forms once a reviewer has signed in with a token (kept in an HttpOnly,
// SameSite=Strict cookie). Every write checks the token before it reads a
// byte of the body; forms also pass Go's cross-origin check and carry a
// CSRF value derived from the token.

const cookieName = "dossier_token"

// bearer returns the token of an Authorization: Bearer header, if any.
func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "", false
	}
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", true
	}
	return strings.TrimSpace(tok), true
}

// authorize checks the token a request carries (the header, or the
// sign-in cookie when cookies are allowed) and returns its author.
func (s *Server) authorize(r *http.Request, cookies bool) (author, secret string, err error) {
	tok, ok := bearer(r)
	if !ok && cookies {
		if c, err := r.Cookie(cookieName); err == nil {
			tok, ok = c.Value, true
		}
	}
	if !ok || tok == "" {
		return "", "", errorf(codeUnauthorized, "writing needs a token: send Authorization: Bearer TOKEN (create one with `dossier token create`)")
	}
	if s.auth == nil {
		return "", "", errorf(codeUnauthorized, "this server accepts no tokens")
	}
	author, err = s.auth.Authenticate(r.Context(), tok)
	if errors.Is(err, ErrBadToken) {
		return "", "", errorf(codeUnauthorized, "the token is unknown or was revoked")
	}
	if err != nil {
		return "", "", err
	}
	return author, tok, nil
}

// cookieReviewer returns who is signed in on this browser, if anyone.
func (s *Server) cookieReviewer(r *http.Request) (author, secret string) {
	c, err := r.Cookie(cookieName)
	if err != nil || c.Value == "" || s.auth == nil {
		return "", ""
	}
	author, err = s.auth.Authenticate(r.Context(), c.Value)
	if err != nil {
		return "", ""
	}
	return author, c.Value
}

// csrfToken is the value forms send back: a MAC of a fixed string under the
// token, which another site can neither read nor compute.
func csrfToken(secret string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("dossier csrf v1"))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// checkForm is the order of checks for a form that writes: token (401),
// origin (403), then the bounded body and its CSRF value (403).
func (s *Server) checkForm(w http.ResponseWriter, r *http.Request) (author string, err error) {
	author, secret, err := s.authorize(r, true)
	if err != nil {
		return "", err
	}
	if err := s.cop.Check(r); err != nil {
		return "", errorf(codeForbidden, "this form was sent from another site")
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return "", err
		}
		return "", errorf(codeInvalid, "the form is malformed")
	}
	if !hmac.Equal([]byte(r.PostForm.Get("csrf")), []byte(csrfToken(secret))) {
		return "", errorf(codeForbidden, "the form's CSRF value is missing or wrong; reload the page and try again")
	}
	return author, nil
}

// localPath keeps a return address only when it is a path on this site,
// and returns it cleaned: what the redirect sends is what was checked.
// Backslashes (which browsers read as slashes, so "/\\evil.example" or
// "/./\\evil.example" would leave the site), control characters, a scheme,
// a host and a path that cleans to "//" all fall back to "/".
func localPath(p string) string {
	if p == "" || p[0] != '/' || strings.ContainsRune(p, '\\') || strings.IndexFunc(p, unicode.IsControl) >= 0 {
		return "/"
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" ||
		strings.ContainsRune(u.Path, '\\') || strings.IndexFunc(u.Path, unicode.IsControl) >= 0 {
		return "/"
	}
	clean := path.Clean(u.Path)
	if !strings.HasPrefix(clean, "/") || strings.HasPrefix(clean, "//") {
		return "/"
	}
	if strings.HasSuffix(u.Path, "/") && clean != "/" {
		clean += "/"
	}
	out := (&url.URL{Path: clean, RawQuery: u.RawQuery}).String()
	if strings.HasPrefix(out, "//") || !strings.HasPrefix(out, "/") {
		return "/"
	}
	return out
}

type loginData struct {
	page
	Return string
	Error  string
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) error {
	d := &loginData{page: s.newPage(r, "Sign in to review"), Return: localPath(r.URL.Query().Get("return"))}
	return s.render(w, r, http.StatusOK, "login", d)
}

// login checks a token pasted into the sign-in form and keeps it in a
// cookie. The token is the form's content, so there is nothing to check
// before the body; the body is bounded and the origin checked.
func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	if err := s.cop.Check(r); err != nil {
		return errorf(codeForbidden, "this form was sent from another site")
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return errorf(codeInvalid, "the form is malformed")
	}
	d := &loginData{page: s.newPage(r, "Sign in to review"), Return: localPath(r.PostForm.Get("return"))}
	tok := strings.TrimSpace(r.PostForm.Get("token"))
	author := ""
	var err error
	if s.auth == nil {
		err = ErrBadToken
	} else {
		author, err = s.auth.Authenticate(r.Context(), tok)
	}
	if errors.Is(err, ErrBadToken) {
		d.Error = "That token is unknown or was revoked."
		return s.render(w, r, http.StatusUnauthorized, "login", d)
	}
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: tok, Path: "/", HttpOnly: true, Secure: s.secureRequest(r),
		SameSite: http.SameSiteStrictMode, MaxAge: 30 * 24 * 3600})
	s.log.Info("reviewer signed in", "author", author)
	http.Redirect(w, r, d.Return, http.StatusSeeOther)
	return nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.checkForm(w, r); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", HttpOnly: true, Secure: s.secureRequest(r),
		SameSite: http.SameSiteStrictMode, MaxAge: -1})
	http.Redirect(w, r, localPath(r.PostForm.Get("return")), http.StatusSeeOther)
	return nil
}

// reviewForm records a review sent by a page's form and goes back to the
// page, marking the review there.
func (s *Server) reviewForm(w http.ResponseWriter, r *http.Request) error {
	author, err := s.checkForm(w, r)
	if err != nil {
		return err
	}
	f := r.PostForm
	rv, err := s.store.AddReview(r.Context(), dossier.Review{Target: f.Get("target"), TargetID: f.Get("target_id"),
		Field: f.Get("field"), Action: f.Get("action"), Value: f.Get("value"), Note: f.Get("note"), Author: author})
	if err != nil {
		return err
	}
	s.log.Info("review", "id", rv.ID, "author", author, "action", rv.Action, "target", rv.Target, "target_id", rv.TargetID, "field", rv.Field)
	back := localPath(f.Get("return"))
	if back == "/" {
		back = reviewHref(rv)
	}
	u, _ := url.Parse(back)
	q := u.Query()
	q.Set("reviewed", rv.ID)
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusSeeOther)
	return nil
}

// reviewRequest is the body of POST /api/v1/reviews. The author is the
// token's, never the body's.
type reviewRequest struct {
	Target   string `json:"target"`
	TargetID string `json:"target_id"`
	Field    string `json:"field"`
	Action   string `json:"action"`
	Value    string `json:"value"`
	Note     string `json:"note"`
}

func (s *Server) apiAddReview(w http.ResponseWriter, r *http.Request) error {
	// The token first: a request without one is refused before its body
	// is read. Cookies do not count here, so that the API needs no CSRF.
	author, _, err := s.authorize(r, false)
	if err != nil {
		return err
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return errorf(codeUnsupported, "send the review as application/json")
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxJSONBytes))
	dec.DisallowUnknownFields()
	var req reviewRequest
	if err := dec.Decode(&req); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return errorf(codeInvalid, "the body is not a review: %s", jsonProblem(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return errorf(codeInvalid, "the body holds more than one JSON value")
	}
	rv, err := s.store.AddReview(r.Context(), dossier.Review{Target: req.Target, TargetID: req.TargetID, Field: req.Field,
		Action: req.Action, Value: req.Value, Note: req.Note, Author: author})
	if err != nil {
		return err
	}
	s.log.Info("review", "id", rv.ID, "author", author, "action", rv.Action, "target", rv.Target, "target_id", rv.TargetID, "field", rv.Field)
	w.Header().Set("Location", "/api/v1/reviews?target_id="+url.QueryEscape(rv.TargetID))
	return s.writeJSON(w, r, http.StatusCreated, rv)
}

// jsonProblem describes a decoding error without echoing the body.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return "malformed JSON"
	case errors.As(err, &te):
		return "field " + te.Field + " has the wrong type"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "unknown field " + strings.TrimPrefix(err.Error(), "json: unknown field ")
	case errors.Is(err, io.EOF):
		return "empty body"
	}
	return "malformed JSON"
}
