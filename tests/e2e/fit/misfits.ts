/**
 * Measuring whether a kiosk screen fits (tests/e2e/screens-fit.test.ts): run in the page, it names every element of
 * the content that scrolls, overflows its box or lies outside the viewport.
 */
import type { Page } from 'playwright-core';

type Box = { x: number; y: number; width: number; height: number };
export interface Misfit {
  selector: string;
  problem: string;
  box: Box;
  text: string;
}

/**
 * What of the content under `root` does not fit: the document scrolling, a box inside that scrolls or whose content
 * overflows it (text wider than its box, a list taller than its frame), an element outside the viewport (or under
 * the demo panel beside `root`). Each with a selector, its box and the start of its text; an element whose parent is
 * already named for the same problem is left out.
 */
export function misfits(page: Page, root = '.kiosk__flow'): Promise<Misfit[]> {
  return page.evaluate((rootSelector) => {
    const out: { el: Element; problem: string }[] = [];
    const doc = document.documentElement;
    if (doc.scrollHeight > innerHeight || doc.scrollWidth > innerWidth) out.push({ el: doc, problem: `the document scrolls (${doc.scrollWidth}×${doc.scrollHeight})` });
    const frame = document.querySelector(rootSelector);
    if (!frame) return [{ selector: rootSelector, problem: 'not on the page', box: { x: 0, y: 0, width: 0, height: 0 }, text: '' }];
    const f = frame.getBoundingClientRect();
    const area = { left: Math.max(0, f.left), top: Math.max(0, f.top), right: Math.min(innerWidth, f.right), bottom: Math.min(innerHeight, f.bottom) };
    for (const el of [frame, ...frame.querySelectorAll('*')]) {
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || r.width === 0 || r.height === 0) continue;
      if (r.left < area.left - 1 || r.top < area.top - 1 || r.right > area.right + 1 || r.bottom > area.bottom + 1) out.push({ el, problem: 'outside the screen' });
      if (!(el instanceof HTMLElement) || style.display === 'inline' || style.display === 'contents') continue;
      const scrolls = (o: string) => o === 'auto' || o === 'scroll';
      // A glyph may reach past a tight line box (a ticket number at line-height 1): not content out of its box.
      const ink = style.display === 'block' && el.children.length === 0 ? 0.2 * parseFloat(style.fontSize) : 1;
      if (el.scrollHeight > el.clientHeight + ink) out.push({ el, problem: scrolls(style.overflowY) ? 'scrolls inside' : `content taller than its box (${el.scrollHeight} > ${el.clientHeight})` });
      else if (el.scrollWidth > el.clientWidth + 1) out.push({ el, problem: scrolls(style.overflowX) ? 'scrolls inside' : `content wider than its box (${el.scrollWidth} > ${el.clientWidth})` });
    }
    const named = (el: Element) => {
      const cls = [...el.classList].map((c) => `.${c}`).join('');
      const data = el.getAttribute('data-service');
      return `${el.tagName.toLowerCase()}${cls}${data ? `[data-service="${data}"]` : ''}`;
    };
    const path = (el: Element) => {
      const parts = [];
      for (let e: Element | null = el; e && e !== frame.parentElement && parts.length < 4; e = e.parentElement) parts.unshift(named(e));
      return parts.join(' > ');
    };
    return out
      .filter(({ el, problem }) => !out.some((o) => o.el === el.parentElement && o.problem.split(' (')[0] === problem.split(' (')[0]))
      .map(({ el, problem }) => {
        const r = el.getBoundingClientRect();
        return { selector: path(el), problem, box: { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) }, text: (el.textContent ?? '').trim().slice(0, 50) };
      });
  }, root);
}
