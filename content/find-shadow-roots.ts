/**
 * Every element except the common built-in ones, as one selector: what is left holds all custom elements (names with
 * a hyphen, which host nearly all shadow roots) and few others. Blink matches a list of tag names natively, in a
 * fraction of what an XPath `contains(local-name(), '-')` over the same document costs, and the elements it returns
 * are the only ones that cross into the content script's world.
 */
const NOT_BUILT_IN =
  ':not(div,span,td,tr,p,a,li,b,i,em,strong,img,br,th,ul,ol,table,tbody,thead,tfoot,h1,h2,h3,h4,h5,h6,section,' +
  'article,aside,nav,header,footer,main,html,head,body,meta,title,style,script,link,hr,small,label,input,button,' +
  'form,select,option,optgroup,textarea,code,pre,blockquote,figure,figcaption,dl,dt,dd,abbr,cite,time,sup,sub,u,s,' +
  'q,mark,iframe,picture,source,video,audio,track,canvas,noscript,template,caption,col,colgroup,address,details,' +
  'summary,dialog,fieldset,legend,kbd,samp,var,wbr,bdi,bdo,ins,del,data,meter,progress,output,slot,map,area,' +
  'object,embed,font,center,big,tt,strike,nobr,menu,base,svg,path,g,use,defs,symbol,rect,circle,ellipse,line,' +
  'polyline,polygon,text,tspan,stop,lineargradient,radialgradient,clippath,mask,filter,image,foreignobject,math)';

/**
 * Open shadow roots in `root` (a document, a shadow root, or a subtree the page changed). Built-in elements may
 * host one too (`div`, `span`, `p`, …), and finding those means visiting every element from the content script's
 * world (~2 µs each), so that is done for shadow roots (small, and they may nest) and documents or subtrees of at
 * most `maxElements`. Elsewhere one native query finds the custom elements, the only ones it then looks at; built-in
 * hosts there are still found inside blocks that hold a number (walk-runs.ts).
 */
export function findShadowRoots(root: Node, onShadowRoot: (root: ShadowRoot) => void, maxElements = 1_000): void {
  const doc = root.ownerDocument ?? (root as Document);
  const isElement = root.nodeType === Node.ELEMENT_NODE;
  if (!isElement && root.nodeType !== Node.DOCUMENT_NODE && root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
  // item(n) walks the subtree only up to its n-th element; `.length` would count them all. A small subtree (a chat
  // message the page added) is walked too: cheaper than even a cached query there, and it finds built-in hosts.
  const small = root.nodeType === Node.DOCUMENT_FRAGMENT_NODE || (root as Element | Document).getElementsByTagName('*').item(maxElements) === null;
  if (small) {
    if (isElement) {
      const shadow = (root as Element).shadowRoot;
      if (shadow !== null) onShadowRoot(shadow);
    }
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode() as Element | null; el !== null; el = walker.nextNode() as Element | null) {
      const shadow = el.shadowRoot;
      if (shadow !== null) onShadowRoot(shadow);
    }
    return;
  }
  if (isElement) hostOf(root as Element, onShadowRoot);
  for (const el of (root as Element | Document).querySelectorAll(NOT_BUILT_IN)) hostOf(el, onShadowRoot);
}

/** Reports `el`'s open shadow root when it is a custom element (the query also returns unknown and foreign ones). */
function hostOf(el: Element, onShadowRoot: (root: ShadowRoot) => void): void {
  if (!el.localName.includes('-')) return;
  const shadow = el.shadowRoot;
  if (shadow !== null) onShadowRoot(shadow);
}
