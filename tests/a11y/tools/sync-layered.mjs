// Keeps the layered theme in step with the default one, which it extends (its
// stylesheet needs no copy: theme.json "stylesheet_base": "inherit" makes the
// library put the default stylesheet first). The layered theme's full notice is
// the default theme's sections.mustache with every <section> turned into a
// native disclosure widget:
//
//   <section id="{{id}}" …>                      <details class="seloste-section">
//   <{{h_section}} id="{{id}}-h">{{title}}…  ->  <summary><{{h_section}} id="{{id}}-h" …>{{title}}…</summary>
//   …                                            <div class="seloste-section-body" id="{{id}}"> … </div>
//   </section>                                   </details>
//
// The id sits on the body so that a link to a section (#id) opens its details
// (browsers reveal a closed details that holds the fragment target).
//
//   node tests/a11y/tools/sync-layered.mjs           # check: exit 1 when themes/layered is stale
//   node tests/a11y/tools/sync-layered.mjs --write   # rewrite sections.mustache
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HEADER = '{{! Generated from themes/default/partials/sections.mustache by tests/a11y/tools/sync-layered.mjs: do not edit by hand. }}\n';

export function transform(src) {
  let n = 0;
  const out = src.replace(
    /<section id="\{\{id\}\}"[^>]*>\n<\{\{h_section\}\} id="\{\{id\}\}-h">\{\{title\}\}<\/\{\{h_section\}\}>\n/g,
    () => {
      n++;
      return '<details class="seloste-section">\n'
        + '<summary><{{h_section}} id="{{id}}-h" class="seloste-section-title">{{title}}</{{h_section}}></summary>\n'
        + '<div class="seloste-section-body" id="{{id}}">\n';
    },
  );
  const closes = (out.match(/<\/section>/g) || []).length;
  if (n === 0 || closes !== n) {
    throw new Error(`sections.mustache: ${n} section openings matched but ${closes} </section>: the pattern no longer fits the default theme`);
  }
  return HEADER + out.replace(/<\/section>/g, '</div>\n</details>');
}

export function paths(root) {
  return {
    from: path.join(root, 'themes/default/partials/sections.mustache'),
    to: path.join(root, 'themes/layered/partials/sections.mustache'),
  };
}

/** [] when the layered copy is current, else one failure. */
export function checkCurrent(root) {
  const { from, to } = paths(root);
  let want;
  try {
    want = transform(fs.readFileSync(from, 'utf8'));
  } catch (e) {
    return [{ rule: 'layered:sections-transform', target: from, message: e.message }];
  }
  const out = [];
  const have = fs.existsSync(to) ? fs.readFileSync(to, 'utf8') : '';
  if (have !== want) out.push({ rule: 'layered:sections-stale', target: to,
    message: 'differs from the default sections.mustache turned into <details>: run node tests/a11y/tools/sync-layered.mjs --write' });
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = process.env.SELOSTE_SOURCE_DIR || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  if (process.argv.includes('--write')) {
    const { from, to } = paths(root);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, transform(fs.readFileSync(from, 'utf8')));
    console.log(`wrote ${to}`);
  } else {
    const f = checkCurrent(root);
    for (const x of f) console.error(`${x.target}: ${x.message}`);
    process.exit(f.length ? 1 : 0);
  }
}
