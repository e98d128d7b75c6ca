package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/dossier-project/dossier"
)

// Error codes, the same in HTML error pages and in JSON errors
// ({"error": {"code": ..., "message": ...}}).
const (
	codeInvalid      = "invalid"
	codeUnauthorized = "unauthorized"
	codeForbidden    = "forbidden"
	codeNotFound     = "not_found"
	codeMethod       = "method_not_allowed"
	codeTooLarge     = "too_large"
	codeURITooLong   = "uri_too_long"
	codeUnsupported  = "unsupported_media_type"
	codeUnavailable  = "unavailable"
	codeInternal     = "internal"
	codeTimeout      = "timeout"
)

// statusOf is the one place codes become HTTP statuses.
var statusOf = map[string]int{
	codeInvalid:      http.StatusBadRequest,
	codeUnauthorized: http.StatusUnauthorized,
	codeForbidden:    http.StatusForbidden,
	codeNotFound:     http.StatusNotFound,
	codeMethod:       http.StatusMethodNotAllowed,
	codeTooLarge:     http.StatusRequestEntityTooLarge,
	codeURITooLong:   http.StatusRequestURITooLong,
	codeUnsupported:  http.StatusUnsupportedMediaType,
	codeUnavailable:  http.StatusServiceUnavailable,
	codeInternal:     http.StatusInternalServerError,
	codeTimeout:      http.StatusRequestTimeout,
}

// Error is an error meant for the client: a code and a message that is
// safe to show. Every other error is logged and answered with a generic
// message.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

func errorf(code, format string, args ...any) error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// publicError decides what the client is told about err: its code, its
// status and a message. The store's ErrInvalid and ErrNotFound describe the
// request (a bad value, an unknown id), so their explanation is shown;
// anything else is internal and only logged.
func publicError(err error) (e *Error, internal bool) {
	var pe *Error
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &pe):
		return pe, false
	case errors.As(err, &mbe):
		return &Error{codeTooLarge, fmt.Sprintf("the request body is larger than %d bytes", mbe.Limit)}, false
	case errors.Is(err, dossier.ErrNotFound):
		return &Error{codeNotFound, "not found"}, false
	case errors.Is(err, dossier.ErrInvalid):
		return &Error{codeInvalid, explain(err, dossier.ErrInvalid)}, false
	case errors.Is(err, dossier.ErrReadOnly):
		return &Error{codeForbidden, "this server reads the knowledge base with a read-only role; reviews are made on a server that may write"}, false
	case errors.Is(err, dossier.ErrLocked), errors.Is(err, dossier.ErrUnavailable):
		return &Error{codeUnavailable, "the knowledge base is busy or unreachable; try again shortly"}, true
	}
	return &Error{codeInternal, "something went wrong on the server; it has been logged"}, true
}

// explain keeps what a store says after its sentinel ("...: invalid
// request: a value is required" gives "a value is required"), dropping the
// operation names that precede it.
func explain(err, sentinel error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, sentinel.Error()); i >= 0 {
		rest := strings.TrimLeft(msg[i+len(sentinel.Error()):], ": ")
		if rest != "" {
			return rest
		}
	}
	return sentinel.Error()
}

// logError logs what the client is not shown. A request the client gave up
// on is not an error of the server's.
func (s *Server) logError(r *http.Request, err error, internal bool) {
	if errors.Is(err, context.Canceled) {
		s.log.Debug("request canceled", "method", r.Method, "path", r.URL.Path)
		return
	}
	if internal {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
}

// jsonError answers an API error.
func (s *Server) jsonError(w http.ResponseWriter, r *http.Request, err error) {
	e, internal := publicError(err)
	s.logError(r, err, internal)
	if e.Code == codeUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dossier"`)
	}
	body := struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}{}
	body.Error.Code, body.Error.Message = e.Code, e.Message
	if werr := s.writeJSON(w, r, statusOf[e.Code], body); werr != nil {
		http.Error(w, e.Message, statusOf[e.Code])
	}
}

// htmlError answers a page's error with an error page.
func (s *Server) htmlError(w http.ResponseWriter, r *http.Request, err error) {
	e, internal := publicError(err)
	s.logError(r, err, internal)
	status := statusOf[e.Code]
	data := &errorData{Status: status, StatusText: http.StatusText(status), Code: e.Code, Message: e.Message}
	data.page = s.newPage(r, data.StatusText)
	if rerr := s.render(w, r, status, "error", data); rerr != nil {
		s.log.Error("render error page", "err", rerr)
		http.Error(w, e.Message, status)
	}
}

type errorData struct {
	page
	Status     int
	StatusText string
	Code       string
	Message    string
}

// lookupError turns a store's "not found" for one object into the 404 that
// names it; other errors pass through.
func lookupError(err error, what, id string) error {
	if errors.Is(err, dossier.ErrNotFound) {
		return errorf(codeNotFound, "there is no %s %q", what, id)
	}
	return err
}
