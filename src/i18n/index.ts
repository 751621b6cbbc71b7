export { t, currentLanguage, setLanguage, pickLanguage, type MessageKey } from './t';
export { localizeDocument } from './localize-document';
export { MESSAGES, LANGUAGES, type Language, type LocaleMessage } from './messages';
