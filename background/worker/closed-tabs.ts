
const REMEMBER = 500;

/**
 * Tabs closed while this background instance runs (the last few hundred). `page:scan` batches queued by a tab that
 * is gone — a huge page closed while it was being linked — are then skipped instead of delaying every other tab.
 */
export function watchClosedTabs(): (tabId: number | undefined) => boolean {
  const closed = new Set<number>();
  chrome.tabs.onRemoved.addListener((tabId) => {
    closed.add(tabId);
    if (closed.size > REMEMBER) closed.delete(closed.values().next().value as number);
  });
  return (tabId) => tabId !== undefined && closed.has(tabId);
}
