export { t, currentLanguage, setLanguage, pickLanguage, type MessageKey } from './t';
export { MESSAGES, LANGUAGES, type Language, type LocaleMessage } from './messages';
