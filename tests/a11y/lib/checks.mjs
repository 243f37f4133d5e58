// The browser checks run on every page. Each check returns a list of
// failures { rule, target, message }; an empty list means the check passed.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// Roles that make an element a landmark. A fragment must add none of them.
const LANDMARK_SELECTOR = [
  'main', 'nav', 'aside', 'search', 'form[aria-label]', 'form[aria-labelledby]', 'form[title]',
  'section[aria-label]', 'section[aria-labelledby]', 'section[title]',
  '[role="main"]', '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]',
  '[role="complementary"]', '[role="search"]', '[role="region"]', '[role="form"]',
  // header/footer are banner/contentinfo only outside article/aside/main/nav/section
  'body > header', 'body > footer',
].join(',');

async function nextFrame(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** axe-core with the project's tags; `scope` is a CSS selector or null (whole document). */
export async function checkAxe(page, label = 'axe') {
  const has = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!has) await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  const failures = [];
  for (const v of result.violations) {
    for (const node of v.nodes) {
      failures.push({
        rule: `${label}:${v.id}`,
        target: node.target.join(' '),
        message: `${v.help} (${v.impact}) ${node.failureSummary ? '- ' + node.failureSummary.replace(/\s+/g, ' ') : ''}`.trim(),
      });
    }
  }
  return { failures, rules: result.violations.map((v) => v.id) };
}

/** Landmarks: full page has exactly one main; a fragment adds no landmark at all. */
export async function checkLandmarks(page, mode) {
  return page.evaluate(({ mode, LANDMARK_SELECTOR }) => {
    const out = [];
    const mains = document.querySelectorAll('main, [role="main"]');
    if (mains.length !== 1) {
      out.push({ rule: 'landmarks:one-main', target: 'main', message: `expected exactly one main landmark, found ${mains.length}` });
    }
    const root = document.querySelector('.seloste');
    if (!root) {
      out.push({ rule: 'landmarks:root', target: '.seloste', message: 'no element with the theme root class .seloste' });
      return out;
    }
    if (mode === 'fragment') {
      const host = document.getElementById('seloste-fragment');
      for (const el of host.querySelectorAll(LANDMARK_SELECTOR)) {
        out.push({ rule: 'landmarks:fragment-adds-landmark', target: el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''),
          message: 'a fragment must not add landmarks (main, nav, aside, named section/form, banner, contentinfo)' });
      }
      if (host.querySelector('h1')) {
        out.push({ rule: 'landmarks:fragment-h1', target: 'h1', message: 'a fragment must not add an h1 (the host page has it)' });
      }
    } else if (!root.closest('main, [role="main"]')) {
      out.push({ rule: 'landmarks:root-in-main', target: '.seloste', message: 'the notice is not inside the main landmark' });
    }
    return out;
  }, { mode, LANDMARK_SELECTOR });
}

/** Heading order from the base level: first heading at `base`, never deeper than previous+1, never above base. */
export async function checkHeadings(page, mode, headingBase = null) {
  return page.evaluate(({ mode, headingBase }) => {
    const out = [];
    const scope = mode === 'fragment' ? document.getElementById('seloste-fragment') : document;
    const base = headingBase || (mode === 'fragment' ? 2 : 1);
    const hs = [...scope.querySelectorAll('h1,h2,h3,h4,h5,h6,[role="heading"]')];
    const level = (h) => (h.getAttribute('role') === 'heading' ? Number(h.getAttribute('aria-level') || 2) : Number(h.tagName[1]));
    const desc = (h) => `${h.tagName.toLowerCase()}${h.id ? '#' + h.id : ''} "${h.textContent.trim().slice(0, 40)}"`;
    if (hs.length === 0) {
      out.push({ rule: 'headings:none', target: 'document', message: 'no headings' });
      return out;
    }
    if (level(hs[0]) !== base) {
      out.push({ rule: 'headings:base-level', target: desc(hs[0]), message: `first heading is h${level(hs[0])}, expected h${base}` });
    }
    let prev = base - 1;
    for (const h of hs) {
      const l = level(h);
      if (l < base) out.push({ rule: 'headings:above-base', target: desc(h), message: `h${l} is above the base level h${base}` });
      if (l > prev + 1) out.push({ rule: 'headings:skipped-level', target: desc(h), message: `h${l} follows h${prev}: a level is skipped` });
      if (!h.textContent.trim()) out.push({ rule: 'headings:empty', target: desc(h), message: 'empty heading' });
      prev = l;
    }
    if (mode === 'page' && document.querySelectorAll('h1').length !== 1) {
      out.push({ rule: 'headings:one-h1', target: 'h1', message: `expected one h1, found ${document.querySelectorAll('h1').length}` });
    }
    return out;
  }, { mode, headingBase });
}

/** Tables: a non-empty caption and header cells. */
export async function checkTables(page) {
  return page.evaluate(() => {
    const out = [];
    for (const [i, t] of [...document.querySelectorAll('.seloste table')].entries()) {
      const target = `.seloste table:nth-of-type(${i + 1})`;
      if (!t.caption || !t.caption.textContent.trim()) out.push({ rule: 'tables:caption', target, message: 'table without a caption' });
      if (!t.querySelector('th')) out.push({ rule: 'tables:header-cells', target, message: 'table without header cells (th)' });
      for (const th of t.querySelectorAll('th')) {
        const inHead = th.closest('thead');
        if (!inHead && !th.hasAttribute('scope') && !th.hasAttribute('id')) {
          out.push({ rule: 'tables:th-scope', target, message: `th "${th.textContent.trim().slice(0, 30)}" outside thead has no scope` });
        }
      }
    }
    return out;
  });
}

/** Links are underlined, so they never differ from text by colour alone. */
export async function checkLinkUnderline(page) {
  return page.evaluate(() => {
    const out = [];
    for (const a of document.querySelectorAll('.seloste a[href]')) {
      const cs = getComputedStyle(a);
      if (!cs.textDecorationLine.includes('underline')) {
        out.push({ rule: 'links:underlined', target: `a[href="${a.getAttribute('href')}"]`, message: `link text-decoration-line is "${cs.textDecorationLine}": a link must not be told apart by colour alone` });
      }
    }
    return out;
  });
}

/** Reflow: at `width` CSS px no horizontal scrolling. Reports the widest overflowing elements. */
export async function checkReflow(page, width) {
  const old = page.viewportSize();
  await page.setViewportSize({ width, height: 800 });
  await nextFrame(page);
  const out = await page.evaluate((width) => {
    const sw = document.documentElement.scrollWidth;
    if (sw <= width) return [];
    const culprits = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && r.width > 0) {
        // report the innermost elements only
        if (![...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5)) {
          culprits.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (right ${Math.round(r.right)}px)`);
        }
      }
    }
    // Text can overflow a box that itself fits (a long word): name its element.
    if (!culprits.length) {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n && culprits.length < 5; n = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(n);
        if ([...range.getClientRects()].some((r) => r.right > width + 0.5)) {
          const el = n.parentElement;
          culprits.push(`text "${n.textContent.trim().slice(0, 30)}" in ${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`);
        }
      }
    }
    return [{ rule: `reflow:${width}px`, target: culprits.slice(0, 5).join(', ') || 'document',
      message: `document.documentElement.scrollWidth is ${sw} > ${width}: horizontal scrolling` }];
  }, width);
  await page.setViewportSize(old);
  await nextFrame(page);
  return out;
}

/**
 * Keyboard: press Tab from the top of the page until focus leaves the document
 * or comes back around. Every link (and every other focusable element) must be
 * reached exactly in document order, and each focused element must show a
 * focus indicator that differs from its unfocused look (outline >= 2px or a
 * box-shadow) with a contrast >= 3:1 against the background behind it.
 * Closed <details> are opened with the keyboard (Enter on the summary) so the
 * links inside them are reached too.
 */
export async function checkKeyboard(page) {
  const failures = [];
  const focusSel = 'a[href], area[href], summary, button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
  const count = await page.evaluate((focusSel) => {
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    window.scrollTo(0, 0);
    const pick = (el) => {
      const cs = getComputedStyle(el);
      return { os: cs.outlineStyle, ow: cs.outlineWidth, oc: cs.outlineColor, bs: cs.boxShadow, bg: cs.backgroundColor, td: cs.textDecorationThickness };
    };
    window.__a11yUnfocused = [];
    const all = [...document.querySelectorAll(focusSel)];
    all.forEach((el, i) => {
      el.setAttribute('data-a11y-idx', String(i));
      window.__a11yUnfocused[i] = pick(el);
    });
    return all.length;
  }, focusSel);

  const visited = [];
  const opened = [];
  const styleFails = [];
  const limit = count * 2 + 10;
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return { idx: null };
      const idx = el.getAttribute('data-a11y-idx');
      const cs = getComputedStyle(el);
      const parse = (c) => {
        const m = c.match(/rgba?\(([^)]+)\)/);
        if (!m) return null;
        const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
        return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
      };
      const lum = ({ r, g, b }) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      // background behind the element: first opaque background among ancestors (white by default)
      let bg = { r: 255, g: 255, b: 255, a: 1 };
      for (let n = el.parentElement; n; n = n.parentElement) {
        const c = parse(getComputedStyle(n).backgroundColor);
        if (c && c.a > 0.5) { bg = c; break; }
      }
      const oc = parse(cs.outlineColor);
      const ratio = oc ? (Math.max(lum(oc), lum(bg)) + 0.05) / (Math.min(lum(oc), lum(bg)) + 0.05) : 0;
      return {
        idx, tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), text: (el.textContent || '').trim().slice(0, 40),
        isSummary: el.tagName === 'SUMMARY', closedDetails: el.tagName === 'SUMMARY' && el.parentElement && el.parentElement.tagName === 'DETAILS' && !el.parentElement.open,
        focusVisible: el.matches(':focus-visible'),
        style: { os: cs.outlineStyle, ow: cs.outlineWidth, oc: cs.outlineColor, bs: cs.boxShadow, bg: cs.backgroundColor, td: cs.textDecorationThickness },
        unfocused: idx === null ? null : window.__a11yUnfocused[Number(idx)],
        outlineRatio: ratio,
      };
    });
    if (info.idx === null) break; // focus left the document (or sits on body): the walk is over
    if (visited.length && info.idx === visited[0].idx) break; // wrapped around
    if (visited.some((v) => v.idx === info.idx)) {
      failures.push({ rule: 'keyboard:focus-loop', target: describe(info), message: 'focus came back to an element already visited' });
      break;
    }
    visited.push(info);
    // focus visibility
    const s = info.style;
    const u = info.unfocused || {};
    const outlineOn = s.os !== 'none' && parseFloat(s.ow) >= 2;
    const shadowOn = s.bs !== 'none' && s.bs !== u.bs;
    const differs = s.os !== u.os || s.ow !== u.ow || s.oc !== u.oc || s.bs !== u.bs || s.bg !== u.bg;
    if (!info.focusVisible) {
      styleFails.push({ rule: 'focus:not-focus-visible', target: describe(info), message: 'keyboard focus does not match :focus-visible' });
    } else if (!differs || !(outlineOn || shadowOn)) {
      styleFails.push({ rule: 'focus:indicator', target: describe(info),
        message: `no visible focus indicator (outline ${s.os} ${s.ow}, box-shadow ${s.bs}; unfocused outline ${u.os} ${u.ow})` });
    } else if (outlineOn && !shadowOn && info.outlineRatio < 3) {
      styleFails.push({ rule: 'focus:contrast', target: describe(info), message: `focus outline contrast ${info.outlineRatio.toFixed(2)}:1 < 3:1` });
    }
    if (info.closedDetails) {
      await page.keyboard.press('Enter');
      const nowOpen = await page.evaluate(() => document.activeElement.parentElement.open);
      if (!nowOpen) failures.push({ rule: 'keyboard:details-enter', target: describe(info), message: 'Enter on a summary did not open its details' });
      opened.push(info.idx);
    }
  }

  // What should have been reached: every focusable element that is rendered now
  // (all details have been opened), in document order.
  const expected = await page.evaluate(() => {
    return [...document.querySelectorAll('[data-a11y-idx]')]
      .filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && !el.closest('[inert]'))
      .map((el) => ({ idx: el.getAttribute('data-a11y-idx'), tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), text: el.textContent.trim().slice(0, 40) }));
  });
  const allLinks = await page.evaluate(() => [...document.querySelectorAll('a[href]')]
    .map((el) => ({ idx: el.getAttribute('data-a11y-idx'), tag: 'a', href: el.getAttribute('href'), text: el.textContent.trim().slice(0, 40) })));
  const seen = new Set(visited.map((v) => v.idx));
  for (const l of allLinks) {
    if (!seen.has(l.idx)) failures.push({ rule: 'keyboard:link-unreachable', target: describe(l), message: 'Tab never reached this link' });
  }
  const exp = expected.map((e) => e.idx).join(',');
  const got = visited.map((v) => v.idx).join(',');
  if (exp !== got) {
    let i = 0;
    while (i < expected.length && i < visited.length && expected[i].idx === visited[i].idx) i++;
    failures.push({ rule: 'keyboard:order', target: describe(visited[i] || expected[i] || {}),
      message: `tab order differs from document order at stop ${i + 1}: expected ${expected[i] ? describe(expected[i]) : '(end)'}, got ${visited[i] ? describe(visited[i]) : '(end)'}` });
  }
  return { failures, focusFailures: styleFails, stops: visited.length, links: allLinks.length, opened: opened.length };
}

function describe(info) {
  if (!info || !info.tag) return '(none)';
  return `${info.tag}${info.href ? `[href="${info.href}"]` : ''}${info.text ? ` "${info.text}"` : ''}`;
}

/** Print stylesheet: web links print their address; in-page (TOC) links carry no decoration. */
export async function checkPrint(page) {
  await page.emulateMedia({ media: 'print' });
  const out = await page.evaluate(() => {
    const out = [];
    const root = document.querySelector('.seloste');
    if (!root) return [{ rule: 'print:root', target: '.seloste', message: 'no theme root' }];
    for (const a of root.querySelectorAll('a[href^="http"]')) {
      const href = a.getAttribute('href');
      const after = getComputedStyle(a, '::after').content;
      const text = a.textContent.trim();
      if (text !== href && !after.includes(href)) {
        out.push({ rule: 'print:url-after-link', target: `a[href="${href}"]`, message: `printed link does not show its address (::after content ${after})` });
      }
    }
    for (const a of root.querySelectorAll('a[href^="#"]')) {
      const cs = getComputedStyle(a);
      const after = getComputedStyle(a, '::after').content;
      if (cs.textDecorationLine !== 'none' || (after !== 'none' && after !== 'normal' && after !== '""')) {
        out.push({ rule: 'print:toc-noise', target: `a[href="${a.getAttribute('href')}"]`, message: `in-page link prints with decoration ${cs.textDecorationLine} / ::after ${after}` });
      }
    }
    for (const d of root.querySelectorAll('details')) {
      const hidden = [...d.children].filter((c) => c.tagName !== 'SUMMARY' && c.getClientRects().length === 0 && getComputedStyle(c).display !== 'none');
      if (hidden.length) out.push({ rule: 'print:details-content', target: `details > ${hidden[0].tagName.toLowerCase()}${hidden[0].id ? '#' + hidden[0].id : ''}`, message: 'the content of a closed <details> would not print' });
    }
    for (const el of root.querySelectorAll(':focus-visible')) {
      out.push({ rule: 'print:focus', target: el.tagName, message: 'focus ring would print' });
    }
    return out;
  });
  await page.emulateMedia({ media: 'screen' });
  return out;
}

/** prefers-reduced-motion: reduce -> no smooth scrolling, no transitions, no animations. */
export async function checkReducedMotion(page) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const out = await page.evaluate(() => {
    const out = [];
    const els = [document.documentElement, ...document.querySelectorAll('.seloste, .seloste *')];
    for (const el of els) {
      const cs = getComputedStyle(el);
      const dur = cs.transitionDuration.split(',').map((d) => parseFloat(d));
      const target = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
      if (el.closest('.seloste') && cs.scrollBehavior === 'smooth') out.push({ rule: 'motion:smooth-scroll', target, message: 'scroll-behavior: smooth despite prefers-reduced-motion' });
      if (dur.some((d) => d > 0)) out.push({ rule: 'motion:transition', target, message: `transition ${cs.transitionDuration} despite prefers-reduced-motion` });
      if (cs.animationName !== 'none') out.push({ rule: 'motion:animation', target, message: `animation ${cs.animationName} despite prefers-reduced-motion` });
      if (out.length > 5) break;
    }
    return out;
  });
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  return out;
}

/**
 * Scoping: every selector of the theme stylesheet names a theme root class
 * (.seloste, .seloste-page), and in a host page the theme CSS changes no
 * computed style of the host's own elements.
 */
export async function checkScoping(page, mode) {
  return page.evaluate((mode) => {
    const out = [];
    const sheets = [...document.styleSheets].filter((s) => {
      const n = s.ownerNode;
      return n && (n.id === 'seloste-theme-css' || (n.tagName === 'STYLE' && mode === 'page') || (n.tagName === 'LINK' && mode === 'page'));
    });
    const splitTop = (s) => {
      const parts = [];
      let depth = 0;
      let cur = '';
      for (const ch of s) {
        if (ch === '(') depth++;
        if (ch === ')') depth--;
        if (ch === ',' && depth === 0) { parts.push(cur); cur = ''; } else cur += ch;
      }
      parts.push(cur);
      return parts;
    };
    const walk = (rules) => {
      for (const r of rules) {
        if (r.selectorText !== undefined && !(r instanceof CSSPageRule)) {
          for (const sel of splitTop(r.selectorText)) {
            if (!/\.seloste(-page)?\b/.test(sel)) out.push({ rule: 'scope:selector', target: sel.trim(), message: 'selector is not scoped under .seloste or .seloste-page' });
          }
        }
        if (r.cssRules) walk(r.cssRules);
      }
    };
    for (const s of sheets) {
      try { walk(s.cssRules); } catch (e) { out.push({ rule: 'scope:unreadable', target: s.href || 'style', message: String(e) }); }
    }
    if (mode === 'fragment') {
      const link = document.getElementById('seloste-theme-css');
      const props = ['color', 'background-color', 'font-family', 'font-size', 'line-height', 'margin-top', 'margin-left', 'padding-left', 'text-decoration-line', 'outline-style', 'box-sizing', 'max-width'];
      const hostEls = [document.documentElement, document.body, ...document.querySelectorAll('body *')].filter((el) => !el.closest('#seloste-fragment'));
      const snap = () => hostEls.map((el) => props.map((p) => getComputedStyle(el).getPropertyValue(p)).join('|'));
      const withCss = snap();
      link.disabled = true;
      const without = snap();
      link.disabled = false;
      hostEls.forEach((el, i) => {
        if (withCss[i] !== without[i]) {
          out.push({ rule: 'scope:host-restyled', target: el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''), message: `the theme stylesheet changes the host element (${without[i]} -> ${withCss[i]})` });
        }
      });
    }
    return out;
  }, mode);
}
