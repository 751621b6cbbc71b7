/** The tel: URI for a number (RFC 3966): `tel:+442079460958`, or with an extension `tel:+12133734253;ext=204`. */
export function telHref(e164: string, ext?: string): string {
  return ext ? `tel:${e164};ext=${ext}` : `tel:${e164}`;
}
