import { readFileSync } from "node:fs";

import { parse } from "parse5";

/**
 * The markup policy (markup-policy.json, a copy of core/data/markup-policy.json):
 * what a published bundle may contain. The same specification is enforced by
 * `seloste verify` and by the WordPress import; docs/bundle-format.md explains it.
 *
 *   checkMarkup(bytes, "fragment") // [] or [{ line, column, message }, ...]
 *
 * `bytes` is a Buffer (the exact bytes that are passed on); `kind` is "page",
 * "fragment" or "css". Pages and fragments are parsed with parse5 (the HTML5
 * parsing algorithm, which decodes character references as a browser does);
 * the raw bytes are checked too (encoding, every '&').
 */
export const policy = JSON.parse(readFileSync(new URL("../markup-policy.json", import.meta.url), "utf8"));

const sets = {
  global: new Set(policy.global_attributes),
  pageOnly: new Set(policy.page_only_elements),
  voidElements: new Set(policy.void_elements),
  refs: policy.character_references,
  urlAttrs: new Set(policy.url_attributes),
  schemes: new Set(policy.url_schemes),
  linkRel: new Set(policy.link_rel),
  allowedControls: new Set(policy.encoding.allowed_controls.map((c) => c.codePointAt(0))),
  atRules: new Set(policy.css.allowed_at_rules),
  functions: new Set(policy.css.forbidden_functions),
  properties: new Set(policy.css.forbidden_properties),
};
const HTML_NS = "http://www.w3.org/1999/xhtml";

// At most this many problems are kept per file (the first ones found), as in the C++ enforcer.
const LIMIT = 1000;

/** Problems by index in the text; line and column are counted in one pass at the end, so many problems stay linear. */
class ProblemSink {
  found = [];
  add(offset, message) {
    if (this.found.length < LIMIT) this.found.push({ offset, message });
  }
  get full() {
    return this.found.length >= LIMIT;
  }
  /** In order of position, 1-based line and column (in code points); CR, LF and CRLF end a line. */
  located(text) {
    const sorted = this.found.map((p, k) => ({ ...p, k })).sort((a, b) => a.offset - b.offset || a.k - b.k);
    const out = [];
    let line = 1;
    let col = 1;
    let i = 0;
    for (const p of sorted) {
      for (; i < p.offset && i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
          line++;
          col = 1;
        } else if (c !== 13 && !(c >= 0xdc00 && c <= 0xdfff)) {
          col++;
        }
      }
      out.push({ line, column: col, message: p.message });
    }
    return out;
  }
}

const hex2 = (n) => n.toString(16).toUpperCase().padStart(2, "0");
const hexCp = (cp) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

/** Strict UTF-8 (no overlong forms, surrogates or code points above U+10FFFF) and the control rule. */
function checkEncoding(bytes, out) {
  // Line and column are counted on the bytes, as the C++ enforcer does.
  let line = 1;
  let col = 1;
  for (let i = 0; i < bytes.length && out.length < LIMIT; ) {
    const c = bytes[i];
    let n = 0;
    let cp = 0;
    let min = 0;
    if (c < 0x80) [n, cp] = [1, c];
    else if ((c & 0xe0) === 0xc0) [n, cp, min] = [2, c & 0x1f, 0x80];
    else if ((c & 0xf0) === 0xe0) [n, cp, min] = [3, c & 0x0f, 0x800];
    else if ((c & 0xf8) === 0xf0) [n, cp, min] = [4, c & 0x07, 0x10000];
    let valid = n > 0 && i + n <= bytes.length;
    for (let k = 1; valid && k < n; k++) {
      if ((bytes[i + k] & 0xc0) !== 0x80) valid = false;
      else cp = (cp << 6) | (bytes[i + k] & 0x3f);
    }
    if (valid && n > 1 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) valid = false;
    if (!valid) {
      out.push({ line, column: col, message: `invalid UTF-8 (byte 0x${hex2(c)}); expected UTF-8 text` });
      if ((c & 0xc0) !== 0x80) col++; // columns count the bytes that start a character, as in the C++ enforcer
      i++;
      continue;
    }
    if ((cp < 0x20 || (cp >= 0x80 && cp <= 0x9f)) && !sets.allowedControls.has(cp)) {
      out.push({
        line,
        column: col,
        message: `a control character (${hexCp(cp)}); only tab, line feed and carriage return are allowed`,
      });
    }
    if (cp === 10 || (cp === 13 && bytes[i + 1] !== 10)) {
      line++;
      col = 1;
    } else if (cp !== 13) {
      col++;
    }
    i += n;
  }
}

function shown(s, max = 40) {
  // eslint-disable-next-line no-control-regex
  const t = s.slice(0, max).replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${hex2(c.charCodeAt(0))}`);
  return s.length > max ? `${t}...` : t;
}

/** What a URL parser sees: tab, LF and CR removed anywhere, C0 controls and spaces trimmed. */
function urlAsParsed(value) {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\t\n\r]/g, "").replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, "");
}

/** The scheme of a URL as the WHATWG URL parser finds it, lower case; "" when there is none. */
function urlScheme(url) {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  return m ? m[1].toLowerCase() : "";
}

/** The attribute names of a raw start tag, as the HTML tokenizer splits them, with their offsets in it. */
function rawAttributeNames(tag) {
  const out = [];
  const ws = (c) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f";
  let i = 1;
  while (i < tag.length && !ws(tag[i]) && tag[i] !== "/" && tag[i] !== ">") i++;
  while (i < tag.length) {
    while (i < tag.length && (ws(tag[i]) || tag[i] === "/")) i++;
    if (i >= tag.length || tag[i] === ">") break;
    const start = i++;
    while (i < tag.length && !ws(tag[i]) && tag[i] !== "/" && tag[i] !== ">" && tag[i] !== "=") i++;
    out.push([tag.slice(start, i).toLowerCase(), start]);
    while (i < tag.length && ws(tag[i])) i++;
    if (tag[i] === "=") {
      i++;
      while (i < tag.length && ws(tag[i])) i++;
      if (tag[i] === '"' || tag[i] === "'") {
        const end = tag.indexOf(tag[i], i + 1);
        i = end === -1 ? tag.length : end + 1;
      } else {
        while (i < tag.length && !ws(tag[i]) && tag[i] !== ">") i++;
      }
    }
  }
  return out;
}

/** Well-nested tags within max_depth, on the raw text, before any parser sees it (see the policy); false when not. */
function nestingWithinPolicy(text, out) {
  const nameRe = /[^\t\n\f\r />]*/y;
  const nameAt = (i) => {
    nameRe.lastIndex = i;
    return nameRe.exec(text)[0].toLowerCase();
  };
  const open = [];
  for (let i = text.indexOf("<"); i !== -1; i = text.indexOf("<", i + 1)) {
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end === -1) break;
      i = end;
    } else if (/[A-Za-z]/.test(text[i + 1] ?? "")) {
      const name = nameAt(i + 1);
      if (sets.voidElements.has(name)) continue;
      open.push([name, i]);
      if (open.length > policy.max_depth) {
        out.add(i, `nesting deeper than ${policy.max_depth} elements; expected at most that (markup-policy.json: max_depth)`);
        return false;
      }
    } else if (text[i + 1] === "/" && /[A-Za-z]/.test(text[i + 2] ?? "")) {
      const name = nameAt(i + 2);
      const top = open.at(-1);
      if (!top || top[0] !== name) {
        out.add(i, `the end tag </${name}> does not close the innermost open element${top ? ` <${top[0]}>` : ""}; expected well-nested tags (markup-policy.json: max_depth)`);
        return false;
      }
      open.pop();
    }
  }
  if (open.length > 0) {
    const [name, at] = open.at(-1);
    out.add(at, `<${name}> is never closed; expected well-nested tags (markup-policy.json: max_depth)`);
    return false;
  }
  return true;
}

function checkHtml(text, kind, out) {
  // Raw text: every '&' starts one of the references the core writes.
  for (let i = text.indexOf("&"); i !== -1 && !out.full; i = text.indexOf("&", i + 1)) {
    if (!sets.refs.some((r) => text.startsWith(r, i))) {
      out.add(i, `the character reference '${shown(text.slice(i, i + 12), 12)}'; expected only &amp; &lt; &gt; &quot; &#39; (markup-policy.json: character_references)`);
    }
  }
  if (kind === "page" && !text.startsWith(policy.doctype)) {
    out.add(0, `the page does not start with ${policy.doctype}`);
  }
  if (!nestingWithinPolicy(text, out)) return;
  // A fragment is parsed where it is published: inside the body of a page. A <body> or <html> tag in it
  // would add its attributes to the page's own element, so the wrapper's elements are checked too.
  const prefix = kind === "fragment" ? "<!DOCTYPE html><html><head><title>f</title></head><body><div>" : "";
  const add = (offset, message) => out.add(Math.max(0, (offset ?? prefix.length) - prefix.length), message);
  const source = prefix + text;
  const doc = parse(source, { sourceCodeLocationInfo: true });
  let jsonLdScripts = 0;
  // The one JSON-LD script (markup-policy.json: json_ld): only type="application/ld+json", valid JSON
  // without the characters that could end the element or open a comment.
  const jsonLd = (node) => {
    const rule = policy.json_ld;
    const loc = node.sourceCodeLocation;
    if (++jsonLdScripts > rule.max_per_file) {
      add(loc?.startOffset, `more than ${rule.max_per_file} <${rule.element}> elements; expected one JSON-LD script at most (markup-policy.json: json_ld)`);
      return;
    }
    const tag = loc?.startTag;
    const raw = tag ? rawAttributeNames(source.slice(tag.startOffset, tag.endOffset)) : [];
    const type = node.attrs.find((a) => a.name === "type");
    if (raw.length !== 1 || raw[0][0] !== "type" || node.attrs.length !== 1 || !type || type.value !== rule.type) {
      add(loc?.startOffset, `a <${rule.element}> other than <${rule.element} type="${rule.type}"> with no other attribute; expected only the JSON-LD script (markup-policy.json: json_ld)`);
      return;
    }
    const texts = (node.childNodes ?? []).filter((c) => c.nodeName === "#text");
    const content = texts.map((c) => c.value).join("");
    const at = texts[0]?.sourceCodeLocation?.startOffset ?? loc?.startOffset;
    const bad = [...content].findIndex((c) => rule.forbidden_characters.includes(c));
    if (bad !== -1) {
      add(at, `a literal '${[...content][bad]}' in the JSON-LD script; expected it written as a \\u escape (markup-policy.json: json_ld)`);
      return;
    }
    try {
      JSON.parse(content);
    } catch {
      add(at, "the JSON-LD script does not hold valid JSON (markup-policy.json: json_ld)");
    }
  };
  const walk = (node) => {
    if (node.nodeName === "#comment") {
      if (!policy.comments) add(node.sourceCodeLocation?.startOffset, "a comment; the policy allows none");
      return;
    }
    if (node.tagName !== undefined) element(node);
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content); // <template>
  };
  const element = (node) => {
    const name = node.tagName;
    const loc = node.sourceCodeLocation;
    const wrapper = kind === "fragment" && (!loc || loc.startOffset < prefix.length);
    if (node.namespaceURI === HTML_NS && name === policy.json_ld.element) {
      jsonLd(node);
      return;
    }
    if (node.namespaceURI !== HTML_NS) {
      add(loc?.startOffset, `the element <${name}> (SVG or MathML) is not allowed; expected HTML elements only`);
      return;
    }
    if (!Object.hasOwn(policy.elements, name)) {
      add(loc?.startOffset, `the element <${name}> is not allowed (markup-policy.json: elements)`);
      return;
    }
    if (kind === "fragment" && sets.pageOnly.has(name) && !wrapper) {
      add(loc?.startOffset, `the element <${name}> belongs in a page, not in a fragment`);
      return;
    }
    // parse5 keeps only the first of duplicate attributes: they are found in the raw start tag.
    const tag = loc?.startTag;
    if (tag && tag.startOffset >= prefix.length) {
      const seen = new Set();
      for (const [attr, off] of rawAttributeNames(source.slice(tag.startOffset, tag.endOffset))) {
        if (seen.has(attr)) add(tag.startOffset + off, `the attribute ${attr} twice on <${name}>; expected each attribute once`);
        seen.add(attr);
      }
    }
    const allowed = new Set(policy.elements[name]);
    for (const attr of node.attrs) {
      const attrAt = loc?.attrs?.[attr.name]?.startOffset;
      if (wrapper) {
        // The wrapper's own elements have no attributes: any one came from a tag in the fragment.
        add(attrAt, `a <${name}> tag in a fragment (its ${attr.name} attribute would land on the page's <${name}>)`);
        continue;
      }
      const an = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
      if (!sets.global.has(an) && !allowed.has(an)) {
        add(attrAt, `the attribute ${an} is not allowed on <${name}> (markup-policy.json)`);
        continue;
      }
      const value = attr.value;
      if (an === "tabindex" && value !== "-1") add(attrAt, `tabindex="${shown(value)}"; expected -1`);
      if (name === "link" && an === "rel") {
        for (const tok of value.split(/[\t\n\f\r ]+/).filter(Boolean)) {
          if (!sets.linkRel.has(tok.toLowerCase())) {
            add(attrAt, `rel="${shown(tok)}" on <link>; expected one of stylesheet, alternate, canonical`);
          }
        }
      }
      if (sets.urlAttrs.has(an)) {
        const url = urlAsParsed(value);
        const scheme = urlScheme(url);
        if (scheme && !sets.schemes.has(scheme)) {
          add(attrAt, `the URL scheme '${scheme}:' in ${an}="${shown(value)}" (after decoding); expected http, https, mailto, tel or a relative URL`);
        }
        const rel = node.attrs.find((a) => a.name === "rel")?.value ?? "";
        if (name === "link" && rel.toLowerCase().includes("stylesheet") && (scheme || /^[/\\]{2}/.test(url))) {
          add(attrAt, `a stylesheet link to another host (${shown(value)}); expected a relative href (markup-policy.json: stylesheet_href)`);
        }
      }
    }
  };
  walk(doc);
}

const cssWs = (c) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f";
const isHex = (c) => /^[0-9a-fA-F]$/.test(c);
const identChar = (c) => /^[a-z0-9_-]$/.test(c) || c.charCodeAt(0) >= 0x80;

/** Comments removed, escapes decoded, ASCII lower case; origin[i] is the input index of output char i. */
function decodeCss(input) {
  let out = "";
  const origin = [];
  for (let i = 0; i < input.length; ) {
    if (input.startsWith("/*", i)) {
      const end = input.indexOf("*/", i + 2);
      i = end === -1 ? input.length : end + 2;
      continue;
    }
    if (input[i] === "\\" && i + 1 < input.length) {
      const at = i;
      if (isHex(input[i + 1])) {
        let j = i + 1;
        while (j < input.length && j < i + 7 && isHex(input[j])) j++;
        let cp = parseInt(input.slice(i + 1, j), 16);
        if (input.startsWith("\r\n", j)) j += 2;
        else if (j < input.length && cssWs(input[j])) j++;
        if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
        const s = String.fromCodePoint(cp);
        out += s;
        for (let k = 0; k < s.length; k++) origin.push(at);
        i = j;
      } else if (input[i + 1] === "\n" || input[i + 1] === "\r" || input[i + 1] === "\f") {
        i += 2; // a line continuation in a string
      } else {
        out += input[i + 1]; // "\c" is c itself
        origin.push(at);
        i += 2;
      }
      continue;
    }
    out += input[i];
    origin.push(i);
    i++;
  }
  return { text: out.replace(/[A-Z]/g, (c) => c.toLowerCase()), origin };
}

function checkCss(input, out) {
  const report = (i, message) => out.add(i, message);
  const rawLower = input.replace(/[A-Z]/g, (c) => c.toLowerCase());
  // On the raw text: "</style>" ends a <style> element even inside a CSS comment or string.
  for (const seq of policy.css.forbidden_sequences) {
    for (let i = rawLower.indexOf(seq); i !== -1; i = rawLower.indexOf(seq, i + 1)) {
      report(i, `'${seq}' in a stylesheet; it could end a <style> element (markup-policy.json: css)`);
    }
  }
  const { text, origin } = decodeCss(input);
  for (const seq of policy.css.forbidden_sequences) {
    for (let i = text.indexOf(seq); i !== -1; i = text.indexOf(seq, i + 1)) {
      if (!rawLower.startsWith(seq, origin[i])) {
        report(origin[i], `'${seq}' (after decoding escapes) in a stylesheet (markup-policy.json: css)`);
      }
    }
  }
  for (let i = 0; i < text.length; ) {
    if (!identChar(text[i])) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && identChar(text[i])) i++;
    const ident = text.slice(start, i);
    if (start > 0 && text[start - 1] === "@") {
      if (!sets.atRules.has(ident)) report(origin[start - 1], `the at-rule @${ident}; expected only @media, @supports, @page, @layer`);
      continue;
    }
    let j = i;
    while (j < text.length && cssWs(text[j])) j++;
    if (text[j] === "(") {
      // Vendor prefixes name the same function: -webkit-image-set( is image-set(.
      const bare = /^-[^-]+-(.+)$/.exec(ident)?.[1] ?? ident;
      if (sets.functions.has(ident) || sets.functions.has(bare)) {
        report(origin[start], `the CSS function ${ident}( may load or run something; it is not allowed`);
      }
    } else if (text[j] === ":" && sets.properties.has(ident)) {
      report(origin[start], `the CSS property ${ident} may load or run something; it is not allowed`);
    }
  }
}

/** Every way `bytes` breaks the policy, in order of position; [] means the exact bytes may be published. */
export function checkMarkup(bytes, kind) {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, "utf8");
  const encoding = [];
  checkEncoding(buf, encoding);
  if (encoding.length > 0) return encoding; // the parsers below need valid text
  const text = buf.toString("utf8");
  const out = new ProblemSink();
  if (kind === "css") checkCss(text, out);
  else checkHtml(text, kind, out);
  return out.located(text);
}

/** What the policy checks a listed bundle file as: "page", "fragment", "css", or null. */
export function kindOf(entry) {
  if (entry.kind === "fragment" || entry.kind === "version-fragment") return "fragment";
  if (entry.kind === "page" || entry.kind === "index" || entry.path.endsWith(".html")) return "page";
  if (entry.path.endsWith(".css")) return "css";
  return null;
}
