// Pictures and documents: the output languages, documents (HTML, Markdown), the plan report (named exports only).
// The message catalogue itself (src/render/messages/) is internal: its words change without notice.
export { LANGUAGES, checkLanguage } from "./messages/index.ts";
export type { Language } from "./messages/index.ts";
export * from "./document/index.ts";
export * from "./report/index.ts";
export * from "./map/index.ts";
export * from "./chart/index.ts";
