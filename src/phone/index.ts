export { cleanText, type CleanText } from './clean-text';
export { findPhoneNumbers, type FindOptions } from './find-phone-numbers';
export { formatPhone } from './format-phone';
export { hasCandidate } from './has-candidate';
export { parsePhone } from './parse-phone';
export type { PhoneMatch } from './phone-match';
export { regionFromLocale } from './region-from-locale';
export { telHref } from './tel-href';
export { selectionNumber } from './selection-number';
