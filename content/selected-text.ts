/** The text selected in this document: the page selection, or the selected part of a focused text field. */
export function selectedText(doc: Document): string {
  const active = doc.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    try {
      const { selectionStart: start, selectionEnd: end } = active;
      if (start !== null && end !== null && end > start) return active.value.slice(start, end);
    } catch {
      // Input types without a text selection (number, email in some browsers) throw.
    }
  }
  return doc.getSelection()?.toString() ?? '';
}
