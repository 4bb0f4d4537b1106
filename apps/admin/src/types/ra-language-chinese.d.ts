// ra-language-chinese (written for react-admin 2) ships no types; it is a nested object of strings.
declare module 'ra-language-chinese' {
  type Messages = { [key: string]: string | Messages };
  const messages: Messages;
  export default messages;
}
