/* The C ABI over the Seloste core, for FFI users (PHP FFI, ctypes, ...).
 *
 * Every call takes a request as a JSON string and answers with a JSON string that
 * the caller frees with seloste_free(). No exception crosses this boundary: every
 * failure becomes a status code plus a JSON error object.
 *
 * Status codes (the same as the CLI's exit codes):
 *   0  ok
 *   1  errors in a source (or, for check, error findings)
 *   2  bad request (malformed JSON, unknown option)
 *   3  other failure (I/O, template, ICU); details in the answer
 *
 * The answer is always an object with "ok" (bool). On failure it has
 *   "errors": [{"file": ..., "line": n, "column": n, "message": ...}, ...]
 *
 * Example (PHP):
 *   $ffi = FFI::cdef(file_get_contents('seloste_c.h'), 'libseloste_c.so');
 *   $out = $ffi->new('char*');
 *   $rc  = $ffi->seloste_build('{"sources":["group.xml"],"out":"/srv/notices"}', FFI::addr($out));
 *   $answer = json_decode(FFI::string($out), true); $ffi->seloste_free($out);
 */
#ifndef SELOSTE_C_H
#define SELOSTE_C_H

#ifdef __cplusplus
extern "C" {
#endif

/* The engine version, e.g. "0.1.0". Static storage: do not free. */
const char* seloste_version(void);

/* Build a bundle (docs/bundle-format.md), exactly as `seloste build`.
 * Request: {"sources": ["a.xml", ...], "out": "DIR", "langs": ["fi","sv","en"],
 *           "themes": ["default"], "sign_key": "KEYFILE" (optional),
 *           "base_url": "https://..." (optional), "history": "DIR" (optional: a previous
 *           site, or a folder of version snapshots the build adds to; docs/history.md),
 *           "allow_incomplete": false, "for": "site"|"hugo"}
 * Answer:  {"ok": true, "changed": true, "pages": n, "versions": n, "warnings": [...],
 *           "findings": [...]} */
int seloste_build(const char* request_json, char** answer_json);

/* Render one register. Request: {"source": "a.xml" | "source_xml": "<seloste ...>",
 *   "register": "ID", "lang": "fi", "theme": "default", "fragment": false,
 *   "heading_base": 2, "allow_incomplete": false}
 * Answer: {"ok": true, "html": "..."} */
int seloste_render(const char* request_json, char** answer_json);

/* Check sources. Request: {"sources": [...], "langs": ["fi"], "strict": false}
 * Answer: {"ok": bool, "findings": [...]} (see docs/check-json.md) */
int seloste_check(const char* request_json, char** answer_json);

/* Free an answer. NULL is allowed. */
void seloste_free(char* answer_json);

#ifdef __cplusplus
}
#endif

#endif /* SELOSTE_C_H */
