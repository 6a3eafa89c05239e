/** What a parser needs of the conference a document is imported into. */
export interface ImportContext {
  /** Times without an offset are read in the document's zone, else this one. */
  timeZone: string;
  /** Texts of single-language formats are in this locale. */
  defaultLocale: string;
}
