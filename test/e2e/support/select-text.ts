import type { Page } from 'puppeteer-core';

/** Selects `text` inside the element matching `selector` (the first text node holding it), as a user dragging would. */
export async function selectText(page: Page, selector: string, text: string): Promise<void> {
  await page.bringToFront();
  await page.evaluate(
    (sel, wanted) => {
      const root = document.querySelector(sel);
      if (!root) throw new Error(`no ${sel}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" not found in ${sel}`);
    },
    selector,
    text,
  );
}
