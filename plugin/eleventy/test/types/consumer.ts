// A TypeScript consumer of eleventy-plugin-seloste, type-checked (never run) by
// test/package.test.js with `tsc --noEmit` against the package as `npm pack` makes it.
// Each @ts-expect-error line is a misuse that the types must refuse.
import seloste, { ELEVENTY_VERSIONS, SelosteError } from "eleventy-plugin-seloste";
import type {
  SelosteData,
  SelosteEleventyConfig,
  SelosteFinding,
  SelosteNotice,
  SelosteOptions,
  SelostePage,
  SelosteShortcodes,
} from "eleventy-plugin-seloste";

// The parts of Eleventy's UserConfig that the plugin uses, as Eleventy 3 has them.
class FakeUserConfig {
  ignores = new Set<string>();
  watchIgnores = new Set<string>();
  versionCheck(range: string): void {
    void range;
  }
  addWatchTarget(target: string | string[], options: { resetConfig?: boolean } = {}): void {
    void target;
    void options;
  }
  on(eventName: string, callback: (...args: any[]) => unknown): this {
    void eventName;
    void callback;
    return this;
  }
  addGlobalData(name: string, data: unknown): this {
    void name;
    void data;
    return this;
  }
  addShortcode(name: string, callback: (...args: any[]) => unknown): void {
    void name;
    void callback;
  }
  addPlugin<O>(plugin: (config: this, options: O) => void, options: O): void {
    plugin(this, options);
  }
}

export default function (eleventyConfig: FakeUserConfig): void {
  eleventyConfig.addPlugin(seloste, { bundle: "privacy-bundle" });
  eleventyConfig.addPlugin(seloste, { bundle: "privacy-bundle", assetsDir: false, publicKeyFile: "key.pub" });
  eleventyConfig.addPlugin(seloste, {
    sources: ["privacy/group.xml"],
    seloste: "/usr/bin/seloste",
    out: ".seloste",
    allowIncomplete: true,
    assetsDir: "assets/privacy",
    publicKey: "base64 line of KEYFILE.pub",
  });
}

const config: SelosteEleventyConfig = new FakeUserConfig();
const sources: readonly string[] = ["a.xml", "b.xml"];
seloste(config, { sources });
const options: SelosteOptions = { bundle: "b" };
seloste(config, options);

// @ts-expect-error: bundle and sources together
seloste(config, { bundle: "b", sources: ["a.xml"] });
// @ts-expect-error: neither bundle nor sources
seloste(config, {});
// @ts-expect-error: the options are required (the plugin throws without them)
seloste(config);
// @ts-expect-error: seloste (the CLI) only with sources
seloste(config, { bundle: "b", seloste: "seloste" });
// @ts-expect-error: allowIncomplete only with sources
seloste(config, { bundle: "b", allowIncomplete: true });
// @ts-expect-error: publicKey and publicKeyFile together
seloste(config, { bundle: "b", publicKey: "k", publicKeyFile: "k.pub" });
// @ts-expect-error: an unknown option
seloste(config, { bundle: "b", colour: "red" });
// @ts-expect-error: assetsDir is a folder or false
seloste(config, { bundle: "b", assetsDir: true });
// @ts-expect-error: sources is a list
seloste(config, { sources: "a.xml" });
// @ts-expect-error: not an Eleventy configuration
seloste({}, { bundle: "b" });

const version: string = ELEVENTY_VERSIONS;
void version;

try {
  seloste(config, { bundle: "b" });
} catch (error) {
  if (error instanceof SelosteError) {
    const name: "SelosteError" = error.name;
    const message: string = error.message;
    void name;
    void message;
  }
}
const wrapped = new SelosteError("the bundle has no notice", { cause: new Error("ENOENT") });
const asError: Error = wrapped;
void asError;

// The global data `seloste`, as a template or an 11ty.js data function sees it.
function listNotices(data: SelosteData): string[] {
  const byRegister = new Map(data.registers.map((r) => [r.id, r.name["fi"] ?? r.id]));
  const fragments: SelostePage[] = data.pages.filter((p) => p.kind === "fragment");
  const notices: SelosteNotice[] = data.notices;
  const errors: SelosteFinding[] = data.findings.filter((f) => f.severity === "error");
  const links = data.stylesheets.map((s) => `<link rel="stylesheet" href="${s.url}" integrity="${s.integrity}">`);
  const where = errors.map((f) => `${f.file ?? "?"}:${f.line}:${f.column}: ${f.rule} ${f.article ?? ""} ${f.message["en"]}`);
  return [
    data.generator,
    ...data.languages,
    ...data.themes,
    ...fragments.map((p) => `${p.path} ${p.register ?? ""} ${p.lang} ${p.theme} ${p.title} ${p.sha256} ${p.bytes}`),
    ...notices.map((n) => `${n.register} ${n.lang} ${n.title} ${n.name} ${n.controllers.join(", ")} ${n.notice_date}`),
    ...byRegister.values(),
    ...links,
    ...where,
  ];
}
void listNotices;

function misuse(data: SelosteData): void {
  // @ts-expect-error: a page's kind is page, fragment or index
  const kind: "page" | "fragment" = data.pages[0]!.kind;
  // @ts-expect-error: an index page has no register
  const register: string = data.pages[0]!.register;
  // @ts-expect-error: a finding's article may be null
  const article: string = data.findings[0]!.article;
  // @ts-expect-error: no such key
  void data.notice;
  void kind;
  void register;
  void article;
}
void misuse;

// An 11ty.js template: the shortcodes on `this`, the global data in `data`.
export function render(this: SelosteShortcodes, data: { seloste: SelosteData; page: { lang: string } }): string {
  const notice = data.seloste.notices[0];
  const styles: string = this.selosteStyles();
  // @ts-expect-error: the register id is a string
  this.seloste(7);
  return notice ? styles + this.seloste(notice.register, notice.lang) + this.seloste(notice.register) : styles;
}
