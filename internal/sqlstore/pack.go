package sqlstore

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// The JSON the store keeps of each report, incident and document
// (reports.data, review_queue.data, incidents.record and signature,
// documents.extraction, the data of mentions, claims, statements and
// relations) is written packed: a tag byte, then the
// JSON deflated with a preset dictionary of the keys and words every such
// value repeats (migration 0011). A row of a thousand bytes of JSON takes
// about two hundred. Rows written before are plain JSON, which starts with
// '{' or '[', and are read as they are; the next write of the row packs it.

// packV1 tags JSON deflated with packDictV1.
const packV1 = 0x01

// packDictV1 is the preset dictionary of packV1. Stored rows depend on it
// byte for byte: never edit it; a better one is a new tag, with the old
// kept for reading. Deflate finds the strings of the dictionary's end
// cheapest, so the commonest come last.
const packDictV1 = `"n":[],"w":[],"d":[{"l":,"h":,"y":true,"a":true}],"p":[{"la":,"lo":,"n":"","c":true}],"c":[],"t":[],"x":[],"g":[],"a":[],"k":[]}` +
	`{"doc":{"path":"","title":"","source":null},"language":"en","published":"","incidents":null,"claims":[],"actors":[],"relations":[],"statements":[],"skipped":"","truncated":"","reports":` +
	`{"speaker":"","stance":"","channel":"","incident":"","quote":"","quotes":[],"more_evidence":[]}{"claimant":"","claimant_kind":"group","about":"","claim":"responsible"}` +
	`{"subject":"","predicate":"","object":""}{"id":"","name":"","aliases":[],"kind":"person"},"kind":"armed_group"},"kind":"state"},"kind":"organization"},"kind":"party"}` +
	`"Government regains territory","Non-state actor overtakes territory","Chemical weapon","Grenade","Sexual violence","Peaceful protest",` +
	`"Protest with intervention","Mob violence","Agreement","Change to group/activity","Disrupted weapons use","Headquarters or base established",` +
	`"Looting/property destruction","Non-violent transfer of territory","Other","Abduction/forced disappearance","Excessive force against protesters",` +
	`"Violent demonstration","Arrests","Attack","Armed clash","Suicide bomb","Remote explosive/landmine/IED","Shelling/artillery/missile attack","Air/drone strike",` +
	`"Battles","Protests","Riots","Strategic developments","Violence against civilians","Explosions/Remote violence",` +
	`"precision":"year"},"precision":"month"},"precision":"country"},"precision":"admin1"},"method":"infobox","method":"title","method":"metadata","note":"","citations":["[1]"]` +
	`"sources":[{"document_id":"d","path":"","title":"","source":"https://","published":"","copy_of":"","role":"reference","language":"en"},{"role":"mention"` +
	`"conflicts":["fatalities"],"source_count":1,"fatalities_span":{"min":0,"max":null},"injuries_span":null,"bare":[[0,0],[1,0],[2,0]]}` +
	`"bare":[0,1,2,3,4,5],"roles":[{"name":"","id":"a","role":"perpetrator"},{"role":"claimant"},{"role":"speaker"},{"role":"accused"},{"name":"","id":"a","role":"target"}]}` +
	`{"id":"","main":false,"main":true,"title":"","date":{"start":"","end":"","precision":"day"},"location":{"place":"","admin1":"","admin2":"","country":"","lat":,"lon":,"precision":"city"},` +
	`"type":"","sub_type":"","weapons":[],"targets":[],"fatalities":{"min":,"max":},"injuries":null,"perpetrators":[],"accused":[],"part_of":[],` +
	`"evidence":[{"field":"title","start":0,"end":0,"text":"","method":"prose","confidence":0.8},{"field":"type","field":"sub_type","field":"injuries",` +
	`"field":"perpetrators","field":"targets","field":"accused","field":"weapons","field":"fatalities","field":"location","field":"date","start":` +
	`,"end":,"method":"prose","confidence":0.9},"kind":"reference"},"kind":"mention"},"kind":"event","sources":[{"document_id":"d`

var packWriters = sync.Pool{New: func() any {
	w, err := flate.NewWriterDict(nil, flate.BestCompression, []byte(packDictV1))
	if err != nil {
		panic(err) // a valid level
	}
	return w
}}

var packReaders = sync.Pool{New: func() any {
	return flate.NewReaderDict(bytes.NewReader(nil), []byte(packDictV1))
}}

// pack returns v as JSON, packed.
func pack(v any) []byte {
	return packJSON([]byte(mustJSON(v)))
}

// packJSON packs JSON text.
func packJSON(js []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(js)/3 + 16)
	buf.WriteByte(packV1)
	w := packWriters.Get().(*flate.Writer)
	defer packWriters.Put(w)
	w.Reset(&buf)
	if _, err := w.Write(js); err != nil {
		panic(fmt.Sprintf("pack: %v", err)) // writes to memory
	}
	if err := w.Close(); err != nil {
		panic(fmt.Sprintf("pack: %v", err))
	}
	return buf.Bytes()
}

// unpackInto returns the JSON text of a stored value, inflated into buf
// when it is packed.
func unpackInto(b []byte, buf *bytes.Buffer) ([]byte, error) {
	if len(b) == 0 || b[0] != packV1 {
		return b, nil // plain JSON, as stored before migration 0011
	}
	r := packReaders.Get().(io.ReadCloser)
	defer packReaders.Put(r)
	if err := r.(flate.Resetter).Reset(bytes.NewReader(b[1:]), []byte(packDictV1)); err != nil {
		return nil, fmt.Errorf("unpack: %w", err)
	}
	buf.Grow(6 * len(b))
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, fmt.Errorf("unpack: %w", err)
	}
	return buf.Bytes(), nil
}

var unpackBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// unpack decodes a stored value, packed or plain, into v.
func unpack(b []byte, v any) error {
	buf := unpackBufs.Get().(*bytes.Buffer)
	defer func() {
		buf.Reset()
		unpackBufs.Put(buf)
	}()
	js, err := unpackInto(b, buf)
	if err != nil {
		return err
	}
	return json.Unmarshal(js, v)
}
