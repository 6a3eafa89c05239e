/** The largest document an import reads (characters): about 2,000 sessions with long abstracts fit in a quarter of it. */
export const IMPORT_DOCUMENT_MAX = 20_000_000;

/** The deepest nesting of elements or JSON values a schedule needs is about 8; anything far deeper is hostile. */
export const IMPORT_DEPTH_MAX = 64;
