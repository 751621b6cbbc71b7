/**
 * Words that speak for a phone number (Tel, Phone, Telefon, Handy, ☎ …), apart from the rest of context-words.ts so
 * that the content script, which reads labels with them (isPhoneLabel), carries the list and nothing more.
 */
export const PHONE_WORDS: readonly string[] = [
  'tel', 'tel.', 'tél', 'tél.', 'telephone', 'téléphone', 'telefon', 'telefono', 'teléfono', 'telefone', 'telefonnummer',
  'phone', 'ph.', 'call', 'calls', 'mobile', 'mob.', 'mobil', 'mobilnummer', 'cell', 'cellphone', 'handy',
  'handynummer', 'fax', 'faxnummer', 'hotline', 'rufnummer', 'festnetz', 'durchwahl', 'whatsapp', 'dial', 'ring',
  'tlf', 'tlf.', 'tfn', 'telefoon', 'mobiel', 'móvil', 'movil', 'celular', 'cellulare', 'portable', 'kom.', 'cep',
  'тел', 'тел.', 'телефон', 'моб.', 'факс', 'τηλ.', 'τηλέφωνο', 'هاتف', 'جوال', 'फ़ोन', 'फोन', 'मोबाइल', 'दूरभाष',
  '電話', '电话', '手机', '傳真', '传真', '전화', '☎', '☎️', '☏', '📞', '✆', '📱', '📠',
];
