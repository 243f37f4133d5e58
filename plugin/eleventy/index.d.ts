// Types of eleventy-plugin-seloste: the plugin function (seloste.js), its options,
// the global data `seloste` it adds to Eleventy's data cascade, and SelosteError.
// test/package.test.js checks them with `tsc --noEmit` against test/types/consumer.ts.

/** Options that both modes take. */
export interface SelosteCommonOptions {
  /**
   * The folder of the output where the theme stylesheets are written, relative and inside the
   * output (default "seloste/assets"); `false` writes none and gives no `<link>` elements.
   */
  assetsDir?: string | false;
}

/** Read a bundle built before with `seloste build SOURCE... -o DIR`. */
export interface SelosteBundleOptions extends SelosteCommonOptions {
  /** The bundle's folder; relative to the project root. */
  bundle: string;
  sources?: never;
  seloste?: never;
  out?: never;
  allowIncomplete?: never;
}

/** Run `seloste build SOURCES -o OUT` (no shell) before every build, and again under --watch. */
export interface SelosteSourcesOptions extends SelosteCommonOptions {
  /** The source files (at least one); relative to the project root. */
  sources: readonly string[];
  bundle?: never;
  /** The seloste CLI: a name looked up on PATH, or a path (default "seloste"). */
  seloste?: string;
  /** Where the CLI writes the bundle (default ".seloste"); Eleventy ignores it as input. */
  out?: string;
  /** Pass --allow-incomplete: publish registers that fail the checks (default false). */
  allowIncomplete?: boolean;
}

/**
 * Refuse a bundle unless `manifest.json.sig` verifies with this Ed25519 key: either the
 * base64 line of `KEYFILE.pub` (`publicKey`) or the path of that file (`publicKeyFile`), not both.
 */
export type SelostePublicKeyOptions =
  | { publicKey?: string; publicKeyFile?: never }
  | { publicKey?: never; publicKeyFile?: string };

/** The plugin's options: exactly one of `bundle` or `sources`, at most one public key. */
export type SelosteOptions = (SelosteBundleOptions | SelosteSourcesOptions) & SelostePublicKeyOptions;

/** Text in each language of the bundle, keyed by language code ("fi", "sv", "en"). */
export type SelosteLocalized = Record<string, string>;

/** A register of the manifest (docs/bundle-format.md). */
export interface SelosteRegister {
  /** The register's id in the source. */
  id: string;
  /** The source file's name. */
  source: string;
  name: SelosteLocalized;
  /** The controllers' names. */
  controllers: string[];
  /** The notice's date, YYYY-MM-DD. */
  notice_date: string;
}

/** A page of the manifest: a full page, an embeddable fragment, or a language index. */
export interface SelostePage {
  /** Relative to the bundle, with "/". */
  path: string;
  kind: "page" | "fragment" | "index";
  /** The register's id; absent on an index. */
  register?: string;
  lang: string;
  theme: string;
  title: string;
  /** SHA-256 of the file's bytes, 64 lowercase hex digits. */
  sha256: string;
  bytes: number;
}

/** One notice (a fragment) of the bundle: handy for pagination, one Eleventy page per notice. */
export interface SelosteNotice {
  register: string;
  lang: string;
  /** The fragment's title, e.g. "Tietosuojaseloste: Asiakasrekisteri". */
  title: string;
  /** The register's name in the notice's language. */
  name: string;
  controllers: string[];
  /** YYYY-MM-DD. */
  notice_date: string;
}

/** A theme stylesheet of the bundle, as `{% selosteStyles %}` links it. */
export interface SelosteStylesheet {
  /** In the bundle, e.g. "assets/seloste-default.css". */
  path: string;
  /** Root-relative URL in the output, e.g. "/seloste/assets/seloste-default.css". */
  url: string;
  /** For the integrity attribute: "sha256-" and the base64 digest. */
  integrity: string;
}

/** A finding of `seloste check` (docs/check-json.md). */
export interface SelosteFinding {
  /** The stable rule id, e.g. "gdpr.13.2.a.retention". */
  rule: string;
  severity: "error" | "warning" | "info";
  /** The GDPR article, e.g. "13(1)(d)"; null where none applies. */
  article: string | null;
  register: string | null;
  file: string | null;
  /** 1-based; 0 when unknown. */
  line: number;
  /** 1-based, in characters; 0 when unknown. */
  column: number;
  /** What is wrong and what to write instead, in fi, sv and en. */
  message: SelosteLocalized;
  kind: string | null;
}

/** The global data `seloste` in templates, read from the bundle's manifest.json. */
export interface SelosteData {
  /** e.g. "seloste 0.1.0". */
  generator: string;
  languages: string[];
  themes: string[];
  registers: SelosteRegister[];
  pages: SelostePage[];
  notices: SelosteNotice[];
  /** Empty with `assetsDir: false`. */
  stylesheets: SelosteStylesheet[];
  findings: SelosteFinding[];
}

/**
 * The shortcodes the plugin adds, as 11ty.js templates call them on `this`
 * (`this.seloste("REGISTER", "fi")`); in Nunjucks and Liquid, `{% seloste "REGISTER", "fi" %}`.
 */
export interface SelosteShortcodes {
  /**
   * The notice's HTML fragment, exactly as the Seloste core wrote it (starts at heading level 2,
   * carries its own lang). `lang` defaults to the page's `page.lang`. Throws a SelosteError for a
   * register or language the bundle lacks.
   */
  seloste(register: string, lang?: string): string;
  /** The `<link rel="stylesheet" integrity=…>` elements of the theme stylesheets, for `<head>`. */
  selosteStyles(): string;
}

/**
 * What the plugin uses of Eleventy's configuration object (`eleventyConfig`, Eleventy 3):
 * Eleventy's own object has all of it.
 */
export interface SelosteEleventyConfig {
  versionCheck?(range: string): unknown;
  ignores?: { add(glob: string): unknown };
  watchIgnores?: { add(glob: string): unknown };
  addWatchTarget(target: string): unknown;
  on(eventName: string, callback: (...args: any[]) => unknown): unknown;
  addGlobalData(name: string, data: unknown): unknown;
  addShortcode(name: string, callback: (...args: any[]) => unknown): unknown;
}

/**
 * The plugin: `eleventyConfig.addPlugin(seloste, { bundle: "privacy-bundle" })`, or
 * `{ sources: ["privacy/org.xml"] }` to run the CLI first. Adds the shortcodes
 * `{% seloste "REGISTER", "LANG" %}` (the notice's HTML fragment; the language defaults to
 * page.lang) and `{% selosteStyles %}` (the stylesheet links), the global data `seloste`
 * (SelosteData), and writes the theme stylesheets into the output. Throws a SelosteError
 * for bad options; a bad bundle stops the build with one.
 */
declare function selostePlugin(eleventyConfig: SelosteEleventyConfig, options: SelosteOptions): void;
export default selostePlugin;

/** The Eleventy versions the plugin supports, as it passes them to eleventyConfig.versionCheck. */
export declare const ELEVENTY_VERSIONS: string;

/** Every error of the plugin: its message starts with "seloste:" and says what to do. */
export declare class SelosteError extends Error {
  constructor(message: string, options?: { cause?: unknown });
  name: "SelosteError";
}
