// All browser checks on one page, in a fixed order.
import * as checks from './checks.mjs';

/** Runs every browser check on one page; returns { label: failures[] } per check. */
export async function checkPage(page, url, mode, { headingBase = null } = {}) {
  const results = {};
  const resourceErrors = [];
  const onResponse = (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) resourceErrors.push({ rule: 'resources:http', target: r.url(), message: `HTTP ${r.status()}` });
  };
  const onFailed = (r) => resourceErrors.push({ rule: 'resources:failed', target: r.url(), message: r.failure()?.errorText || 'failed' });
  const onConsole = (m) => {
    if (m.type() === 'error' && !/favicon\.ico|Failed to load resource/.test(m.text())) resourceErrors.push({ rule: 'resources:console-error', target: url, message: m.text() });
  };
  const onPageError = (e) => resourceErrors.push({ rule: 'resources:script-error', target: url, message: String(e) });
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'screen', reducedMotion: 'no-preference' });
    await page.goto(url, { waitUntil: 'load' });
    results['resources'] = resourceErrors;
    if (mode === 'site-root') {
      // the site's root language chooser has no theme: the generic checks only
      results['axe'] = (await checks.checkAxe(page)).failures;
      const kb = await checks.checkKeyboard(page);
      results['keyboard-order'] = kb.failures;
      results['reflow-320'] = await checks.checkReflow(page, 320);
      return { results, keyboard: kb };
    }
    results['stylesheet'] = await page.evaluate(() => {
      const root = document.querySelector('.seloste');
      if (!root) return [{ rule: 'stylesheet:root', target: '.seloste', message: 'no element with class seloste' }];
      const styled = [...document.styleSheets].some((s) => {
        try { return [...s.cssRules].some((r) => (r.selectorText || '').includes('.seloste')); } catch { return false; }
      });
      return styled ? [] : [{ rule: 'stylesheet:loaded', target: 'link[rel=stylesheet]', message: 'no stylesheet with .seloste rules is applied' }];
    });
    results['css-scoped'] = await checks.checkScoping(page, mode);
    results['axe'] = (await checks.checkAxe(page)).failures;
    results['landmarks'] = await checks.checkLandmarks(page, mode);
    results['headings'] = await checks.checkHeadings(page, mode, headingBase);
    results['tables'] = await checks.checkTables(page);
    results['links-not-colour-alone'] = await checks.checkLinkUnderline(page);
    results['print'] = await checks.checkPrint(page);
    results['reduced-motion'] = await checks.checkReducedMotion(page);
    const kb = await checks.checkKeyboard(page);
    results['keyboard-order'] = kb.failures;
    results['focus-visible'] = kb.focusFailures;
    if (kb.opened > 0) {
      // the keyboard walk opened every <details>: check the revealed content too
      results['axe-details-open'] = (await checks.checkAxe(page, 'axe-open')).failures;
    }
    results['reflow-320'] = await checks.checkReflow(page, 320);
    results['reflow-640'] = await checks.checkReflow(page, 640); // 1280 px at 200% zoom
    return { results, keyboard: kb };
  } finally {
    page.off('response', onResponse);
    page.off('requestfailed', onFailed);
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
  }
}

